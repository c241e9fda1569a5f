import { isReplaced } from '../../k8s/owners';
import { eventEvidence, eventsMatching } from '../context';
import { defineAnalyzer, type Evidence, type Remedy } from '../types';
import { nsFlag } from '../shared/util';
import { name, sh, yamlScalar } from '../../k8s/command';

type Msg = 'outOfResource' | 'predicate' | 'shutdown' | 'unexpected' | 'other';

const PREDICATE_REASONS = new Set(['NodeAffinity', 'NodeName', 'NodePorts', 'TaintToleration', 'PodOSNotSupported', 'PodOSSelectorNodeLabelDoesNotMatch', 'InvalidNodeInfo', 'TopologyAffinityError', 'SMTAlignmentError', 'SupplementalGroupsPolicyNotSupported', 'UnknownReason']);

export function classifyAdmission(reason: string, message: string): Msg | undefined {
  if (/^OutOf/.test(reason)) return 'outOfResource';
  if (reason === 'NodeShutdown' || (reason === 'Terminated' && /node shutdown/i.test(message))) return 'shutdown';
  if (reason === 'UnexpectedAdmissionError') return 'unexpected';
  if (PREDICATE_REASONS.has(reason) || /^Predicate \w+ failed/.test(message)) return 'predicate';
  return undefined;
}

export default defineAnalyzer<Msg>({
  id: 'NodeAdmissionRejected',
  area: 'evicted',
  reads: ['events'],
  severity: 'error',
  docs: {
    title: 'The kubelet refused to run the pod on its node',
    summary: 'Every kubelet re-checks a pod before running it (resources, node affinity, taints, ports, OS, device plugins). A pod that fails is put in phase Failed with a reason like OutOfcpu, OutOfmemory, NodeAffinity or UnexpectedAdmissionError. This happens to pods that bypass the scheduler (spec.nodeName set by hand or by a custom controller) or race with it, and to pods during a graceful node shutdown.',
    detection: 'A Failed pod whose status.reason is OutOf<resource>, a predicate name (NodeAffinity, TaintToleration, NodePorts, ...), UnexpectedAdmissionError or NodeShutdown; the resource message "Node didn\'t have enough resource: cpu, requested: 500, used: 1775, capacity: 2000" is parsed.',
    remedy: 'Let the scheduler place the pod: replace spec.nodeName with a nodeSelector on kubernetes.io/hostname; for resource rejections free capacity or lower the request; for UnexpectedAdmissionError check the device plugin (GPU) on the node. Delete the leftover Failed pods.',
  },
  messages: {
    outOfResource: 'Node {{node}} rejected the pod ({{reason}}): it asks for {{requested}} {{resource}} but only {{free}} of {{capacity}} was free ({{used}} already in use).',
    predicate: 'Node {{node}} rejected the pod ({{reason}}): {{detail}}',
    shutdown: 'The pod was stopped because node {{node}} was shutting down: {{detail}}',
    unexpected: 'Node {{node}} could not admit the pod (UnexpectedAdmissionError): {{detail}}',
    other: 'Node {{node}} rejected the pod ({{reason}}): {{detail}}',
  },
  analyze(ctx) {
    const reason = ctx.pod.status.reason ?? '';
    const message = ctx.pod.status.message ?? '';
    if (ctx.pod.status.phase !== 'Failed' || !reason) return [];
    const kind = classifyAdmission(reason, message);
    if (!kind) return [];
    const node = ctx.pod.spec.nodeName ?? '';
    const res = /enough resource: ([\w./-]+), requested: (\d+), used: (\d+), capacity: (\d+)/.exec(message);
    const data: Record<string, string | number | undefined> = { node, reason, detail: message };
    if (res) {
      const [requested, used, capacity] = [Number(res[2]), Number(res[3]), Number(res[4])];
      const unit = res[1] === 'cpu' ? 'm' : '';
      Object.assign(data, { resource: res[1], requested: `${requested}${unit}`, used: `${used}${unit}`, capacity: `${capacity}${unit}`, free: `${capacity - used}${unit}` });
    } else if (kind === 'outOfResource') {
      Object.assign(data, { resource: reason.slice(5), requested: '?', used: '?', capacity: '?', free: '?' });
    }
    const evidence: Evidence[] = [{ ref: ctx.ref, path: 'status', observed: `phase Failed, reason ${reason}: ${message}` }];
    const ev = eventsMatching(ctx, [reason]).pop();
    if (ev) evidence.push(eventEvidence(ev));
    const remedies: Remedy[] = [];
    if (kind === 'outOfResource' || kind === 'predicate') {
      remedies.push({ summary: 'Let the scheduler choose: replace spec.nodeName with a nodeSelector', patch: `spec:\n  nodeSelector:\n    kubernetes.io/hostname: ${yamlScalar(node)}\n  # and remove spec.nodeName` });
    }
    if (kind === 'unexpected') remedies.push({ summary: `Check the device plugin pods on ${node} (GPUs and other devices are allocated at admission)`, command: sh`kubectl get pods -A -o wide --field-selector spec.nodeName=${name(node)}` });
    remedies.push({ summary: 'Delete the rejected pod object (a controller, if any, creates a new one)', command: sh`kubectl delete pod ${name(ctx.name)} ${nsFlag(ctx)}` });
    return [{ messageId: kind, data, evidence, remedies, severity: isReplaced(ctx.pod) ? 'warning' : 'error', key: `${node}:${reason}` }];
  },
});

import { humanDuration } from '../../k8s/time';
import { defineAnalyzer, type Evidence } from '../types';
import { deletionOf, hasLiveContainers, nodeHealth } from './lib/deletion';
import { faultEvents } from './lib/runtime-faults';
import { name, sh, ssh } from '../../k8s/command';

/** what the specific runtime analyzers recognise: when one of them speaks, this one keeps quiet */
const EXPLAINED = /no space left on device|operation not permitted|device or resource busy|DeadlineExceeded|context deadline exceeded|did not kill the pod/i;

type Msg = 'stuck' | 'unknownNode';

/** Past the grace period by more than this, a kubelet that works would have finished. */
const SLACK_MS = 2 * 60_000;

export default defineAnalyzer<Msg>({
  id: 'TerminationStuck',
  area: 'terminating',
  reads: ['events', 'node', 'nodeLease', 'nodeEvents', 'nodeLogs'],
  severity: 'error',
  docs: {
    title: 'The pod is past its grace period and its kubelet has not finished stopping it',
    summary: 'After the grace period the kubelet kills the containers and confirms the deletion within seconds. A pod Terminating long after that, on a node that looks healthy and with no finalizers, means the kubelet or the container runtime on that node is failing to stop it, and no event in the snapshot says why.',
    detection: 'deletionTimestamp more than two minutes in the past, containers not all terminated, no finalizers, and none of the specific causes (lost node, runtime disk full, immutable file, busy mount, hung runtime, known bugs) found.',
    remedy: 'Read the kubelet and runtime logs on the node for this pod\'s containers; restart the runtime or kubelet if they are stuck. Force-delete only when you know the containers are gone.',
  },
  messages: {
    stuck: 'The pod has been Terminating for {{since}} ({{overdue}} past its {{grace}}s grace period) on node {{node}}, which is Ready: its kubelet has not finished stopping it and no event says why.',
    unknownNode: 'The pod has been Terminating for {{since}} ({{overdue}} past its {{grace}}s grace period); the snapshot holds nothing about node {{node}} to say why.',
  },
  analyze(ctx) {
    const d = deletionOf(ctx);
    if (!d || d.overdueMs < SLACK_MS || (ctx.pod.metadata.finalizers ?? []).length > 0 || !hasLiveContainers(ctx)) return [];
    const h = nodeHealth(ctx);
    if (!h) return [];
    if (h.exists && h.ready !== 'True') return [];
    if (faultEvents(ctx, EXPLAINED).length > 0 || (ctx.node?.status.conditions ?? []).some((c) => c.type === 'DiskPressure' && c.status === 'True')) return [];
    if (!h.exists && ctx.snapshot.captured.has('Node') && ctx.snapshot.nodes.size > 0) return [];
    const evidence: Evidence[] = [{ ref: ctx.ref, path: 'metadata.deletionTimestamp', observed: `${ctx.pod.metadata.deletionTimestamp} (${humanDuration(d.overdueMs)} past the grace period)` }];
    if (h.exists) evidence.push({ ref: `Node/${h.name}`, path: 'status.conditions[Ready]', observed: 'True' });
    return [{
      messageId: h.exists ? 'stuck' : 'unknownNode',
      data: { node: h.name, since: humanDuration(ctx.now - d.requested), overdue: humanDuration(d.overdueMs), grace: d.grace },
      evidence,
      remedies: [
        { summary: `Read what the kubelet and the runtime say about this pod on ${h.name}`, command: ssh(h.name, sh`sudo journalctl -u kubelet -u containerd --since -2h | grep ${ctx.pod.metadata.uid ?? name(ctx.name)}`) },
        { summary: 'Restart the runtime or the kubelet if they are stuck; the kubelet then completes the deletion', command: ssh(h.name, 'sudo systemctl restart containerd kubelet') },
        { summary: 'Only when you know its containers are gone: force-delete the pod object', command: sh`kubectl delete pod ${name(ctx.name)} -n ${name(ctx.namespace)} --grace-period=0 --force` },
      ],
      key: h.name,
    }];
  },
});

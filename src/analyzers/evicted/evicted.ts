import { isReplaced } from '../../k8s/owners';
import { defineAnalyzer, type Remedy } from '../types';
import { editArg, nsFlag } from '../shared/util';
import { name, sh, type ShellText } from '../../k8s/command';

type Msg = 'nodePressure' | 'condition' | 'ephemeralLimit' | 'podEphemeralLimit' | 'emptyDirLimit' | 'other';

interface ContainerUsage {
  name: string;
  usage: string;
  request: string;
}

export interface EvictionMessage {
  kind: Msg;
  resource?: string;
  threshold?: string;
  available?: string;
  condition?: string;
  limit?: string;
  volume?: string;
  containers: ContainerUsage[];
}

/** Reads the kubelet eviction manager's message (pkg/kubelet/eviction/helpers.go, all known wordings). */
export function parseEvictionMessage(message: string): EvictionMessage {
  const containers: ContainerUsage[] = [];
  for (const m of message.matchAll(/Container (\S+) was using (\S+), (?:which exceeds its request of|request is) ([^,.\s]+)/g)) {
    containers.push({ name: m[1] as string, usage: m[2] as string, request: m[3] as string });
  }
  const low = /The node was low on resource: ([\w.-]+)\./.exec(message);
  const threshold = /Threshold quantity: (\S+?), available: (\S+?)\.(\s|$)/.exec(message);
  if (low) return { kind: 'nodePressure', resource: low[1], threshold: threshold?.[1], available: threshold?.[2], containers };
  const cond = /The node had condition: \[?(\w+)\]?/.exec(message);
  if (cond) return { kind: 'condition', condition: cond[1], resource: /Memory/.test(cond[1] as string) ? 'memory' : /Disk/.test(cond[1] as string) ? 'ephemeral-storage' : undefined, containers };
  const cl = /Container (\S+) exceeded its local ephemeral storage limit "([^"]+)"/.exec(message);
  if (cl) return { kind: 'ephemeralLimit', resource: 'ephemeral-storage', limit: cl[2], containers: [{ name: cl[1] as string, usage: '', request: '' }] };
  const pl = /Pod ephemeral local storage usage exceeds the total limit of containers (\S+?)\.?(\s|$)/.exec(message);
  if (pl) return { kind: 'podEphemeralLimit', resource: 'ephemeral-storage', limit: pl[1], containers };
  const ed = /Usage of EmptyDir volume "([^"]+)" exceeds the limit "([^"]+)"/.exec(message);
  if (ed) return { kind: 'emptyDirLimit', resource: 'ephemeral-storage', volume: ed[1], limit: ed[2], containers };
  return { kind: 'other', containers };
}

function remedies(ctxTarget: ShellText | undefined, ns: ShellText | undefined, parsed: EvictionMessage, podName: string, node: string): Remedy[] {
  const out: Remedy[] = [];
  const top = parsed.containers[0];
  if (parsed.kind === 'nodePressure' && parsed.resource === 'memory' && top) {
    out.push({ summary: `Request what the container really uses (${top.usage}, request was ${top.request}), so it is not the first pod evicted under pressure`, command: sh`kubectl set resources ${ctxTarget} -c ${name(top.name)} --requests=memory=${top.usage} ${ns}` });
  } else if (parsed.resource === 'ephemeral-storage') {
    out.push({ summary: 'Write less to the container filesystem: send logs to stdout, put scratch data on a sized emptyDir or a PersistentVolume, and set resources.limits/requests.ephemeral-storage to what it needs' });
  }
  if (parsed.kind === 'nodePressure' || parsed.kind === 'condition') out.push({ summary: `See what pressure node ${node} is under now`, command: sh`kubectl describe node ${name(node)} | grep -A8 Conditions:` });
  out.push({ summary: 'Delete the evicted pod object once understood (its controller, if any, has already replaced it)', command: sh`kubectl delete pod ${name(podName)} ${ns}` });
  return out;
}

export default defineAnalyzer<Msg>({
  id: 'Evicted',
  area: 'evicted',
  reads: [],
  severity: 'error',
  docs: {
    title: 'The kubelet evicted the pod to protect its node',
    summary: 'When a node runs low on memory, disk or PIDs, the kubelet evicts pods, starting with those that use the most above their requests; it also evicts a pod that exceeds its ephemeral-storage limit. The pod ends in phase Failed with reason Evicted. A controller (Deployment, StatefulSet...) creates a replacement; the evicted pod object stays until deleted.',
    detection: 'status.reason is Evicted. The message is parsed: which resource the node was low on, the threshold and what was available, each container\'s usage against its request, or the ephemeral-storage/emptyDir limit that was exceeded. Severity is warning when a controller has replaced the pod, error otherwise.',
    remedy: 'Set requests close to real usage (so the pod is not first in line), bound ephemeral storage and emptyDir use, add capacity or reserve resources on the node, and delete the leftover Failed pods.',
  },
  messages: {
    nodePressure: 'The pod was evicted from node {{node}} because the node was low on {{resource}}{{thresholdText}}{{usageText}}.',
    condition: 'The pod was evicted from node {{node}} because the node had condition {{condition}}.',
    ephemeralLimit: 'The pod was evicted: container {{container}} exceeded its ephemeral-storage limit of {{limit}}.',
    podEphemeralLimit: 'The pod was evicted: its ephemeral storage use exceeded the {{limit}} its containers are limited to in total.',
    emptyDirLimit: 'The pod was evicted: emptyDir volume {{volume}} exceeded its size limit of {{limit}}.',
    other: 'The pod was evicted from node {{node}}: {{detail}}',
  },
  analyze(ctx) {
    if (ctx.pod.status.reason !== 'Evicted') return [];
    const message = ctx.pod.status.message ?? '';
    const p = parseEvictionMessage(message);
    const node = ctx.pod.spec.nodeName ?? '';
    const top = p.containers[0];
    const usageText = top ? `; container ${top.name} was using ${top.usage}${top.request ? ` against a request of ${top.request}` : ''}` : '';
    const thresholdText = p.threshold ? ` (threshold ${p.threshold}, ${p.available} available)` : '';
    return [
      {
        messageId: p.kind,
        data: {
          node,
          resource: p.resource,
          threshold: p.threshold,
          available: p.available,
          condition: p.condition,
          limit: p.limit,
          volume: p.volume,
          container: top?.name,
          usage: top?.usage,
          request: top?.request,
          containers: p.containers.map((c) => `${c.name}=${c.usage}/${c.request}`),
          detail: message,
          thresholdText,
          usageText,
        },
        evidence: [{ ref: ctx.ref, path: 'status.message', observed: message.trim() }],
        remedies: remedies(editArg(ctx.pod), nsFlag(ctx), p, ctx.name, node),
        severity: isReplaced(ctx.pod) ? 'warning' : 'error',
        key: `${node}:${p.resource ?? p.kind}`,
      },
    ];
  },
});

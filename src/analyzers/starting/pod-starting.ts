import { humanDuration, parseTime } from '../../k8s/time';
import { defineAnalyzer } from '../types';
import { name, sh, ssh } from '../../k8s/command';

type Msg = 'starting' | 'slow';

/** Creating containers for longer than this, with nothing said about it, is no longer "just starting". */
const SLOW_MS = 5 * 60_000;
const STARTING = new Set(['ContainerCreating', 'PodInitializing']);

export default defineAnalyzer<Msg>({
  id: 'PodStarting',
  area: 'starting',
  reads: ['events'],
  severity: 'info',
  docs: {
    title: 'The pod is still starting',
    summary: 'Right after a pod lands on a node the kubelet pulls images, mounts volumes, sets up the network and runs init containers: ContainerCreating and PodInitializing are normal for seconds to a couple of minutes. Much longer with no event at all means the kubelet or runtime is not making progress, or the events were not captured.',
    detection: 'A bound pod whose containers all wait in ContainerCreating or PodInitializing and that no other finding explains: info while it started less than 5 minutes before the snapshot, a warning afterwards.',
    remedy: 'Wait, if it just started. If it lasts, read its events (kubectl describe pod) and the kubelet log on its node.',
  },
  messages: {
    starting: 'The pod started {{age}} before the snapshot and its containers are still being created ({{states}}): nothing is wrong yet.',
    slow: 'The pod has been creating its containers for {{age}} ({{states}}) and no event in the snapshot says why.',
  },
  analyze(ctx) {
    const node = ctx.pod.spec.nodeName;
    if (!node || ctx.pod.metadata.deletionTimestamp || ctx.pod.status.phase !== 'Pending' && ctx.pod.status.phase !== 'Running') return [];
    const waiting = ctx.containers.filter((c) => c.kind !== 'init' && !c.status?.state?.running);
    if (waiting.length === 0 || waiting.some((c) => !STARTING.has(c.status?.state?.waiting?.reason ?? ''))) return [];
    if (ctx.containers.some((c) => (c.status?.restartCount ?? 0) > 0 || c.status?.state?.waiting?.reason && !STARTING.has(c.status.state.waiting.reason) && c.kind !== 'init')) return [];
    if (ctx.events.some((e) => e.type === 'Warning')) return [];
    const start = parseTime(ctx.pod.status.startTime) ?? parseTime(ctx.pod.metadata.creationTimestamp);
    if (start === undefined) return [];
    const age = ctx.now - start;
    const states = [...new Set(waiting.map((c) => c.status?.state?.waiting?.reason))].join(', ');
    if (age < SLOW_MS) return [{ messageId: 'starting', data: { age: humanDuration(age), states }, evidence: [{ ref: ctx.ref, path: 'status.startTime', observed: String(ctx.pod.status.startTime ?? ctx.pod.metadata.creationTimestamp) }], remedies: [] }];
    return [{
      messageId: 'slow',
      severity: 'warning',
      data: { age: humanDuration(age), states },
      evidence: [{ ref: ctx.ref, path: 'status.startTime', observed: String(ctx.pod.status.startTime ?? ctx.pod.metadata.creationTimestamp) }],
      remedies: [
        { summary: 'Read the pod\'s events (they may not be in the snapshot)', command: sh`kubectl describe pod ${name(ctx.name)} -n ${name(ctx.namespace)} | sed -n '/Events:/,$p'` },
        { summary: `Read the kubelet log on ${node} for this pod`, command: ssh(node, sh`sudo journalctl -u kubelet --since -1h | grep ${name(ctx.name)}`) },
      ],
      key: node,
    }];
  },
});

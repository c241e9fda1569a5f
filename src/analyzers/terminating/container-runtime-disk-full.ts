import { defineAnalyzer, type Evidence } from '../types';
import { count, evidenceOf, faultEvents, stuck } from './lib/runtime-faults';
import { ssh } from '../../k8s/command';

type Msg = 'full' | 'pressure';

export default defineAnalyzer<Msg>({
  id: 'ContainerRuntimeDiskFull',
  area: 'terminating',
  reads: ['events', 'node', 'nodeLease', 'nodeEvents', 'nodeLogs'],
  severity: 'error',
  docs: {
    title: "The node's container runtime disk is full",
    summary: 'When the disk holding the runtime\'s data (images, container layers, logs: /var/lib/containerd, /var/lib/docker) fills up, the runtime can neither create nor remove containers: pods hang in ContainerCreating or Terminating, and the kubelet repeats "Killing" events for hours.',
    detection: '"no space left on device" in the pod\'s or the node\'s events or container messages, or the node reporting DiskPressure while the pod is stuck.',
    remedy: 'Free disk space on the node (unused images: crictl rmi --prune; old logs; emptyDir volumes), grow the disk, and set image garbage collection and eviction thresholds so it does not happen again.',
  },
  messages: {
    full: 'Node {{node}} has no space left on its runtime disk, so the runtime cannot {{action}} the pod\'s containers ({{occurrences}} errors).',
    pressure: 'Node {{node}} reports DiskPressure while the pod is stuck {{state}}: the runtime\'s disk is (nearly) full.',
  },
  analyze(ctx) {
    const node = ctx.pod.spec.nodeName;
    if (!node || !stuck(ctx)) return [];
    const action = ctx.pod.metadata.deletionTimestamp ? 'remove' : 'create';
    const events = faultEvents(ctx, /no space left on device/i);
    const statusMsgs = ctx.containers.flatMap((c) => [c.status?.state?.waiting?.message, c.status?.state?.terminated?.message].filter((m): m is string => !!m && /no space left on device/i.test(m)).map((m) => ({ ref: ctx.ref, path: c.statusPath, observed: m })));
    const remedies = [
      { summary: `Free space on ${node}: unused images and stopped containers first`, command: ssh(node, 'df -h /var/lib/containerd /var/lib/docker /var/log 2>/dev/null; sudo crictl rmi --prune') },
      { summary: 'Keep it from coming back: kubelet imageGCHighThresholdPercent / evictionHard nodefs.available and imagefs.available, log rotation, a bigger disk' },
    ];
    if (events.length || statusMsgs.length) {
      const evidence: Evidence[] = [...statusMsgs.slice(0, 1), ...evidenceOf(events)];
      return [{ messageId: 'full', data: { node, action, occurrences: count(events) + statusMsgs.length }, evidence, remedies, key: node }];
    }
    const pressure = (ctx.node?.status.conditions ?? []).find((c) => c.type === 'DiskPressure' && c.status === 'True');
    if (pressure) {
      return [{ messageId: 'pressure', data: { node, state: ctx.columns.status }, evidence: [{ ref: `Node/${node}`, path: 'status.conditions[DiskPressure]', observed: `True${pressure.message ? `: ${pressure.message}` : ''}` }], remedies, key: node }];
    }
    return [];
  },
});

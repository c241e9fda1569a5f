import type { HostPort } from '../../scheduler/plugins/node-ports';
import { defineAnalyzer } from '../types';
import { blockedBy, fromMessageFinding, schedulingRank, schedulingView, filterRejection } from './view';

type Msg = 'taken' | 'fromEvent';

export default defineAnalyzer<Msg>({
  id: 'HostPortConflict',
  area: 'scheduling',
  reads: ['events', 'cluster'],
  severity: 'error',
  rank: 30,
  docs: {
    title: 'The hostPort the pod needs is taken on the nodes',
    summary: 'A container with a hostPort needs that port (protocol and IP) free on the node, so at most one such pod runs per node. A rolling update with maxSurge, more replicas than nodes, or another workload on the same port leaves nowhere to go.',
    detection: 'The NodePorts filter, re-run per node: a pod on the node already holds the same protocol and port on the same IP or on 0.0.0.0. The holder is named.',
    remedy: 'Drop the hostPort and use a Service (or hostNetwork only if required); keep replicas ≤ nodes; for DaemonSet-like Deployments use maxSurge 0 / maxUnavailable 1.',
  },
  messages: {
    taken: '{{count}} of {{total}} nodes already have port {{port}} taken ({{holders}}).',
    fromEvent: '{{count}} of {{total}} nodes had no free host port for the pod, says the scheduler.',
  },
  analyze(ctx) {
    const view = schedulingView(ctx);
    if (!view.unscheduled) return [];
    if (!view.sim) {
      return fromMessageFinding(ctx, view, (k) => k === 'ports', [{ summary: 'Use a Service instead of a hostPort, or keep the replicas at most the number of nodes' }]);
    }
    const sim = filterRejection(view);
    if (!sim) return [];
    const b = blockedBy(sim, 'NodePorts');
    if (b.failures.length === 0) return [];
    const first = b.failures[0]?.status.detail?.port as HostPort;
    const holders = b.failures.map((f) => f.status.detail?.holder as string);
    const port = `${first.port}/${first.protocol}`;
    return [{
      messageId: 'taken',
      data: { count: b.failures.length, total: sim.nodeCount, port, holders: [...new Set(holders)].slice(0, 4).join(', ') },
      evidence: sim.nodes.filter((v) => v.failures.some((f) => f.plugin === 'NodePorts')).slice(0, 6).map((v) => ({ ref: `Node/${v.name}`, observed: `hostPort ${port} held by ${v.failures.find((f) => f.plugin === 'NodePorts')?.status.detail?.holder as string}` })),
      remedies: [
        { summary: 'Expose the pod through a Service instead of a hostPort' },
        { summary: 'If each node must run one copy, cap the surge during rollouts', patch: 'spec:\n  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 1' },
      ],
      key: port,
      rank: schedulingRank(b, sim.nodeCount),
    }];
  },
});

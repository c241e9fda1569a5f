import * as NodePorts from '../../scheduler/plugins/node-ports';
import { blockedBy } from '../../scheduler/verdict';
import { defineAnalyzer } from '../types';
import { fromMessageFinding, schedulingRank } from './lib/findings';
import { filterStep } from './lib/step';

type Msg = 'taken' | 'fromEvent';

export default defineAnalyzer<Msg>({
  id: 'HostPortConflict',
  area: 'scheduling',
  reads: ['events', 'cluster'],
  severity: 'error',
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
  analyze: filterStep({
    fromMessage: (ctx, view) => fromMessageFinding(ctx, view, (k) => k === 'ports', [{ summary: 'Use a Service instead of a hostPort, or keep the replicas at most the number of nodes' }]),
    fromVerdicts(_ctx, sim) {
      const b = blockedBy(sim.nodes, NodePorts.Name);
      const first = b.failures[0];
      if (!first) return [];
      const port = `${first.port.port}/${first.port.protocol}`;
      return [{
        messageId: 'taken',
        data: { count: b.failures.length, total: sim.nodeCount, port, holders: [...new Set(b.failures.map((f) => f.holder))].slice(0, 4).join(', ') },
        evidence: b.hits.slice(0, 6).map(({ node, rejection }) => ({ ref: `Node/${node.name}`, observed: `hostPort ${port} held by ${rejection.holder}` })),
        remedies: [
          { summary: 'Expose the pod through a Service instead of a hostPort' },
          { summary: 'If each node must run one copy, cap the surge during rollouts', patch: 'spec:\n  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 1' },
        ],
        key: port,
        rank: schedulingRank(b, sim.nodeCount),
      }];
    },
  }),
});

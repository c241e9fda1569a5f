import * as NodeVolumeLimits from '../../scheduler/plugins/node-volume-limits';
import { blockedBy } from '../../scheduler/verdict';
import { defineAnalyzer } from '../types';
import { fromMessageFinding, schedulingRank } from './lib/findings';
import { filterStep } from './lib/step';

type Msg = 'limit' | 'fromEvent';

export default defineAnalyzer<Msg>({
  id: 'VolumeLimitExceeded',
  area: 'scheduling',
  reads: ['events', 'cluster', 'volumes'],
  severity: 'error',
  docs: {
    title: 'Nodes cannot attach more volumes of this driver',
    summary: 'Each CSI driver reports how many volumes a node can attach (CSINode allocatable count; e.g. 25-39 EBS volumes per AWS instance type, 16-128 per Azure/GCE size). A node at its limit takes no pod that needs another volume of that driver.',
    detection: 'The NodeVolumeLimits filter re-run with the snapshot\'s CSINode objects: unique volumes of the driver used by the node\'s pods plus the pod\'s new ones against the limit.',
    remedy: 'Spread volume-heavy pods over more nodes, use larger instance types with higher attach limits, or consolidate volumes.',
  },
  messages: {
    limit: '{{count}} of {{total}} nodes are at their {{driver}} volume limit ({{attached}} of {{limit}} attached).',
    fromEvent: '{{count}} of {{total}} nodes were at their volume attach limit, says the scheduler.',
  },
  analyze: filterStep({
    fromMessage: (ctx, view) => fromMessageFinding(ctx, view, (k) => k === 'volumeLimit', [{ summary: 'Compare the attach limits with the volumes in use', command: 'kubectl get csinode -o yaml' }]),
    fromVerdicts(_ctx, sim) {
      const b = blockedBy(sim.nodes, NodeVolumeLimits.Name);
      const d = b.failures[0];
      if (!d) return [];
      return [{
        messageId: 'limit',
        data: { count: b.failures.length, total: sim.nodeCount, driver: d.driver, limit: d.limit, attached: d.attached },
        evidence: b.hits.slice(0, 6).map(({ node, rejection: x }) => ({ ref: `CSINode/${node.name}`, path: 'spec.drivers[].allocatable.count', observed: `${x.driver}: ${x.attached} attached, limit ${x.limit}` })),
        remedies: [{ summary: 'Spread volume-heavy pods over more nodes, or use an instance type with a higher attach limit' }],
        key: d.driver,
        rank: schedulingRank(b, sim.nodeCount),
      }];
    },
  }),
});

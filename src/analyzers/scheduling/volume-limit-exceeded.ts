import { defineAnalyzer } from '../types';
import { blockedBy, fromMessageFinding, schedulingRank, schedulingView, filterRejection } from './view';

type Msg = 'limit' | 'fromEvent';

export default defineAnalyzer<Msg>({
  id: 'VolumeLimitExceeded',
  area: 'scheduling',
  reads: ['events', 'cluster', 'volumes'],
  severity: 'error',
  rank: 30,
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
  analyze(ctx) {
    const view = schedulingView(ctx);
    if (!view.unscheduled) return [];
    if (!view.sim) {
      return fromMessageFinding(ctx, view, (k) => k === 'volumeLimit', [{ summary: 'Compare the attach limits with the volumes in use', command: 'kubectl get csinode -o yaml' }]);
    }
    const sim = filterRejection(view);
    if (!sim) return [];
    const b = blockedBy(sim, 'NodeVolumeLimits');
    if (b.failures.length === 0) return [];
    const d = b.failures[0]?.status.detail ?? {};
    return [{
      messageId: 'limit',
      data: { count: b.failures.length, total: sim.nodeCount, driver: d.driver as string, limit: d.limit as number, attached: d.attached as number },
      evidence: sim.nodes.filter((v) => v.failures.some((f) => f.plugin === 'NodeVolumeLimits')).slice(0, 6).map((v) => {
        const x = v.failures.find((f) => f.plugin === 'NodeVolumeLimits')?.status.detail ?? {};
        return { ref: `CSINode/${v.name}`, path: 'spec.drivers[].allocatable.count', observed: `${x.driver as string}: ${x.attached as number} attached, limit ${x.limit as number}` };
      }),
      remedies: [{ summary: 'Spread volume-heavy pods over more nodes, or use an instance type with a higher attach limit' }],
      key: d.driver as string,
      rank: schedulingRank(b, sim.nodeCount),
    }];
  },
});

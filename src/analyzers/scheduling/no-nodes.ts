import { defineAnalyzer } from '../types';
import { schedulingStep } from './lib/step';

type Msg = 'none' | 'fromEvent';

export default defineAnalyzer<Msg>({
  id: 'NoNodes',
  area: 'scheduling',
  reads: ['events', 'cluster'],
  severity: 'error',
  docs: {
    title: 'The cluster has no nodes',
    summary: 'With no Node objects registered, every pod stays Pending: the scheduler says "no nodes available to schedule pods". Typical right after creating a managed cluster whose node group failed to join, or after all nodes were deleted.',
    detection: 'The snapshot holds a node list and it is empty, or the scheduler said "no nodes available to schedule pods".',
    remedy: 'Add nodes (scale the node group, fix why nodes fail to join: bootstrap, IAM role, kubelet certificates) and check kubectl get nodes.',
  },
  messages: {
    none: 'The cluster has no nodes at all, so nothing can be scheduled.',
    fromEvent: 'The scheduler said it had no nodes at all ({{message}}).',
  },
  analyze: schedulingStep((ctx, view) => {
    if (!view.unscheduled) return [];
    const remedies = [{ summary: 'Add nodes, or find why they do not join (node group, bootstrap, IAM role, kubelet logs)', command: 'kubectl get nodes' }];
    if (view.sim && view.sim.nodeCount === 0) {
      return [{ messageId: 'none', data: {}, evidence: [{ ref: 'Node/*', observed: 'the snapshot has a node list with no nodes' }], remedies, key: 'no-nodes' }];
    }
    if (view.said?.parsed.noNodes && !view.sim) {
      return [{ messageId: 'fromEvent', data: { message: view.said.message }, evidence: [{ ref: view.said.event?.ref ?? ctx.ref, observed: view.said.message }], remedies, key: 'no-nodes' }];
    }
    return [];
  }),
});

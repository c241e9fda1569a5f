import { defineAnalyzer } from '../types';
import { name, sh } from '../../k8s/command';

type Msg = 'waiting';

export default defineAnalyzer<Msg>({
  id: 'PreemptionPending',
  area: 'scheduling',
  reads: ['events', 'cluster'],
  severity: 'warning',
  docs: {
    title: 'The scheduler preempted pods to make room, and the pod waits for them to go',
    summary: 'When preemption finds room by evicting lower-priority pods, the scheduler sets status.nominatedNodeName and the pod waits until the victims have terminated (their grace period) before it is bound. A long wait means a victim is slow to terminate.',
    detection: 'An unscheduled pod with status.nominatedNodeName; the victims are the pods on that node being deleted.',
    remedy: 'Usually nothing: wait for the victims\' grace period. If a victim hangs in Terminating, see why (finalizers, node problems).',
  },
  messages: {
    waiting: 'The scheduler preempted pods on node {{node}} for this pod and it waits for them to terminate{{victimText}}.',
  },
  // not through schedulingStep: this is the finding the other scheduling findings step back for
  analyze(ctx) {
    const preemption = ctx.scheduling.preemption;
    if (!preemption) return [];
    const { node, victims } = preemption;
    return [{
      messageId: 'waiting',
      data: { node, victims, victimText: victims.length ? ` (${victims.slice(0, 4).join(', ')})` : '' },
      evidence: [{ ref: ctx.ref, path: 'status.nominatedNodeName', observed: node }, ...victims.slice(0, 4).map((v) => ({ ref: `Pod/${v}`, path: 'metadata.deletionTimestamp', observed: 'being deleted' }))],
      remedies: [{ summary: `Wait for the victims' grace period; if one hangs in Terminating, look at it`, command: sh`kubectl get pods -A --field-selector spec.nodeName=${name(node)}` }],
      key: node,
    }];
  },
});

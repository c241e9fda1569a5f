import { eventEvidence, eventsMatching } from '../context';
import { defineAnalyzer, type Evidence } from '../types';

type Msg = 'scheduler' | 'critical';

export default defineAnalyzer<Msg>({
  id: 'Preempted',
  area: 'evicted',
  reads: ['events'],
  severity: 'error',
  docs: {
    title: 'The pod was preempted to make room for a higher-priority pod',
    summary: 'When a pod of higher priority cannot be scheduled, the scheduler deletes lower-priority pods on a node to make room (preemption). The kubelet also preempts pods to admit critical system pods. Preempted pods are deleted; their controller recreates them, and they may then be Pending for lack of room.',
    detection: 'A DisruptionTarget condition with reason PreemptionByScheduler, a Preempted event ("Preempted by pod X on node Y"), or status.reason Preempting ("Preempted in order to admit critical pod").',
    remedy: 'Give the workload a PriorityClass that matches its importance, add capacity so preemption is not needed, and spread high-priority pods so they do not evict the same workloads again.',
  },
  messages: {
    scheduler: 'The pod was preempted by the scheduler{{byText}} on node {{node}} to make room for a pod of higher priority (this pod\'s priority: {{priority}}).',
    critical: 'The kubelet on node {{node}} preempted the pod to admit a critical pod.',
  },
  analyze(ctx) {
    const node = ctx.pod.spec.nodeName ?? '';
    const priority = ctx.pod.spec.priority ?? 0;
    if (ctx.pod.status.reason === 'Preempting') {
      return [{ messageId: 'critical', data: { node, priority }, evidence: [{ ref: ctx.ref, path: 'status.reason', observed: `Preempting: ${ctx.pod.status.message ?? ''}` }], remedies: [{ summary: 'Add capacity to the node or move the critical pods; give this workload a PriorityClass' }], key: node }];
    }
    const cond = (ctx.pod.status.conditions ?? []).find((c) => c.type === 'DisruptionTarget' && c.reason === 'PreemptionByScheduler');
    const ev = eventsMatching(ctx, ['Preempted']).pop();
    if (!cond && !ev) return [];
    const by = ev ? /Preempted by (?:pod )?(\S+)(?: on node (\S+))?/.exec(ev.message) : null;
    const evidence: Evidence[] = [];
    if (cond) evidence.push({ ref: ctx.ref, path: 'status.conditions[DisruptionTarget]', observed: `${cond.reason}: ${cond.message ?? ''}` });
    if (ev) evidence.push(eventEvidence(ev));
    return [
      {
        messageId: 'scheduler',
        data: { node: by?.[2] ?? node, priority, preemptor: by?.[1], byText: by?.[1] ? ` (for pod ${by[1]})` : '' },
        evidence,
        remedies: [
          { summary: 'Give this workload a PriorityClass that reflects its importance', patch: `apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: important\nvalue: 100000\n---\n# in the pod template:\nspec:\n  priorityClassName: important` },
          { summary: 'Add capacity so high-priority pods fit without preempting others' },
        ],
        key: by?.[2] ?? node,
      },
    ];
  },
});

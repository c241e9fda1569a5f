import { testAnalyzer } from '../../testing/analyzer-tester';
import { pod, podEvent } from '../../testing/builders';
import analyzer from './preempted';

testAnalyzer(analyzer, {
  valid: [
    { name: 'a pod evicted by the taint manager was not preempted', objects: [pod('web').condition('DisruptionTarget', 'True', 'DeletionByTaintManager').container('app', (c) => c.running()).build()] },
    { name: 'a healthy pod was not preempted', objects: [pod('web').container('app', (c) => c.running()).build()] },
  ],
  invalid: [
    {
      name: 'a scheduler preemption names the preemptor and node from the event',
      objects: [
        pod('batch').set('spec.priority', 0).deleting('2026-11-27T09:59:00Z').condition('DisruptionTarget', 'True', 'PreemptionByScheduler', 'default-scheduler: preempting to accommodate a higher priority pod').container('app', (c) => c.running()).build(),
        podEvent('batch', 'Preempted', 'Preempted by pod 5b2f6c1e-uid on node node-1').type('Normal').build(),
      ],
      findings: [{ messageId: 'scheduler', data: { preemptor: '5b2f6c1e-uid', node: 'node-1', priority: 0 }, evidence: [{ path: 'status.conditions[DisruptionTarget]' }], remedyIncludes: ['priorityClassName'] }],
    },
    {
      name: 'kubelet critical-pod preemption is reported',
      objects: [pod('web').phase('Failed').reason('Preempting', 'Preempted in order to admit critical pod').container('app').build()],
      findings: [{ messageId: 'critical', data: { node: 'node-1' } }],
    },
  ],
});

import { testAnalyzer } from '../../testing/analyzer-tester';
import { node, pod } from '../../testing/builders';
import analyzer from './scheduling-gated';

testAnalyzer(analyzer, {
  valid: [
    { name: 'a pod without gates is not gated', objects: [node('a').build(), pod('p').pending().container('app').build()] },
    { name: 'a bound pod is not gated', objects: [pod('p').container('app', (c) => c.running()).build()] },
  ],
  invalid: [
    {
      name: 'a Kueue gate is named with the command to lift it',
      objects: [pod('p').pending().set('spec.schedulingGates', [{ name: 'kueue.x-k8s.io/admission' }]).condition('PodScheduled', 'False', 'SchedulingGated').container('app').build()],
      findings: [{ messageId: 'gated', severity: 'warning', data: { gates: 'kueue.x-k8s.io/admission' }, evidence: [{ path: 'spec.schedulingGates' }], remedyIncludes: ['"op":"remove","path":"/spec/schedulingGates"'] }],
    },
    {
      name: 'several gates are all listed',
      objects: [pod('p').pending().set('spec.schedulingGates', [{ name: 'a.io/x' }, { name: 'b.io/y' }]).container('app').build()],
      findings: [{ messageId: 'gated', data: { gates: 'a.io/x, b.io/y' } }],
    },
  ],
});

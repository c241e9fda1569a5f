import { at, node, pod } from '../../testing/builders';
import { testAnalyzer } from '../../testing/analyzer-tester';
import analyzer from './preemption-pending';

testAnalyzer(analyzer, {
  valid: [
    { name: 'a pending pod without a nomination is not waiting for preemption', objects: [node('a').build(), pod('p').pending().container('app').build()] },
    { name: 'a bound pod is not waiting for preemption', objects: [pod('p').set('status.nominatedNodeName', 'a').container('app', (c) => c.running()).build()] },
  ],
  invalid: [
    {
      name: 'a nominated pod names the victims being deleted on its node',
      objects: [node('a').build(), pod('victim').node('a').deleting(at(-20)).container('c', (c) => c.running()).build(), pod('p').pending().set('status.nominatedNodeName', 'a').container('app').build()],
      findings: [{ messageId: 'waiting', severity: 'warning', data: { node: 'a', victims: ['default/victim'] }, evidence: [{ path: 'status.nominatedNodeName', observed: 'a' }, { ref: 'Pod/default/victim' }] }],
    },
    {
      name: 'a nomination whose victims are already gone',
      objects: [node('a').build(), pod('p').pending().set('status.nominatedNodeName', 'a').container('app').build()],
      findings: [{ messageId: 'waiting', data: { victimText: '' } }],
    },
  ],
});

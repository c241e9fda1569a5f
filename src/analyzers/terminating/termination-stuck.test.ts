import { at, node, pod } from '../../testing/builders';
import { testAnalyzer } from '../../testing/analyzer-tester';
import analyzer from './termination-stuck';

testAnalyzer(analyzer, {
  valid: [
    { name: 'a pod within its grace period is not stuck', objects: [node('node-1').build(), pod('p').deleting(at(10)).container('app', (c) => c.running()).build()] },
    { name: 'a pod with finalizers is left to FinalizersBlocking', objects: [node('node-1').build(), pod('p').deleting(at(-900)).set('metadata.finalizers', ['x.io/y']).container('app', (c) => c.running()).build()] },
    { name: 'a pod on a lost node is left to NodeLost', objects: [node('node-1').condition('Ready', 'Unknown').build(), pod('p').deleting(at(-900)).container('app', (c) => c.running()).build()] },
  ],
  invalid: [
    {
      name: 'a pod past its grace period on a Ready node with nothing to explain it',
      objects: [node('node-1').build(), pod('p').deleting(at(-900)).container('app', (c) => c.running()).build()],
      findings: [{ messageId: 'stuck', data: { overdue: '15m', grace: 30 }, evidence: [{ ref: 'Node/node-1', path: 'status.conditions[Ready]', observed: 'True' }], remedyIncludes: ['journalctl -u kubelet', '--grace-period=0 --force'] }],
    },
    {
      name: 'a terminating pod in a snapshot without nodes',
      objects: [pod('p').deleting(at(-900)).container('app', (c) => c.running()).build()],
      findings: [{ messageId: 'unknownNode', data: { node: 'node-1' } }],
    },
  ],
});

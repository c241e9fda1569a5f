import { at, node, pod } from '../../testing/builders';
import { testAnalyzer } from '../../testing/analyzer-tester';
import analyzer from './graceful-termination';

testAnalyzer(analyzer, {
  valid: [
    { name: 'a pod that is not being deleted is not terminating', objects: [pod('p').container('app', (c) => c.running()).build()] },
    { name: 'a pod past its grace period is not graceful any more', objects: [node('node-1').build(), pod('p').deleting(at(-120), 30).container('app', (c) => c.running()).build()] },
    { name: 'a long grace period is SlowTermination, not this', objects: [pod('p').deleting(at(200), 600).container('app', (c) => c.running()).build()] },
  ],
  invalid: [
    {
      name: 'a pod deleted 10 seconds ago with the default 30s grace period',
      objects: [pod('p').deleting(at(20), 30).container('app', (c) => c.running()).build()],
      findings: [{ messageId: 'graceful', severity: 'info', data: { since: '10s', grace: 30, left: '20s' }, evidence: [{ path: 'metadata.deletionTimestamp' }] }],
    },
    {
      name: 'a pod with a 60s grace period half way through',
      objects: [pod('p').deleting(at(30), 60).container('app', (c) => c.running()).build()],
      findings: [{ messageId: 'graceful', data: { since: '30s', left: '30s' } }],
    },
  ],
});

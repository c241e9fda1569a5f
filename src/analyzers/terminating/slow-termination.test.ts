import { at, pod } from '../../testing/builders';
import { testAnalyzer } from '../../testing/analyzer-tester';
import analyzer from './slow-termination';

testAnalyzer(analyzer, {
  valid: [
    { name: 'an ordinary 30s grace period is not slow', objects: [pod('p').deleting(at(20), 30).container('app', (c) => c.running()).build()] },
    { name: 'a long grace period that has run out is no longer by design', objects: [pod('p').deleting(at(-10), 600).container('app', (c) => c.running()).build()] },
  ],
  invalid: [
    {
      name: 'a database with a 10-minute grace period',
      objects: [pod('p').deleting(at(420), 600).container('db', (c) => c.running()).build()],
      findings: [{ messageId: 'slow', severity: 'info', data: { why: 'terminationGracePeriodSeconds is 600', left: '7m', grace: 600 } }],
    },
    {
      name: 'a preStop hook stretches an ordinary grace period',
      objects: [pod('p').deleting(at(25), 30).set('spec.containers', undefined).container('app', (c) => c.running()).build()].map((o) => {
        ((o as { spec: { containers: Array<Record<string, unknown>> } }).spec.containers[0] as Record<string, unknown>).lifecycle = { preStop: { exec: { command: ['sleep', '20'] } } };
        return o;
      }),
      findings: [{ messageId: 'slow', data: { why: 'a preStop hook runs first', preStop: true } }],
    },
  ],
});

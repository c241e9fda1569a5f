import { at, node, pod } from '../../testing/builders';
import { testAnalyzer } from '../../testing/analyzer-tester';
import analyzer from './finalizers-blocking';

const held = (finalizers: string[]) => pod('p').deleting(at(-3600)).set('metadata.finalizers', finalizers).phase('Succeeded').container('app', (c) => c.terminated({ exitCode: 0, reason: 'Completed' })).build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'a deleted pod without finalizers is not held by finalizers', objects: [node('node-1').build(), pod('p').deleting(at(-3600)).container('app', (c) => c.running()).build()] },
    { name: 'finalizers inside the grace period are not yet blocking', objects: [node('node-1').build(), pod('p').deleting(at(20)).set('metadata.finalizers', ['example.com/x']).container('app', (c) => c.running()).build()] },
  ],
  invalid: [
    {
      name: "a custom operator's finalizer names the operator's pods and says they are down",
      objects: [node('node-1').build(), held(['acme.io/backup-protection']), pod('acme-operator-5d9f').ns('acme-system').container('manager', (c) => c.waiting('CrashLoopBackOff').restarts(12)).build()],
      findings: [{ messageId: 'blocking', data: { finalizers: 'acme.io/backup-protection', controllerRunning: false }, messageIncludes: ['its pods are not running: acme-system/acme-operator-5d9f'], evidence: [{ path: 'metadata.finalizers', observed: 'acme.io/backup-protection' }, { ref: 'Pod/acme-system/acme-operator-5d9f', observed: 'not running' }], remedyIncludes: ['--type=merge -p \'{"metadata":{"finalizers":null}}\''] }],
    },
    {
      name: 'the Job tracking finalizer is owed by the Job controller',
      objects: [node('node-1').build(), held(['batch.kubernetes.io/job-tracking'])],
      findings: [{ messageId: 'blocking', data: { who: expect.stringContaining('the Job controller') as unknown as string } }],
    },
  ],
});

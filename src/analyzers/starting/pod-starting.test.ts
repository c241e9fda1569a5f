import { at, pod, podEvent } from '../../testing/builders';
import { testAnalyzer } from '../../testing/analyzer-tester';
import analyzer from './pod-starting';

const creating = (started: string) => pod('p').phase('Pending').set('status.startTime', started).container('app', (c) => c.waiting('ContainerCreating')).build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'a running pod is not starting', objects: [pod('p').container('app', (c) => c.running()).build()] },
    { name: 'a pod with a warning event is left to the analyzer of that event', objects: [creating(at(-600)), podEvent('p', 'FailedMount', 'MountVolume.SetUp failed for volume "x" : not found').build()] },
    { name: 'a crash-looping pod is not starting', objects: [pod('p').container('app', (c) => c.waiting('CrashLoopBackOff').restarts(2)).build()] },
  ],
  invalid: [
    {
      name: 'a pod that started 2 seconds before the snapshot',
      objects: [creating(at(-2))],
      findings: [{ messageId: 'starting', severity: 'info', data: { age: '2s', states: 'ContainerCreating' } }],
    },
    {
      name: 'a pod creating for 20 minutes with no event is a warning',
      objects: [creating(at(-1200))],
      findings: [{ messageId: 'slow', severity: 'warning', data: { age: '20m' }, remedyIncludes: ['journalctl -u kubelet'] }],
    },
  ],
});

import { testAnalyzer } from '../../testing/analyzer-tester';
import { at, nodeEvent, pod } from '../../testing/builders';
import analyzer from './system-oom';

const oomLoop = (limits?: Record<string, string>) =>
  pod('web').container('app', (c) => {
    const b = c.waiting('CrashLoopBackOff').lastTerminated({ exitCode: 137, reason: 'OOMKilled', startedAt: at(-200), finishedAt: at(-100) }).restarts(5);
    return limits ? b.limits(limits) : b;
  }).build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'an OOM kill at the container limit with no node OOM is the limit', objects: [oomLoop({ memory: '512Mi' })] },
    { name: 'a node OOM event long before the kill does not make it a system OOM', objects: [oomLoop({ memory: '512Mi' }), nodeEvent('node-1', 'SystemOOM', 'System OOM encountered, victim process: java, pid: 1').first(at(-7200)).last(at(-7000)).build()] },
    { name: 'a crash with exit 1 is not an OOM', objects: [pod('web').container('app', (c) => c.waiting('CrashLoopBackOff').lastTerminated({ exitCode: 1, reason: 'Error' })).build()] },
  ],
  invalid: [
    {
      name: 'OOMKilled without a memory limit can only be the node OOM killer',
      objects: [oomLoop()],
      findings: [{ messageId: 'noLimit', data: { node: 'node-1', why: expect.stringContaining('no memory limit') }, evidence: [{ path: 'spec.containers[0].resources.limits', observed: 'no memory limit' }] }],
    },
    {
      name: 'OOMKilled below the limit during a SystemOOM on the node is the node',
      objects: [oomLoop({ memory: '2Gi' }), nodeEvent('node-1', 'SystemOOM', 'System OOM encountered, victim process: app, pid: 4242').first(at(-110)).last(at(-110)).build()],
      findings: [{ messageId: 'nodeOom', data: { limit: '2Gi' }, evidence: [{ observed: 'SystemOOM: System OOM encountered, victim process: app, pid: 4242' }] }],
    },
  ],
});

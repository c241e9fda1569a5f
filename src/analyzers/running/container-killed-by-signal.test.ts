import { testAnalyzer } from '../../testing/analyzer-tester';
import { at, nodeEvent, pod, podEvent } from '../../testing/builders';
import analyzer from './container-killed-by-signal';

const crashing = (exitCode: number, reason = 'Error') => pod('web').container('app', (c) => c.probe('liveness').waiting('CrashLoopBackOff').lastTerminated({ exitCode, reason, startedAt: at(-200), finishedAt: at(-100) }).restarts(2)).build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'OOMKilled 137 is not a plain SIGKILL', objects: [crashing(137, 'OOMKilled')] },
    { name: '137 after a liveness kill is the probe', objects: [crashing(137), podEvent('web', 'Killing', 'Container app failed liveness probe, will be restarted').container('app').last(at(-110)).build()] },
    { name: 'exit 1 is no signal', objects: [crashing(1)] },
  ],
  invalid: [
    {
      name: 'exit 139 is a segmentation fault',
      objects: [crashing(139)],
      findings: [{ messageId: 'signal', data: { signal: 'SIGSEGV', exitCode: 139 }, messageIncludes: ['segmentation fault'], remedyIncludes: ["built for this node's CPU"] }],
    },
    {
      name: 'a SIGKILL without OOMKilled mentions a node OOM event when there is one',
      objects: [crashing(137), nodeEvent('node-1', 'SystemOOM', 'System OOM encountered, victim process: app, pid: 77').build()],
      findings: [{ messageId: 'sigkill', data: { signal: 'SIGKILL' }, messageIncludes: ['node node-1 recorded an OOM kill'], evidence: [{ observed: 'SystemOOM: System OOM encountered, victim process: app, pid: 77' }] }],
    },
    {
      name: 'exit 143 is SIGTERM not handled',
      objects: [crashing(143)],
      findings: [{ messageId: 'signal', data: { signal: 'SIGTERM' }, remedyIncludes: ['Handle SIGTERM'] }],
    },
  ],
});

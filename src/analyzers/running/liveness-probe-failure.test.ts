import { testAnalyzer } from '../../testing/analyzer-tester';
import { at, pod, podEvent } from '../../testing/builders';
import analyzer from './liveness-probe-failure';

const killed = (startedAt: string, finishedAt: string, exitCode = 137) =>
  pod('web').container('app', (c) => c.probe('liveness', { periodSeconds: 10, failureThreshold: 3 }).waiting('CrashLoopBackOff').lastTerminated({ exitCode, reason: 'Error', startedAt, finishedAt }).restarts(4)).build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'exit 137 with no liveness kill event is not the liveness probe', objects: [killed(at(-200), at(-100))] },
    {
      name: 'a liveness kill from before the last run does not explain the last exit',
      objects: [killed(at(-200), at(-100)), podEvent('web', 'Killing', 'Container app failed liveness probe, will be restarted').container('app').first(at(-4000)).last(at(-3900)).build()],
    },
    { name: 'a container with no liveness probe is not killed by one', objects: [pod('web').container('app', (c) => c.waiting('CrashLoopBackOff').lastTerminated({ exitCode: 137, reason: 'Error' })).build(), podEvent('web', 'Killing', 'Container app failed startup probe, will be restarted').container('app').build()] },
  ],
  invalid: [
    {
      name: '137 after "failed liveness probe, will be restarted" is the probe, not memory, and a slow start gets a startupProbe',
      objects: [
        killed(at(-200), at(-160)),
        podEvent('web', 'Unhealthy', 'Liveness probe failed: Get "http://10.0.171.162:8080/healthz": dial tcp 10.0.171.162:8080: connect: connection refused').container('app').count(12).first(at(-190)).last(at(-170)).build(),
        podEvent('web', 'Killing', 'Container app failed liveness probe, will be restarted').container('app').count(4).first(at(-900)).last(at(-165)).build(),
      ],
      findings: [{ messageId: 'killedWhileStarting', data: { failureKind: 'refused', kills: 4, failures: 12, budgetSeconds: 30, exitCode: 137 }, evidence: [{ observed: 'Killing (x4): Container app failed liveness probe, will be restarted' }, { path: 'spec.containers[0].livenessProbe', observed: 'HTTP GET /healthz on port 8080, budget 0s + 3 × 10s = 30s' }], remedyIncludes: ['startupProbe:', 'failureThreshold: 30'] }],
    },
    {
      name: 'a long-running container killed for timeouts gets the timeout remedy, in the old docker wording',
      objects: [
        killed(at(-7200), at(-100), 143),
        podEvent('web', 'Unhealthy', 'Liveness probe failed: Get "http://10.0.0.5:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)').container('app').count(3).last(at(-110)).build(),
        podEvent('web', 'Killing', 'Killing container with id docker://app:Container failed liveness probe.. Container will be killed and recreated.').last(at(-105)).build(),
      ],
      findings: [{ messageId: 'killed', data: { failureKind: 'timeout', exitCode: 143 }, remedyIncludes: ['timeoutSeconds: 5'] }],
    },
  ],
});

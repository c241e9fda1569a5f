import { testAnalyzer } from '../../testing/analyzer-tester';
import { at, pod, podEvent } from '../../testing/builders';
import analyzer from './startup-probe-failure';

const looping = () => pod('web').container('app', (c) => c.probe('startup', { periodSeconds: 5, failureThreshold: 6 }).probe('liveness').waiting('CrashLoopBackOff').lastTerminated({ exitCode: 137, reason: 'Error', startedAt: at(-200), finishedAt: at(-165) }).restarts(3)).build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'a liveness kill is not a startup failure', objects: [looping(), podEvent('web', 'Killing', 'Container app failed liveness probe, will be restarted').container('app').last(at(-166)).build()] },
    { name: 'startup probe failures that ended in success are not a problem', objects: [pod('web').container('app', (c) => c.probe('startup').running()).build(), podEvent('web', 'Unhealthy', 'Startup probe failed: Get "http://10.42.0.181:18790/healthz": EOF').container('app').build()] },
  ],
  invalid: [
    {
      name: 'a startup probe kill shows the 30s budget and suggests a longer one',
      objects: [
        looping(),
        podEvent('web', 'Unhealthy', 'Startup probe failed: Get "http://10.42.0.181:18790/healthz": read tcp 10.42.0.1:47222->10.42.0.181:18790: read: connection reset by peer').container('app').count(6).last(at(-170)).build(),
        podEvent('web', 'Killing', 'Container app failed startup probe, will be restarted').container('app').count(3).last(at(-166)).build(),
      ],
      findings: [{ messageId: 'killed', data: { failureKind: 'reset', budgetSeconds: 30, budget: '0s + 6 × 5s = 30s' }, remedyIncludes: ['failureThreshold: 18'] }],
    },
    {
      name: 'a startup probe kill with no failure events left is still named',
      objects: [looping(), podEvent('web', 'Killing', 'Container app failed startup probe, will be restarted').container('app').last(at(-166)).build()],
      findings: [{ messageId: 'killed', data: { failureKind: 'other', kills: 1 } }],
    },
  ],
});

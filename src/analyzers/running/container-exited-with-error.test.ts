import { testAnalyzer } from '../../testing/analyzer-tester';
import { at, pod, podEvent } from '../../testing/builders';
import analyzer from './container-exited-with-error';

const crashing = (exitCode: number, reason = 'Error') => pod('web').container('app', (c) => c.waiting('CrashLoopBackOff', 'back-off 40s restarting failed container=app').lastTerminated({ exitCode, reason }).restarts(3)).build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'an OOM kill is left to the OOM analyzers', objects: [crashing(137, 'OOMKilled')] },
    { name: 'a signal exit code is left to ContainerKilledBySignal', objects: [crashing(139)] },
    { name: 'a clean exit is not an error', objects: [crashing(0, 'Completed')] },
    { name: 'an exit after a liveness kill is left to LivenessProbeFailure', objects: [pod('web').container('app', (c) => c.probe('liveness').waiting('CrashLoopBackOff').lastTerminated({ exitCode: 2, reason: 'Error', startedAt: at(-200), finishedAt: at(-100) })).build(), podEvent('web', 'Killing', 'Container app failed liveness probe, will be restarted').container('app').last(at(-110)).build()] },
  ],
  invalid: [
    {
      name: 'exit 1 in CrashLoopBackOff quotes the recognised log line and its remedy',
      objects: [crashing(1)],
      logs: [{ pod: 'web', container: 'app', previous: true, text: 'starting\nERROR: Failed to connect to database: connection refused\n' }],
      findings: [{ messageId: 'exited', severity: 'error', data: { exitCode: 1, restarts: 3, logPattern: 'connection-refused' }, evidence: [{ path: 'status.containerStatuses[0].lastState.terminated' }, { ref: 'Pod/default/web/log/app', path: 'previous', observed: 'ERROR: Failed to connect to database: connection refused' }], remedyIncludes: ['Start or fix the service it connects to', 'kubectl logs web -n default -c app --previous'] }],
    },
    {
      name: 'exit 127 means command not found',
      objects: [crashing(127)],
      findings: [{ messageId: 'exited', data: { meaning: 'command not found: the entrypoint or a command it runs is not in the image or not on PATH' }, remedyIncludes: ['Fix the container command or args'] }],
    },
    {
      name: 'a container lost with exit 255 after a node reboot, now running, is only info',
      objects: [pod('web').container('app', (c) => c.running(at(-3000)).lastTerminated({ exitCode: 255, reason: 'Unknown' }).restarts(1)).build()],
      findings: [{ messageId: 'lost', severity: 'info' }],
    },
  ],
});

import { testAnalyzer } from '../../testing/analyzer-tester';
import { pod } from '../../testing/builders';
import analyzer from './init-container-failure';

testAnalyzer(analyzer, {
  valid: [
    { name: 'init containers that completed are fine', objects: [pod('web').init('migrate', (c) => c.terminated({ exitCode: 0, reason: 'Completed' })).container('app', (c) => c.running()).build()] },
    { name: 'an init container that failed once and then completed is fine', objects: [pod('web').init('migrate', (c) => c.terminated({ exitCode: 0, reason: 'Completed' }).lastTerminated({ exitCode: 1, reason: 'Error' }).restarts(1)).container('app', (c) => c.running()).build()] },
    { name: 'an init container that cannot start is left to ContainerCreateError', objects: [pod('web').phase('Pending').init('migrate', (c) => c.terminated({ exitCode: 128, reason: 'StartError' })).container('app', (c) => c.waiting('PodInitializing')).build()] },
  ],
  invalid: [
    {
      name: 'an init container in back-off after exit 1 blocks the pod, with its log line',
      objects: [pod('web').phase('Pending').init('wait-db', (c) => c.waiting('CrashLoopBackOff').lastTerminated({ exitCode: 1, reason: 'Error' }).restarts(6)).container('app', (c) => c.waiting('PodInitializing')).build()],
      logs: [{ pod: 'web', container: 'wait-db', previous: true, text: 'waiting for db\nnc: connect to db port 5432 (tcp) failed: Connection refused\n' }],
      findings: [{ messageId: 'failed', data: { container: 'wait-db', exitCode: 1, restarts: 6 }, evidence: [{ path: 'status.initContainerStatuses[0].lastState.terminated' }, { observed: 'nc: connect to db port 5432 (tcp) failed: Connection refused' }], remedyIncludes: ['kubectl logs web -n default -c wait-db --previous'] }],
    },
    {
      name: 'an init container terminated with 127 under restartPolicy Never explains the code',
      objects: [pod('job-x').phase('Failed').set('spec.restartPolicy', 'Never').init('setup', (c) => c.terminated({ exitCode: 127, reason: 'Error' })).container('main', (c) => c.waiting('PodInitializing')).build()],
      findings: [{ messageId: 'failed', data: { exitCode: 127, meaning: 'command not found: the entrypoint or a command it runs is not in the image or not on PATH' } }],
    },
  ],
});

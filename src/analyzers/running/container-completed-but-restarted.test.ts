import { testAnalyzer } from '../../testing/analyzer-tester';
import { pod } from '../../testing/builders';
import analyzer from './container-completed-but-restarted';

testAnalyzer(analyzer, {
  valid: [
    { name: 'a Job container completing under restartPolicy Never is done, not restarted', objects: [pod('job').phase('Succeeded').set('spec.restartPolicy', 'Never').container('main', (c) => c.terminated({ exitCode: 0, reason: 'Completed' })).build()] },
    { name: 'a container that never restarted is fine', objects: [pod('web').container('app', (c) => c.running()).build()] },
    { name: 'a restart after an error is not a completion', objects: [pod('web').container('app', (c) => c.waiting('CrashLoopBackOff').lastTerminated({ exitCode: 1, reason: 'Error' }).restarts(2)).build()] },
  ],
  invalid: [
    {
      name: 'a Deployment container that exits 0 loops in CrashLoopBackOff',
      objects: [pod('web').container('app', (c) => c.command('sh', '-c', 'nginx &').waiting('CrashLoopBackOff').lastTerminated({ exitCode: 0, reason: 'Completed' }).restarts(7)).build()],
      findings: [{ messageId: 'completed', severity: 'error', data: { restarts: 7, command: 'sh -c nginx &' }, evidence: [{ path: 'spec.restartPolicy', observed: 'Always' }] }],
    },
    {
      name: 'a sidecar init container that exits 0 is restarted too',
      objects: [pod('web').init('proxy', (c) => c.restartPolicy('Always').running().lastTerminated({ exitCode: 0, reason: 'Completed' }).restarts(2)).container('app', (c) => c.running()).build()],
      findings: [{ messageId: 'completed', severity: 'info', data: { container: 'proxy' } }],
    },
  ],
});

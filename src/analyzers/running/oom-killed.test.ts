import { testAnalyzer } from '../../testing/analyzer-tester';
import { at, node, nodeEvent, pod } from '../../testing/builders';
import analyzer from './oom-killed';

const oomLoop = (limits?: Record<string, string>) =>
  pod('web')
    .ownedBy('ReplicaSet', 'web-7d9c', '7d9c')
    .container('app', (c) => {
      const b = c.waiting('CrashLoopBackOff').lastTerminated({ exitCode: 137, reason: 'OOMKilled', startedAt: at(-200), finishedAt: at(-100) }).restarts(5);
      return limits ? b.limits(limits) : b;
    })
    .build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'an OOM kill of a container without a memory limit is the node, not the limit', objects: [oomLoop()] },
    { name: 'an OOM kill during a system OOM on the node is the node', objects: [oomLoop({ memory: '512Mi' }), nodeEvent('node-1', 'SystemOOM', 'System OOM encountered, victim process: java, pid: 4242').last(at(-110)).first(at(-110)).build()] },
    { name: 'exit 137 without the OOMKilled reason is not an OOM', objects: [pod('web').container('app', (c) => c.limits({ memory: '512Mi' }).waiting('CrashLoopBackOff').lastTerminated({ exitCode: 137, reason: 'Error' }).restarts(2)).build()] },
  ],
  invalid: [
    {
      name: 'OOMKilled with a memory limit in CrashLoopBackOff is the cgroup limit, with a doubled limit as remedy',
      objects: [oomLoop({ memory: '512Mi' }), node('node-1').build()],
      findings: [{ messageId: 'limit', severity: 'error', data: { container: 'app', limit: '512Mi', exitCode: 137, restarts: 5 }, evidence: [{ path: 'status.containerStatuses[0].lastState.terminated' }, { path: 'spec.containers[0].resources.limits.memory', observed: '512Mi' }], remedyIncludes: ['kubectl set resources deployment/web -c app --limits=memory=1Gi'] }],
    },
    {
      name: 'a past OOM kill of a pod that runs fine now is only info',
      objects: [pod('web').container('app', (c) => c.limits({ memory: '1Gi' }).running(at(-3000)).lastTerminated({ exitCode: 137, reason: 'OOMKilled' }).restarts(1)).build()],
      findings: [{ messageId: 'limit', severity: 'info' }],
    },
    {
      name: 'a Job pod OOM-killed is told to change the Job manifest, and the JVM log is evidence',
      objects: [pod('batch-x').ownedBy('Job', 'batch').phase('Failed').set('spec.restartPolicy', 'Never').container('main', (c) => c.limits({ memory: '100Mi' }).terminated({ exitCode: 137, reason: 'OOMKilled' })).build()],
      logs: [{ pod: 'batch-x', container: 'main', text: 'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space' }],
      findings: [{ messageId: 'limit', evidence: [{ observed: 'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space' }], remedyIncludes: ["change it in the manifest that creates this job"] }],
    },
  ],
});

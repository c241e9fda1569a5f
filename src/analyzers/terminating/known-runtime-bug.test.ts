import { at, node, pod, podEvent } from '../../testing/builders';
import { testAnalyzer } from '../../testing/analyzer-tester';
import analyzer from './known-runtime-bug';

const docker = (v: string) => {
  const n = node('node-1').build() as { status: { nodeInfo: Record<string, string> } };
  n.status.nodeInfo.containerRuntimeVersion = v;
  return n;
};
const stuck = () => pod('p').deleting(at(-900)).container('app', (c) => c.running()).build();
const hang = () => podEvent('p', 'FailedSync', 'error determining status: rpc error: code = DeadlineExceeded desc = context deadline exceeded').count(408).build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'docker 18 with the same symptom is not the docker 17 bug', objects: [docker('docker://18.9.7'), stuck(), hang()] },
    { name: 'docker 17 without the symptom is not reported on version alone', objects: [docker('docker://17.3.2'), stuck()] },
  ],
  invalid: [
    {
      name: "the runbook's docker 17 hang",
      objects: [docker('docker://17.3.2'), stuck(), hang()],
      findings: [{ messageId: 'docker17', data: { version: '17.3.2', occurrences: 408 }, evidence: [{ path: 'status.nodeInfo.containerRuntimeVersion', observed: 'docker://17.3.2' }], remedyIncludes: ['containerd'] }],
    },
    {
      name: 'docker 17 CE with a pod stuck creating',
      objects: [docker('docker://17.12.1-ce'), pod('p').phase('Pending').container('app', (c) => c.waiting('ContainerCreating')).build(), podEvent('p', 'FailedCreatePodSandBox', 'Failed create pod sandbox: rpc error: code = DeadlineExceeded desc = context deadline exceeded').build()],
      findings: [{ messageId: 'docker17', data: { version: '17.12.1-ce' } }],
    },
  ],
});

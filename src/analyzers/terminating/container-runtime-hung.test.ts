import { at, node, pod, podEvent } from '../../testing/builders';
import { testAnalyzer } from '../../testing/analyzer-tester';
import analyzer from './container-runtime-hung';

const stuck = () => pod('p').deleting(at(-900)).container('app', (c) => c.running()).build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'probe timeouts are not a hung runtime', objects: [node('node-1').build(), pod('p').container('app', (c) => c.running(at(-600), false)).build(), podEvent('p', 'Unhealthy', 'Readiness probe failed: context deadline exceeded').build()] },
    { name: 'a stuck pod without timeouts', objects: [node('node-1').build(), stuck()] },
  ],
  invalid: [
    {
      name: "the runbook's FailedSync DeadlineExceeded",
      objects: [node('node-1').build(), stuck(), podEvent('p', 'FailedSync', 'error determining status: rpc error: code = DeadlineExceeded desc = context deadline exceeded').count(408).build()],
      findings: [{ messageId: 'hung', data: { occurrences: 408, runtime: 'containerd://1.7.22' }, remedyIncludes: ['journalctl -u containerd'] }],
    },
    {
      name: 'the kubelet gave up waiting for the runtime to kill the pod',
      objects: [node('node-1').build(), stuck(), podEvent('p', 'ExceededGracePeriod', 'Container runtime did not kill the pod within specified grace period.').build()],
      findings: [{ messageId: 'hung' }],
    },
  ],
});

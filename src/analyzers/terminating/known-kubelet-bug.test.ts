import { at, node, pod, podEvent } from '../../testing/builders';
import { testAnalyzer } from '../../testing/analyzer-tester';
import analyzer from './known-kubelet-bug';

const stuck = () => pod('p').deleting(at(-3600)).container('app', (c) => c.running()).build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'a current kubelet is not the 1.8 bug', objects: [node('node-1').build(), stuck()] },
    { name: 'a 1.8 kubelet that did try to kill the pod did see the deletion', objects: [node('node-1').kubelet('v1.8.13').build(), stuck(), podEvent('p', 'Killing', 'Killing container with id docker://app:Need to kill Pod').last(at(-3000)).build()] },
    { name: 'a 1.8 kubelet on a NotReady node is a lost node, not this bug', objects: [node('node-1').kubelet('v1.8.13').condition('Ready', 'Unknown').build(), stuck()] },
  ],
  invalid: [
    {
      name: 'a Ready 1.8.13 node that never acted on the deletion',
      objects: [node('node-1').kubelet('v1.8.13').build(), stuck()],
      findings: [{ messageId: 'missedDeletion', data: { version: 'v1.8.13', overdue: '1h' }, evidence: [{ path: 'status.nodeInfo.kubeletVersion', observed: 'v1.8.13' }], remedyIncludes: ['systemctl restart kubelet'] }],
    },
    {
      name: 'the same with an older Killing event from before the deletion',
      objects: [node('node-1').kubelet('v1.8.4').build(), stuck(), podEvent('p', 'Killing', 'Killing container with id docker://app:Container failed liveness probe.').last(at(-9000)).build()],
      findings: [{ messageId: 'missedDeletion', data: { version: 'v1.8.4' } }],
    },
  ],
});

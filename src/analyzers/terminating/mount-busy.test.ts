import { at, node, pod, podEvent } from '../../testing/builders';
import { testAnalyzer } from '../../testing/analyzer-tester';
import analyzer from './mount-busy';

const MSG = 'Handler for DELETE /v1.38/containers/b62c3796 returned error: container b62c3796: driver "overlay2" failed to remove root filesystem: remove /data/docker/overlay2/8bde3ec18c5a6915f40dd8adc3b2f296c1e40cc1b2885db4aee0a627ff89ef59/merged: device or resource busy';
const stuck = () => pod('p').deleting(at(-900)).container('app', (c) => c.running()).build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'no busy mount error, no finding', objects: [node('node-1').build(), stuck()] },
    { name: 'a busy error on a pod that runs fine is not a stuck deletion', objects: [node('node-1').build(), pod('p').container('app', (c) => c.running()).build(), podEvent('p', 'FailedKillPod', MSG).build()] },
  ],
  invalid: [
    {
      name: "the runbook's overlay id is used to find the holder",
      objects: [node('node-1').build(), stuck(), podEvent('p', 'FailedKillPod', MSG).count(9).build()],
      findings: [{ messageId: 'busy', data: { id: '8bde3ec18c5a6915f40dd8adc3b2f296c1e40cc1b2885db4aee0a627ff89ef59', occurrences: 9 }, remedyIncludes: ['grep -l 8bde3ec18c5a6915f40dd8adc3b2f296c1e40cc1b2885db4aee0a627ff89ef59 /proc/*/mountinfo'] }],
    },
    {
      name: 'a kubelet unmount error with a pod volume path',
      objects: [node('node-1').build(), stuck(), podEvent('p', 'FailedKillPod', 'unmount /var/lib/kubelet/pods/uid-p/volumes/kubernetes.io~csi/pvc-1/mount: device or resource busy').build()],
      findings: [{ messageId: 'busy', data: { path: '/var/lib/kubelet/pods/uid-p/volumes/kubernetes.io~csi/pvc-1/mount' } }],
    },
  ],
});

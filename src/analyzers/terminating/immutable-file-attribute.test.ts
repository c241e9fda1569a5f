import { at, node, pod, podEvent } from '../../testing/builders';
import { testAnalyzer } from '../../testing/analyzer-tester';
import analyzer from './immutable-file-attribute';

const MSG = 'rpc error: code = Unknown desc = failed to remove container "19d837c7": Error response from daemon: container 19d837c7: driver "overlay2" failed to remove root filesystem: remove /data/docker/overlay2/b1aea29c590aa9abda79f7cf3976422073fb3652757f0391db88534027546868/diff/usr/bin/bash: operation not permitted';

testAnalyzer(analyzer, {
  valid: [
    { name: 'a stuck pod without that error', objects: [node('node-1').build(), pod('p').deleting(at(-900)).container('app', (c) => c.running()).build()] },
    { name: 'an old error on a pod that runs fine is ignored', objects: [node('node-1').build(), pod('p').container('app', (c) => c.running()).build(), podEvent('p', 'FailedKillPod', MSG).build()] },
  ],
  invalid: [
    {
      name: "the runbook's overlay2 path is taken from the message for chattr",
      objects: [node('node-1').build(), pod('p').deleting(at(-900)).container('app', (c) => c.running()).build(), podEvent('p', 'FailedKillPod', MSG).count(40).build()],
      findings: [{ messageId: 'immutable', data: { path: '/data/docker/overlay2/b1aea29c590aa9abda79f7cf3976422073fb3652757f0391db88534027546868/diff/usr/bin/bash', occurrences: 40 }, remedyIncludes: ['ssh node-1 sudo chattr -i /data/docker/overlay2/b1aea29c590aa9abda79f7cf3976422073fb3652757f0391db88534027546868/diff/usr/bin/bash'] }],
    },
    {
      name: 'a containerd wording of the same failure',
      objects: [node('node-1').build(), pod('p').deleting(at(-900)).container('app', (c) => c.running()).build(), podEvent('p', 'FailedKillPod', 'failed to remove /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/77/fs/etc/lock: remove /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/77/fs/etc/lock: operation not permitted').build()],
      findings: [{ messageId: 'immutable', data: { path: '/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/77/fs/etc/lock' } }],
    },
  ],
});

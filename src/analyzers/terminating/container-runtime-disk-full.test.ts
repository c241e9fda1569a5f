import { at, node, nodeEvent, pod, podEvent } from '../../testing/builders';
import { testAnalyzer } from '../../testing/analyzer-tester';
import analyzer from './container-runtime-disk-full';

const stuck = () => pod('p').deleting(at(-900)).container('app', (c) => c.running()).build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'a healthy pod on a full node is not stuck', objects: [node('node-1').condition('DiskPressure', 'True').build(), pod('p').container('app', (c) => c.running()).build()] },
    { name: 'a stuck pod on a node with disk to spare and no disk errors', objects: [node('node-1').build(), stuck()] },
  ],
  invalid: [
    {
      name: 'the runbook case: Killing repeats while the runtime reports no space left',
      objects: [node('node-1').build(), stuck(), podEvent('p', 'Killing', 'Killing container with id docker://apigateway:Need to kill Pod').count(735).build(), podEvent('p', 'FailedKillPod', 'error killing pod: failed to "KillContainer" for "app" with KillContainerError: "rpc error: code = Unknown desc = write /var/lib/docker/containers/abc/abc-json.log: no space left on device"').count(12).build()],
      findings: [{ messageId: 'full', data: { node: 'node-1', action: 'remove', occurrences: 12 }, evidence: [{ observed: expect.stringContaining('no space left on device') as unknown as string }], remedyIncludes: ['crictl rmi --prune'] }],
    },
    {
      name: 'DiskPressure on the node of a pod stuck creating',
      objects: [node('node-1').condition('DiskPressure', 'True', 'KubeletHasDiskPressure', 'kubelet has disk pressure').build(), pod('p').phase('Pending').container('app', (c) => c.waiting('ContainerCreating')).build()],
      findings: [{ messageId: 'pressure', data: { state: 'ContainerCreating' }, evidence: [{ ref: 'Node/node-1', path: 'status.conditions[DiskPressure]' }] }],
    },
    {
      name: 'a node event about the full disk counts for a pod stuck on it',
      objects: [node('node-1').build(), stuck(), nodeEvent('node-1', 'FreeDiskSpaceFailed', 'failed to garbage collect required amount of images. Wanted to free 10 bytes: no space left on device').build()],
      findings: [{ messageId: 'full' }],
    },
  ],
});

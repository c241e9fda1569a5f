import { testAnalyzer } from '../../testing/analyzer-tester';
import { pod, podEvent } from '../../testing/builders';
import analyzer from './volume-mount-failure';

const creating = () => pod('db-0').phase('Pending').container('db', (c) => c.waiting('ContainerCreating')).build();

testAnalyzer(analyzer, {
  valid: [
    {
      name: 'a transient FailedMount on a pod that runs now is noise',
      objects: [pod('db-0').container('db', (c) => c.running()).build(), podEvent('db-0', 'FailedMount', 'MountVolume.SetUp failed for volume "config" : failed to sync configmap cache: timed out waiting for the condition').build()],
    },
    {
      name: 'a missing ConfigMap volume is left to ConfigMissing',
      objects: [creating(), podEvent('db-0', 'FailedMount', 'MountVolume.SetUp failed for volume "cfg" : configmap "cfg" not found').build()],
    },
    { name: 'a pod creating its containers without mount events has no mount problem', objects: [creating()] },
  ],
  invalid: [
    {
      name: 'a Multi-Attach error names the volume and the pod still using it, over the generic timeout',
      objects: [
        creating(),
        podEvent('db-0', 'FailedMount', 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[data kube-api-access-x4rzc]: timed out waiting for the condition').count(20).build(),
        podEvent('db-0', 'FailedAttachVolume', 'Multi-Attach error for volume "pvc-8837384d-69d7-40b2-b2e6-5df86943eef9" Volume is already used by pod(s) db-0-old').build(),
      ],
      findings: [{ messageId: 'multiAttach', data: { volume: 'pvc-8837384d-69d7-40b2-b2e6-5df86943eef9', detail: 'it is still in use by pod(s) db-0-old', occurrences: 21 }, evidence: [{ observed: expect.stringContaining('Multi-Attach') as unknown as string }, { observed: expect.stringContaining('timed out') as unknown as string }], remedyIncludes: ['kubectl get volumeattachments'] }],
    },
    {
      name: 'a hostPath type check failure names the path',
      objects: [creating(), podEvent('db-0', 'FailedMount', 'MountVolume.SetUp failed for volume "host" : hostPath type check failed: /var/lib/collectd is not a directory').count(178).build()],
      findings: [{ messageId: 'hostPath', data: { volume: 'host', detail: '/var/lib/collectd is not a directory on the node' } }],
    },
    {
      name: 'an attach failure from the CSI driver is reported as attach',
      objects: [creating(), podEvent('db-0', 'FailedAttachVolume', 'AttachVolume.Attach failed for volume "pvc-1" : rpc error: code = Internal desc = disk quota exceeded').build()],
      findings: [{ messageId: 'attach', data: { volume: 'pvc-1', detail: 'rpc error: code = Internal desc = disk quota exceeded' } }],
    },
  ],
});

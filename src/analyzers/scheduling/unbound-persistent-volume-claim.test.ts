import { testAnalyzer } from '../../testing/analyzer-tester';
import { node, pod, podEvent, pv, pvc, storageClass } from '../../testing/builders';
import analyzer from './unbound-persistent-volume-claim';

const p = () => pod('p').pending().claim('d', 'data').container('app').build();
const n = () => node('a').build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'a bound claim is fine', objects: [n(), pvc('data', { volumeName: 'v1', storageClassName: 'std' }), pv('v1', { claim: 'data', storageClassName: 'std' }), storageClass('std', 'ebs.csi.aws.com'), p()] },
    { name: 'a WaitForFirstConsumer claim with a provisioner waits for the pod, which fits', objects: [n(), pvc('data', { storageClassName: 'wffc' }), storageClass('wffc', 'ebs.csi.aws.com', 'WaitForFirstConsumer'), p()] },
  ],
  invalid: [
    {
      name: 'a claim without class and no default class in the cluster',
      objects: [n(), pvc('data', {}), storageClass('manual', 'kubernetes.io/no-provisioner'), p()],
      findings: [{ messageId: 'noClass', data: { claim: 'data', defaultText: 'the cluster has no default class' }, evidence: [{ ref: 'PersistentVolumeClaim/default/data', path: 'status.phase', observed: 'Pending' }] }],
    },
    {
      name: 'a class name that does not exist',
      objects: [n(), pvc('data', { storageClassName: 'fast-ssd' }), storageClass('standard', 'pd.csi.storage.gke.io'), p()],
      findings: [{ messageId: 'classMissing', data: { class: 'fast-ssd' } }],
    },
    {
      name: "the provisioner's own event is quoted",
      objects: [n(), pvc('data', { storageClassName: 'nfs' }), storageClass('nfs', 'local.net/nfs'), p(), {
        ...podEvent('data', 'ExternalProvisioning', 'waiting for a volume to be created, either by external provisioner "local.net/nfs" or manually created by system administrator').build(),
        involvedObject: { kind: 'PersistentVolumeClaim', name: 'data', namespace: 'default' },
      }],
      findings: [{ messageId: 'provisioning', data: { provisioner: 'local.net/nfs' }, evidence: [{ observed: expect.stringContaining('ExternalProvisioning') as unknown as string }] }],
    },
    {
      name: 'a static WaitForFirstConsumer class with no matching volume on the usable nodes',
      objects: [n(), node('b').build(), pvc('data', { storageClassName: 'local' }), storageClass('local', 'kubernetes.io/no-provisioner', 'WaitForFirstConsumer'), pv('other', { storageClassName: 'local', nodeAffinityHost: 'c', storage: '1Gi' }), p()],
      findings: [{ messageId: 'noStaticVolume', data: { count: 2, total: 2 } }],
    },
  ],
});

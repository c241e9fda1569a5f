import { testAnalyzer } from '../../testing/analyzer-tester';
import { node, pod, podEvent, pvc } from '../../testing/builders';
import analyzer from './missing-persistent-volume-claim';

testAnalyzer(analyzer, {
  valid: [
    { name: 'a claim absent from a snapshot without claims proves nothing', objects: [node('a').build(), pod('p').pending().claim('d', 'data').container('app').build()] },
    { name: 'an existing bound claim is not missing', objects: [node('a').build(), pvc('data', { volumeName: 'v' }), pod('p').pending().claim('d', 'data').container('app').build()] },
  ],
  invalid: [
    {
      name: 'a claim missing from the captured claims of the namespace, for a StatefulSet pod',
      objects: [node('a').build(), pvc('other', {}), pod('p').pending().ownedBy('StatefulSet', 'db').claim('data', 'data-db-0').container('app').build()],
      findings: [{ messageId: 'notFound', data: { claim: 'data-db-0', volume: 'data' }, evidence: [{ ref: 'Pod/default/p', path: 'spec.volumes' }], remedyIncludes: ['Let StatefulSet db recreate the claim', 'kubectl delete pod p -n default'] }],
    },
    {
      name: 'a claim being deleted',
      objects: [node('a').build(), pvc('data', { volumeName: 'v', deleting: true }), pod('p').pending().claim('d', 'data').container('app').build()],
      findings: [{ messageId: 'deleting', evidence: [{ ref: 'PersistentVolumeClaim/default/data', path: 'metadata.deletionTimestamp' }] }],
    },
    {
      name: 'the scheduler said the claim is being deleted, with no claims in the snapshot',
      objects: [pod('p').pending().claim('d', 'database-persistent-volume-claim').container('app').build(), podEvent('p', 'FailedScheduling', 'persistentvolumeclaim "database-persistent-volume-claim" is being deleted').build()],
      findings: [{ messageId: 'notFound', data: { claim: 'database-persistent-volume-claim' } }],
    },
  ],
});

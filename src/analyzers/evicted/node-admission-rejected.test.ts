import { testAnalyzer } from '../../testing/analyzer-tester';
import { pod } from '../../testing/builders';
import analyzer from './node-admission-rejected';

testAnalyzer(analyzer, {
  valid: [
    { name: 'an evicted pod is not an admission rejection', objects: [pod('web').phase('Failed').reason('Evicted', 'The node was low on resource: memory. ').container('app').build()] },
    { name: 'a failed Job pod without a reason is not an admission rejection', objects: [pod('job').phase('Failed').container('main', (c) => c.terminated({ exitCode: 1, reason: 'Error' })).build()] },
  ],
  invalid: [
    {
      name: 'OutOfcpu parses requested, used and capacity',
      objects: [pod('web').phase('Failed').reason('OutOfcpu', "Node didn't have enough resource: cpu, requested: 500, used: 1775, capacity: 2000").container('app').build()],
      findings: [{ messageId: 'outOfResource', severity: 'error', data: { resource: 'cpu', requested: '500m', used: '1775m', capacity: '2000m', free: '225m' }, evidence: [{ path: 'status' }], remedyIncludes: ['kubernetes.io/hostname: node-1'] }],
    },
    {
      name: 'a NodeAffinity rejection of a replaced pod is a warning',
      objects: [pod('web').ownedBy('ReplicaSet', 'web-1', '1').phase('Failed').reason('NodeAffinity', "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector").container('app').build()],
      findings: [{ messageId: 'predicate', severity: 'warning', data: { reason: 'NodeAffinity' } }],
    },
    {
      name: 'UnexpectedAdmissionError points at device plugins',
      objects: [pod('gpu').phase('Failed').reason('UnexpectedAdmissionError', 'Allocate failed due to requested number of devices unavailable for nvidia.com/gpu. Requested: 1, Available: 0, which is unexpected').container('app').build()],
      findings: [{ messageId: 'unexpected', remedyIncludes: ['device plugin'] }],
    },
  ],
});

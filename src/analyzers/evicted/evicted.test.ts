import { testAnalyzer } from '../../testing/analyzer-tester';
import { pod } from '../../testing/builders';
import analyzer, { parseEvictionMessage } from './evicted';

const evicted = (message: string, owned = true) => {
  const b = pod('web').phase('Failed').reason('Evicted', message).container('app', (c) => c.terminated({ exitCode: 137, reason: 'ContainerStatusUnknown' }));
  return (owned ? b.ownedBy('ReplicaSet', 'web-7d9c', '7d9c') : b).build();
};

test('the newer eviction wording with threshold and request is parsed', () => {
  expect(parseEvictionMessage('The node was low on resource: memory. Threshold quantity: 100Mi, available: 87608Ki. Container dptp-controller-manager was using 48458972Ki, request is 15Gi, has larger consumption of memory. ')).toEqual({
    kind: 'nodePressure', resource: 'memory', threshold: '100Mi', available: '87608Ki', containers: [{ name: 'dptp-controller-manager', usage: '48458972Ki', request: '15Gi' }],
  });
});

testAnalyzer(analyzer, {
  valid: [
    { name: 'a running pod is not evicted', objects: [pod('web').container('app', (c) => c.running()).build()] },
    { name: 'a pod failed for another reason is not evicted', objects: [pod('web').phase('Failed').reason('OutOfcpu', "Node didn't have enough resource: cpu").container('app').build()] },
  ],
  invalid: [
    {
      name: 'a memory eviction of a replaced pod is a warning naming the usage against the request',
      objects: [evicted('The node was low on resource: memory. Container node was using 35505620Ki, which exceeds its request of 12Gi. ')],
      findings: [{ messageId: 'nodePressure', severity: 'warning', data: { resource: 'memory', container: 'node', usage: '35505620Ki', request: '12Gi' }, evidence: [{ path: 'status.message' }], remedyIncludes: ['--requests=memory=35505620Ki'] }],
    },
    {
      name: 'a standalone pod over its ephemeral-storage limit is an error',
      objects: [evicted('Container consumerui exceeded its local ephemeral storage limit "20Mi". ', false)],
      findings: [{ messageId: 'ephemeralLimit', severity: 'error', data: { container: 'consumerui', limit: '20Mi', resource: 'ephemeral-storage' } }],
    },
    {
      name: 'a node condition eviction names the condition',
      objects: [evicted('The node had condition: [DiskPressure]. ')],
      findings: [{ messageId: 'condition', data: { condition: 'DiskPressure', resource: 'ephemeral-storage' } }],
    },
  ],
});

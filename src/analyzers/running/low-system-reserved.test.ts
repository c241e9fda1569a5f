import { testAnalyzer } from '../../testing/analyzer-tester';
import { at, node, pod } from '../../testing/builders';
import analyzer, { recommendedReserve } from './low-system-reserved';

const systemOomPod = () => pod('web').container('app', (c) => c.waiting('CrashLoopBackOff').lastTerminated({ exitCode: 137, reason: 'OOMKilled', startedAt: at(-200), finishedAt: at(-100) }).restarts(3)).build();

test('the reserve rule for a 16Gi node is 1Gi + 819.2Mi + 819.2Mi + 100Mi', () => {
  expect(recommendedReserve(16n << 30n)).toBe((1n << 30n) + (4n << 30n) * 20n / 100n + (8n << 30n) * 10n / 100n + (100n << 20n));
});

testAnalyzer(analyzer, {
  valid: [
    { name: 'a node with the usual reservation is fine even under OOM', objects: [systemOomPod(), node('node-1').capacity({ memory: '16Gi' }).allocatable({ memory: '13Gi' }).build()] },
    { name: 'a thin reservation without any memory trouble is not reported', objects: [pod('web').container('app', (c) => c.running()).build(), node('node-1').capacity({ memory: '16Gi' }).allocatable({ memory: '16284Mi' }).build()] },
  ],
  invalid: [
    {
      name: 'a 16Gi node reserving only 100Mi with a system OOM kill',
      objects: [systemOomPod(), node('node-1').capacity({ memory: '16Gi' }).allocatable({ memory: '16284Mi' }).build()],
      findings: [{ messageId: 'low', data: { node: 'node-1', reserved: '100Mi', capacity: '16Gi' }, evidence: [{ ref: 'Node/node-1', path: 'status.allocatable.memory', observed: '16284Mi' }], remedyIncludes: ['kubeReserved:'] }],
    },
    {
      name: 'a memory eviction on a node with no reservation',
      objects: [pod('web').phase('Failed').reason('Evicted', 'The node was low on resource: memory. ').container('app', (c) => c.terminated({ exitCode: 137 })).build(), node('node-1').capacity({ memory: '8Gi' }).allocatable({ memory: '8Gi' }).build()],
      findings: [{ messageId: 'low', data: { reserved: '0', trouble: 'the pod was evicted for node memory pressure' } }],
    },
  ],
});

import { testAnalyzer } from '../../testing/analyzer-tester';
import { node, pod, podEvent, pv, pvc } from '../../testing/builders';
import analyzer from './volume-zone-conflict';

const zone = (z: string) => ({ 'topology.kubernetes.io/zone': z });
const n = (name: string, z: string, cpu = '8') => node(name).resources({ cpu, memory: '32Gi', pods: '110' }).labels(zone(z)).build();
const p = () => pod('p').pending().ownedBy('StatefulSet', 'tikv').claim('data', 'data-tikv-0').container('tikv', (c) => c.requests({ cpu: '4', memory: '16Gi' })).build();
const vol = (z: string) => [pvc('data-tikv-0', { volumeName: 'pv-3f2a' }), pv('pv-3f2a', { claim: 'data-tikv-0', labels: zone(z) })];

testAnalyzer(analyzer, {
  valid: [
    { name: 'a node in the volume zone with room takes the pod', objects: [n('a', 'b1'), ...vol('b1'), p()] },
    { name: 'a pod without volumes has no zone conflict', objects: [n('a', 'b1', '1'), pod('p').pending().container('app', (c) => c.requests({ cpu: '4' })).build()] },
  ],
  invalid: [
    {
      name: "the runbook's case: the only nodes in the volume's zone are full, the free nodes are elsewhere",
      objects: [n('10.0.3.11', 'cn-east-1a'), n('10.0.3.12', 'cn-east-1b', '2'), ...vol('cn-east-1b'), p()],
      findings: [{ messageId: 'zone', data: { pv: 'pv-3f2a', claim: 'data-tikv-0', zones: 'cn-east-1b', outside: 1, inside: 1 }, messageIncludes: ['10.0.3.12 (Insufficient cpu)'], evidence: [{ ref: 'PersistentVolume/pv-3f2a', path: 'metadata.labels.topology.kubernetes.io/zone', observed: 'cn-east-1b' }, { ref: 'Node/10.0.3.12', observed: 'Insufficient cpu' }] }],
    },
    {
      name: 'a local volume pinned to a node that is gone from scheduling',
      objects: [n('a', 'z'), n('b', 'z'), pvc('data-tikv-0', { volumeName: 'local-c' }), pv('local-c', { claim: 'data-tikv-0', nodeAffinityHost: 'c' }), p()],
      findings: [{ messageId: 'nodeAffinity', data: { pv: 'local-c', outside: 2, inside: 0 }, messageIncludes: ['No node is there at all'] }],
    },
    {
      name: 'from the event alone, the zone conflict is counted',
      objects: [p(), podEvent('p', 'FailedScheduling', '0/4 nodes are available: 1 node(s) had no available volume zone, 2 Insufficient cpu, 3 Insufficient memory.').build()],
      findings: [{ messageId: 'fromEvent', data: { count: 1, total: 4 } }],
    },
  ],
});

import { testAnalyzer } from '../../testing/analyzer-tester';
import { node, pod } from '../../testing/builders';
import analyzer from './node-affinity-mismatch';

const aff = (values: string[]) => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values }, { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] }] }] } } });
const p = (values: string[]) => pod('p').pending().set('spec.affinity', aff(values)).container('app').build();
const z = (name: string, zone: string) => node(name).labels({ 'topology.kubernetes.io/zone': zone }).build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'a node in the wanted zone fits', objects: [z('a', 'eu-1a'), p(['eu-1a'])] },
    { name: 'a nodeSelector failure is left to NodeSelectorMismatch', objects: [z('a', 'eu-1a'), pod('p').pending().nodeSelector({ x: 'y' }).set('spec.affinity', aff(['eu-1a'])).container('app').build()] },
  ],
  invalid: [
    {
      name: 'the expression that fails on every node is counted',
      objects: [z('a', 'eu-1a'), z('b', 'eu-1b'), p(['us-1a'])],
      findings: [{ messageId: 'noMatch', data: { count: 2, total: 2, detail: 'term 1: topology.kubernetes.io/zone In (us-1a) fails on 2/2, kubernetes.io/arch In (amd64) fails on 0/2' } }],
    },
    {
      name: 'a partial zone match still fails where other filters pass',
      objects: [node('a').labels({ 'topology.kubernetes.io/zone': 'eu-1a' }).cordon().build(), z('b', 'eu-1b'), p(['eu-1a'])],
      findings: [{ messageId: 'noMatch', data: { count: 1, total: 2 }, evidence: [{ path: 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution' }] }],
    },
  ],
});

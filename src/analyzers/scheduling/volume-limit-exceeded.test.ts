import { testAnalyzer } from '../../testing/analyzer-tester';
import { node, pod, podEvent, pv, pvc } from '../../testing/builders';
import analyzer from './volume-limit-exceeded';

const csiNode = (name: string, count: number) => ({ apiVersion: 'storage.k8s.io/v1', kind: 'CSINode', metadata: { name }, spec: { drivers: [{ name: 'ebs.csi.aws.com', nodeID: name, allocatable: { count } }] } });
const vol = (i: number) => [pvc(`c${i}`, { volumeName: `v${i}` }), pv(`v${i}`, { claim: `c${i}`, csi: { driver: 'ebs.csi.aws.com', handle: `vol-${i}` } })];
const user = (i: number) => pod(`u${i}`).node('a').claim('d', `c${i}`).container('c', (c) => c.running()).build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'a node under its attach limit takes the pod', objects: [node('a').build(), csiNode('a', 3), ...vol(1), ...vol(2), user(1), pod('p').pending().claim('d', 'c2').container('app').build()] },
    { name: 'a node without CSINode has no known limit', objects: [node('a').build(), ...vol(1), ...vol(2), user(1), pod('p').pending().claim('d', 'c2').container('app').build()] },
  ],
  invalid: [
    {
      name: 'a node at its EBS limit',
      objects: [node('a').build(), csiNode('a', 1), ...vol(1), ...vol(2), user(1), pod('p').pending().claim('d', 'c2').container('app').build()],
      findings: [{ messageId: 'limit', data: { driver: 'ebs.csi.aws.com', limit: 1, attached: 1 }, evidence: [{ ref: 'CSINode/a', observed: 'ebs.csi.aws.com: 1 attached, limit 1' }] }],
    },
    {
      name: 'from the event alone',
      objects: [pod('p').pending().container('app').build(), podEvent('p', 'FailedScheduling', '0/3 nodes are available: 3 node(s) exceed max volume count.').build()],
      findings: [{ messageId: 'fromEvent', data: { count: 3 } }],
    },
  ],
});

import { testAnalyzer } from '../../testing/analyzer-tester';
import { node, pod, podEvent } from '../../testing/builders';
import analyzer from './node-unschedulable';

const p = () => pod('p').pending().container('app').build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'a cordoned node does not matter while another node fits', objects: [node('a').cordon().build(), node('b').build(), p()] },
    { name: 'a pod tolerating the unschedulable taint may use a cordoned node', objects: [node('a').cordon().build(), pod('p').pending().tolerate({ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }).container('app').build()] },
  ],
  invalid: [
    {
      name: 'cordoned nodes that alone block the pod are the ones to uncordon',
      objects: [node('a').cordon().build(), node('b').cordon().taint('x', 'y', 'NoSchedule').build(), p()],
      findings: [{ messageId: 'cordoned', data: { count: 2, total: 2, sole: 1 }, evidence: [{ ref: 'Node/a', path: 'spec.unschedulable', observed: 'true' }], remedyIncludes: ['kubectl uncordon a'] }],
    },
    {
      name: 'an old-style message with cordoned masters is read',
      objects: [p(), podEvent('p', 'FailedScheduling', 'No nodes are available that match all of the predicates: Insufficient pods (1), NodeNotReady (2), NodeUnschedulable (3).').build()],
      findings: [{ messageId: 'fromEvent', data: { count: 3 } }],
    },
  ],
});

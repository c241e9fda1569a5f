import { testAnalyzer } from '../../testing/analyzer-tester';
import { node, pod, podEvent } from '../../testing/builders';
import analyzer from './untolerated-taint';

const p = () => pod('p').pending().container('app').build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'a pod that tolerates the taint with Exists fits', objects: [node('a').taint('special', 'true', 'NoSchedule').build(), pod('p').pending().tolerate({ key: 'special', operator: 'Exists' }).container('app').build()] },
    { name: 'a PreferNoSchedule taint never blocks', objects: [node('a').taint('soft', 'x', 'PreferNoSchedule').build(), p()] },
    { name: 'a tainted node does not matter while another node fits', objects: [node('a').taint('special', 'true', 'NoSchedule').build(), node('b').build(), p()] },
  ],
  invalid: [
    {
      name: 'a hand-set taint gets the toleration YAML and the untaint command',
      objects: [node('host1').taint('special', 'true', 'NoSchedule').build(), node('host2').taint('special', 'true', 'NoSchedule').build(), p()],
      findings: [{ messageId: 'taint', data: { count: 2, total: 2, taint: 'special=true:NoSchedule', origin: 'manual' }, evidence: [{ ref: 'Node/host1', path: 'spec.taints', observed: 'special=true:NoSchedule' }], remedyIncludes: ['key: "special"', 'value: "true"', 'kubectl taint nodes host1 host2 special:NoSchedule-'] }],
    },
    {
      name: 'a node-condition taint says to fix the node, not to untaint it',
      objects: [node('a').condition('Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.').taint('node.kubernetes.io/unreachable', undefined, 'NoSchedule').build(), p()],
      findings: [{ messageId: 'taint', data: { origin: 'node condition', key: 'node.kubernetes.io/unreachable' }, remedyIncludes: ['Fix the node'] }],
    },
    {
      name: 'the control-plane taint is named as such',
      objects: [node('cp').taint('node-role.kubernetes.io/control-plane', undefined, 'NoSchedule').build(), p()],
      findings: [{ messageId: 'taint', data: { origin: 'control-plane', taint: 'node-role.kubernetes.io/control-plane:NoSchedule' } }],
    },
    {
      name: 'from the event alone the taint key is read from the message',
      objects: [p(), podEvent('p', 'FailedScheduling', '0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.').build()],
      findings: [{ messageId: 'fromEvent', data: { count: 1, total: 1, origin: 'node condition' } }],
    },
  ],
});

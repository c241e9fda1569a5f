import { testAnalyzer } from '../../testing/analyzer-tester';
import { node, pod, podEvent } from '../../testing/builders';
import analyzer from './node-selector-mismatch';

const p = (sel: Record<string, string>) => pod('p').pending().nodeSelector(sel).container('app').build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'a node with the selected label fits', objects: [node('a').labels({ disktype: 'ssd' }).build(), p({ disktype: 'ssd' })] },
    { name: 'a pod without a nodeSelector is never a selector mismatch', objects: [node('a').taint('x', 'y', 'NoSchedule').build(), pod('p').pending().container('app').build()] },
  ],
  invalid: [
    {
      name: 'a label value nobody has is shown with the values nodes do have',
      objects: [node('a').labels({ disktype: 'hdd' }).build(), node('b').labels({ disktype: 'hdd' }).build(), node('c').build(), p({ disktype: 'ssd' })],
      findings: [{ messageId: 'noMatch', data: { count: 3, total: 3, selector: 'disktype=ssd', detail: 'no node has disktype=ssd (nodes have disktype=hdd (2))' }, evidence: [{ path: 'spec.nodeSelector', observed: 'disktype=ssd' }], remedyIncludes: ['kubectl get nodes -L disktype'] }],
    },
    {
      name: 'from the event alone, the node selector is quoted',
      objects: [p({ pool: 'gpu' }), podEvent('p', 'FailedScheduling', "0/10 nodes are available: 10 node(s) didn't match node selector, 4 Insufficient cpu.").build()],
      findings: [{ messageId: 'fromEvent', data: { count: 10, total: 10, selector: 'pool=gpu' } }],
    },
  ],
});

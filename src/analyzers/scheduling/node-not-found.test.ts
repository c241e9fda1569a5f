import { testAnalyzer } from '../../testing/analyzer-tester';
import { node, pod } from '../../testing/builders';
import analyzer from './node-not-found';

testAnalyzer(analyzer, {
  valid: [
    { name: 'a pod bound to an existing node is fine', objects: [node('node-1').build(), pod('p').phase('Pending').container('app', (c) => c.waiting('ContainerCreating')).build()] },
    { name: 'a snapshot without nodes proves nothing', objects: [pod('p').phase('Pending').container('app', (c) => c.waiting('ContainerCreating')).build()] },
  ],
  invalid: [
    {
      name: 'a pod bound to a deleted node',
      objects: [node('node-2').build(), pod('p').node('node-9').phase('Pending').container('app').build()],
      findings: [{ messageId: 'missing', data: { node: 'node-9', nodes: 1 }, evidence: [{ ref: 'Pod/default/p', path: 'spec.nodeName', observed: 'node-9' }], remedyIncludes: ['kubectl delete pod p -n default'] }],
    },
    {
      name: 'a hand-written nodeName with a typo',
      objects: [node('worker-1').build(), pod('p').node('worker1').phase('Pending').container('app').build()],
      findings: [{ messageId: 'missing', data: { node: 'worker1' } }],
    },
  ],
});

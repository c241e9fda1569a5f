import { testAnalyzer } from '../../testing/analyzer-tester';
import { node, pod, podEvent } from '../../testing/builders';
import analyzer from './no-nodes';

testAnalyzer(analyzer, {
  valid: [
    { name: 'a cluster with a node has nodes', objects: [node('a').build(), pod('p').pending().container('app').build()] },
    { name: 'a snapshot without any node list proves nothing about nodes', objects: [pod('p').pending().container('app').build()] },
  ],
  invalid: [
    {
      name: 'an empty node list',
      objects: [{ apiVersion: 'v1', kind: 'NodeList', items: [] }, pod('p').pending().container('app').build()],
      findings: [{ messageId: 'none', evidence: [{ ref: 'Node/*' }] }],
    },
    {
      name: "the EKS message from before any node joined",
      objects: [pod('p').pending().container('app').build(), podEvent('p', 'FailedScheduling', 'no nodes available to schedule pods').build()],
      findings: [{ messageId: 'fromEvent', data: { message: 'no nodes available to schedule pods' } }],
    },
  ],
});

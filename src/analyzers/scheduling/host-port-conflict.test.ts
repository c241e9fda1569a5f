import { testAnalyzer } from '../../testing/analyzer-tester';
import { node, pod, podEvent } from '../../testing/builders';
import analyzer from './host-port-conflict';

const holder = (name: string, nodeName: string) => pod(name).node(nodeName).container('c', (c) => c.hostPort(8080).running()).build();
const p = () => pod('p').pending().container('app', (c) => c.hostPort(8080)).build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'a free node takes the pod', objects: [node('a').build(), node('b').build(), holder('h', 'a'), p()] },
    { name: 'a pod without host ports never conflicts', objects: [node('a').build(), holder('h', 'a'), pod('p').pending().container('app').build()] },
  ],
  invalid: [
    {
      name: 'every node already runs the port: the holders are named',
      objects: [node('a').build(), node('b').build(), holder('h1', 'a'), holder('h2', 'b'), p()],
      findings: [{ messageId: 'taken', data: { count: 2, port: '8080/TCP', holders: 'default/h1, default/h2' }, evidence: [{ ref: 'Node/a', observed: 'hostPort 8080/TCP held by default/h1' }], remedyIncludes: ['maxSurge: 0'] }],
    },
    {
      name: 'the message form of 1.21 is read',
      objects: [p(), podEvent('p', 'FailedScheduling', "0/2 nodes are available: 2 node(s) didn't have free ports for the requested pod ports.").build()],
      findings: [{ messageId: 'fromEvent', data: { count: 2, total: 2 } }],
    },
  ],
});

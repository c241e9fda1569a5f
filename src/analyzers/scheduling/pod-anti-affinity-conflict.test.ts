import { testAnalyzer } from '../../testing/analyzer-tester';
import { node, pod, podEvent } from '../../testing/builders';
import analyzer from './pod-anti-affinity-conflict';

const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'db' } } }] } };
const replica = (name: string, n: string) => pod(name).node(n).labels({ app: 'db' }).set('spec.affinity', anti).container('c', (c) => c.running()).build();
const p = () => pod('p').pending().labels({ app: 'db' }).set('spec.affinity', anti).container('app').build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'a node without a replica takes the pod', objects: [node('a').build(), node('b').build(), replica('db-0', 'a'), p()] },
    { name: 'a pod without anti-affinity next to unrelated pods is fine', objects: [node('a').build(), pod('x').node('a').labels({ app: 'x' }).container('c', (c) => c.running()).build(), pod('p').pending().container('app').build()] },
  ],
  invalid: [
    {
      name: "more replicas than nodes: the pod's own rule is reported first, as the plugin checks it before the placed pods' rules",
      objects: [node('a').build(), node('b').build(), replica('db-0', 'a'), replica('db-1', 'b'), p()],
      findings: [
        { messageId: 'own', data: { count: 2, total: 2, example: 'default/db-0' }, evidence: [{ ref: 'Node/a', observed: 'runs default/db-0' }] },
      ],
    },
    {
      name: "a placed pod's anti-affinity repels a pod that has none of its own",
      objects: [node('a').build(), replica('db-0', 'a'), pod('p').pending().labels({ app: 'db' }).container('app').build()],
      findings: [{ messageId: 'existing', data: { count: 1, example: 'default/db-0' } }],
    },
    {
      name: 'the anti-affinity wording with preemption is read from the event',
      objects: [p(), podEvent('p', 'FailedScheduling', "0/1 nodes are available: 1 node(s) didn't match pod anti-affinity rules. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..").build()],
      findings: [{ messageId: 'fromEvent', data: { count: 1 } }],
    },
  ],
});

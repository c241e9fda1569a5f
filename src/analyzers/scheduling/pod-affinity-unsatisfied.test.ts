import { testAnalyzer } from '../../testing/analyzer-tester';
import { node, pod, podEvent } from '../../testing/builders';
import analyzer from './pod-affinity-unsatisfied';

const aff = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'cache' } } }] } };
const p = (labels: Record<string, string> = { app: 'web' }) => pod('p').pending().labels(labels).set('spec.affinity', aff).container('app').build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'a node with a matching pod takes the pod', objects: [node('a').build(), pod('cache').node('a').labels({ app: 'cache' }).container('c', (c) => c.running()).build(), p()] },
    { name: 'the first pod of a group that matches its own term may go anywhere', objects: [node('a').build(), p({ app: 'cache' })] },
  ],
  invalid: [
    {
      name: 'no pod matches the affinity at all',
      objects: [node('a').build(), node('b').build(), p()],
      findings: [{ messageId: 'noPods', data: { count: 2, topologyKey: 'kubernetes.io/hostname', selector: '{"app":"cache"}' }, remedyIncludes: ['kubectl get pods -A -l app=cache -o wide'] }],
    },
    {
      name: 'the matching pod sits on a node the pod cannot use',
      objects: [node('a').cordon().build(), node('b').build(), pod('cache').node('a').labels({ app: 'cache' }).container('c', (c) => c.running()).build(), p()],
      findings: [{ messageId: 'elsewhere', data: { count: 1, total: 2 } }],
    },
    {
      name: 'from the event alone',
      objects: [p(), podEvent('p', 'FailedScheduling', "0/2 nodes are available: 2 node(s) didn't match pod affinity rules.").build()],
      findings: [{ messageId: 'fromEvent', data: { count: 2 } }],
    },
  ],
});

import { testAnalyzer } from '../../testing/analyzer-tester';
import { node, pod, podEvent } from '../../testing/builders';
import analyzer from './topology-spread-unsatisfied';

const spread = { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } };
const z = (name: string, zone: string, pods = '110') => node(name).labels({ zone }).resources({ pods }).build();
const web = (name: string, n: string) => pod(name).node(n).labels({ app: 'web' }).container('c', (c) => c.running()).build();
const p = (c: object = spread) => pod('p').pending().labels({ app: 'web' }).set('spec.topologySpreadConstraints', [c]).container('app').build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'the emptier zone takes the pod', objects: [z('a', 'z1'), z('b', 'z2'), web('w1', 'a'), p()] },
    { name: 'ScheduleAnyway never filters', objects: [z('a', 'z1', '2'), z('b', 'z2'), web('w1', 'b'), web('w2', 'b'), p({ ...spread, whenUnsatisfiable: 'ScheduleAnyway' })] },
  ],
  invalid: [
    {
      name: 'the only node of the emptier zone is full, so the fuller zone would break maxSkew',
      objects: [z('a', 'z1', '1'), z('b', 'z2'), pod('x').node('a').container('c', (c) => c.running()).build(), web('w1', 'b'), web('w2', 'b'), p()],
      findings: [{ messageId: 'skew', data: { topologyKey: 'zone', maxSkew: 1, min: 0, count: 1 }, remedyIncludes: ['whenUnsatisfiable: ScheduleAnyway'] }],
    },
    {
      name: 'nodes without the topology label are ruled out',
      objects: [node('a').build(), p()],
      findings: [{ messageId: 'missingLabel', data: { topologyKey: 'zone', count: 1 } }],
    },
    {
      name: 'from the event alone',
      objects: [p(), podEvent('p', 'FailedScheduling', "0/3 nodes are available: 3 node(s) didn't match pod topology spread constraints.").build()],
      findings: [{ messageId: 'fromEvent', data: { count: 3 } }],
    },
  ],
});

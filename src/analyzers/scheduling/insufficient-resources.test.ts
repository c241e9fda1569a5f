import { testAnalyzer } from '../../testing/analyzer-tester';
import { node, pod, podEvent } from '../../testing/builders';
import analyzer from './insufficient-resources';

const n = (name: string, cpu: string, memory: string) => node(name).resources({ cpu, memory, pods: '110' }).build();
const pending = (cpu: string, memory: string) => pod('p').pending().ownedBy('ReplicaSet', 'p-1', '1').container('app', (c) => c.requests({ cpu, memory })).build();
const user = (name: string, nodeName: string, cpu: string, memory: string) => pod(name).node(nodeName).container('c', (c) => c.requests({ cpu, memory }).running()).build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'a pod that fits on some node has no resource problem', objects: [n('a', '2', '4Gi'), n('b', '8', '32Gi'), pending('4', '16Gi')] },
    { name: 'a node that is tainted is not counted as short of resources when it also fits', objects: [node('a').resources({ cpu: '8', memory: '32Gi', pods: '110' }).taint('x', 'y', 'NoSchedule').build(), pending('1', '1Gi')] },
    { name: 'a running pod is not analyzed for scheduling', objects: [n('a', '1', '1Gi'), pod('p').container('app', (c) => c.requests({ cpu: '4' }).running()).build()] },
  ],
  invalid: [
    {
      name: 'per node it shows allocatable, requested, free and asked, and names the closest node and the gap',
      objects: [n('a', '4', '16Gi'), n('b', '4', '16Gi'), user('u1', 'a', '3', '2Gi'), user('u2', 'b', '1', '14Gi'), pending('2', '4Gi')],
      findings: [{ messageId: 'short', data: { blocked: 2, total: 2, closest: 'a', gap: '1 cpu' }, evidence: [{ ref: 'Node/a', path: 'status.allocatable.cpu', observed: 'allocatable 4, requested 3, free 1, pod asks 2' }, { ref: 'Node/b', path: 'status.allocatable.memory', observed: 'allocatable 16Gi, requested 14Gi, free 2Gi, pod asks 4Gi' }], remedyIncludes: ['Smallest fix: free 1 cpu of requests on a', 'kubectl set resources deployment/p -c app --requests=cpu=1 -n default'] }],
    },
    {
      name: 'a pod bigger than any node cannot fit even on an empty node',
      objects: [n('a', '4', '16Gi'), n('b', '8', '16Gi'), pending('2', '64Gi')],
      findings: [{ messageId: 'neverFits', data: { resource: 'memory', asked: '64Gi', largest: '16Gi', largestNode: 'a' } }],
    },
    {
      name: 'without nodes in the snapshot the counts come from the FailedScheduling event',
      objects: [pod('p').pending().container('app').build(), podEvent('p', 'FailedScheduling', '0/3 nodes are available: 3 Insufficient memory.').build()],
      findings: [{ messageId: 'fromEvent', data: { resources: 'memory', detail: '3 Insufficient memory' } }],
    },
  ],
});

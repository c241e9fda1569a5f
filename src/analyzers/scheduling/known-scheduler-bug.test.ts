import { testAnalyzer } from '../../testing/analyzer-tester';
import { node, pod, podEvent } from '../../testing/builders';
import analyzer from './known-scheduler-bug';

const roomy = (v: string) => node('a').resources({ cpu: '8', memory: '32Gi', pods: '110' }).kubelet(v).build();
const p = () => pod('p').pending().container('app', (c) => c.requests({ cpu: '1' })).build();
const said = (m: string) => podEvent('p', 'FailedScheduling', m).build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'a current release that agrees with the simulation has no known bug', objects: [node('a').resources({ cpu: '500m' }).build(), p(), said('0/1 nodes are available: 1 Insufficient cpu.')] },
    { name: 'a phantom Insufficient cpu on a release without the bug is only a disagreement', objects: [roomy('v1.28.2'), p(), said('0/1 nodes are available: 1 Insufficient cpu.')] },
    { name: 'an affected release whose message matches the state is not the bug', objects: [node('a').resources({ cpu: '500m' }).kubelet('v1.5.2').build(), p(), said('No nodes are available that match all of the following predicates:: Insufficient cpu (1).')] },
  ],
  invalid: [
    {
      name: 'kube-scheduler 1.5 reporting Insufficient cpu on an empty node matches #34920',
      objects: [roomy('v1.5.2'), p(), said('No nodes are available that match all of the following predicates:: Insufficient cpu (1).')],
      findings: [{ messageId: 'bug', data: { issue: 'kubernetes/kubernetes#34920', minor: 5, reason: 'insufficient:cpu' }, remedyIncludes: ['kubectl -n kube-system delete pod -l component=kube-scheduler'] }],
    },
    {
      name: 'kube-scheduler 1.11 reporting a taken host port that nobody holds matches #66568',
      objects: [roomy('v1.11.2'), pod('p').pending().container('app', (c) => c.hostPort(80)).build(), said("0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports.")],
      findings: [{ messageId: 'bug', data: { issue: 'kubernetes/kubernetes#66568' } }],
    },
  ],
});

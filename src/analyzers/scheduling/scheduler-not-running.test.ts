import { at, node, pod, podEvent } from '../../testing/builders';
import { testAnalyzer } from '../../testing/analyzer-tester';
import analyzer from './scheduler-not-running';

const lease = (renew: string) => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'kube-scheduler', namespace: 'kube-system' }, spec: { holderIdentity: 'cp-1_4f2a', leaseDurationSeconds: 15, renewTime: renew } });

testAnalyzer(analyzer, {
  valid: [
    { name: 'a pod the scheduler rejected has been looked at', objects: [node('a').resources({ cpu: '1' }).build(), pod('p').pending().container('app', (c) => c.requests({ cpu: '2' })).build(), podEvent('p', 'FailedScheduling', '0/1 nodes are available: 1 Insufficient cpu.').build()] },
    { name: 'a fresh lease means the scheduler runs', objects: [node('a').build(), lease(at(-3)), pod('p').pending().container('app').build(), podEvent('p', 'FailedScheduling', '0/1 nodes are available: 1 Insufficient cpu.').build()] },
    { name: 'a pod created seconds ago is not yet late', objects: [node('a').build(), pod('p').pending().set('metadata.creationTimestamp', at(-5)).container('app').build()] },
  ],
  invalid: [
    {
      name: 'a custom schedulerName nobody runs',
      objects: [node('a').build(), pod('p').pending().set('spec.schedulerName', 'volcano').container('app').build()],
      findings: [{ messageId: 'noSuchScheduler', data: { scheduler: 'volcano' }, evidence: [{ path: 'spec.schedulerName', observed: 'volcano' }] }],
    },
    {
      name: 'a stale leader lease',
      objects: [node('a').build(), lease(at(-3600)), pod('p').pending().container('app').build()],
      findings: [{ messageId: 'staleLease', data: { age: '1h', duration: 15 }, evidence: [{ ref: 'Lease/kube-system/kube-scheduler', path: 'spec.renewTime' }] }],
    },
    {
      name: 'kube-scheduler pods crash-looping',
      objects: [node('a').build(), pod('kube-scheduler-cp-1').ns('kube-system').labels({ component: 'kube-scheduler' }).container('kube-scheduler', (c) => c.waiting('CrashLoopBackOff').restarts(9)).build(), pod('p').pending().container('app').build()],
      findings: [{ messageId: 'podsDown', evidence: [{ ref: 'Pod/kube-system/kube-scheduler-cp-1', observed: 'Running, ready 0/1' }] }],
    },
    {
      name: 'an hour-old rejection of a pod that fits now means the scheduler stopped retrying it',
      objects: [node('a').build(), pod('p').pending().container('app').build(), podEvent('p', 'FailedScheduling', "0/1 nodes are available: 1 node(s) had taint {node.kubernetes.io/not-ready: }, that the pod didn't tolerate.").last(at(-3600)).build()],
      findings: [{ messageId: 'stuck', data: { age: '1h', fits: 1 } }],
    },
    {
      name: 'no verdict at all on a pod that fits, an hour old',
      objects: [node('a').build(), pod('p').pending().container('app').build()],
      findings: [{ messageId: 'silent', data: { age: '1h', fits: 1 } }],
    },
  ],
});

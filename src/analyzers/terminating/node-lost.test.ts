import { at, node, pod } from '../../testing/builders';
import { testAnalyzer } from '../../testing/analyzer-tester';
import analyzer from './node-lost';

const lostNode = (taintAdded = at(-120)) => {
  const n = node('node-1').condition('Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.').build() as { spec: Record<string, unknown>; status: { conditions: Array<Record<string, unknown>> } };
  n.spec.taints = [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: taintAdded }, { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: taintAdded }];
  (n.status.conditions[0] as Record<string, unknown>).lastHeartbeatTime = at(-2460);
  return n;
};
const lease = (renew: string) => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'node-1', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40, renewTime: renew } });
const defaultTolerations = [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }, { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }];

testAnalyzer(analyzer, {
  valid: [
    { name: 'a pod on a Ready node is not lost', objects: [node('node-1').build(), pod('p').container('app', (c) => c.running()).build()] },
    { name: 'a DaemonSet pod tolerating unreachable forever is not evicted', objects: [lostNode(), pod('p').set('spec.tolerations', [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }]).container('app', (c) => c.running()).build()] },
    { name: 'a pod still inside its grace period on a lost node is left to the grace period', objects: [lostNode(), pod('p').deleting(at(20)).container('app', (c) => c.running()).build()] },
  ],
  invalid: [
    {
      name: 'a StatefulSet pod Terminating on an unreachable node gets the force-delete warning',
      objects: [lostNode(at(-2400)), lease(at(-2460)), pod('db-0').ownedBy('StatefulSet', 'db').claim('data', 'data-db-0').set('spec.tolerations', defaultTolerations).deleting(at(-2070)).container('db', (c) => c.running()).build()],
      findings: [{ messageId: 'stuckTerminating', data: { node: 'node-1', heartbeat: '41m', lease: '41m', overdue: '35m' }, evidence: [{ path: 'metadata.deletionTimestamp' }, { ref: 'Node/node-1', path: 'status.conditions[Ready]', observed: expect.stringContaining('Kubelet stopped posting node status.') as unknown as string }, { ref: 'Lease/kube-node-lease/node-1', observed: 'renewed 41m ago' }], remedyIncludes: ['kubectl delete node node-1', 'node.kubernetes.io/out-of-service=nodeshutdown:NoExecute', 'StatefulSet db will start a new db-0', '--grace-period=0 --force'] }],
    },
    {
      name: 'a running pod on a node unreachable for 2 minutes is evicted in 3 minutes',
      objects: [lostNode(at(-120)), pod('p').set('spec.tolerations', defaultTolerations).container('app', (c) => c.running()).build()],
      findings: [{ messageId: 'willEvict', data: { evictIn: '3m', toleration: 300 } }],
    },
    {
      name: 'eviction that came due long ago is reported as due',
      objects: [lostNode(at(-3600)), pod('p').set('spec.tolerations', defaultTolerations).container('app', (c) => c.running()).build()],
      findings: [{ messageId: 'evictionDue', data: { evictedAgo: '55m' } }],
    },
    {
      name: 'a NotReady node whose kubelet still reports points at its reason, here the CNI',
      objects: [node('node-1').condition('Ready', 'False', 'KubeletNotReady', 'runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized').build(), pod('p').container('app', (c) => c.running()).build()],
      findings: [{ messageId: 'notReady', data: { reason: 'KubeletNotReady' }, remedyIncludes: ['CNI DaemonSet pod on node-1'] }],
    },
    {
      name: 'the legacy NodeLost reason (kubectl shows Unknown)',
      objects: [node('node-1').build(), pod('p').deleting(at(-600)).reason('NodeLost', 'Node node-1 which was running pod p is unresponsive').container('app', (c) => c.running()).build()],
      findings: [{ messageId: 'legacyUnknown', evidence: [{ path: 'status.reason' }] }],
    },
  ],
});

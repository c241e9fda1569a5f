// Every FailedScheduling message of ../shared/reference/real-event-messages.json (copied here) and the real dumps,
// with the histogram an expert reads from it.
import { histogramOf, parseSchedulingMessage } from './parse';

const cases: Array<[string, number | undefined, Record<string, number>, Partial<{ preemption: boolean; legacy: boolean; noNodes: boolean; unknown: boolean; truncated: boolean }>?]> = [
  ['No nodes are available that match all of the following predicates:: Insufficient cpu (3)', undefined, { 'insufficient:cpu': 3 }, { legacy: true }],
  ['0/5 nodes are available: 2 node(s) were unschedulable, 3 Insufficient pods.', 5, { unschedulable: 2, 'insufficient:pods': 3 }],
  ['No nodes are available that match all of the following predicates:: Insufficient cpu (9), Insufficient memory (15), MatchNodeSelector (18).', undefined, { 'insufficient:cpu': 9, 'insufficient:memory': 15, nodeAffinity: 18 }, { legacy: true }],
  ["0/10 nodes are available: 10 node(s) didn't match node selector, 4 Insufficient cpu.", 10, { nodeAffinity: 10, 'insufficient:cpu': 4 }],
  ['0/25 nodes are available: 1 Insufficient pods, 1 PodToleratesNodeTaints, 23 Insufficient cpu.', 25, { 'insufficient:pods': 1, taint: 1, 'insufficient:cpu': 23 }],
  ['Failed for reason PodFitsResources and possibly others', undefined, { 'insufficient:resources': 1 }, { legacy: true }],
  ['pod (jenkins-master-645022479-ov9ka) failed to fit in any node\nfit failure on node (a): Insufficient cpu\nfit failure on node (b): Insufficient cpu\nfit failure on node (c): Insufficient cpu\nfit failure on node (d): Insufficient cpu', undefined, { 'insufficient:cpu': 4 }, { legacy: true }],
  ['No nodes are available that match all of the following predicates:: Insufficient cpu (1).', undefined, { 'insufficient:cpu': 1 }, { legacy: true }],
  ['0/4 nodes are available: 4 pod has unbound immediate PersistentVolumeClaims.', 4, { 'prefilter:pod has unbound immediate PersistentVolumeClaims': 4 }],
  ['0/4 nodes are available: 4 node(s) had volume node affinity conflict.', 4, { volumeNodeAffinity: 4 }],
  ["0/5 nodes are available: 1 node(s) had volume node affinity conflict, 4 node(s) didn't match node selector", 5, { volumeNodeAffinity: 1, nodeAffinity: 4 }],
  ["0/10 nodes are available: 3 node(s) had volume node affinity conflict, 7 node(s) didn't match Pod's node affinity/selector. preemption: 0/10 nodes are available: 10 Preemption is not helpful for scheduling..", 10, { volumeNodeAffinity: 3, nodeAffinity: 7 }, { preemption: true }],
  ["0/3 nodes are available: 1 node(s) had taint {node-role.kubernetes.io/master: }, that the pod didn't tolerate, 2 node(s) had volume node affinity conflict.", 3, { taint: 1, volumeNodeAffinity: 2 }],
  ["0/2 nodes are available: 1 node(s) didn't match node selector,1 node(s) had volume node affinity conflict.", 2, { nodeAffinity: 1, volumeNodeAffinity: 1 }],
  ['persistentvolumeclaim "database-persistent-volume-claim" is being deleted', undefined, { 'prefilter:persistentvolumeclaim "database-persistent-volume-claim" is being deleted': 1 }],
  ['No nodes are available that match all of the predicates: Insufficient pods (1), NodeNotReady (2), NodeUnschedulable (3).', undefined, { 'insufficient:pods': 1, 'legacy:notReady': 2, unschedulable: 3 }, { legacy: true }],
  ['0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.', 1, { taint: 1 }, { preemption: true }],
  ['0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.', 1, { taint: 1 }, { preemption: true }],
  ['0/3 nodes are available: 3 node(s) had untolerated taint {node.kubernetes.io/not-ready: }', 3, { taint: 3 }],
  ['0/1 nodes are available: 1 node(s) had untolerated taint {gpu: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..', 1, { taint: 1 }, { preemption: true }],
  ["0/6 nodes are available: 3 node(s) didn't have free ports for the requested pod ports, 3 node(s) didn't match node selector.", 6, { ports: 3, nodeAffinity: 3 }],
  ["0/2 nodes are available: 2 node(s) didn't have free ports for the requested pod ports.", 2, { ports: 2 }],
  ["0/20 nodes are available: 1 node(s) didn't match pod affinity/anti-affinity, 19 node(s) didn't match node selector.", 20, { nodeAffinity: 19 }],
  ["0/3 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 2 node(s) didn't match Pod's node affinity/selector.", 3, { ports: 1, nodeAffinity: 2 }],
  ["0/1 nodes are available: 1 node(s) didn't match pod anti-affinity rules. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..", 1, { podAntiAffinity: 1 }, { preemption: true }],
  ['0/1 nodes are available: 1 Insufficient nvidia.com/gpu', 1, { 'insufficient:nvidia.com/gpu': 1 }],
  ['running "VolumeBinding" filter plugin for pod "vmi-system-grafana-74bcc8f95-drp4j": pod has unbound immediate PersistentVolumeClaims', undefined, { 'prefilter:pod has unbound immediate PersistentVolumeClaims': 1 }],
  ['no nodes available to schedule pods', 0, {}, { noNodes: true }],
  ['0/46 nodes are available: 1 Too many pods, 45 node(s) didn\'t satisfy plugin(s) [NodeAffinity].', 46, { 'insufficient:pods': 1, 'absent:NodeAffinity': 45 }],
  ['0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient memory.', 4, { taint: 1, 'insufficient:memory': 3 }],
  ['0/5 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling..', 5, { 'prefilter:pod has unbound immediate PersistentVolumeClaims': 5 }, { preemption: true }],
  ['0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.', 1, { 'insufficient:cpu': 1 }, { preemption: true }],
  ['0/3 nodes are available: 1 node(s) had no available volume zone, 2 Insufficient cpu, 3 Insufficient memory.', 3, { volumeZone: 1, 'insufficient:cpu': 2, 'insufficient:memory': 3 }],
  ['0/9 nodes are available: 9 Insufficient memory, 9 node(s) had untolerated taint {a: b}, 1 node(s) were unschedulable ...', 9, { 'insufficient:memory': 9, taint: 9, unschedulable: 1 }, { truncated: true }],
  ['Cannot schedule pods: Insufficient nvidia', undefined, {}, { unknown: true }],
];

describe('parseSchedulingMessage', () => {
  test.each(cases)('%s', (message, total, histogram, flags = {}) => {
    const p = parseSchedulingMessage(message);
    expect(p.total).toBe(total);
    expect(Object.fromEntries(histogramOf(p.entries, p.total))).toEqual(histogram);
    expect(p.preemption !== undefined).toBe(!!flags.preemption);
    expect(p.legacy).toBe(!!flags.legacy);
    expect(p.noNodes).toBe(!!flags.noNodes);
    expect(p.unknown).toBe(!!flags.unknown);
    expect(p.truncated).toBe(!!flags.truncated);
  });
});

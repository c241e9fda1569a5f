// The simulation against hand-built clusters, one case per filter semantic, each named with the sentence it proves.
import { snapshotOf } from '../testing/analyzer-tester';
import { node, pod, pv, pvc, storageClass } from '../testing/builders';
import { simulate } from './simulate';

function run(objects: unknown[], podName = 'p') {
  const snap = snapshotOf({ name: 'x', objects });
  const target = snap.pods.find((p) => p.metadata.name === podName);
  if (!target) throw new Error('no pod');
  return simulate(target, snap);
}

const reasonsOf = (sim: ReturnType<typeof simulate>) => Object.fromEntries(sim.nodes.map((n) => [n.name, n.first?.reasons.map((r) => r.text) ?? []]));
const small = (name: string) => node(name).resources({ cpu: '2', memory: '4Gi', pods: '110' });
const want = (cpu: string, memory: string) => pod('p').pending().container('app', (c) => c.requests({ cpu, memory }));

describe('simulate', () => {
  test("the runbook's 4-node example is rebuilt byte for byte", () => {
    const zoneB = { 'topology.kubernetes.io/zone': 'cn-east-1b' };
    const sim = run([
      node('10.0.3.11').resources({ cpu: '8', memory: '32Gi', pods: '110' }).labels({ 'topology.kubernetes.io/zone': 'cn-east-1a' }).build(),
      node('10.0.3.12').resources({ cpu: '2', memory: '10Gi', pods: '110' }).labels(zoneB).build(),
      node('10.0.3.13').resources({ cpu: '2', memory: '12Gi', pods: '110' }).labels(zoneB).build(),
      node('10.0.3.14').resources({ cpu: '4500m', memory: '9Gi', pods: '110' }).labels(zoneB).build(),
      pvc('data-tikv-0', { volumeName: 'pv-3f2a', storageClassName: 'cbs' }, 'default'),
      pv('pv-3f2a', { labels: zoneB, claim: 'data-tikv-0', storageClassName: 'cbs' }),
      storageClass('cbs', 'com.tencent.cloud.csi.cbs', 'WaitForFirstConsumer'),
      pod('p').pending().claim('data', 'data-tikv-0').container('tikv', (c) => c.requests({ cpu: '4', memory: '16Gi' })).build(),
    ]);
    expect(sim.message).toBe('0/4 nodes are available: 1 node(s) had no available volume zone, 2 Insufficient cpu, 3 Insufficient memory.');
  });

  test('a node name is matched by the PreFilter of a DaemonSet pod and the others count as absent (1.30+)', () => {
    const ds = pod('p').pending().set('spec.affinity', { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }] } } }).container('app').build();
    const sim = run([small('n1').resources({ pods: '0' }).build(), small('n2').build(), small('n3').build(), ds]);
    expect(sim.message).toBe("0/3 nodes are available: 1 Too many pods, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].");
  });

  test('before 1.30 the absent nodes are left out of the counts', () => {
    const ds = pod('p').pending().set('spec.affinity', { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }] } } }).container('app').build();
    const sim = run([small('n1').resources({ pods: '0' }).kubelet('v1.27.3').build(), small('n2').kubelet('v1.27.3').build(), ds]);
    expect(sim.message).toBe('0/2 nodes are available: 1 Too many pods.');
  });

  test('taint wording follows the cluster version', () => {
    const objs = (v: string) => [small('n1').taint('special', 'true', 'NoSchedule').kubelet(v).build(), want('100m', '1Mi').build()];
    expect(run(objs('v1.17.9')).message).toBe("0/1 nodes are available: 1 node(s) had taints that the pod didn't tolerate.");
    expect(run(objs('v1.22.1')).message).toBe("0/1 nodes are available: 1 node(s) had taint {special: true}, that the pod didn't tolerate.");
    expect(run(objs('v1.29.0')).message).toBe('0/1 nodes are available: 1 node(s) had untolerated taint {special: true}.');
    expect(run(objs('v1.35.0')).message).toBe('0/1 nodes are available: 1 node(s) had untolerated taint(s).');
  });

  test('an empty key with Exists tolerates every taint; PreferNoSchedule never blocks; the first untolerated taint is named', () => {
    const sim = run([
      small('a').taint('x', 'y', 'NoExecute').build(),
      small('b').taint('soft', 'y', 'PreferNoSchedule').build(),
      small('c').taint('tolerated', 'v', 'NoSchedule').taint('second', '', 'NoSchedule').kubelet('v1.30.0').build(),
      pod('p').pending().tolerate({ key: 'tolerated', operator: 'Equal', value: 'v' }).container('app').build(),
    ]);
    expect(reasonsOf(sim)).toEqual({ a: ['node(s) had untolerated taint {x: y}'], b: [], c: ['node(s) had untolerated taint {second: }'] });
    const all = run([small('a').taint('x', 'y', 'NoExecute').build(), pod('p').pending().tolerate({ operator: 'Exists' }).container('app').build()]);
    expect(all.fits).toEqual(['a']);
  });

  test('a cordoned node fails NodeUnschedulable first, unless the pod tolerates the unschedulable taint', () => {
    const objs = (tol: boolean) => [small('a').cordon().taint('node.kubernetes.io/unschedulable', undefined, 'NoSchedule').build(), (tol ? pod('p').pending().tolerate({ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }) : pod('p').pending()).container('app').build()];
    expect(run(objs(false)).message).toBe('0/1 nodes are available: 1 node(s) were unschedulable.');
    expect(run(objs(true)).fits).toEqual(['a']);
  });

  test('nodeSelector and required node affinity are ANDed; terms are ORed; Gt compares integers', () => {
    const aff = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'gen', operator: 'Gt', values: ['3'] }] }, { matchExpressions: [{ key: 'pool', operator: 'In', values: ['gpu'] }] }] } } };
    const sim = run([
      small('a').labels({ disk: 'ssd', gen: '4' }).build(),
      small('b').labels({ disk: 'ssd', gen: '10' }).build(),
      small('c').labels({ disk: 'hdd', pool: 'gpu' }).build(),
      small('d').labels({ disk: 'ssd', gen: 'x' }).build(),
      pod('p').pending().nodeSelector({ disk: 'ssd' }).set('spec.affinity', aff).container('app').build(),
    ]);
    expect(sim.fits).toEqual(['a', 'b']);
    expect(reasonsOf(sim).c).toEqual(["node(s) didn't match Pod's node affinity/selector"]);
  });

  test('init containers count by the max rule, not the sum', () => {
    const p = pod('p').pending().init('i1', (c) => c.requests({ cpu: '1500m' })).init('i2', (c) => c.requests({ cpu: '1500m' })).container('app', (c) => c.requests({ cpu: '500m' })).build();
    expect(run([small('a').build(), p]).fits).toEqual(['a']);
  });

  test('a sidecar counts for every init container after it and for the app containers', () => {
    const p = pod('p').pending().init('proxy', (c) => c.restartPolicy('Always').requests({ cpu: '1' })).init('migrate', (c) => c.requests({ cpu: '1500m' })).container('app', (c) => c.requests({ cpu: '500m' })).build();
    const sim = run([small('a').build(), p]);
    expect(reasonsOf(sim).a).toEqual(['Insufficient cpu']);
  });

  test('pod overhead is added to the request', () => {
    const p = pod('p').pending().set('spec.overhead', { memory: '1Gi' }).container('app', (c) => c.requests({ memory: '3584Mi' })).build();
    expect(reasonsOf(run([small('a').build(), p])).a).toEqual(['Insufficient memory']);
  });

  test('a GPU the node does not list counts as zero', () => {
    const p = pod('p').pending().container('app', (c) => c.requests({ 'nvidia.com/gpu': '1' })).build();
    expect(run([small('a').build(), small('b').resources({ 'nvidia.com/gpu': '1' }).build(), p]).message).toBeUndefined();
    expect(run([small('a').build(), p]).message).toBe('0/1 nodes are available: 1 Insufficient nvidia.com/gpu.');
  });

  test('a node full of pods rejects a pod that asks for nothing; Succeeded and Failed pods do not count', () => {
    const bound = (name: string, phase: string) => pod(name).node('a').phase(phase).container('c', (c) => c.running()).build();
    const objs = [small('a').resources({ pods: '2' }).build(), bound('x', 'Running'), bound('y', 'Running'), bound('z', 'Succeeded'), pod('p').pending().container('app').build()];
    expect(run(objs).message).toBe('0/1 nodes are available: 1 Too many pods.');
  });

  test('used requests come from non-terminal pods, terminating ones included', () => {
    const used = pod('t').node('a').deleting('2026-11-27T09:59:00Z').container('c', (c) => c.requests({ cpu: '1500m' }).running()).build();
    expect(reasonsOf(run([small('a').build(), used, want('1', '1Mi').build()])).a).toEqual(['Insufficient cpu']);
  });

  test('host ports conflict on 0.0.0.0 with any IP, and not across protocols', () => {
    const holder = pod('h').node('a').container('c', (c) => c.hostPort(8080, 'TCP', '10.0.0.1').running()).build();
    const mk = (protocol: string) => pod('p').pending().container('app', (c) => c.hostPort(8080, protocol)).build();
    expect(run([small('a').build(), holder, mk('TCP')]).message).toBe("0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports.");
    expect(run([small('a').build(), holder, mk('UDP')]).fits).toEqual(['a']);
  });

  test('an unbound Immediate claim rejects the pod in PreFilter, worded by version', () => {
    const objs = (v: string) => [small('a').kubelet(v).build(), small('b').kubelet(v).build(), storageClass('std', 'ebs.csi.aws.com'), pvc('data', { storageClassName: 'std' }), pod('p').pending().claim('d', 'data').container('app').build()];
    expect(run(objs('v1.24.1')).message).toBe('0/2 nodes are available: 2 pod has unbound immediate PersistentVolumeClaims.');
    expect(run(objs('v1.31.1')).message).toBe('0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims.');
  });

  test('a missing claim is "not found" only when the namespace\'s claims were captured', () => {
    const p = pod('p').pending().claim('d', 'nope').container('app').build();
    expect(run([small('a').build(), pvc('other', { volumeName: 'x' }), p]).message).toBe('0/1 nodes are available: persistentvolumeclaim "nope" not found.');
    expect(run([small('a').build(), p]).fits).toEqual(['a']);
  });

  test("a local volume's node affinity pins the pod to its node", () => {
    const objs = [small('a').build(), small('b').build(), pvc('data', { volumeName: 'local-1', storageClassName: 'local' }), pv('local-1', { claim: 'data', storageClassName: 'local', nodeAffinityHost: 'a' }), pod('p').pending().claim('d', 'data').container('app').build()];
    const sim = run(objs);
    expect(sim.fits).toEqual(['a']);
    expect(reasonsOf(sim).b).toEqual(['node(s) had volume node affinity conflict']);
  });

  test('a WaitForFirstConsumer claim with no provisioner needs an available local volume on the node', () => {
    const objs = [small('a').build(), small('b').build(), storageClass('local', 'kubernetes.io/no-provisioner', 'WaitForFirstConsumer'), pvc('data', { storageClassName: 'local' }), pv('local-a', { storageClassName: 'local', nodeAffinityHost: 'a' }), pod('p').pending().claim('d', 'data').container('app').build()];
    const sim = run(objs);
    expect(sim.fits).toEqual(['a']);
    expect(reasonsOf(sim).b).toEqual(["node(s) didn't find available persistent volumes to bind"]);
  });

  test('spread: maxSkew counts matching pods per zone, the pod itself included', () => {
    const z = (name: string, zone: string) => small(name).labels({ zone }).build();
    const placed = (name: string, nodeName: string) => pod(name).node(nodeName).labels({ app: 'web' }).container('c', (c) => c.running()).build();
    const p = pod('p').pending().labels({ app: 'web' }).set('spec.topologySpreadConstraints', [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }]).container('app').build();
    const sim = run([z('a', 'z1'), z('b', 'z2'), small('c').build(), placed('w1', 'a'), placed('w2', 'a'), placed('w3', 'b'), p]);
    expect(reasonsOf(sim)).toEqual({ a: ["node(s) didn't match pod topology spread constraints"], b: [], c: ["node(s) didn't match pod topology spread constraints (missing required label)"] });
  });

  test('pod anti-affinity keeps replicas apart, and an existing pod\'s anti-affinity repels the newcomer', () => {
    const anti = (key: string) => ({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: key, labelSelector: { matchLabels: { app: 'db' } } }] } });
    const placed = pod('db-0').node('a').labels({ app: 'db' }).container('c', (c) => c.running()).build();
    const sim = run([small('a').build(), small('b').build(), placed, pod('p').pending().labels({ app: 'db' }).set('spec.affinity', anti('kubernetes.io/hostname')).container('app').build()]);
    expect(reasonsOf(sim)).toEqual({ a: ["node(s) didn't match pod anti-affinity rules"], b: [] });
    const repeller = pod('lonely').node('a').labels({ app: 'x' }).set('spec.affinity', anti('kubernetes.io/hostname')).container('c', (c) => c.running()).build();
    const sim2 = run([small('a').build(), repeller, pod('p').pending().labels({ app: 'db' }).container('app').build()]);
    expect(sim2.message).toBe("0/1 nodes are available: 1 node(s) didn't satisfy existing pods anti-affinity rules.");
  });

  test('pod affinity needs a matching pod in the domain, except for the first pod that matches itself', () => {
    const aff = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'cache' } } }] } };
    const cache = pod('cache-0').node('b').labels({ app: 'cache' }).container('c', (c) => c.running()).build();
    expect(run([small('a').build(), small('b').build(), cache, pod('p').pending().set('spec.affinity', aff).container('app').build()]).fits).toEqual(['b']);
    expect(run([small('a').build(), pod('p').pending().labels({ app: 'cache' }).set('spec.affinity', aff).container('app').build()]).fits).toEqual(['a']);
    expect(run([small('a').build(), pod('p').pending().set('spec.affinity', aff).container('app').build()]).message).toBe("0/1 nodes are available: 1 node(s) didn't match pod affinity rules.");
  });

  test('a zonal volume only fits nodes of its zone, with beta labels and "__"-separated zones', () => {
    const objs = [
      small('a').labels({ 'failure-domain.beta.kubernetes.io/zone': 'us-1a' }).build(),
      small('b').labels({ 'topology.kubernetes.io/zone': 'us-1c' }).build(),
      pvc('data', { volumeName: 'pd' }),
      pv('pd', { claim: 'data', labels: { 'topology.kubernetes.io/zone': 'us-1a__us-1b' } }),
      pod('p').pending().claim('d', 'data').container('app').build(),
    ];
    const sim = run(objs);
    expect(sim.fits).toEqual(['a']);
  });

  test('nominated pods of higher priority hold their room', () => {
    const nominee = pod('big').pending().set('spec.priority', 1000).set('status.nominatedNodeName', 'a').container('c', (c) => c.requests({ cpu: '1500m' })).build();
    expect(reasonsOf(run([small('a').build(), nominee, want('1', '1Mi').build()])).a).toEqual(['Insufficient cpu']);
  });

  test('zero nodes give the scheduler\'s own message', () => {
    expect(run([want('1', '1Mi').build()]).message).toBe('no nodes available to schedule pods');
  });
});

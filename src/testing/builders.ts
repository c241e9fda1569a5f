// Fluent builders of the Kubernetes objects tests need, written as the API server would serve them.
type Obj = Record<string, unknown>;

export const T0 = '2026-11-27T10:00:00Z';
/** A timestamp `seconds` after T0 (negative: before). */
export function at(seconds: number): string {
  return new Date(Date.parse(T0) + seconds * 1000).toISOString().replace(/\.000Z$/, 'Z');
}

export class ContainerBuilder {
  readonly spec: Obj;
  readonly status: Obj;
  constructor(name: string) {
    this.spec = { name, image: `registry.example.com/${name}:1.0` };
    this.status = { name, ready: false, restartCount: 0, image: this.spec.image };
  }
  image(image: string): this {
    this.spec.image = image;
    this.status.image = image;
    return this;
  }
  command(...cmd: string[]): this {
    this.spec.command = cmd;
    return this;
  }
  requests(r: Record<string, string>): this {
    this.spec.resources = { ...((this.spec.resources as Obj) ?? {}), requests: r };
    return this;
  }
  limits(l: Record<string, string>): this {
    this.spec.resources = { ...((this.spec.resources as Obj) ?? {}), limits: l };
    return this;
  }
  probe(kind: 'liveness' | 'readiness' | 'startup', p: Obj = {}): this {
    this.spec[`${kind}Probe`] = { httpGet: { path: '/healthz', port: 8080 }, ...p };
    return this;
  }
  hostPort(port: number, protocol = 'TCP', hostIP?: string): this {
    this.spec.ports = [...((this.spec.ports as Obj[]) ?? []), { containerPort: port, hostPort: port, protocol, ...(hostIP ? { hostIP } : {}) }];
    return this;
  }
  restartPolicy(p: string): this {
    this.spec.restartPolicy = p;
    return this;
  }
  env(name: string, ref: { configMap?: string; secret?: string; key: string; optional?: boolean }): this {
    const valueFrom = ref.configMap
      ? { configMapKeyRef: { name: ref.configMap, key: ref.key, optional: ref.optional } }
      : { secretKeyRef: { name: ref.secret, key: ref.key, optional: ref.optional } };
    this.spec.env = [...((this.spec.env as Obj[]) ?? []), { name, valueFrom }];
    return this;
  }
  running(startedAt = at(-600), ready = true): this {
    this.status.state = { running: { startedAt } };
    this.status.ready = ready;
    this.status.started = true;
    return this;
  }
  waiting(reason: string, message?: string): this {
    this.status.state = { waiting: { reason, ...(message ? { message } : {}) } };
    this.status.ready = false;
    return this;
  }
  terminated(t: { exitCode: number; reason?: string; message?: string; startedAt?: string; finishedAt?: string; signal?: number }): this {
    this.status.state = { terminated: { startedAt: at(-120), finishedAt: at(-60), ...t } };
    this.status.ready = false;
    return this;
  }
  lastTerminated(t: { exitCode: number; reason?: string; message?: string; startedAt?: string; finishedAt?: string }): this {
    this.status.lastState = { terminated: { startedAt: at(-120), finishedAt: at(-60), ...t } };
    return this;
  }
  restarts(n: number): this {
    this.status.restartCount = n;
    return this;
  }
  noStatus(): this {
    (this.status as { __none?: boolean }).__none = true;
    return this;
  }
}

export class PodBuilder {
  private readonly obj: Obj;
  private readonly containers: ContainerBuilder[] = [];
  private readonly inits: ContainerBuilder[] = [];
  private unscheduled = false;
  constructor(name: string) {
    this.obj = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: at(-3600), labels: { app: name } },
      spec: { nodeName: 'node-1', restartPolicy: 'Always', containers: [] },
      status: { phase: 'Running', conditions: [] },
    };
  }
  private get meta(): Obj {
    return this.obj.metadata as Obj;
  }
  private get spec(): Obj {
    return this.obj.spec as Obj;
  }
  private get status(): Obj {
    return this.obj.status as Obj;
  }
  ns(namespace: string): this {
    this.meta.namespace = namespace;
    return this;
  }
  uid(uid: string): this {
    this.meta.uid = uid;
    return this;
  }
  labels(l: Record<string, string>): this {
    this.meta.labels = l;
    return this;
  }
  ownedBy(kind: string, name: string, hash?: string): this {
    this.meta.ownerReferences = [{ apiVersion: 'apps/v1', kind, name, uid: `uid-${name}`, controller: true }];
    if (hash) this.meta.labels = { ...(this.meta.labels as Obj), 'pod-template-hash': hash };
    return this;
  }
  node(name: string | undefined): this {
    if (name === undefined) delete this.spec.nodeName;
    else this.spec.nodeName = name;
    return this;
  }
  phase(p: string): this {
    this.status.phase = p;
    return this;
  }
  reason(reason: string, message?: string): this {
    this.status.reason = reason;
    if (message !== undefined) this.status.message = message;
    return this;
  }
  set(path: string, value: unknown): this {
    const keys = path.split('.');
    let cur: Obj = this.obj;
    for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Obj;
    cur[keys[keys.length - 1] as string] = value;
    return this;
  }
  condition(type: string, status: string, reason?: string, message?: string): this {
    (this.status.conditions as Obj[]).push({ type, status, ...(reason ? { reason } : {}), ...(message ? { message } : {}), lastTransitionTime: at(-300) });
    return this;
  }
  deleting(at_: string, grace = 30): this {
    this.meta.deletionTimestamp = at_;
    this.meta.deletionGracePeriodSeconds = grace;
    return this;
  }
  container(name: string, fn: (c: ContainerBuilder) => ContainerBuilder = (c) => c): this {
    this.containers.push(fn(new ContainerBuilder(name)));
    return this;
  }
  init(name: string, fn: (c: ContainerBuilder) => ContainerBuilder = (c) => c): this {
    this.inits.push(fn(new ContainerBuilder(name)));
    return this;
  }
  /** not scheduled yet: no node, no container statuses */
  pending(): this {
    delete this.spec.nodeName;
    this.status.phase = 'Pending';
    this.unscheduled = true;
    return this;
  }
  tolerate(t: Obj): this {
    this.spec.tolerations = [...((this.spec.tolerations as Obj[]) ?? []), t];
    return this;
  }
  nodeSelector(sel: Record<string, string>): this {
    this.spec.nodeSelector = sel;
    return this;
  }
  claim(volume: string, claimName: string): this {
    return this.volume({ name: volume, persistentVolumeClaim: { claimName } });
  }
  volume(v: Obj): this {
    this.spec.volumes = [...((this.spec.volumes as Obj[]) ?? []), v];
    return this;
  }
  /** Ready condition derived from the containers, as the kubelet would set it. */
  build(): Obj {
    const statuses = (list: ContainerBuilder[]) => (this.unscheduled ? [] : list).filter((c) => !(c.status as { __none?: boolean }).__none).map((c) => c.status);
    this.spec.containers = this.containers.map((c) => c.spec);
    if (this.inits.length) {
      this.spec.initContainers = this.inits.map((c) => c.spec);
      this.status.initContainerStatuses = statuses(this.inits);
    }
    if (!this.unscheduled) this.status.containerStatuses = statuses(this.containers);
    else delete this.status.initContainerStatuses;
    const conds = this.status.conditions as Obj[];
    if (!conds.some((c) => c.type === 'Ready') && this.status.phase === 'Running') {
      const ready = this.containers.every((c) => c.status.ready === true);
      conds.push({ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: at(-300) });
    }
    return structuredClone(this.obj);
  }
}

export class NodeBuilder {
  private readonly obj: Obj;
  constructor(name: string) {
    this.obj = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/arch': 'amd64' } },
      spec: {},
      status: {
        capacity: { cpu: '4', memory: '16Gi', pods: '110', 'ephemeral-storage': '100Gi' },
        allocatable: { cpu: '3900m', memory: '15Gi', pods: '110', 'ephemeral-storage': '90Gi' },
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', lastHeartbeatTime: at(-10), lastTransitionTime: at(-86400) }],
        nodeInfo: { kubeletVersion: 'v1.32.4', containerRuntimeVersion: 'containerd://1.7.22' },
      },
    };
  }
  labels(l: Record<string, string>): this {
    (this.obj.metadata as Obj).labels = { ...((this.obj.metadata as Obj).labels as Obj), ...l };
    return this;
  }
  taint(key: string, value: string | undefined, effect: string): this {
    const spec = this.obj.spec as Obj;
    spec.taints = [...((spec.taints as Obj[]) ?? []), { key, ...(value !== undefined ? { value } : {}), effect }];
    return this;
  }
  cordon(): this {
    (this.obj.spec as Obj).unschedulable = true;
    return this;
  }
  kubelet(version: string): this {
    ((this.obj.status as Obj).nodeInfo as Obj).kubeletVersion = version;
    return this;
  }
  resources(r: Record<string, string>): this {
    return this.capacity(r).allocatable(r);
  }
  capacity(c: Record<string, string>): this {
    (this.obj.status as Obj).capacity = { ...((this.obj.status as Obj).capacity as Obj), ...c };
    return this;
  }
  allocatable(a: Record<string, string>): this {
    (this.obj.status as Obj).allocatable = { ...((this.obj.status as Obj).allocatable as Obj), ...a };
    return this;
  }
  condition(type: string, status: string, reason?: string, message?: string): this {
    const conds = (this.obj.status as Obj).conditions as Obj[];
    const i = conds.findIndex((c) => c.type === type);
    const c = { type, status, ...(reason ? { reason } : {}), ...(message ? { message } : {}), lastHeartbeatTime: at(-10), lastTransitionTime: at(-600) };
    if (i >= 0) conds[i] = c;
    else conds.push(c);
    return this;
  }
  build(): Obj {
    return structuredClone(this.obj);
  }
}

let eventSeq = 0;

export class EventBuilder {
  private readonly obj: Obj;
  constructor(kind: 'Pod' | 'Node', name: string, reason: string, message: string, namespace = 'default') {
    eventSeq++;
    this.obj = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${name}.${eventSeq.toString(16).padStart(8, '0')}`, namespace },
      involvedObject: { kind, name, namespace: kind === 'Pod' ? namespace : undefined, uid: kind === 'Pod' ? `uid-${name}` : name },
      reason,
      message,
      type: 'Warning',
      count: 1,
      firstTimestamp: at(-300),
      lastTimestamp: at(-30),
      source: { component: 'kubelet' },
    };
  }
  container(name: string): this {
    (this.obj.involvedObject as Obj).fieldPath = `spec.containers{${name}}`;
    return this;
  }
  count(n: number): this {
    this.obj.count = n;
    return this;
  }
  last(t: string): this {
    this.obj.lastTimestamp = t;
    return this;
  }
  first(t: string): this {
    this.obj.firstTimestamp = t;
    return this;
  }
  uid(uid: string): this {
    (this.obj.involvedObject as Obj).uid = uid;
    return this;
  }
  type(t: string): this {
    this.obj.type = t;
    return this;
  }
  build(): Obj {
    return structuredClone(this.obj);
  }
}

export const pod = (name: string): PodBuilder => new PodBuilder(name);
export const node = (name: string): NodeBuilder => new NodeBuilder(name);
export const podEvent = (podName: string, reason: string, message: string, namespace = 'default'): EventBuilder => new EventBuilder('Pod', podName, reason, message, namespace);
export const nodeEvent = (nodeName: string, reason: string, message: string): EventBuilder => new EventBuilder('Node', nodeName, reason, message);
export const configMap = (name: string, keys: string[], namespace = 'default'): Obj => ({
  apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data: Object.fromEntries(keys.map((k) => [k, 'x'])),
});
export const secret = (name: string, keys: string[], namespace = 'default'): Obj => ({
  apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace }, type: 'Opaque', data: Object.fromEntries(keys.map((k) => [k, 'c2VjcmV0'])),
});

export const pvc = (name: string, spec: { volumeName?: string; storageClassName?: string; accessModes?: string[]; storage?: string; phase?: string; deleting?: boolean }, namespace = 'default'): Obj => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace, ...(spec.deleting ? { deletionTimestamp: at(-60) } : {}) },
  spec: {
    accessModes: spec.accessModes ?? ['ReadWriteOnce'],
    resources: { requests: { storage: spec.storage ?? '10Gi' } },
    ...(spec.storageClassName !== undefined ? { storageClassName: spec.storageClassName } : {}),
    ...(spec.volumeName ? { volumeName: spec.volumeName } : {}),
  },
  status: { phase: spec.phase ?? (spec.volumeName ? 'Bound' : 'Pending') },
});

export const pv = (name: string, spec: { labels?: Record<string, string>; claim?: string; storageClassName?: string; nodeAffinityHost?: string; csi?: { driver: string; handle: string }; storage?: string; phase?: string }): Obj => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name, labels: spec.labels ?? {} },
  spec: {
    capacity: { storage: spec.storage ?? '10Gi' },
    accessModes: ['ReadWriteOnce'],
    ...(spec.storageClassName !== undefined ? { storageClassName: spec.storageClassName } : {}),
    ...(spec.claim ? { claimRef: { name: spec.claim, namespace: 'default' } } : {}),
    ...(spec.csi ? { csi: { driver: spec.csi.driver, volumeHandle: spec.csi.handle } } : {}),
    ...(spec.nodeAffinityHost
      ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [spec.nodeAffinityHost] }] }] } } }
      : {}),
  },
  status: { phase: spec.phase ?? (spec.claim ? 'Bound' : 'Available') },
});

export const storageClass = (name: string, provisioner: string, mode: 'Immediate' | 'WaitForFirstConsumer' = 'Immediate', isDefault = false): Obj => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name, ...(isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}) },
  provisioner,
  volumeBindingMode: mode,
});

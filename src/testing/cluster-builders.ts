// Builders of the rest of a cluster tests need: nodes, events, ConfigMaps and Secrets (key names only), volumes.
import { at } from './time';

type Obj = Record<string, unknown>;

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

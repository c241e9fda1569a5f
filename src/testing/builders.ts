// Fluent builders of the Kubernetes objects tests need, written as the API server would serve them.
type Obj = Record<string, unknown>;

import { at } from './time';

export { at, T0 } from './time';

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

export const pod = (name: string): PodBuilder => new PodBuilder(name);

export * from './cluster-builders';

// The live source: two rounds of read-only kubectl calls that produce the same documents the file source does.
// Round one fetches the pods asked about; round two, in parallel, only what their analyses need.
import type { Pod } from '../../schemas/k8s';
import type { LogBlock, RawDocument, SnapshotInput } from '../snapshot/input';
import { isName } from '../k8s/names';
import { RESOURCE } from '../k8s/owners';
import { classifyFailure, Kubectl, KubectlError } from './kubectl';

export interface LiveTarget {
  kind: string;
  name: string;
}

export interface LiveRequest {
  targets: LiveTarget[];
  namespace?: string;
  allNamespaces: boolean;
  selector?: string;
  logTail: number;
}

export interface Skipped {
  analysis: string;
  reason: string;
}

export interface LiveResult {
  input: Omit<SnapshotInput, 'now' | 'clock'>;
  skipped: Skipped[];
  context?: string;
  namespace: string;
}

function assertName(what: string, name: string): void {
  if (!isName(name)) throw new KubectlError('other', `${what} ${JSON.stringify(name)} is not a valid Kubernetes name`);
}

interface Items {
  items?: unknown[];
}

/** Pods that the analyses will look at (round two is sized by these). */
function podsOf(doc: unknown): Pod[] {
  const d = doc as Items & { kind?: string };
  if (Array.isArray(d?.items)) return d.items as Pod[];
  return d?.kind === 'Pod' ? [d as unknown as Pod] : [];
}

export class LiveSource {
  private readonly documents: SnapshotInput['documents'] = [];
  private readonly logs: LogBlock[] = [];
  readonly skipped: Skipped[] = [];

  constructor(private readonly kubectl: Kubectl) {}

  private add(origin: string, value: unknown): void {
    const doc: RawDocument = { origin, value };
    this.documents.push({ ...doc, layoutPath: '', explicit: false });
  }

  /** One kubectl get; a Forbidden or failed call is recorded as a skipped analysis, not an abort. */
  private async tryGet(analysis: string, args: string[]): Promise<unknown> {
    try {
      const doc = await this.kubectl.getJson(args);
      this.add(`kubectl get ${args.join(' ')}`, doc);
      return doc;
    } catch (e) {
      if (!(e instanceof KubectlError) || e.kind === 'missing-binary' || e.kind === 'unreachable' || e.kind === 'unauthorized') throw e;
      if (e.kind !== 'not-found') this.skipped.push({ analysis, reason: e.message.replace(/^Error from server \((\w+)\): /, (_, k: string) => `${k.toLowerCase()}: `) });
      return undefined;
    }
  }

  private async context(): Promise<{ context?: string; namespace?: string }> {
    const r = await this.kubectl.run(['config', 'view', '--minify', '-o', 'json']);
    if (r.code !== 0) return {};
    try {
      const cfg = JSON.parse(r.stdout) as { contexts?: Array<{ name?: string; context?: { namespace?: string } }> };
      const c = cfg.contexts?.[0];
      return { ...(c?.name ? { context: c.name } : {}), ...(c?.context?.namespace ? { namespace: c.context.namespace } : {}) };
    } catch {
      return {};
    }
  }

  async collect(req: LiveRequest): Promise<LiveResult> {
    // the context is only needed for its name and default namespace: ask for it alongside round one
    // (skipped when the namespace is given: one kubectl process less on the critical path)
    const ctxP = req.namespace || req.allNamespaces ? Promise.resolve({} as { context?: string; namespace?: string }) : this.context().catch((): { context?: string; namespace?: string } => ({}));
    if (req.namespace) assertName('namespace', req.namespace);
    // without -n, kubectl itself applies the context's namespace
    const nsArgs = req.allNamespaces ? ['-A'] : req.namespace ? ['-n', req.namespace] : [];
    let namespace = req.namespace ?? 'default';
    const selector = req.selector ? ['-l', req.selector] : [];

    // round one: the pods asked about
    let pods: Pod[] = [];
    const podTargets = req.targets.filter((t) => t.kind === 'Pod');
    const workloadTargets = req.targets.filter((t) => t.kind !== 'Pod');
    for (const t of req.targets) assertName(t.kind.toLowerCase(), t.name);
    if (podTargets.length > 0 && workloadTargets.length === 0) {
      const args = ['get', ...podTargets.map((t) => `pod/${t.name}`), ...nsArgs.filter((a) => a !== '-A'), '-o', 'json'];
      const r = await this.kubectl.run(args);
      namespace = req.namespace ?? (await ctxP).namespace ?? 'default';
      const doc = r.stdout.trim() ? (JSON.parse(r.stdout) as unknown) : undefined;
      if (doc) this.add(`kubectl ${args.join(' ')}`, doc);
      pods = podsOf(doc);
      if (r.code !== 0 && pods.length < podTargets.length) {
        const failure = classifyFailure(r.stderr);
        if (failure.kind !== 'not-found') throw new KubectlError(failure.kind, failure.line);
        const missing = podTargets.find((t) => !pods.some((p) => p.metadata.name === t.name));
        await this.notFound(missing?.name ?? podTargets[0]?.name ?? '', namespace, r.stderr);
      }
    } else {
      const doc = await this.kubectl.getJson(['pods', ...nsArgs, ...selector]).catch((e: unknown) => {
        throw e instanceof KubectlError && e.kind === 'forbidden' ? new KubectlError('forbidden', `${e.message}: podwhy needs to list pods`) : e;
      });
      this.add(`kubectl get pods ${[...nsArgs, ...selector].join(' ')}`, doc);
      pods = podsOf(doc);
      namespace = req.namespace ?? (await ctxP).namespace ?? 'default';
      if (workloadTargets.length > 0) {
        await Promise.all([
          ...workloadTargets.map((t) => this.tryGet('workload', [`${RESOURCE[t.kind] ?? t.kind.toLowerCase()}/${t.name}`, '-n', namespace])),
          this.tryGet('workload pods', ['replicasets', '-n', namespace]),
          this.tryGet('workload events', ['events', '-n', namespace]),
        ]);
      }
    }
    await this.roundTwo(pods, namespace, req);
    const ctx = await ctxP;
    return {
      input: { documents: this.documents, logs: this.logs, errors: [], inputs: [`live${ctx.context ? `: ${ctx.context}` : ''}`] },
      skipped: this.skipped,
      namespace,
      ...(ctx.context ? { context: ctx.context } : {}),
    };
  }

  private async notFound(name: string, namespace: string, stderr: string): Promise<never> {
    const r = await this.kubectl.run(['get', 'pods', '-A', '--field-selector', `metadata.name=${name}`, '-o', 'json']);
    let hint = '';
    if (r.code === 0) {
      const others = podsOf(JSON.parse(r.stdout)).map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
      if (others.length) hint = `; did you mean ${others.join(', ')}? (use -n)`;
    }
    if (/NotFound|not found/.test(stderr)) throw new KubectlError('not-found', `pod ${name} not found in namespace ${namespace}${hint}`);
    throw new KubectlError('other', stderr.trim().split('\n').pop() ?? `cannot get pod ${name}`);
  }

  private async roundTwo(pods: Pod[], namespace: string, req: LiveRequest): Promise<void> {
    const jobs: Array<Promise<unknown>> = [];
    const namespaces = [...new Set(pods.map((p) => p.metadata.namespace ?? namespace))];
    const unscheduled = pods.some((p) => !p.spec?.nodeName && !p.metadata.deletionTimestamp);
    const nodes = [...new Set(pods.map((p) => p.spec?.nodeName).filter((n): n is string => !!n))];

    // events: by uid for one pod, else the namespaces'
    if (pods.length === 1 && pods[0]?.metadata.uid) {
      jobs.push(this.tryGet('events', ['events', '-n', namespaces[0] ?? namespace, '--field-selector', `involvedObject.uid=${pods[0].metadata.uid}`]));
    } else if (namespaces.length > 0 && namespaces.length <= 3) {
      for (const ns of namespaces) jobs.push(this.tryGet('events', ['events', '-n', ns]));
    } else if (namespaces.length > 3) {
      jobs.push(this.tryGet('events', ['events', '-A']));
    }

    if (unscheduled) {
      // the scheduler's view: every node and every pod that holds resources
      jobs.push(this.tryGet('node capacity (scheduling simulation)', ['nodes']));
      jobs.push(this.tryGet('node capacity (scheduling simulation)', ['pods', '-A', '--field-selector', 'status.phase!=Succeeded,status.phase!=Failed']));
      jobs.push(this.tryGet('scheduler health', ['lease', 'kube-scheduler', '-n', 'kube-system']));
      jobs.push(this.tryGet('volume limits', ['csinodes']));
    } else if (nodes.length > 0) {
      // nodes are cluster-scoped, so one call brings them and their kube-node-lease Leases
      jobs.push(this.tryGet('node health', [...nodes.map((n) => `node/${n}`), ...nodes.map((n) => `lease/${n}`), '-n', 'kube-node-lease']));
      // node events (SystemOOM, disk and runtime trouble) only matter for pods that were killed or are stuck
      const needNodeEvents = pods.some((p) => p.metadata.deletionTimestamp || p.status?.phase === 'Pending' || [...(p.status?.containerStatuses ?? [])].some((c) => c.lastState?.terminated?.reason === 'OOMKilled' || c.state?.terminated?.reason === 'OOMKilled' || (c.lastState?.terminated?.exitCode ?? 0) === 137));
      if (needNodeEvents && nodes.length <= 3) {
        for (const n of nodes) jobs.push(this.tryGet('node events', ['events', '-A', '--field-selector', `involvedObject.kind=Node,involvedObject.name=${n}`]));
      }
    }

    const claimNamespaces = [...new Set(pods.filter((p) => (p.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim || v.ephemeral)).map((p) => p.metadata.namespace ?? namespace))];
    for (const ns of claimNamespaces) jobs.push(this.tryGet('volumes', ['pvc', '-n', ns]));
    if (claimNamespaces.length > 0) {
      jobs.push(this.tryGet('volumes', ['pv']));
      jobs.push(this.tryGet('volumes', ['storageclass']));
    }

    // owners the analyses read: a failed Job pod's Job (did it complete later?), a deleted DaemonSet pod's DaemonSet
    const owners = new Map<string, Set<string>>();
    for (const p of pods) {
      for (const o of p.metadata.ownerReferences ?? []) {
        const needed = (o.kind === 'Job' && p.status?.phase === 'Failed') || (o.kind === 'DaemonSet' && !!p.metadata.deletionTimestamp);
        if (!needed || !RESOURCE[o.kind]) continue;
        const ns = p.metadata.namespace ?? namespace;
        const set = owners.get(ns) ?? new Set<string>();
        set.add(`${RESOURCE[o.kind]}/${o.name}`);
        owners.set(ns, set);
      }
    }
    for (const [ns, set] of owners) {
      const list = [...set].slice(0, 50);
      if (list.length) jobs.push(this.tryGet('owners', [...list, '-n', ns]));
    }

    // ConfigMaps by name; Secrets by key names only, never their data
    for (const ns of namespaces) {
      const cms = new Set<string>();
      const secrets = new Set<string>();
      for (const p of pods.filter((x) => (x.metadata.namespace ?? namespace) === ns)) {
        for (const c of [...(p.spec?.initContainers ?? []), ...(p.spec?.containers ?? [])]) {
          for (const e of c.env ?? []) {
            if (e.valueFrom?.configMapKeyRef?.name) cms.add(e.valueFrom.configMapKeyRef.name);
            if (e.valueFrom?.secretKeyRef?.name) secrets.add(e.valueFrom.secretKeyRef.name);
          }
          for (const e of c.envFrom ?? []) {
            if (e.configMapRef?.name) cms.add(e.configMapRef.name);
            if (e.secretRef?.name) secrets.add(e.secretRef.name);
          }
        }
        for (const v of p.spec?.volumes ?? []) {
          if (v.configMap?.name) cms.add(v.configMap.name);
          if (v.secret?.secretName) secrets.add(v.secret.secretName);
        }
      }
      for (const name of [...cms].slice(0, 20)) jobs.push(this.tryGet('ConfigMap keys', [`configmap/${name}`, '-n', ns]));
      for (const name of [...secrets].slice(0, 20)) jobs.push(this.secretKeys(ns, name));
    }

    // the last run's log of containers that crashed
    for (const p of pods) {
      for (const s of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) {
        const crashed = (s.restartCount ?? 0) > 0 || (s.state?.terminated && s.state.terminated.exitCode !== 0);
        if (!crashed) continue;
        jobs.push(this.previousLog(p, s.name, req.logTail, !!s.lastState?.terminated));
      }
    }
    await Promise.all(jobs);
  }

  private async secretKeys(ns: string, name: string): Promise<void> {
    // the go-template prints key names and nothing else: Secret values never leave the API server
    const r = await this.kubectl.run(['get', `secret/${name}`, '-n', ns, '-o', 'go-template={{range $k, $v := .data}}{{$k}}{{"\\n"}}{{end}}']);
    if (r.code !== 0) {
      if (!/NotFound|not found/.test(r.stderr)) this.skipped.push({ analysis: 'Secret keys', reason: r.stderr.trim().split('\n').pop() ?? 'failed' });
      return;
    }
    const keys = r.stdout.split('\n').filter(Boolean);
    this.add(`kubectl get secret/${name} -n ${ns} (key names)`, { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: ns }, data: Object.fromEntries(keys.map((k) => [k, ''])) });
  }

  private async previousLog(p: Pod, container: string, tail: number, previous: boolean): Promise<void> {
    const ns = p.metadata.namespace ?? 'default';
    const args = ['logs', p.metadata.name, '-n', ns, '-c', container, `--tail=${tail}`, ...(previous ? ['--previous'] : [])];
    const r = await this.kubectl.run(args);
    if (r.code !== 0) {
      if (/forbidden/i.test(r.stderr)) this.skipped.push({ analysis: 'container logs', reason: r.stderr.trim().split('\n').pop() ?? 'forbidden' });
      return;
    }
    this.logs.push({ namespace: ns, pod: p.metadata.name, container, previous, text: r.stdout });
  }
}

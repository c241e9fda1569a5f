// Which pods a command line asks about: names, kind/name targets, namespace scope and label selectors.
import type { Pod, Workload } from '../../schemas/k8s';
import { objectKey } from '../snapshot/input';
import { ownerOf } from '../k8s/owners';
import { matchesSelector, type Requirement } from '../k8s/selectors';
import type { Snapshot } from '../snapshot/types';
import { UserError } from './errors';
import type { Target } from './select-target';

export interface Scope {
  namespace?: string;
  selector: Requirement[];
}

function inScope(pod: Pod, scope: Scope): boolean {
  return (!scope.namespace || pod.metadata.namespace === scope.namespace) && matchesSelector(pod.metadata.labels, scope.selector);
}

function ownedBy(pod: Pod, t: Target): boolean {
  const direct = (pod.metadata.ownerReferences ?? []).some((r) => r.kind === t.kind && r.name === t.name);
  const top = ownerOf(pod);
  return direct || (top?.kind === t.kind && top.name === t.name);
}

function didYouMean(snapshot: Snapshot, name: string, scope: Scope): string {
  const sameName = snapshot.pods.filter((p) => p.metadata.name === name).map((p) => `${p.metadata.namespace}/${name}`);
  if (sameName.length) return `; it exists in ${sameName.join(', ')} (use -n)`;
  const similar = snapshot.pods
    .filter((p) => (!scope.namespace || p.metadata.namespace === scope.namespace) && (p.metadata.name.startsWith(name) || name.startsWith(p.metadata.name.replace(/-[a-z0-9]{5}$/, ''))))
    .slice(0, 3)
    .map((p) => p.metadata.name);
  return similar.length ? `; did you mean ${similar.join(', ')}?` : '';
}

export interface Selection {
  pods: Pod[];
  workloads: Workload[];
}

/** Workloads whose controller reports it cannot create pods. */
function failingWorkloads(snapshot: Snapshot, scope: Scope): Workload[] {
  const out: Workload[] = [];
  for (const w of snapshot.workloads.values()) {
    if (scope.namespace && w.metadata.namespace !== scope.namespace) continue;
    const events = snapshot.eventsByName.get(`${w.kind}/${w.metadata.namespace}/${w.metadata.name}`) ?? [];
    const failing = events.some((e) => e.reason === 'FailedCreate') || (w.status?.conditions ?? []).some((c) => c.type === 'ReplicaFailure' && c.status === 'True');
    if (!failing) continue;
    // report a Deployment's failure once, at the Deployment
    const parent = w.kind === 'ReplicaSet' ? w.metadata.ownerReferences?.find((o) => o.kind === 'Deployment') : undefined;
    const top = parent ? snapshot.workloads.get(objectKey('Deployment', w.metadata.namespace, parent.name)) : undefined;
    const chosen = top ?? w;
    if (!out.includes(chosen)) out.push(chosen);
  }
  return out;
}

export function select(snapshot: Snapshot, targets: Target[], scope: Scope): Selection {
  if (targets.length === 0) return { pods: snapshot.pods.filter((p) => inScope(p, scope)), workloads: scope.selector.length ? [] : failingWorkloads(snapshot, scope) };
  const out = new Map<string, Pod>();
  const workloads: Workload[] = [];
  for (const t of targets) {
    const matches = snapshot.pods.filter((p) => inScope(p, scope) && (t.kind === 'Pod' ? p.metadata.name === t.name : ownedBy(p, t)));
    const where = scope.namespace ? `namespace ${scope.namespace}` : 'the input';
    if (t.kind !== 'Pod') {
      const found = [...snapshot.workloads.values()].filter((w) => w.kind === t.kind && w.metadata.name === t.name && (!scope.namespace || w.metadata.namespace === scope.namespace));
      if (found.length > 1 && !scope.namespace) throw new UserError(`${t.kind} ${t.name} exists in several namespaces (${found.map((w) => w.metadata.namespace).join(', ')}): choose one with -n`);
      if (found[0]) workloads.push(found[0]);
      if (matches.length === 0 && !found[0]) throw new UserError(`${t.kind} ${t.name} not found in ${where}, and no pods of it either`);
    }
    if (matches.length === 0) {
      if (t.kind === 'Pod') throw new UserError(`pod ${t.name} not found in ${where}${didYouMean(snapshot, t.name, scope)}`);
      continue;
    }
    if (t.kind === 'Pod' && !scope.namespace) {
      const namespaces = [...new Set(matches.map((p) => p.metadata.namespace))];
      if (namespaces.length > 1) throw new UserError(`pod ${t.name} exists in several namespaces (${namespaces.join(', ')}): choose one with -n`);
    }
    for (const p of matches) out.set(`${p.metadata.namespace}/${p.metadata.name}`, p);
  }
  return { pods: [...out.values()], workloads };
}

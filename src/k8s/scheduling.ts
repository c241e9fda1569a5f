// Scheduling semantics shared by the filter plugins: toleration matching (k8s.io/api core/v1 toleration.go),
// node selector terms (component-helpers nodeaffinity), label selectors (apimachinery labels), pod requests
// (component-helpers resource/helpers.go PodRequests).
import type { Container, LabelSelector, Node, NodeSelectorTerm, Pod, Taint, Toleration } from '../../schemas/k8s';
import { resourceAmount, tryParseQuantity } from '../../schemas/quantity';
import { matchesRequirement, type Requirement } from './selectors';
import { isRestartableInit } from './status';

const int64 = /^-?\d+$/;

export function tolerates(t: Toleration, taint: Pick<Taint, 'key' | 'value' | 'effect'>): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? 'Equal') {
    case 'Exists':
      return true;
    case 'Equal':
    case '':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Lt':
    case 'Gt': {
      const tv = taint.value ?? '';
      const v = t.value ?? '';
      if (!int64.test(tv) || !int64.test(v)) return false;
      return t.operator === 'Lt' ? BigInt(tv) < BigInt(v) : BigInt(tv) > BigInt(v);
    }
    default:
      return false;
  }
}

export function toleratesTaint(tolerations: Toleration[] | null | undefined, taint: Pick<Taint, 'key' | 'value' | 'effect'>): boolean {
  return (tolerations ?? []).some((t) => tolerates(t, taint));
}

export function taintText(t: Pick<Taint, 'key' | 'value' | 'effect'>): string {
  const kv = t.value ? `${t.key}=${t.value}` : t.key;
  return t.effect ? `${kv}:${t.effect}` : kv;
}

/** The first NoSchedule/NoExecute taint of the node that the pod does not tolerate. */
export function firstUntoleratedTaint(node: Node, pod: Pod): Taint | undefined {
  return (node.spec.taints ?? []).find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !toleratesTaint(pod.spec.tolerations, t));
}

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt']);

function requirement(e: { key: string; operator: string; values?: string[] | null }): Requirement | undefined {
  if (!OPERATORS.has(e.operator)) return undefined;
  return { key: e.key, operator: e.operator as Requirement['operator'], values: e.values ?? [] };
}

/** One nodeSelectorTerm: expressions and fields ANDed; a term with neither matches nothing; a bad term matches nothing. */
export function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  for (const e of exprs) {
    const r = requirement(e);
    if (!r) return false;
    if ((r.operator === 'In' || r.operator === 'NotIn') && r.values.length === 0) return false;
    if (!matchesRequirement(labels, r)) return false;
  }
  for (const f of fields) {
    if (f.key !== 'metadata.name' || (f.operator !== 'In' && f.operator !== 'NotIn') || (f.values ?? []).length !== 1) return false;
    const inList = (f.values ?? []).includes(node.metadata.name);
    if (f.operator === 'In' ? !inList : inList) return false;
  }
  return true;
}

export function requiredNodeTerms(pod: Pod): NodeSelectorTerm[] | undefined {
  return pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? undefined;
}

export function nodeSelectorMatches(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  return Object.entries(pod.spec.nodeSelector ?? {}).every(([k, v]) => labels[k] === v);
}

/** GetRequiredNodeAffinity(pod).Match(node): nodeSelector AND (terms ORed). */
export function requiredAffinityMatches(pod: Pod, node: Node): boolean {
  if (!nodeSelectorMatches(pod, node)) return false;
  const terms = requiredNodeTerms(pod);
  if (!terms) return true;
  return terms.some((t) => termMatches(t, node));
}

/** metav1.LabelSelector: nil selects nothing, empty selects everything. */
export function labelSelectorMatches(sel: LabelSelector | null | undefined, labels: Record<string, string> | null | undefined): boolean {
  if (!sel) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const r = requirement(e);
    if (!r || r.operator === 'Gt' || r.operator === 'Lt') return false;
    if (!matchesRequirement(l, r)) return false;
  }
  return true;
}

export type ResourceMap = Map<string, bigint>;

function add(into: ResourceMap, from: ResourceMap): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0n) + v);
}

function maxInto(into: ResourceMap, from: ResourceMap): void {
  for (const [k, v] of from) if (v > (into.get(k) ?? 0n)) into.set(k, v);
}

export function resourceList(list: Record<string, string | number> | null | undefined): ResourceMap {
  const out: ResourceMap = new Map();
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = tryParseQuantity(v);
    if (q) out.set(k, resourceAmount(k, q));
  }
  return out;
}

function containerRequests(c: Container, statusRequests?: Record<string, string | number> | null): ResourceMap {
  const r = resourceList(c.resources?.requests);
  if (statusRequests) maxInto(r, resourceList(statusRequests));
  return r;
}

/**
 * The pod's effective request as the scheduler computes it: containers summed; init containers by the max rule, with
 * restartable (sidecar) init containers added to everything after them; then pod overhead. cpu in millicores.
 */
export function podRequests(pod: Pod): ResourceMap {
  const statusReq = new Map<string, Record<string, string | number> | null | undefined>();
  for (const s of pod.status.containerStatuses ?? []) statusReq.set(s.name, s.allocatedResources ?? s.resources?.requests);
  const reqs: ResourceMap = new Map();
  for (const c of pod.spec.containers) add(reqs, containerRequests(c, statusReq.get(c.name)));
  const restartable: ResourceMap = new Map();
  const initMax: ResourceMap = new Map();
  for (const c of pod.spec.initContainers ?? []) {
    const r = containerRequests(c);
    if (isRestartableInit(c)) {
      add(reqs, r);
      add(restartable, r);
      maxInto(initMax, restartable);
    } else {
      const eff: ResourceMap = new Map(restartable);
      add(eff, r);
      maxInto(initMax, eff);
    }
  }
  maxInto(reqs, initMax);
  add(reqs, resourceList(pod.spec.overhead));
  return reqs;
}

/** Pods that hold resources on their node: bound and not Succeeded/Failed (Pending, Running, Unknown, Terminating). */
export function countsAgainstNode(p: Pod): boolean {
  return !!p.spec.nodeName && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed';
}

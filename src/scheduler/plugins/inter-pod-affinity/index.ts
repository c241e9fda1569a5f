// Follows pkg/scheduler/framework/plugins/interpodaffinity/filtering.go (1.35): required pod affinity, then anti-
// affinity, then the required anti-affinity of pods already placed. ≤ 1.21 checked existing pods first and added
// "didn't match pod affinity/anti-affinity" to every failure.
import type { Pod, PodAffinityTerm } from '../../../../schemas/k8s';
import { labelSelectorMatches } from '../../../k8s/scheduling';
import { cached, unresolvable, unschedulable, type CycleState, type FilterPlugin, type NodeInfo, type Rejected } from '../../framework';
import { reasons } from '../../reasons';

export const Name = 'InterPodAffinity';
export type Rejection = Rejected<typeof Name> & { topologyKey: string } & (
  /** no domain of the node holds a pod the pod's required affinity selects (noMatchingPods: no such pod anywhere) */
  | { kind: 'podAffinity'; noMatchingPods: boolean }
  /** the node's domain holds a pod the pod's own anti-affinity excludes */
  | { kind: 'podAntiAffinity'; conflictsWith: string }
  /** a pod in the node's domain excludes this pod by its own required anti-affinity */
  | { kind: 'existingAntiAffinity'; conflictsWith: string }
);

interface Placed {
  pod: Pod;
  info: NodeInfo;
}

function namespaceLabels(state: CycleState, ns: string): Record<string, string> {
  return state.snapshot.others.get(`Namespace/${ns}`)?.metadata.labels ?? { 'kubernetes.io/metadata.name': ns };
}

/** Whether `target` is selected by `term`, a term owned by a pod of namespace `ownerNs`. */
export function termSelects(state: CycleState, term: PodAffinityTerm, ownerNs: string, target: Pod): boolean {
  const ns = target.metadata.namespace ?? 'default';
  const namespaces = term.namespaces ?? [];
  let nsOk: boolean;
  if (term.namespaceSelector) nsOk = namespaces.includes(ns) || labelSelectorMatches(term.namespaceSelector, namespaceLabels(state, ns));
  else nsOk = namespaces.length ? namespaces.includes(ns) : ns === ownerNs;
  return nsOk && labelSelectorMatches(term.labelSelector, target.metadata.labels);
}

/** Placed pods that carry required anti-affinity terms (few in any cluster), with their node. */
function placed(state: CycleState): Placed[] {
  return cached(state, 'placed', () => {
    const out: Placed[] = [];
    for (const info of state.nodes) {
      for (const pod of info.pods) {
        if (pod.spec.nodeName === info.name && pod.spec.affinity?.podAntiAffinity) out.push({ pod, info });
      }
    }
    return out;
  });
}

/** For each term, the topology values of the nodes holding a pod the term selects (and one such pod per value). */
function domainsOf(state: CycleState, key: string, terms: PodAffinityTerm[]): Array<Map<string, Pod>> {
  return cached(state, key, () => {
    const ns = state.pod.metadata.namespace ?? 'default';
    return terms.map((t) => {
      const values = new Map<string, Pod>();
      for (const info of state.nodes) {
        const v = info.node.metadata.labels?.[t.topologyKey];
        if (v === undefined || values.has(v)) continue;
        const hit = info.pods.find((p) => p.spec.nodeName === info.name && termSelects(state, t, ns, p));
        if (hit) values.set(v, hit);
      }
      return values;
    });
  });
}

const sameDomain = (a: NodeInfo, b: NodeInfo, key: string): boolean => {
  const va = a.node.metadata.labels?.[key];
  return va !== undefined && va === b.node.metadata.labels?.[key];
};

const podName = (p: Pod): string => `${p.metadata.namespace}/${p.metadata.name}`;

function affinity(state: CycleState, info: NodeInfo): Rejection | undefined {
  const terms = state.pod.spec.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  if (terms.length === 0) return undefined;
  const ns = state.pod.metadata.namespace ?? 'default';
  const domains = domainsOf(state, 'affinityDomains', terms);
  const labels = info.node.metadata.labels ?? {};
  if (domains.every((d) => d.size === 0)) {
    // no pod matches any term: allowed only when the pod would match its own terms (the first pod of a group)
    const selfMatch = terms.every((t) => termSelects(state, t, ns, state.pod));
    const hasKeys = terms.every((t) => labels[t.topologyKey] !== undefined);
    return selfMatch && hasKeys ? undefined : unresolvable(Name, [reasons.podAffinity()], { kind: 'podAffinity', topologyKey: terms[0]?.topologyKey ?? '', noMatchingPods: true });
  }
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i] as PodAffinityTerm;
    const v = labels[t.topologyKey];
    if (v === undefined || !(domains[i] as Map<string, Pod>).has(v)) return unresolvable(Name, [reasons.podAffinity()], { kind: 'podAffinity', topologyKey: t.topologyKey, noMatchingPods: false });
  }
  return undefined;
}

function antiAffinity(state: CycleState, info: NodeInfo): Rejection | undefined {
  const terms = state.pod.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  if (terms.length === 0) return undefined;
  const domains = domainsOf(state, 'antiAffinityDomains', terms);
  const labels = info.node.metadata.labels ?? {};
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i] as PodAffinityTerm;
    const v = labels[t.topologyKey];
    const hit = v === undefined ? undefined : (domains[i] as Map<string, Pod>).get(v);
    if (hit) return unschedulable(Name, [reasons.podAntiAffinity()], { kind: 'podAntiAffinity', topologyKey: t.topologyKey, conflictsWith: podName(hit) });
  }
  return undefined;
}

/** Placed pods whose own required anti-affinity selects the incoming pod, with the term. */
function repellers(state: CycleState): Array<{ p: Placed; t: PodAffinityTerm }> {
  return cached(state, 'repellers', () =>
    placed(state).filter((p) => (p.pod.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).length > 0).flatMap((p) =>
      (p.pod.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [])
        .filter((t) => termSelects(state, t, p.pod.metadata.namespace ?? 'default', state.pod))
        .map((t) => ({ p, t })),
    ),
  );
}

function existingAntiAffinity(state: CycleState, info: NodeInfo): Rejection | undefined {
  for (const { p, t } of repellers(state)) {
    if (sameDomain(p.info, info, t.topologyKey)) {
      return unschedulable(Name, [reasons.existingAntiAffinity()], { kind: 'existingAntiAffinity', topologyKey: t.topologyKey, conflictsWith: podName(p.pod) });
    }
  }
  return undefined;
}

const withLegacy = (s: Rejection): Rejection => ({ ...s, reasons: [reasons.legacyInterPod(), ...s.reasons] });

export const InterPodAffinity: FilterPlugin<Rejection> = {
  name: Name,
  filter(state, info) {
    if (state.minor <= 21) {
      const s = existingAntiAffinity(state, info) ?? affinity(state, info) ?? antiAffinity(state, info);
      return s ? withLegacy(s) : undefined;
    }
    return affinity(state, info) ?? antiAffinity(state, info) ?? existingAntiAffinity(state, info);
  },
};

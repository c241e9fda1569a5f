// Follows pkg/scheduler/framework/plugins/podtopologyspread/filtering.go (1.35): DoNotSchedule constraints only;
// domains of eligible nodes (nodeAffinityPolicy Honor by default, nodeTaintsPolicy Ignore by default); pods of the
// same namespace matching the selector (plus matchLabelKeys), not being deleted; minDomains.
import type { Pod, TopologySpreadConstraint } from '../../../../schemas/k8s';
import { firstUntoleratedTaint, labelSelectorMatches, requiredAffinityMatches } from '../../../k8s/scheduling';
import { cached, unresolvable, unschedulable, type CycleState, type FilterPlugin, type Rejected } from '../../framework';
import { reasons } from '../../reasons';

export const Name = 'PodTopologySpread';
export type Rejection = Rejected<typeof Name> & { topologyKey: string } & (
  | { kind: 'missingLabel' }
  /** the node's domain, its matching pods, the emptiest domain's count, and the skew placing the pod would make */
  | { kind: 'skew'; domain: string; count: number; min: number; skew: number; maxSkew: number }
);

interface ConstraintState {
  c: TopologySpreadConstraint;
  selector: NonNullable<TopologySpreadConstraint['labelSelector']>;
  counts: Map<string, number>;
  min: number;
  selfMatch: boolean;
}

function selectorWithKeys(c: TopologySpreadConstraint, pod: Pod): NonNullable<TopologySpreadConstraint['labelSelector']> {
  const sel = c.labelSelector ?? { matchLabels: {} };
  const extra: Record<string, string> = {};
  for (const k of c.matchLabelKeys ?? []) {
    const v = pod.metadata.labels?.[k];
    if (v !== undefined) extra[k] = v;
  }
  return { ...sel, matchLabels: { ...(sel.matchLabels ?? {}), ...extra } };
}

function compute(state: CycleState): ConstraintState[] {
  const pod = state.pod;
  const constraints = (pod.spec.topologySpreadConstraints ?? []).filter((c) => c.whenUnsatisfiable === 'DoNotSchedule');
  const keys = constraints.map((c) => c.topologyKey);
  return constraints.map((c) => {
    const selector = selectorWithKeys(c, pod);
    const counts = new Map<string, number>();
    for (const info of state.nodes) {
      const labels = info.node.metadata.labels ?? {};
      if (!keys.every((k) => labels[k] !== undefined)) continue;
      if ((c.nodeAffinityPolicy ?? 'Honor') === 'Honor' && !requiredAffinityMatches(pod, info.node)) continue;
      if (c.nodeTaintsPolicy === 'Honor' && firstUntoleratedTaint(info.node, pod)) continue;
      const domain = labels[c.topologyKey] as string;
      let n = counts.get(domain) ?? 0;
      for (const p of info.pods) {
        if (p.metadata.namespace === pod.metadata.namespace && !p.metadata.deletionTimestamp && p.spec.nodeName === info.name && labelSelectorMatches(selector, p.metadata.labels)) n++;
      }
      counts.set(domain, n);
    }
    const minDomains = c.minDomains ?? 1;
    const min = counts.size < minDomains ? 0 : Math.min(...counts.values());
    return { c, selector, counts, min: Number.isFinite(min) ? min : 0, selfMatch: labelSelectorMatches(selector, pod.metadata.labels) };
  });
}

export const PodTopologySpread: FilterPlugin<Rejection> = {
  name: Name,
  filter(state, info) {
    const all = cached(state, 'spread', () => compute(state));
    if (all.length === 0) return undefined;
    const labels = info.node.metadata.labels ?? {};
    for (const s of all) {
      if (labels[s.c.topologyKey] === undefined) return unresolvable(Name, [reasons.spreadLabel()], { kind: 'missingLabel', topologyKey: s.c.topologyKey });
    }
    for (const s of all) {
      const domain = labels[s.c.topologyKey] as string;
      const skew = (s.counts.get(domain) ?? 0) + (s.selfMatch ? 1 : 0) - s.min;
      if (skew > s.c.maxSkew) {
        return unschedulable(Name, [reasons.spread()], { kind: 'skew', topologyKey: s.c.topologyKey, domain, skew, maxSkew: s.c.maxSkew, count: s.counts.get(domain) ?? 0, min: s.min });
      }
    }
    return undefined;
  },
};

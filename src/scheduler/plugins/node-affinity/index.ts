// Follows pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go (1.35): nodeSelector AND required terms;
// PreFilter narrows the nodes when every term pins metadata.name (DaemonSet pods).
import { nodeSelectorMatches, requiredNodeTerms, termMatches } from '../../../k8s/scheduling';
import { unresolvable, type FilterPlugin, type Rejected } from '../../framework';
import { reasons } from '../../reasons';

export const Name = 'NodeAffinity';
/** One reason upstream; which half failed is kept so findings can tell a selector typo from an affinity term. */
export type Rejection = Rejected<typeof Name> & { fails: { nodeSelector: boolean; requiredAffinity: boolean } };

export const NodeAffinity: FilterPlugin<Rejection> = {
  name: Name,
  preFilter(state) {
    const terms = requiredNodeTerms(state.pod);
    if (!terms || terms.length === 0) return undefined;
    const names = new Set<string>();
    for (const t of terms) {
      const pin = (t.matchFields ?? []).find((f) => f.key === 'metadata.name' && f.operator === 'In' && (f.values ?? []).length === 1);
      if (!pin) return undefined;
      names.add((pin.values ?? [])[0] as string);
    }
    return { nodeNames: names };
  },
  filter(state, info) {
    const terms = requiredNodeTerms(state.pod);
    const nodeSelector = !nodeSelectorMatches(state.pod, info.node);
    const requiredAffinity = !!terms && !terms.some((t) => termMatches(t, info.node));
    if (!nodeSelector && !requiredAffinity) return undefined;
    return unresolvable(Name, [reasons.nodeAffinity(state.minor)], { fails: { nodeSelector, requiredAffinity } });
  },
};

// Follows pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go (1.35): nodeSelector AND required terms;
// PreFilter narrows the nodes when every term pins metadata.name (DaemonSet pods).
import { requiredAffinityMatches, requiredNodeTerms } from '../../../k8s/scheduling';
import { success, unresolvable, type FilterPlugin } from '../../framework';
import { reasons } from '../../reasons';

export const NodeAffinity: FilterPlugin = {
  name: 'NodeAffinity',
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
    return requiredAffinityMatches(state.pod, info.node) ? success : unresolvable([reasons.nodeAffinity(state.minor)]);
  },
};

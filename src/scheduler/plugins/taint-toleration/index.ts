// Follows pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go (1.35): the first untolerated
// NoSchedule/NoExecute taint in node.spec.taints order is the reason.
import type { Taint } from '../../../../schemas/k8s';
import { firstUntoleratedTaint } from '../../../k8s/scheduling';
import { unresolvable, type FilterPlugin, type Rejected } from '../../framework';
import { reasons } from '../../reasons';

export const Name = 'TaintToleration';
export type Rejection = Rejected<typeof Name> & { taint: Taint };

export const TaintToleration: FilterPlugin<Rejection> = {
  name: Name,
  filter(state, info) {
    const taint = firstUntoleratedTaint(info.node, state.pod);
    if (!taint) return undefined;
    return unresolvable(Name, [reasons.taint(state.minor, taint.key, taint.value ?? '')], { taint });
  },
};

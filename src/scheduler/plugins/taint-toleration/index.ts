// Follows pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go (1.35): the first untolerated
// NoSchedule/NoExecute taint in node.spec.taints order is the reason.
import { firstUntoleratedTaint } from '../../../k8s/scheduling';
import { success, unresolvable, type FilterPlugin } from '../../framework';
import { reasons } from '../../reasons';

export const TaintToleration: FilterPlugin = {
  name: 'TaintToleration',
  filter(state, info) {
    const taint = firstUntoleratedTaint(info.node, state.pod);
    if (!taint) return success;
    return unresolvable([reasons.taint(state.minor, taint.key, taint.value ?? '')], { taint });
  },
};

// Follows pkg/scheduler/framework/plugins/nodename/node_name.go (1.35).
import { success, unresolvable, type FilterPlugin } from '../../framework';
import { reasons } from '../../reasons';

export const NodeName: FilterPlugin = {
  name: 'NodeName',
  filter(state, info) {
    const wanted = state.pod.spec.nodeName;
    if (!wanted || wanted === info.name) return success;
    return unresolvable([reasons.nodeName(state.minor)]);
  },
};

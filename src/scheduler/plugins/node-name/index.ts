// Follows pkg/scheduler/framework/plugins/nodename/node_name.go (1.35).
import { unresolvable, type FilterPlugin, type Rejected } from '../../framework';
import { reasons } from '../../reasons';

export const Name = 'NodeName';
export type Rejection = Rejected<typeof Name>;

export const NodeName: FilterPlugin<Rejection> = {
  name: Name,
  filter(state, info) {
    const wanted = state.pod.spec.nodeName;
    if (!wanted || wanted === info.name) return undefined;
    return unresolvable(Name, [reasons.nodeName(state.minor)], {});
  },
};

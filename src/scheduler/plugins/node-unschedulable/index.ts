// Follows pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go (1.35).
import { toleratesTaint } from '../../../k8s/scheduling';
import { unresolvable, type FilterPlugin, type Rejected } from '../../framework';
import { reasons } from '../../reasons';

export const Name = 'NodeUnschedulable';
export type Rejection = Rejected<typeof Name>;

export const NodeUnschedulable: FilterPlugin<Rejection> = {
  name: Name,
  filter(state, info) {
    if (!info.node.spec.unschedulable) return undefined;
    if (toleratesTaint(state.pod.spec.tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) return undefined;
    return unresolvable(Name, [reasons.unschedulable()], {});
  },
};

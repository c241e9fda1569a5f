// Follows pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go (1.35).
import { toleratesTaint } from '../../../k8s/scheduling';
import { success, unresolvable, type FilterPlugin } from '../../framework';
import { reasons } from '../../reasons';

export const NodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(state, info) {
    if (!info.node.spec.unschedulable) return success;
    if (toleratesTaint(state.pod.spec.tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) return success;
    return unresolvable([reasons.unschedulable()]);
  },
};

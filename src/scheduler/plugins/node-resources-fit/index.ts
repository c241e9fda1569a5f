// Follows pkg/scheduler/framework/plugins/noderesources/fit.go fitsRequest (1.35): pods first, then cpu, memory,
// ephemeral-storage, then scalar resources; a resource the node does not list counts as 0 allocatable.
import { resourceList } from '../../../k8s/scheduling';
import { success, unschedulable, type FilterPlugin } from '../../framework';
import { reasons, type Reason } from '../../reasons';

export interface Shortfall {
  resource: string;
  asked: bigint;
  used: bigint;
  allocatable: bigint;
}

const FIRST = ['cpu', 'memory', 'ephemeral-storage'];

export const NodeResourcesFit: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(state, info) {
    // a node saved without status.allocatable (redacted or truncated) has unknown room: do not call it full
    if (!info.node.status.allocatable) return success;
    const allocatable = resourceList(info.node.status.allocatable);
    const out: Reason[] = [];
    const shortfalls: Shortfall[] = [];
    const maxPods = allocatable.get('pods') ?? 0n;
    if (BigInt(info.pods.length + 1) > maxPods) {
      out.push(reasons.tooManyPods(state.minor));
      shortfalls.push({ resource: 'pods', asked: 1n, used: BigInt(info.pods.length), allocatable: maxPods });
    }
    const req = state.podRequest;
    const scalars = [...req.keys()].filter((k) => !FIRST.includes(k) && k !== 'pods').sort();
    for (const r of [...FIRST, ...scalars]) {
      const asked = req.get(r) ?? 0n;
      if (asked <= 0n) continue;
      const alloc = allocatable.get(r) ?? 0n;
      const used = info.requested.get(r) ?? 0n;
      if (asked > alloc - used) {
        out.push(reasons.insufficient(r));
        shortfalls.push({ resource: r, asked, used, allocatable: alloc });
      }
    }
    return out.length === 0 ? success : unschedulable(out, { shortfalls });
  },
};

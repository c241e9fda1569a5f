// Follows pkg/scheduler/framework/plugins/noderesources/fit.go fitsRequest (1.35): pods first, then cpu, memory,
// ephemeral-storage, then scalar resources; a resource the node does not list counts as 0 allocatable.
import { resourceList } from '../../../k8s/scheduling';
import { unschedulable, type FilterPlugin, type Rejected } from '../../framework';
import { reasons, type Reason } from '../../reasons';

export const Name = 'NodeResourcesFit';

/** upstream's InsufficientResource: what the pod requests, what the node's pods use, what the node can give */
export interface InsufficientResource {
  resource: string;
  requested: bigint;
  used: bigint;
  capacity: bigint;
}

export type Rejection = Rejected<typeof Name> & { insufficient: InsufficientResource[] };

const FIRST = ['cpu', 'memory', 'ephemeral-storage'];

export const NodeResourcesFit: FilterPlugin<Rejection> = {
  name: Name,
  filter(state, info) {
    // a node saved without status.allocatable (redacted or truncated) has unknown room: do not call it full
    if (!info.node.status.allocatable) return undefined;
    const allocatable = resourceList(info.node.status.allocatable);
    const out: Reason[] = [];
    const insufficient: InsufficientResource[] = [];
    const maxPods = allocatable.get('pods') ?? 0n;
    if (BigInt(info.pods.length + 1) > maxPods) {
      out.push(reasons.tooManyPods(state.minor));
      insufficient.push({ resource: 'pods', requested: 1n, used: BigInt(info.pods.length), capacity: maxPods });
    }
    const req = state.podRequest;
    const scalars = [...req.keys()].filter((k) => !FIRST.includes(k) && k !== 'pods').sort();
    for (const r of [...FIRST, ...scalars]) {
      const requested = req.get(r) ?? 0n;
      if (requested <= 0n) continue;
      const capacity = allocatable.get(r) ?? 0n;
      const used = info.requested.get(r) ?? 0n;
      if (requested > capacity - used) {
        out.push(reasons.insufficient(r));
        insufficient.push({ resource: r, requested, used, capacity });
      }
    }
    return out.length === 0 ? undefined : unschedulable(Name, out, { insufficient });
  },
};

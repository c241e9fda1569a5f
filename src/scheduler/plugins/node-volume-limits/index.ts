// Follows pkg/scheduler/framework/plugins/nodevolumelimits/csi.go (1.35): per CSI driver, the unique volumes of
// the node's pods plus the pod's new ones must not exceed CSINode.spec.drivers[].allocatable.count.
import type { Pod } from '../../../../schemas/k8s';
import type { Snapshot } from '../../../snapshot/types';
import { unschedulable, type FilterPlugin, type Rejected } from '../../framework';
import { reasons } from '../../reasons';
import { claimsOf } from '../../volumes';

export const Name = 'NodeVolumeLimits';
export type Rejection = Rejected<typeof Name> & { driver: string; limit: number; attached: number; wanted: number };

function csiVolumes(pod: Pod, snapshot: Snapshot): Array<{ driver: string; handle: string }> {
  return claimsOf(pod, snapshot).flatMap((c) => (c.pv?.spec.csi ? [{ driver: c.pv.spec.csi.driver, handle: c.pv.spec.csi.volumeHandle }] : []));
}

export const NodeVolumeLimits: FilterPlugin<Rejection> = {
  name: Name,
  filter(state, info) {
    const csiNode = state.snapshot.csiNodes.get(info.name);
    if (!csiNode) return undefined;
    const mine = csiVolumes(state.pod, state.snapshot);
    if (mine.length === 0) return undefined;
    const attached = new Map<string, Set<string>>();
    for (const p of info.pods) {
      for (const v of csiVolumes(p, state.snapshot)) {
        const set = attached.get(v.driver) ?? new Set<string>();
        set.add(v.handle);
        attached.set(v.driver, set);
      }
    }
    for (const d of csiNode.spec.drivers ?? []) {
      const limit = d.allocatable?.count;
      if (limit === undefined || limit === null) continue;
      const existing = attached.get(d.name) ?? new Set<string>();
      const fresh = new Set(mine.filter((v) => v.driver === d.name && !existing.has(v.handle)).map((v) => v.handle));
      if (fresh.size > 0 && existing.size + fresh.size > limit) {
        return unschedulable(Name, [reasons.volumeLimit()], { driver: d.name, limit, attached: existing.size, wanted: fresh.size });
      }
    }
    return undefined;
  },
};

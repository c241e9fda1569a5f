// Follows pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions.go (1.35): the same GCE PD
// (unless both read-only) or AWS EBS volume already used on the node conflicts; a ReadWriteOncePod claim in use
// by another pod rejects the pod in PreFilter.
import type { Pod } from '../../../../schemas/k8s';
import { unresolvable, unschedulable, type FilterPlugin, type Rejected } from '../../framework';
import { preFilterMessages, reasons } from '../../reasons';
import { stateClaims } from '../../volumes';

export const Name = 'VolumeRestrictions';
export type Rejection = Rejected<typeof Name> & (
  | { kind: 'diskConflict'; disk: string; holder: string }
  | { kind: 'readWriteOncePod'; claim: string; holder: string }
);

function disks(pod: Pod): Array<{ id: string; readOnly: boolean }> {
  return (pod.spec.volumes ?? []).flatMap((v) => {
    if (v.gcePersistentDisk) return [{ id: `gce:${v.gcePersistentDisk.pdName}`, readOnly: !!v.gcePersistentDisk.readOnly }];
    if (v.awsElasticBlockStore) return [{ id: `ebs:${v.awsElasticBlockStore.volumeID}`, readOnly: false }];
    return [];
  });
}

const podName = (p: Pod): string => `${p.metadata.namespace}/${p.metadata.name}`;

export const VolumeRestrictions: FilterPlugin<Rejection> = {
  name: Name,
  preFilter(state) {
    for (const c of stateClaims(state)) {
      if (!(c.pvc?.spec.accessModes ?? []).includes('ReadWriteOncePod')) continue;
      const ns = state.pod.metadata.namespace;
      const user = state.snapshot.pods.find(
        (p) => p !== state.pod && p.metadata.namespace === ns && p.spec.nodeName && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed' && (p.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === c.name),
      );
      if (user) return { rejected: unresolvable(Name, [reasons.preFilter(preFilterMessages.rwopConflict)], { kind: 'readWriteOncePod', claim: c.name, holder: podName(user) }) };
    }
    return undefined;
  },
  filter(state, info) {
    const mine = disks(state.pod);
    if (mine.length === 0) return undefined;
    for (const other of info.pods) {
      for (const d of disks(other)) {
        const clash = mine.find((m) => m.id === d.id && !(m.readOnly && d.readOnly));
        if (clash) return unschedulable(Name, [reasons.diskConflict()], { kind: 'diskConflict', disk: clash.id, holder: podName(other) });
      }
    }
    return undefined;
  },
};

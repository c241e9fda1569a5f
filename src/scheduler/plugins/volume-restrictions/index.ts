// Follows pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions.go (1.35): the same GCE PD
// (unless both read-only) or AWS EBS volume already used on the node conflicts; a ReadWriteOncePod claim in use
// by another pod rejects the pod in PreFilter.
import type { Pod } from '../../../../schemas/k8s';
import { success, unschedulable, type FilterPlugin } from '../../framework';
import { reasons } from '../../reasons';
import { stateClaims } from '../../volumes';

function disks(pod: Pod): Array<{ id: string; readOnly: boolean }> {
  return (pod.spec.volumes ?? []).flatMap((v) => {
    if (v.gcePersistentDisk) return [{ id: `gce:${v.gcePersistentDisk.pdName}`, readOnly: !!v.gcePersistentDisk.readOnly }];
    if (v.awsElasticBlockStore) return [{ id: `ebs:${v.awsElasticBlockStore.volumeID}`, readOnly: false }];
    return [];
  });
}

export const VolumeRestrictions: FilterPlugin = {
  name: 'VolumeRestrictions',
  preFilter(state) {
    for (const c of stateClaims(state)) {
      if (!(c.pvc?.spec.accessModes ?? []).includes('ReadWriteOncePod')) continue;
      const ns = state.pod.metadata.namespace;
      const user = state.snapshot.pods.find(
        (p) => p !== state.pod && p.metadata.namespace === ns && p.spec.nodeName && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed' && (p.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === c.name),
      );
      if (user) return { rejected: reasons.rwopConflict().text };
    }
    return undefined;
  },
  filter(state, info) {
    const mine = disks(state.pod);
    if (mine.length === 0) return success;
    for (const other of info.pods) {
      for (const d of disks(other)) {
        const clash = mine.find((m) => m.id === d.id && !(m.readOnly && d.readOnly));
        if (clash) return unschedulable([reasons.diskConflict()], { disk: clash.id, holder: `${other.metadata.namespace}/${other.metadata.name}` });
      }
    }
    return success;
  },
};

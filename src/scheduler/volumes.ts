// The pod's persistent volume claims resolved against the snapshot, shared by the volume plugins.
import type { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../schemas/k8s';
import type { Snapshot } from '../snapshot/types';
import { cached, type CycleState } from './framework';

export interface Claim {
  volume: string;
  name: string;
  ephemeral: boolean;
  pvc?: PersistentVolumeClaim;
  pv?: PersistentVolume;
  storageClass?: StorageClass;
  /** the snapshot holds this namespace's claims, so a missing one is really missing */
  pvcsCaptured: boolean;
  pvsCaptured: boolean;
}

export function claimsOf(pod: Pod, snapshot: Snapshot): Claim[] {
  const ns = pod.metadata.namespace ?? 'default';
  const pvcsCaptured = snapshot.captured.get('PersistentVolumeClaim')?.has(ns) ?? false;
  const pvsCaptured = snapshot.captured.has('PersistentVolume');
  const out: Claim[] = [];
  for (const v of pod.spec.volumes ?? []) {
    const name = v.persistentVolumeClaim?.claimName ?? (v.ephemeral ? `${pod.metadata.name}-${v.name}` : undefined);
    if (!name) continue;
    const pvc = snapshot.pvcs.get(`${ns}/${name}`);
    const pv = pvc?.spec.volumeName ? snapshot.pvs.get(pvc.spec.volumeName) : undefined;
    const scName = pvc?.spec.storageClassName ?? pv?.spec.storageClassName ?? undefined;
    const storageClass = scName ? snapshot.storageClasses.get(scName) : undefined;
    out.push({ volume: v.name, name, ephemeral: !v.persistentVolumeClaim, pvc, pv, storageClass, pvcsCaptured, pvsCaptured });
  }
  return out;
}

export const stateClaims = (state: CycleState): Claim[] => cached(state, 'claims', () => claimsOf(state.pod, state.snapshot));

export function isBound(c: Claim): boolean {
  return !!c.pvc?.spec.volumeName;
}

export function bindingMode(c: Claim): 'Immediate' | 'WaitForFirstConsumer' | 'unknown' {
  if (!c.storageClass) return 'unknown';
  return c.storageClass.volumeBindingMode === 'WaitForFirstConsumer' ? 'WaitForFirstConsumer' : 'Immediate';
}

export const ZONE_LABELS = ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'];
export const REGION_LABELS = ['topology.kubernetes.io/region', 'failure-domain.beta.kubernetes.io/region'];

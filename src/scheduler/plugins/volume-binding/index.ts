// Follows pkg/scheduler/framework/plugins/volumebinding/volume_binding.go and binder.go (1.35), reduced to what a
// snapshot can tell: missing or deleting claims and unbound Immediate claims reject the pod in PreFilter; a bound
// volume's node affinity must match the node; an unbound WaitForFirstConsumer claim needs a provisioner or a
// matching available PersistentVolume.
import { requiredAffinityMatches, termMatches } from '../../../k8s/scheduling';
import { tryParseQuantity, value } from '../../../k8s/quantity';
import type { Node, PersistentVolume } from '../../../../schemas/k8s';
import { success, unresolvable, type FilterPlugin } from '../../framework';
import { preFilterMessages, reasons } from '../../reasons';
import { bindingMode, isBound, stateClaims, type Claim } from '../../volumes';

export function pvMatchesNode(pv: PersistentVolume, node: Node): boolean {
  const terms = pv.spec.nodeAffinity?.required?.nodeSelectorTerms;
  if (!terms) return true;
  return terms.some((t) => termMatches(t, node));
}

function staticCandidates(c: Claim, all: PersistentVolume[]): PersistentVolume[] {
  const want = value(tryParseQuantity(c.pvc?.spec.resources?.requests?.storage) ?? { nanos: 0n, format: 'DecimalSI' });
  const modes = c.pvc?.spec.accessModes ?? [];
  return all.filter((pv) => {
    if (pv.status.phase && pv.status.phase !== 'Available') return false;
    if (pv.spec.claimRef && (pv.spec.claimRef.name !== c.name)) return false;
    if ((pv.spec.storageClassName ?? '') !== (c.pvc?.spec.storageClassName ?? '')) return false;
    const cap = value(tryParseQuantity(pv.spec.capacity?.storage) ?? { nanos: 0n, format: 'DecimalSI' });
    return cap >= want && modes.every((m) => (pv.spec.accessModes ?? []).includes(m));
  });
}

const hasProvisioner = (c: Claim): boolean => !!c.storageClass?.provisioner && c.storageClass.provisioner !== 'kubernetes.io/no-provisioner';

export const VolumeBinding: FilterPlugin = {
  name: 'VolumeBinding',
  preFilter(state) {
    for (const c of stateClaims(state)) {
      if (!c.pvc) {
        if (!c.pvcsCaptured) continue;
        return { rejected: c.ephemeral ? preFilterMessages.ephemeralPending(c.name) : preFilterMessages.pvcNotFound(c.name) };
      }
      if (c.pvc.metadata.deletionTimestamp) return { rejected: preFilterMessages.pvcDeleting(c.name) };
      if (isBound(c)) {
        if (!c.pv && c.pvsCaptured) return { rejected: preFilterMessages.boundToMissingPv(c.name, c.pvc.spec.volumeName as string) };
        continue;
      }
      if (bindingMode(c) !== 'WaitForFirstConsumer') return { rejected: preFilterMessages.unboundImmediate };
    }
    return undefined;
  },
  filter(state, info) {
    const pvs = [...state.snapshot.pvs.values()];
    for (const c of stateClaims(state)) {
      if (c.pv) {
        if (!pvMatchesNode(c.pv, info.node)) return unresolvable([reasons.volumeNodeAffinity()], { claim: c.name, pv: c.pv.metadata.name });
        continue;
      }
      if (!c.pvc || isBound(c) || bindingMode(c) !== 'WaitForFirstConsumer' || hasProvisioner(c)) continue;
      const candidates = staticCandidates(c, pvs);
      if (!candidates.some((pv) => pvMatchesNode(pv, info.node) && requiredAffinityMatches(state.pod, info.node))) {
        return unresolvable([reasons.volumeBind()], { claim: c.name });
      }
    }
    return success;
  },
};

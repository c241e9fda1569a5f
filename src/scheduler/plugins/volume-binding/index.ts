// Follows pkg/scheduler/framework/plugins/volumebinding/volume_binding.go and binder.go (1.35), reduced to what a
// snapshot can tell: missing or deleting claims and unbound Immediate claims reject the pod in PreFilter; a bound
// volume's node affinity must match the node; an unbound WaitForFirstConsumer claim needs a provisioner or a
// matching available PersistentVolume.
import { requiredAffinityMatches, termMatches } from '../../../k8s/scheduling';
import { tryParseQuantity, value } from '../../../../schemas/quantity';
import type { Node, PersistentVolume } from '../../../../schemas/k8s';
import { unresolvable, type FilterPlugin, type Rejected, type RejectionData } from '../../framework';
import { preFilterMessages, reasons } from '../../reasons';
import { bindingMode, isBound, stateClaims, type Claim } from '../../volumes';

export const Name = 'VolumeBinding';
export type Rejection = Rejected<typeof Name> & { claim: string } & (
  /** PreFilter: the claim does not exist (yet), is being deleted, or is unbound with Immediate binding */
  | { kind: 'claimNotFound' | 'ephemeralPending' | 'claimDeleting' | 'unboundImmediate' }
  /** PreFilter: the claim is bound to a volume that does not exist */
  | { kind: 'boundToMissingVolume'; pv: string }
  /** Filter: the bound volume's node affinity excludes the node */
  | { kind: 'volumeNodeAffinity'; pv: string }
  /** Filter: no available PersistentVolume on the node for an unbound WaitForFirstConsumer claim */
  | { kind: 'noVolumeToBind' }
);

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

const rejectCycle = (message: string, data: RejectionData<Rejection>): { rejected: Rejection } => ({ rejected: unresolvable(Name, [reasons.preFilter(message)], data) });

export const VolumeBinding: FilterPlugin<Rejection> = {
  name: Name,
  preFilter(state) {
    for (const c of stateClaims(state)) {
      const claim = c.name;
      if (!c.pvc) {
        if (!c.pvcsCaptured) continue;
        return c.ephemeral ? rejectCycle(preFilterMessages.ephemeralPending(claim), { kind: 'ephemeralPending', claim }) : rejectCycle(preFilterMessages.pvcNotFound(claim), { kind: 'claimNotFound', claim });
      }
      if (c.pvc.metadata.deletionTimestamp) return rejectCycle(preFilterMessages.pvcDeleting(claim), { kind: 'claimDeleting', claim });
      if (isBound(c)) {
        const pv = c.pvc.spec.volumeName as string;
        if (!c.pv && c.pvsCaptured) return rejectCycle(preFilterMessages.boundToMissingPv(claim, pv), { kind: 'boundToMissingVolume', claim, pv });
        continue;
      }
      if (bindingMode(c) !== 'WaitForFirstConsumer') return rejectCycle(preFilterMessages.unboundImmediate, { kind: 'unboundImmediate', claim });
    }
    return undefined;
  },
  filter(state, info) {
    const pvs = [...state.snapshot.pvs.values()];
    for (const c of stateClaims(state)) {
      if (c.pv) {
        if (!pvMatchesNode(c.pv, info.node)) return unresolvable(Name, [reasons.volumeNodeAffinity()], { kind: 'volumeNodeAffinity', claim: c.name, pv: c.pv.metadata.name });
        continue;
      }
      if (!c.pvc || isBound(c) || bindingMode(c) !== 'WaitForFirstConsumer' || hasProvisioner(c)) continue;
      const candidates = staticCandidates(c, pvs);
      if (!candidates.some((pv) => pvMatchesNode(pv, info.node) && requiredAffinityMatches(state.pod, info.node))) {
        return unresolvable(Name, [reasons.volumeBind()], { kind: 'noVolumeToBind', claim: c.name });
      }
    }
    return undefined;
  },
};

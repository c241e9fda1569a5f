import { claimsOf } from '../../scheduler/volumes';
import { defineAnalyzer, type RawFinding } from '../types';
import { fromMessage } from './lib/findings';
import { schedulingStep } from './lib/step';
import { name, sh } from '../../k8s/command';

type Msg = 'notFound' | 'deleting' | 'ephemeral' | 'pvMissing';

export default defineAnalyzer<Msg>({
  id: 'MissingPersistentVolumeClaim',
  area: 'scheduling',
  reads: ['events', 'cluster', 'volumes'],
  severity: 'error',
  docs: {
    title: 'A PersistentVolumeClaim the pod mounts does not exist (or is going away)',
    summary: "The scheduler will not place a pod whose claim does not exist, is being deleted (the pvc-protection finalizer keeps it until no pod uses it), or is bound to a PersistentVolume that no longer exists. For StatefulSets the controller creates claims from volumeClaimTemplates; a claim deleted by hand is not recreated while the old pod exists.",
    detection: 'The VolumeBinding PreFilter re-run against the snapshot\'s claims (only when the snapshot holds the namespace\'s claims, since absence from a partial capture proves nothing), or the scheduler\'s own "persistentvolumeclaim ... not found / is being deleted" message.',
    remedy: 'Create the claim (for a StatefulSet: delete the Pending pod so the controller recreates both), wait for the deleting claim to go and let it be recreated, or restore the missing volume.',
  },
  messages: {
    notFound: 'Claim {{claim}} does not exist in namespace {{namespace}}, and the pod mounts it as volume {{volume}}.',
    deleting: 'Claim {{claim}} is being deleted; the pod cannot use it and it stays until no pod uses it.',
    ephemeral: 'The ephemeral volume claim {{claim}} has not been created yet by the ephemeral volume controller.',
    pvMissing: 'Claim {{claim}} is bound to PersistentVolume {{pv}}, which does not exist.',
  },
  analyze: schedulingStep((ctx, view) => {
    if (!view.unscheduled) return [];
    const said = fromMessage(ctx, view, (k) => k.startsWith('prefilter:persistentvolumeclaim'));
    const out: Array<RawFinding<Msg>> = [];
    const pre = view.sim?.preFilter?.message ?? (said ? view.said?.message : undefined) ?? '';
    for (const c of claimsOf(ctx.pod, ctx.snapshot)) {
      const ref = `PersistentVolumeClaim/${ctx.namespace}/${c.name}`;
      let msg: Msg | undefined;
      if (!c.pvc && pre.includes(`"${c.name}"`)) msg = c.ephemeral ? 'ephemeral' : 'notFound';
      else if (c.pvc?.metadata.deletionTimestamp) msg = 'deleting';
      else if (c.pvc?.spec.volumeName && !c.pv && c.pvsCaptured) msg = 'pvMissing';
      if (!msg) continue;
      const owner = ctx.pod.metadata.ownerReferences?.find((o) => o.kind === 'StatefulSet');
      out.push({
        messageId: msg,
        data: { claim: c.name, namespace: ctx.namespace, volume: c.volume, pv: c.pvc?.spec.volumeName ?? '' },
        evidence: [
          { ref: ctx.ref, path: 'spec.volumes', observed: `${c.volume}: persistentVolumeClaim ${c.name}` },
          msg === 'notFound' || msg === 'ephemeral' ? { ref, observed: view.sim ? 'not among the claims of the namespace in the snapshot' : pre } : msg === 'deleting' ? { ref, path: 'metadata.deletionTimestamp', observed: String(c.pvc?.metadata.deletionTimestamp) } : { ref: `PersistentVolume/${c.pvc?.spec.volumeName}`, observed: 'not in the snapshot of PersistentVolumes' },
        ],
        remedies: owner
          ? [{ summary: `Let StatefulSet ${owner.name} recreate the claim from its volumeClaimTemplates by deleting this Pending pod`, command: sh`kubectl delete pod ${name(ctx.name)} -n ${name(ctx.namespace)}` }]
          : [{ summary: `Create claim ${c.name} in namespace ${ctx.namespace} (or fix the claimName in the pod template)`, command: sh`kubectl get pvc -n ${name(ctx.namespace)}` }],
        key: ref,
        rank: 17,
      });
    }
    return out;
  }),
});

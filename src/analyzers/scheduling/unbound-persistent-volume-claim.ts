import * as VolumeBinding from '../../scheduler/plugins/volume-binding';
import { blockedBy } from '../../scheduler/verdict';
import { claimsOf } from '../../scheduler/volumes';
import { defineAnalyzer, type Evidence, type RawFinding, type Remedy } from '../types';
import { fromMessage, schedulingRank } from './lib/findings';
import { schedulingStep } from './lib/step';
import { name, sh } from '../../k8s/command';

type Msg = 'noClass' | 'classMissing' | 'provisioning' | 'noStaticVolume' | 'immediate' | 'fromEvent';

export default defineAnalyzer<Msg>({
  id: 'UnboundPersistentVolumeClaim',
  area: 'scheduling',
  reads: ['events', 'cluster', 'volumes'],
  severity: 'error',
  docs: {
    title: "A PersistentVolumeClaim of the pod is not bound to a volume",
    summary: 'A pod whose claim has no volume yet cannot be scheduled (Immediate binding) or can only go where a volume can be made for it (WaitForFirstConsumer). Usual causes: no StorageClass and no default class, a class name that does not exist, a provisioner that is not running or fails, or (static provisioning) no PersistentVolume that matches.',
    detection: 'VolumeBinding PreFilter and Filter re-run: the claim, its StorageClass (binding mode, provisioner) and the PersistentVolumes in the snapshot; the claim\'s own ProvisioningFailed / ExternalProvisioning / FailedBinding events are quoted when the bundle has them.',
    remedy: 'Set an existing storageClassName (or mark a default class), fix or start the provisioner named in the events, or create a matching PersistentVolume; prefer WaitForFirstConsumer for zonal storage.',
  },
  messages: {
    noClass: 'Claim {{claim}} is unbound: it names no StorageClass and {{defaultText}}, so nothing provisions a volume for it.',
    classMissing: 'Claim {{claim}} is unbound: its StorageClass {{class}} does not exist.',
    provisioning: 'Claim {{claim}} is unbound: the provisioner {{provisioner}} has not made its volume: {{detail}}',
    noStaticVolume: 'Claim {{claim}} waits for a matching PersistentVolume: {{count}} of {{total}} nodes have no available volume of class {{class}} for it.',
    immediate: 'Claim {{claim}} (class {{class}}, Immediate binding) is not bound yet, so the scheduler will not place the pod.',
    fromEvent: 'The pod has an unbound claim, says the scheduler: {{detail}}.',
  },
  analyze: schedulingStep((ctx, view) => {
    if (!view.unscheduled) return [];
    if (!view.sim) {
      const m = fromMessage(ctx, view, (k) => k === 'prefilter:pod has unbound immediate PersistentVolumeClaims' || k === 'volumeBind');
      return m ? [{ messageId: 'fromEvent', data: { detail: view.said?.message ?? '' }, evidence: m.evidence, remedies: [{ summary: "Look at the claim's events", command: sh`kubectl describe pvc -n ${name(ctx.namespace)}` }], rank: 25 }] : [];
    }
    const sim = view.sim;
    const out: Array<RawFinding<Msg>> = [];
    const scCaptured = ctx.snapshot.captured.has('StorageClass');
    const defaultClass = [...ctx.snapshot.storageClasses.values()].find((s) => s.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true');
    for (const c of claimsOf(ctx.pod, ctx.snapshot)) {
      if (!c.pvc || c.pvc.spec.volumeName || c.pvc.metadata.deletionTimestamp) continue;
      const claimRef = `PersistentVolumeClaim/${ctx.namespace}/${c.name}`;
      const evidence: Evidence[] = [{ ref: claimRef, path: 'status.phase', observed: c.pvc.status.phase ?? 'Pending' }];
      const pvcEvents = ctx.snapshot.eventsByName.get(claimRef) ?? [];
      const provEvent = [...pvcEvents].reverse().find((e) => /ProvisioningFailed|ExternalProvisioning|FailedBinding|Provisioning/.test(e.reason));
      if (provEvent) evidence.push({ ref: provEvent.ref, observed: `${provEvent.reason}${provEvent.count > 1 ? ` (x${provEvent.count})` : ''}: ${provEvent.message}` });
      const cls = c.pvc.spec.storageClassName;
      const base = { claim: c.name, class: cls ?? '(none)' };
      const remedies: Remedy[] = [];
      let msg: Msg | undefined;
      const data: Record<string, string | number> = { ...base };
      if (!cls) {
        msg = 'noClass';
        data.defaultText = defaultClass ? `the default class ${defaultClass.metadata.name} was not applied (it was marked default after the claim was made)` : scCaptured ? 'the cluster has no default class' : 'no default class is in the snapshot';
        remedies.push({ summary: 'Recreate the claim with storageClassName set to a class the cluster has', command: 'kubectl get storageclass' });
      } else if (!c.storageClass && scCaptured) {
        msg = 'classMissing';
        remedies.push({ summary: 'Use a class that exists (the claim must be recreated: storageClassName is immutable)', command: 'kubectl get storageclass' });
      } else if (provEvent && /ProvisioningFailed|ExternalProvisioning/.test(provEvent.reason)) {
        msg = 'provisioning';
        data.provisioner = c.storageClass?.provisioner ?? /external provisioner "([^"]+)"/.exec(provEvent.message)?.[1] ?? '?';
        data.detail = provEvent.message;
        remedies.push({ summary: `Check that the provisioner ${data.provisioner} is running and read its log`, command: sh`kubectl get pods -A | grep -i -- ${String(data.provisioner).split('/').pop()?.split('.')[0] ?? 'provisioner'}` });
      } else if (c.storageClass?.volumeBindingMode !== 'WaitForFirstConsumer') {
        if (!sim.preFilter) continue;
        msg = 'immediate';
        remedies.push({ summary: "Find out why the claim is not bound: read its events", command: sh`kubectl describe pvc ${name(c.name)} -n ${name(ctx.namespace)}` });
        remedies.push({ summary: 'For zonal or local storage, use a StorageClass with volumeBindingMode: WaitForFirstConsumer so the volume is made where the pod can run' });
      } else {
        const b = blockedBy(sim.nodes, VolumeBinding.Name, (f) => f.kind === 'noVolumeToBind' && f.claim === c.name);
        if (b.failures.length === 0 || sim.fits.length > 0) continue;
        msg = 'noStaticVolume';
        data.count = b.failures.length;
        data.total = sim.nodeCount;
        remedies.push({ summary: `Create a PersistentVolume of class ${cls} (capacity ≥ the claim, matching access modes) on a node the pod can use` });
        out.push({ messageId: msg, data, evidence, remedies, key: claimRef, rank: schedulingRank(b, sim.nodeCount) });
        continue;
      }
      out.push({ messageId: msg, data, evidence, remedies, key: claimRef, rank: 18 });
    }
    return out;
  }),
});

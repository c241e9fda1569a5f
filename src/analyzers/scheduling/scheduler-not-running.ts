import { humanDuration, parseTime } from '../../k8s/time';
import { defineAnalyzer, type Evidence } from '../types';
import { schedulingStep } from './lib/step';

type Msg = 'noSuchScheduler' | 'staleLease' | 'podsDown' | 'silent' | 'stuck';

const DEFAULT = 'default-scheduler';
/** no verdict after this long on a pod that fits somewhere is not a slow scheduler any more */
const SILENCE_MS = 60_000;
/** unschedulable pods are retried at least every 5 minutes (podMaxInUnschedulablePodsDuration); allow 3× */
const RETRY_MS = 15 * 60_000;

export default defineAnalyzer<Msg>({
  id: 'SchedulerNotRunning',
  area: 'scheduling',
  reads: ['events', 'cluster', 'scheduler'],
  severity: 'error',
  docs: {
    title: 'Nothing is scheduling the pod',
    summary: 'A Pending pod with no PodScheduled condition and no FailedScheduling event has not been looked at by any scheduler: kube-scheduler is down (its leader Lease kube-system/kube-scheduler is not renewed, its pods are not running), or spec.schedulerName names a scheduler that does not run.',
    detection: 'spec.schedulerName other than default-scheduler with no pod of that scheduler in the snapshot; the kube-scheduler Lease renewed longer ago than twice its duration; kube-scheduler pods not Running/ready; or no scheduler verdict at all for a pod that fits on a node, older than a minute.',
    remedy: 'Restore the scheduler: on kubeadm clusters check /etc/kubernetes/manifests/kube-scheduler.yaml and the kubelet on the control-plane node; read its logs; restart it. For a custom schedulerName, deploy that scheduler or drop the field.',
  },
  messages: {
    noSuchScheduler: 'The pod asks for scheduler {{scheduler}}, and no such scheduler runs in the snapshot: nothing will ever schedule it.',
    staleLease: 'kube-scheduler has not renewed its leader Lease for {{age}} (duration {{duration}}s): no scheduler is active.',
    podsDown: 'kube-scheduler is not running: {{pods}}.',
    silent: 'No scheduler has looked at the pod in {{age}} (no PodScheduled condition, no FailedScheduling event) although {{fits}} node(s) can take it.',
    stuck: 'The scheduler last rejected the pod {{age}} ago, but {{fits}} node(s) can take it now and a working scheduler retries within 5 minutes: it is not processing this pod.',
  },
  analyze: schedulingStep((ctx, view) => {
    if (!view.unscheduled || (ctx.pod.spec.schedulingGates ?? []).length) return [];
    const name = ctx.pod.spec.schedulerName ?? DEFAULT;
    const remedies = [{ summary: 'Check the scheduler on the control plane: its pod, its log, its static manifest', command: 'kubectl -n kube-system get pods -l component=kube-scheduler -o wide' }];
    if (name !== DEFAULT) {
      const runs = ctx.snapshot.pods.some((p) => p.metadata.name.includes(name) || (p.spec.containers.some((c) => (c.args ?? []).concat(c.command ?? []).some((a) => a.includes(name)))));
      const decided = ctx.events.some((e) => e.source === name);
      if (!runs && !decided) {
        return [{ messageId: 'noSuchScheduler', data: { scheduler: name }, evidence: [{ ref: ctx.ref, path: 'spec.schedulerName', observed: name }], remedies: [{ summary: `Deploy scheduler ${name}, or remove spec.schedulerName to use the default scheduler` }], key: name }];
      }
      return [];
    }
    const lease = ctx.snapshot.leases.get('Lease/kube-system/kube-scheduler');
    const renew = parseTime(lease?.spec.renewTime);
    const duration = lease?.spec.leaseDurationSeconds ?? 15;
    if (lease && renew !== undefined && ctx.now - renew > 2 * duration * 1000) {
      return [{ messageId: 'staleLease', data: { age: humanDuration(ctx.now - renew), duration, holder: lease.spec.holderIdentity ?? '' }, evidence: [{ ref: 'Lease/kube-system/kube-scheduler', path: 'spec.renewTime', observed: `${lease.spec.renewTime} (holder ${lease.spec.holderIdentity ?? '?'})` }], remedies, key: 'kube-scheduler' }];
    }
    const schedPods = ctx.snapshot.pods.filter((p) => p.metadata.namespace === 'kube-system' && (p.metadata.labels?.component === 'kube-scheduler' || p.metadata.name.startsWith('kube-scheduler-')));
    if (schedPods.length > 0 && schedPods.every((p) => p.status.phase !== 'Running' || (p.status.containerStatuses ?? []).some((c) => !c.ready))) {
      const evidence: Evidence[] = schedPods.map((p) => ({ ref: `Pod/kube-system/${p.metadata.name}`, path: 'status', observed: `${p.status.phase ?? '?'}, ready ${(p.status.containerStatuses ?? []).filter((c) => c.ready).length}/${(p.status.containerStatuses ?? []).length}` }));
      return [{ messageId: 'podsDown', data: { pods: evidence.map((e) => `${e.ref.split('/').pop()} ${e.observed}`).join('; ') }, evidence, remedies, key: 'kube-scheduler' }];
    }
    const created = parseTime(ctx.pod.metadata.creationTimestamp);
    const hasCondition = (ctx.pod.status.conditions ?? []).some((c) => c.type === 'PodScheduled');
    if (view.sim && view.sim.fits.length > 0 && !view.said && !hasCondition && !ctx.pod.status.nominatedNodeName && created !== undefined && ctx.now - created > SILENCE_MS) {
      return [{ messageId: 'silent', data: { age: humanDuration(ctx.now - created), fits: view.sim.fits.length }, evidence: [{ ref: ctx.ref, path: 'status.conditions', observed: 'no PodScheduled condition, no FailedScheduling event' }], remedies, key: 'kube-scheduler' }];
    }
    if (view.sim && view.sim.fits.length > 0 && view.said?.at !== undefined && ctx.now - view.said.at > RETRY_MS) {
      return [{ messageId: 'stuck', data: { age: humanDuration(ctx.now - view.said.at), fits: view.sim.fits.length, said: view.said.message }, evidence: [{ ref: view.said.event?.ref ?? ctx.ref, observed: view.said.message }, { ref: 'simulation', observed: `fits on ${view.sim.fits.slice(0, 5).join(', ')}` }], remedies, key: 'kube-scheduler' }];
    }
    return [];
  }),
});

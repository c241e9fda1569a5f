import type { ReasonKey } from '../../scheduler/reasons';
import { defineAnalyzer } from '../types';
import { schedulingStep } from './lib/step';

type Msg = 'bug';

interface KnownBug {
  issue: string;
  minors: [number, number];
  /** reason keys the scheduler reports although the snapshot shows room */
  phantom: (key: ReasonKey) => boolean;
  summary: string;
  fix: string;
}

/** Scheduler bugs whose symptom a snapshot can show: the scheduler refuses for a reason the state does not support. */
export const KNOWN_SCHEDULER_BUGS: KnownBug[] = [
  { issue: 'kubernetes/kubernetes#34920', minors: [4, 5], phantom: (k) => k === 'insufficient:cpu' || k === 'insufficient:memory', summary: 'kube-scheduler 1.4-1.5 could keep stale resource accounting and report Insufficient cpu/memory on nodes with room', fix: 'restart kube-scheduler (and the control plane) now; upgrade' },
  { issue: 'kubernetes/kubernetes#66568', minors: [11, 11], phantom: (k) => k === 'ports', summary: 'kube-scheduler 1.11 could keep stale host-port accounting and report ports as taken after their pods were gone', fix: 'restart kube-scheduler now; upgrade to a later 1.11 patch or newer' },
];

export default defineAnalyzer<Msg>({
  id: 'KnownSchedulerBug',
  area: 'scheduling',
  reads: ['events', 'cluster', 'scheduler', 'controlPlane'],
  severity: 'error',
  docs: {
    title: 'The scheduler version has a known bug that matches what it reports',
    summary: 'Some kube-scheduler releases kept stale caches and rejected pods for reasons the cluster state does not support. podwhy reports this only when both match: the cluster runs an affected version and the scheduler rejects nodes for a reason that the re-simulation of the same snapshot does not find.',
    detection: 'The cluster version (kube-scheduler image, else the kubelets) against a small table of upstream issues, and the FailedScheduling histogram against the simulation: a reason the scheduler counts but podwhy does not.',
    remedy: 'Restart kube-scheduler to rebuild its cache, then upgrade past the fix.',
  },
  messages: {
    bug: 'The scheduler reports {{reason}} on nodes where the snapshot shows room, the symptom of {{issue}} in the version this cluster runs (1.{{minor}}): {{summary}}.',
  },
  analyze: schedulingStep((ctx, view) => {
    if (!view.unscheduled || !view.sim || !view.said || view.agrees !== false) return [];
    const said = view.said.histogram;
    const minor = view.sim.version.minor;
    for (const bug of KNOWN_SCHEDULER_BUGS) {
      if (minor < bug.minors[0] || minor > bug.minors[1]) continue;
      const phantom = [...said.keys()].find((k) => bug.phantom(k) && (view.sim?.histogram.get(k) ?? 0) < (said.get(k) ?? 0));
      if (!phantom) continue;
      return [{
        messageId: 'bug',
        data: { reason: phantom, issue: bug.issue, minor, summary: bug.summary },
        evidence: [{ ref: view.said.event?.ref ?? ctx.ref, observed: view.said.message }, { ref: 'simulation', observed: view.sim.message ?? `the pod fits on ${view.sim.fits.length} node(s)` }],
        remedies: [{ summary: `Restart kube-scheduler to rebuild its cache (${bug.fix})`, command: 'kubectl -n kube-system delete pod -l component=kube-scheduler' }],
        key: bug.issue,
      }];
    }
    return [];
  }),
});

// The analyzers podwhy runs, sorted by ID. A catalog test fails when a file under src/analyzers is missing here.
import evicted from './evicted/evicted';
import nodeAdmissionRejected from './evicted/node-admission-rejected';
import preempted from './evicted/preempted';
import containerCompletedButRestarted from './running/container-completed-but-restarted';
import containerExitedWithError from './running/container-exited-with-error';
import containerKilledBySignal from './running/container-killed-by-signal';
import livenessProbeFailure from './running/liveness-probe-failure';
import lowSystemReserved from './running/low-system-reserved';
import oomKilled from './running/oom-killed';
import readinessGateNotReady from './running/readiness-gate-not-ready';
import readinessProbeFailure from './running/readiness-probe-failure';
import startupProbeFailure from './running/startup-probe-failure';
import systemOom from './running/system-oom';
import hostPortConflict from './scheduling/host-port-conflict';
import insufficientResources from './scheduling/insufficient-resources';
import knownSchedulerBug from './scheduling/known-scheduler-bug';
import missingPersistentVolumeClaim from './scheduling/missing-persistent-volume-claim';
import noNodes from './scheduling/no-nodes';
import nodeAffinityMismatch from './scheduling/node-affinity-mismatch';
import nodeNotFound from './scheduling/node-not-found';
import nodeSelectorMismatch from './scheduling/node-selector-mismatch';
import nodeUnschedulable from './scheduling/node-unschedulable';
import podAffinityUnsatisfied from './scheduling/pod-affinity-unsatisfied';
import podAntiAffinityConflict from './scheduling/pod-anti-affinity-conflict';
import preemptionPending from './scheduling/preemption-pending';
import schedulerNotRunning from './scheduling/scheduler-not-running';
import schedulingGated from './scheduling/scheduling-gated';
import topologySpreadUnsatisfied from './scheduling/topology-spread-unsatisfied';
import unboundPersistentVolumeClaim from './scheduling/unbound-persistent-volume-claim';
import untoleratedTaint from './scheduling/untolerated-taint';
import volumeLimitExceeded from './scheduling/volume-limit-exceeded';
import volumeZoneConflict from './scheduling/volume-zone-conflict';
import configMissing from './starting/config-missing';
import containerCreateError from './starting/container-create-error';
import imagePullFailure from './starting/image-pull-failure';
import initContainerFailure from './starting/init-container-failure';
import invalidImageName from './starting/invalid-image-name';
import podStarting from './starting/pod-starting';
import sandboxCreationFailure from './starting/sandbox-creation-failure';
import volumeMountFailure from './starting/volume-mount-failure';
import containerRuntimeDiskFull from './terminating/container-runtime-disk-full';
import containerRuntimeHung from './terminating/container-runtime-hung';
import finalizersBlocking from './terminating/finalizers-blocking';
import gracefulTermination from './terminating/graceful-termination';
import immutableFileAttribute from './terminating/immutable-file-attribute';
import knownDaemonSetControllerBug from './terminating/known-daemon-set-controller-bug';
import knownKubeletBug from './terminating/known-kubelet-bug';
import knownRuntimeBug from './terminating/known-runtime-bug';
import mountBusy from './terminating/mount-busy';
import nodeLost from './terminating/node-lost';
import slowTermination from './terminating/slow-termination';
import terminationStuck from './terminating/termination-stuck';
import type { Analyzer } from './types';
import podCreationRejected from './workloads/pod-creation-rejected';
import type { WorkloadAnalyzer } from './workloads/lib/types';

export const analyzers = [
  configMissing,
  containerCompletedButRestarted,
  containerCreateError,
  containerExitedWithError,
  containerKilledBySignal,
  containerRuntimeDiskFull,
  containerRuntimeHung,
  evicted,
  finalizersBlocking,
  gracefulTermination,
  hostPortConflict,
  imagePullFailure,
  immutableFileAttribute,
  initContainerFailure,
  insufficientResources,
  invalidImageName,
  knownDaemonSetControllerBug,
  knownKubeletBug,
  knownRuntimeBug,
  knownSchedulerBug,
  livenessProbeFailure,
  lowSystemReserved,
  missingPersistentVolumeClaim,
  mountBusy,
  noNodes,
  nodeAdmissionRejected,
  nodeAffinityMismatch,
  nodeLost,
  nodeNotFound,
  nodeSelectorMismatch,
  nodeUnschedulable,
  oomKilled,
  podAffinityUnsatisfied,
  podAntiAffinityConflict,
  podStarting,
  preempted,
  preemptionPending,
  readinessGateNotReady,
  readinessProbeFailure,
  sandboxCreationFailure,
  schedulerNotRunning,
  schedulingGated,
  slowTermination,
  startupProbeFailure,
  systemOom,
  terminationStuck,
  topologySpreadUnsatisfied,
  unboundPersistentVolumeClaim,
  untoleratedTaint,
  volumeLimitExceeded,
  volumeMountFailure,
  volumeZoneConflict,
] as const satisfies ReadonlyArray<Analyzer<string>>;

export const workloadAnalyzers = [podCreationRejected] as const satisfies ReadonlyArray<WorkloadAnalyzer<string>>;

/** Every catalog entry, pod and workload analyzers alike, sorted by ID. */
export const catalog: ReadonlyArray<Omit<Analyzer<string>, 'analyze'>> = [...analyzers, ...workloadAnalyzers].sort((a, b) => (a.id < b.id ? -1 : 1));

export function findAnalyzer(id: string): Omit<Analyzer<string>, 'analyze'> | undefined {
  return catalog.find((a) => a.id.toLowerCase() === id.toLowerCase());
}

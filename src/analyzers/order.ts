// Causal order of the catalog, as data: which finding is the more fundamental cause, and which finding explains which.
// The engine sorts by `order` and folds an explained finding into the evidence of the finding that explains it,
// so a symptom never appears as a second problem next to its cause, and a catch-all never next to a specific answer.
import type { Finding } from './types';

/**
 * Finding IDs from the most fundamental cause to the least. Findings of one severity are sorted by their place here.
 * An inner list is a tier whose findings are ordered by the finding's own `rank` (scheduling filters: how many nodes
 * each one blocks alone), then by their place in the tier.
 */
export const order: ReadonlyArray<string | readonly string[]> = [
  // the pod was taken off its node by the platform: that is the answer whatever its containers did
  'Preempted',
  'NodeLost',
  'Evicted',
  'NodeAdmissionRejected',
  'FinalizersBlocking',
  // scheduling: nothing schedules it, or it cannot be considered yet
  'NodeNotFound',
  'PreemptionPending',
  'KnownSchedulerBug',
  'SchedulerNotRunning',
  'SchedulingGated',
  'NoNodes',
  'MissingPersistentVolumeClaim',
  // terminating: a specific reason the kubelet cannot finish
  'KnownRuntimeBug',
  'ContainerRuntimeDiskFull',
  'ImmutableFileAttribute',
  'MountBusy',
  'ContainerRuntimeHung',
  'KnownKubeletBug',
  'KnownDaemonSetControllerBug',
  // scheduling filters, ordered among themselves by how many nodes each one blocks
  [
    'UnboundPersistentVolumeClaim',
    'NodeUnschedulable',
    'UntoleratedTaint',
    'NodeAffinityMismatch',
    'NodeSelectorMismatch',
    'InsufficientResources',
    'HostPortConflict',
    'VolumeLimitExceeded',
    'VolumeZoneConflict',
    'TopologySpreadUnsatisfied',
    'PodAffinityUnsatisfied',
    'PodAntiAffinityConflict',
  ],
  // starting
  'SandboxCreationFailure',
  'VolumeMountFailure',
  'ConfigMissing',
  'InvalidImageName',
  'ImagePullFailure',
  'ContainerCreateError',
  'TerminationStuck',
  // running: the actor that stopped the container before what the container did
  'SystemOOM',
  'OOMKilled',
  'StartupProbeFailure',
  'LivenessProbeFailure',
  'ContainerCompletedButRestarted',
  'ContainerKilledBySignal',
  'ContainerExitedWithError',
  'InitContainerFailure',
  'ReadinessProbeFailure',
  'ReadinessGateNotReady',
  'LowSystemReserved',
  // who deleted it, and how far the shutdown is
  'SlowTermination',
  'GracefulTermination',
  'PodStarting',
];

/** The place of each finding ID in `order`, and its place inside its tier. */
export const orderIndex: ReadonlyMap<string, { index: number; inTier: number }> = new Map(
  order.flatMap((entry, index) => (typeof entry === 'string' ? [[entry, { index, inTier: 0 }] as const] : entry.map((id, inTier) => [id, { index, inTier }] as const))),
);

export interface Explanation {
  /** the findings that explain (any one of them) */
  explainers: readonly string[];
  /** the findings they explain */
  explained: readonly string[];
  /** why, in one phrase (documentation; shown nowhere) */
  because: string;
  /** when only some pairs are related (the same container, the same taint) */
  when?: (explainer: Finding, explained: Finding) => boolean;
}

const sameContainer = (a: Finding, b: Finding): boolean => a.data.container === undefined || b.data.container === undefined || a.data.container === b.data.container;

/** Containers an explainer names (one container, or a list of them). */
function containersOf(f: Finding): string[] | undefined {
  const c = f.data.containers ?? f.data.container;
  return c === undefined ? undefined : Array.isArray(c) ? c : [String(c)];
}
export const amongContainers = (a: Finding, b: Finding): boolean => {
  const list = containersOf(a);
  return list === undefined || b.data.container === undefined || list.includes(String(b.data.container));
};

const CRASHES = ['ContainerKilledBySignal', 'ContainerExitedWithError', 'ContainerCompletedButRestarted'];
const RUNTIME_STUCK = ['KnownRuntimeBug', 'KnownKubeletBug', 'KnownDaemonSetControllerBug', 'ContainerRuntimeDiskFull', 'ImmutableFileAttribute', 'MountBusy', 'ContainerRuntimeHung', 'FinalizersBlocking', 'NodeLost'];
const START_CAUSES = [
  'SandboxCreationFailure', 'VolumeMountFailure', 'ConfigMissing', 'InvalidImageName', 'ImagePullFailure',
  'ContainerCreateError', 'InitContainerFailure', 'NodeLost', 'NodeNotFound', 'NodeAdmissionRejected',
];

export const explanations: readonly Explanation[] = [
  {
    explainers: ['Evicted', 'Preempted', 'NodeAdmissionRejected'],
    explained: [...CRASHES, 'GracefulTermination', 'SlowTermination', 'TerminationStuck', 'ReadinessProbeFailure', 'LivenessProbeFailure'],
    because: 'the platform stopped the containers: their exit codes and probe failures are the kill, not a crash',
  },
  {
    explainers: ['NodeLost'],
    explained: [...CRASHES, 'GracefulTermination', 'SlowTermination', 'ReadinessProbeFailure', 'ReadinessGateNotReady', 'PodStarting'],
    because: 'a lost node explains its pods being deleted, not ready and their containers lost',
  },
  {
    explainers: ['OOMKilled', 'SystemOOM'],
    explained: CRASHES,
    because: 'an OOM kill is the SIGKILL',
    when: sameContainer,
  },
  {
    explainers: ['LivenessProbeFailure', 'StartupProbeFailure'],
    explained: [...CRASHES, 'ReadinessProbeFailure'],
    because: 'the kubelet kills a container whose liveness or startup probe fails; a container being killed is not ready',
    when: sameContainer,
  },
  {
    explainers: ['NodeUnschedulable'],
    explained: ['UntoleratedTaint'],
    because: 'a cordon adds its mirror taint node.kubernetes.io/unschedulable:NoSchedule',
    when: (_, taint) => taint.data.key === 'node.kubernetes.io/unschedulable' || String(taint.data.taint ?? '').startsWith('node.kubernetes.io/unschedulable'),
  },
  {
    explainers: ['KnownRuntimeBug', 'KnownKubeletBug'],
    explained: ['ContainerRuntimeHung', 'MountBusy'],
    because: 'a known bug of the node\'s runtime or kubelet version explains its timeouts and held mounts',
  },
  // catch-alls: "stuck and nothing explains it" never stands next to a specific explanation
  { explainers: RUNTIME_STUCK, explained: ['TerminationStuck'], because: 'TerminationStuck is the catch-all for a deletion nothing explains' },
  { explainers: START_CAUSES, explained: ['PodStarting'], because: 'PodStarting is the catch-all for a start nothing explains' },
];

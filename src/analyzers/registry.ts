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
import readinessProbeFailure from './running/readiness-probe-failure';
import startupProbeFailure from './running/startup-probe-failure';
import systemOom from './running/system-oom';
import configMissing from './starting/config-missing';
import containerCreateError from './starting/container-create-error';
import imagePullFailure from './starting/image-pull-failure';
import initContainerFailure from './starting/init-container-failure';
import invalidImageName from './starting/invalid-image-name';
import sandboxCreationFailure from './starting/sandbox-creation-failure';
import volumeMountFailure from './starting/volume-mount-failure';
import type { Analyzer } from './types';

export const analyzers = [
  configMissing,
  containerCompletedButRestarted,
  containerCreateError,
  containerExitedWithError,
  containerKilledBySignal,
  evicted,
  imagePullFailure,
  initContainerFailure,
  invalidImageName,
  livenessProbeFailure,
  lowSystemReserved,
  nodeAdmissionRejected,
  oomKilled,
  preempted,
  readinessProbeFailure,
  sandboxCreationFailure,
  startupProbeFailure,
  systemOom,
  volumeMountFailure,
] as const satisfies ReadonlyArray<Analyzer<string>>;

export function findAnalyzer(id: string): Analyzer<string> | undefined {
  return (analyzers as ReadonlyArray<Analyzer<string>>).find((a) => a.id.toLowerCase() === id.toLowerCase());
}

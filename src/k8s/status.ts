// The STATUS, READY and RESTARTS columns of `kubectl get pods`, as kubectl's printer computes them
// (k8s.io/kubernetes pkg/printers/internalversion/printers.go, printPod, 1.29+).
import type { Container, ContainerStatus, Pod } from '../../schemas/k8s';

export const isRestartableInit = (c: Container | undefined): boolean => c?.restartPolicy === 'Always';

export interface PodColumns {
  status: string;
  ready: string;
  restarts: number;
}

function terminatedText(t: { reason?: string | null; signal?: number | null; exitCode: number }, prefix: string): string {
  if (t.reason) return prefix + t.reason;
  if (t.signal) return `${prefix}Signal:${t.signal}`;
  return `${prefix}ExitCode:${t.exitCode}`;
}

export function podColumns(pod: Pod): PodColumns {
  const spec = pod.spec;
  const status = pod.status;
  let restarts = 0;
  let restartableInitRestarts = 0;
  let total = spec.containers.length;
  let ready = 0;
  const phase = status.phase ?? '';
  let reason = status.reason || phase;
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  const inits = new Map<string, Container>();
  for (const c of spec.initContainers ?? []) {
    inits.set(c.name, c);
    if (isRestartableInit(c)) total++;
  }
  let initializing = false;
  const initStatuses: ContainerStatus[] = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i] as ContainerStatus;
    restarts += cs.restartCount;
    const restartable = isRestartableInit(inits.get(cs.name));
    if (restartable) restartableInitRestarts += cs.restartCount;
    const term = cs.state?.terminated;
    const waiting = cs.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (restartable && cs.started) {
      if (cs.ready) ready++;
      continue;
    }
    if (term) {
      reason = terminatedText(term, 'Init:');
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }
  const initializedTrue = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initializedTrue) {
    restarts = restartableInitRestarts;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i] as ContainerStatus;
      restarts += cs.restartCount;
      const waiting = cs.state?.waiting;
      const term = cs.state?.terminated;
      if (waiting?.reason) reason = waiting.reason;
      else if (term) reason = terminatedText(term, '');
      else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !terminal) reason = 'Terminating';
  return { status: reason || 'Unknown', ready: `${ready}/${total}`, restarts };
}

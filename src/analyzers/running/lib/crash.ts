// What ended a container's last run, for the exit-code analyzers: the termination, its log, and the evidence.
import { recognizeLog, tail, type LogSignal } from '../../../k8s/logs';
import { containerLog, type ContainerView, type PodContext } from '../../context';
import type { Evidence, Remedy } from '../../types';
import { relevantTermination, terminationPath } from '../../shared/util';
import { probeKill } from './kills';
import { name, sh } from '../../../k8s/command';

/** Terminations other analyzers own: OOM kills, start failures, containers lost with their node. */
const OWNED_ELSEWHERE = new Set(['OOMKilled', 'StartError', 'ContainerCannotRun', 'ContainerStatusUnknown']);

export interface Crash {
  term: NonNullable<ReturnType<typeof relevantTermination>>;
  path: string;
  restarts: number;
  log?: LogSignal;
  evidence: Evidence[];
}

/** The non-zero termination of a regular or sidecar container that no more specific analyzer explains. */
export function crashOf(ctx: PodContext, c: ContainerView): Crash | undefined {
  if (c.kind === 'init') return undefined;
  const term = relevantTermination(c);
  if (!term || term.exitCode === 0 || OWNED_ELSEWHERE.has(term.reason ?? '')) return undefined;
  if (probeKill(ctx, c)) return undefined;
  const path = terminationPath(c);
  const evidence: Evidence[] = [{ ref: ctx.ref, path, observed: `${term.reason ?? 'terminated'}, exit ${term.exitCode}${term.finishedAt ? ` at ${term.finishedAt}` : ''}${term.message ? `: ${term.message.trim().slice(0, 200)}` : ''}` }];
  const waiting = c.status?.state?.waiting;
  if (waiting?.reason) evidence.push({ ref: ctx.ref, path: `${c.statusPath}.state.waiting`, observed: `${waiting.reason}${waiting.message ? `: ${waiting.message}` : ''}` });
  const log = containerLog(ctx, c, true);
  const signal = recognizeLog(log?.text);
  const logRef = `${ctx.ref}/log/${c.name}`;
  if (signal) evidence.push({ ref: logRef, path: log?.previous ? 'previous' : 'current', observed: signal.line });
  else if (log) for (const line of tail(log.text, 3)) evidence.push({ ref: logRef, path: log.previous ? 'previous' : 'current', observed: line.slice(0, 300) });
  return { term, path, restarts: c.status?.restartCount ?? 0, log: signal, evidence };
}

const LOG_REMEDIES: Record<string, string> = {
  'bad-arguments': "Fix the container's command/args: the program rejects them",
  'address-in-use': 'Make the port free: another container in the pod (or hostNetwork process) already listens on it',
  'permission-denied': 'Give the process the access it needs: file ownership in the image, fsGroup/runAsUser, or a writable volume',
  'connection-refused': 'Start or fix the service it connects to, or make the application wait and retry instead of exiting',
  'no-such-file': 'Provide the missing file: check volume mounts, ConfigMap keys and paths in the command',
  dns: 'Fix the host name it uses, or DNS (CoreDNS pods) in the cluster',
  'java-oom': 'Raise the JVM heap (-Xmx or -XX:MaxRAMPercentage) together with the memory limit',
};

export function logRemedy(signal: LogSignal | undefined): Remedy[] {
  const text = signal ? LOG_REMEDIES[signal.id] : undefined;
  return text ? [{ summary: text }] : [];
}

export function logsRemedy(ctx: PodContext, c: ContainerView): Remedy {
  // --previous only names an earlier instance of the container: one that has restarted; else its own log is the run's
  if ((c.status?.restartCount ?? 0) === 0) return { summary: `Read the run's log`, command: sh`kubectl logs ${name(ctx.name)} -n ${name(ctx.namespace)} -c ${name(c.name)} --tail=100` };
  return { summary: `Read the last run's log`, command: sh`kubectl logs ${name(ctx.name)} -n ${name(ctx.namespace)} -c ${name(c.name)} --previous --tail=100` };
}

// The probe arithmetic and failure wording shared by the liveness, startup and readiness analyzers.
import type { Probe } from '../../../../schemas/k8s';
import type { PodEvent } from '../../../snapshot/types';
import { eventContainer, eventsMatching, type ContainerView, type PodContext } from '../../context';
import { yamlScalar } from '../../../k8s/command';

export type ProbeType = 'liveness' | 'readiness' | 'startup';

const TITLE: Record<ProbeType, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };

export function probeOf(c: ContainerView, type: ProbeType): Probe | undefined {
  const p = type === 'liveness' ? c.spec.livenessProbe : type === 'readiness' ? c.spec.readinessProbe : c.spec.startupProbe;
  return p ?? undefined;
}

export interface ProbeSettings {
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  failureThreshold: number;
  /** seconds from container start until the probe can first fail for good */
  budgetSeconds: number;
  target: string;
}

/** Defaults from the API (periodSeconds 10, timeoutSeconds 1, failureThreshold 3). */
export function probeSettings(p: Probe): ProbeSettings {
  const initialDelaySeconds = p.initialDelaySeconds ?? 0;
  const periodSeconds = p.periodSeconds ?? 10;
  const timeoutSeconds = p.timeoutSeconds ?? 1;
  const failureThreshold = p.failureThreshold ?? 3;
  let target = 'probe';
  if (p.httpGet) target = `HTTP GET ${p.httpGet.path ?? '/'} on port ${p.httpGet.port}`;
  else if (p.tcpSocket) target = `TCP port ${p.tcpSocket.port}`;
  else if (p.grpc) target = `gRPC port ${p.grpc.port}`;
  else if (p.exec) target = `command ${JSON.stringify((p.exec.command ?? []).join(' '))}`;
  return { initialDelaySeconds, periodSeconds, timeoutSeconds, failureThreshold, budgetSeconds: initialDelaySeconds + failureThreshold * periodSeconds, target };
}

export function budgetText(s: ProbeSettings): string {
  return `${s.initialDelaySeconds}s + ${s.failureThreshold} × ${s.periodSeconds}s = ${s.budgetSeconds}s`;
}

export function probeEvents(ctx: PodContext, c: ContainerView, type: ProbeType): PodEvent[] {
  const re = new RegExp(`^${TITLE[type]} probe (failed|errored)`);
  return eventsMatching(ctx, ['Unhealthy']).filter((e) => re.test(e.message) && (eventContainer(e) ?? c.name) === c.name);
}

export type FailureKind = 'refused' | 'timeout' | 'status' | 'reset' | 'exec' | 'other';

/** What a probe failure message says about the application. */
export function classifyProbeFailure(message: string, timeoutSeconds: number): { kind: FailureKind; meaning: string } {
  if (/connection refused/i.test(message)) return { kind: 'refused', meaning: 'nothing listens on the probed port: the application has not started listening yet, crashed, or listens on another port or address' };
  if (/deadline exceeded|Client\.Timeout|timeout|timed out/i.test(message)) return { kind: 'timeout', meaning: `the application did not answer within timeoutSeconds (${timeoutSeconds}s): it is overloaded, blocked, or the timeout is too short` };
  const status = /statuscode: (\d+)/i.exec(message);
  if (status) return { kind: 'status', meaning: `the endpoint answered HTTP ${status[1]}, so the application reports itself unhealthy` };
  if (/connection reset|EOF|closed network connection/i.test(message)) return { kind: 'reset', meaning: 'the application accepted the connection and closed it without answering' };
  if (/command|exit code|OCI runtime exec|\bexec\b/i.test(message)) return { kind: 'exec', meaning: 'the probe command failed' };
  return { kind: 'other', meaning: 'the probe failed' };
}

export function probeFailureMessage(e: PodEvent): string {
  return e.message.replace(/^(Liveness|Readiness|Startup) probe (failed|errored)( and resulted in \w+ state)?:\s*/, '');
}

export function probePatch(c: ContainerView, type: ProbeType, fields: Record<string, number>): string {
  const key = `${type}Probe`;
  const lines = Object.entries(fields).map(([k, v]) => `          ${k}: ${v}`);
  return `spec:\n  template:\n    spec:\n      containers:\n      - name: ${yamlScalar(c.name)}\n        ${key}:\n${lines.join('\n')}`;
}

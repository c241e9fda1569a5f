// Liveness and startup probes both restart the container when they fail: one analyzer shape serves both.
import { parseTime } from '../../../k8s/time';
import { eventEvidence, type ContainerView, type PodContext } from '../../context';
import type { Analyzer, AnalyzerDocs, Evidence, RawFinding, Remedy } from '../../types';
import { currentSeverity } from '../../shared/util';
import { budgetText, classifyProbeFailure, probeEvents, probeFailureMessage, probeOf, probePatch, probeSettings, type ProbeSettings } from './probes';
import { probeKill, type ProbeKind } from './kills';
import { name, part, sh, yamlComment } from '../../../k8s/command';

export type RestartProbeMsg = 'killed' | 'killedWhileStarting';

function remedies(c: ContainerView, type: ProbeKind, s: ProbeSettings, starting: boolean, kind: string): Remedy[] {
  const out: Remedy[] = [];
  if (starting && type === 'liveness') {
    out.push({
      summary: `Give the application time to start with a startupProbe (here up to 300s) instead of letting the liveness probe kill it after ${s.budgetSeconds}s`,
      patch: probePatch(c, 'startup', { periodSeconds: 10, failureThreshold: 30 }).replace('startupProbe:', `startupProbe:\n          # same handler as the livenessProbe (${yamlComment(s.target)})`),
    });
  } else if (type === 'startup') {
    out.push({ summary: `Allow a longer start than ${s.budgetSeconds}s if the application is just slow to start`, patch: probePatch(c, 'startup', { periodSeconds: s.periodSeconds, failureThreshold: s.failureThreshold * 3 }) });
  }
  if (kind === 'timeout') out.push({ summary: `Raise timeoutSeconds (now ${s.timeoutSeconds}s) if the endpoint is slow under load`, patch: probePatch(c, type, { timeoutSeconds: Math.max(5, s.timeoutSeconds * 3) }) });
  out.push({ summary: `Check the probed endpoint (${s.target}) by hand and read the container's last log before it was killed`, command: sh`kubectl logs <pod> -c ${name(c.name)} --previous --tail=50` });
  return out;
}

export function restartProbeAnalyzer(id: string, type: ProbeKind, docs: AnalyzerDocs): Analyzer<RestartProbeMsg> {
  const title = type === 'liveness' ? 'liveness' : 'startup';
  return {
    id,
    area: 'running',
    reads: ['events', 'nodeEvents', 'logs'],
    severity: 'error',
    docs,
    messages: {
      killed: `Container {{container}} is restarted by its failing ${title} probe ({{target}}): {{meaning}}. Killed {{kills}} times; {{restarts}} restarts.`,
      killedWhileStarting: `Container {{container}} is killed by its ${title} probe before it finishes starting: {{meaning}}. The probe gives it {{budget}} and it never became ready ({{restarts}} restarts).`,
    },
    analyze(ctx: PodContext) {
      const out: Array<RawFinding<RestartProbeMsg>> = [];
      const podArgs = part`${name(ctx.name)} -n ${name(ctx.namespace)}`;
      for (const c of ctx.containers) {
        if (c.kind === 'init') continue;
        const probe = probeOf(c, type);
        const kill = probeKill(ctx, c);
        if (!probe || !kill || kill.probe !== type) continue;
        const s = probeSettings(probe);
        const failures = probeEvents(ctx, c, type);
        const lastFailure = failures[failures.length - 1];
        const message = lastFailure ? probeFailureMessage(lastFailure) : '';
        const { kind, meaning } = classifyProbeFailure(message, s.timeoutSeconds);
        const term = c.status?.state?.terminated ?? c.status?.lastState?.terminated;
        const ranFor = term ? (parseTime(term.finishedAt) ?? 0) - (parseTime(term.startedAt) ?? 0) : 0;
        const starting = type === 'startup' || (c.status?.ready !== true && ranFor > 0 && ranFor <= (s.budgetSeconds + 60) * 1000 && kind !== 'status');
        const evidence: Evidence[] = [eventEvidence(kill.event)];
        if (lastFailure) evidence.push(eventEvidence(lastFailure));
        if (term) evidence.push({ ref: ctx.ref, path: c.status?.state?.terminated ? `${c.statusPath}.state.terminated` : `${c.statusPath}.lastState.terminated`, observed: `${term.reason ?? 'terminated'}, exit ${term.exitCode}` });
        evidence.push({ ref: ctx.ref, path: `${c.specPath}.${type}Probe`, observed: `${s.target}, budget ${budgetText(s)}` });
        out.push({
          messageId: starting && type === 'liveness' ? 'killedWhileStarting' : 'killed',
          data: {
            container: c.name,
            target: s.target,
            meaning,
            failureKind: kind,
            lastFailure: message,
            kills: kill.kills,
            failures: failures.reduce((n, e) => n + e.count, 0),
            restarts: c.status?.restartCount ?? 0,
            budget: budgetText(s),
            budgetSeconds: s.budgetSeconds,
            exitCode: term?.exitCode,
          },
          evidence,
          remedies: remedies(c, type, s, starting, kind).map((r) => (r.command ? { ...r, command: podArgs ? r.command.replace('<pod>', podArgs.text) : undefined } : r)),
          severity: currentSeverity(ctx, c),
          key: `${ctx.namespace}/${c.name}`,
        });
      }
      return out;
    },
  };
}

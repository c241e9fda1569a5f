import { eventEvidence, isStale } from '../context';
import { defineAnalyzer, type Evidence, type RawFinding } from '../types';
import { budgetText, classifyProbeFailure, probeEvents, probeFailureMessage, probeOf, probePatch, probeSettings } from './lib/probes';
import { name, sh } from '../../k8s/command';

type Msg = 'failing' | 'noEvents';

export default defineAnalyzer<Msg>({
  id: 'ReadinessProbeFailure',
  area: 'running',
  reads: ['events'],
  severity: 'error',
  docs: {
    title: 'The container runs but its readiness probe fails, so it gets no traffic',
    summary: 'A running container whose readiness probe fails is taken out of its Services\' endpoints: the pod shows Running with READY 0/1. It is not restarted. The application is up but says it cannot serve, often because a dependency (database, cache) is unreachable or it is still warming up.',
    detection: 'A running container that is not ready, has a readinessProbe, and has Unhealthy "Readiness probe failed: ..." events since it started. Without such events (they expire after an hour) the finding is still made from the probe and the ready flag, and says that the events are gone.',
    remedy: 'Read why the endpoint fails (log, the probe\'s own URL); fix the dependency; if the application only needs longer to warm up, raise initialDelaySeconds or failureThreshold; raise timeoutSeconds if it answers slowly.',
  },
  messages: {
    failing: 'Container {{container}} is running but not ready: its readiness probe ({{target}}) fails ({{failures}} times): {{meaning}}.',
    noEvents: 'Container {{container}} is running but not ready: its readiness probe ({{target}}) is not passing (no probe events left in the snapshot to say why).',
  },
  analyze(ctx) {
    const out: Array<RawFinding<Msg>> = [];
    if (ctx.pod.metadata.deletionTimestamp) return out;
    for (const c of ctx.containers) {
      if (c.kind === 'init' || !c.status?.state?.running || c.status.ready) continue;
      const probe = probeOf(c, 'readiness');
      if (!probe) continue;
      const s = probeSettings(probe);
      const events = probeEvents(ctx, c, 'readiness').filter((e) => !isStale(e, c));
      const newest = events[events.length - 1];
      const message = newest ? probeFailureMessage(newest) : '';
      const { kind, meaning } = classifyProbeFailure(message, s.timeoutSeconds);
      const evidence: Evidence[] = [{ ref: ctx.ref, path: `${c.statusPath}.ready`, observed: 'false (running)' }];
      if (newest) evidence.push(eventEvidence(newest));
      evidence.push({ ref: ctx.ref, path: `${c.specPath}.readinessProbe`, observed: `${s.target}, first failure after ${budgetText(s)}` });
      out.push({
        messageId: newest ? 'failing' : 'noEvents',
        data: { container: c.name, target: s.target, meaning, failureKind: newest ? kind : 'unknown', lastFailure: message, failures: events.reduce((n, e) => n + e.count, 0), budget: budgetText(s) },
        evidence,
        remedies: [
          { summary: `Check the endpoint the probe calls (${s.target}) and the application's log`, command: sh`kubectl logs ${name(ctx.name)} -n ${name(ctx.namespace)} -c ${name(c.name)} --tail=50` },
          { summary: 'If the application only needs longer to warm up, give it more time', patch: probePatch(c, 'readiness', { initialDelaySeconds: Math.max(10, s.initialDelaySeconds * 2), failureThreshold: s.failureThreshold, timeoutSeconds: Math.max(s.timeoutSeconds, 3) }) },
        ],
        key: `${ctx.namespace}/${c.name}`,
      });
    }
    return out;
  },
});

import { formatBytes, tryParseQuantity, value } from '../../../schemas/quantity';
import { containerLog } from '../context';
import { recognizeLog } from '../../k8s/logs';
import { defineAnalyzer, type Evidence, type RawFinding } from '../types';
import { currentSeverity, editRemedy, resourcesRemedy, restartText } from '../shared/util';
import { oomCases } from './lib/kills';

type Msg = 'limit';

export function doubled(limit: string | undefined): string {
  const qv = tryParseQuantity(limit);
  return qv ? formatBytes(value(qv) * 2n) : '';
}

export default defineAnalyzer<Msg>({
  id: 'OOMKilled',
  area: 'running',
  reads: ['events', 'nodeEvents', 'logs', 'node'],
  severity: 'error',
  docs: {
    title: 'The container used more memory than its limit',
    summary: 'The container reached its own memory limit (resources.limits.memory), and the kernel killed it inside its cgroup (exit code 137, reason OOMKilled). The kubelet restarts it, and if it keeps happening the pod goes into CrashLoopBackOff.',
    detection: 'A container\'s current or last termination has reason OOMKilled, the container has a memory limit, and no system OOM was recorded on the node at that time (otherwise see SystemOOM). A JVM OutOfMemoryError in the log is shown as supporting evidence.',
    remedy: 'Raise the memory limit (and request) to what the workload really needs, or make it use less: fix a leak, bound caches, and for JVMs size the heap from the limit (-XX:MaxRAMPercentage=75).',
  },
  messages: {
    limit: 'Container {{container}} was killed for using more than its {{limit}} memory limit (OOMKilled, exit {{exitCode}}){{restartText}}.',
  },
  analyze(ctx) {
    const out: Array<RawFinding<Msg>> = [];
    for (const o of oomCases(ctx).filter((x) => x.verdict === 'limit')) {
      const restarts = o.c.status?.restartCount ?? 0;
      const evidence: Evidence[] = [{ ref: ctx.ref, path: o.path, observed: `OOMKilled, exit ${o.term.exitCode}${o.term.finishedAt ? ` at ${o.term.finishedAt}` : ''}` }];
      evidence.push({ ref: ctx.ref, path: `${o.c.specPath}.resources.limits.memory`, observed: o.limit ?? '' });
      const log = containerLog(ctx, o.c, true);
      const signal = recognizeLog(log?.text);
      if (signal?.id === 'java-oom') evidence.push({ ref: `${ctx.ref}/log/${o.c.name}`, path: log?.previous ? 'previous' : 'current', observed: signal.line });
      out.push({
        messageId: 'limit',
        data: { container: o.c.name, limit: o.limit, exitCode: o.term.exitCode, restarts, restartText: restartText(restarts), why: o.why, finishedAt: o.term.finishedAt ?? undefined },
        evidence,
        remedies: [
          doubled(o.limit)
            ? resourcesRemedy(ctx, o.c.name, `Give the container more memory (e.g. double it to ${doubled(o.limit)}) if its usage is legitimate`, `--limits=memory=${doubled(o.limit)} --requests=memory=${doubled(o.limit)}`)
            : editRemedy(ctx, `raise resources.limits.memory of container ${o.c.name} if its usage is legitimate`),
          { summary: 'Or make it use less: look for a leak or unbounded cache; for a JVM, size the heap from the limit (-XX:MaxRAMPercentage=75)' },
        ],
        severity: currentSeverity(ctx, o.c),
        key: `${ctx.namespace}/${o.c.name}`,
      });
    }
    return out;
  },
});

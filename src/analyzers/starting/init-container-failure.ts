import { exitCodeMeaning } from '../../k8s/exitcodes';
import { logSentence, recognizeLog } from '../../k8s/logs';
import { containerLog } from '../context';
import { defineAnalyzer, type Evidence, type RawFinding } from '../types';
import { relevantTermination, restartText, terminationPath } from '../shared/util';
import { name, sh } from '../../k8s/command';

type Msg = 'failed';

const START_FAILURES = new Set(['StartError', 'ContainerCannotRun']);

export default defineAnalyzer<Msg>({
  id: 'InitContainerFailure',
  area: 'starting',
  reads: ['events', 'logs'],
  severity: 'error',
  docs: {
    title: 'An init container fails, so the main containers never start',
    summary: 'Init containers run one after another before the app containers, and each must exit 0. When one fails the kubelet retries it (Init:Error, Init:CrashLoopBackOff) or, under restartPolicy Never, the pod fails. Typical init work: waiting for a dependency, migrating a database, fixing permissions.',
    detection: 'A (non-sidecar) init container whose current termination, or last termination while it waits to be restarted, has a non-zero exit code, and that is not a start failure (see ContainerCreateError). The exit code is explained and its log searched for a fatal pattern.',
    remedy: 'Read the init container\'s log (`kubectl logs <pod> -c <init> --previous`) and fix what it waits for or does.',
  },
  messages: {
    failed: 'Init container {{container}} fails with exit code {{exitCode}} ({{meaning}}), so the pod cannot start{{restartText}}.{{logText}}',
  },
  analyze(ctx) {
    const out: Array<RawFinding<Msg>> = [];
    for (const c of ctx.containers) {
      if (c.kind !== 'init') continue;
      const st = c.status?.state;
      const term = relevantTermination(c);
      if (!term || term.exitCode === 0 || START_FAILURES.has(term.reason ?? '')) continue;
      if (!st?.terminated && !st?.waiting) continue;
      const restarts = c.status?.restartCount ?? 0;
      const log = containerLog(ctx, c, true);
      const signal = recognizeLog(log?.text);
      const evidence: Evidence[] = [{ ref: ctx.ref, path: terminationPath(c), observed: `${term.reason ?? 'terminated'}, exit ${term.exitCode}${term.message ? `: ${term.message.trim().slice(0, 200)}` : ''}` }];
      if (signal) evidence.push({ ref: `${ctx.ref}/log/${c.name}`, path: log?.previous ? 'previous' : 'current', observed: signal.line });
      out.push({
        messageId: 'failed',
        data: {
          container: c.name,
          exitCode: term.exitCode,
          reason: term.reason ?? '',
          meaning: exitCodeMeaning(term.exitCode),
          restarts,
          restartText: restartText(restarts, 'retried'),
          logText: logSentence(signal),
        },
        evidence,
        remedies: [{ summary: "Read the init container's log", command: restarts > 0 ? sh`kubectl logs ${name(ctx.name)} -n ${name(ctx.namespace)} -c ${name(c.name)} --previous --tail=100` : sh`kubectl logs ${name(ctx.name)} -n ${name(ctx.namespace)} -c ${name(c.name)} --tail=100` }],
        key: `${ctx.namespace}/${c.name}`,
      });
    }
    return out;
  },
});

import { exitCodeMeaning, signalOfExitCode } from '../../k8s/exitcodes';
import { logSentence } from '../../k8s/logs';
import { defineAnalyzer, type RawFinding, type Remedy } from '../types';
import { currentSeverity, restartText } from '../shared/util';
import { crashOf, logRemedy, logsRemedy } from './lib/crash';

type Msg = 'exited' | 'lost';

export default defineAnalyzer<Msg>({
  id: 'ContainerExitedWithError',
  area: 'running',
  reads: ['events', 'nodeEvents', 'logs'],
  severity: 'error',
  docs: {
    title: 'The application exited with an error code',
    summary: 'The container\'s process started and then exited with a non-zero code: the application itself gave up (bad configuration, a dependency it cannot reach, a crash). Under restartPolicy Always the kubelet restarts it with growing back-off (CrashLoopBackOff, 10 s doubling to 5 min).',
    detection: 'The current or last termination of a regular or sidecar container has a non-zero exit code below 128 (or 255), and is not an OOM kill, a start failure or a probe kill. The code is explained (1: application error, 2: bad arguments, 126: not executable, 127: command not found, 255: out of range or lost container) and the last log lines are searched for a fatal pattern (Go panic, Python traceback, Java exception, address in use, permission denied, connection refused, missing file).',
    remedy: 'Read the previous run\'s log (`kubectl logs --previous`); fix the configuration, the dependency or the command it names. 126/127: fix command/args.',
  },
  messages: {
    exited: 'Container {{container}} exits with code {{exitCode}} ({{meaning}}){{restartText}}.{{logText}}',
    lost: 'Container {{container}} was lost with exit code {{exitCode}} (reason {{reason}}): the runtime no longer knew it, typically after a node or runtime restart{{restartText}}.',
  },
  analyze(ctx) {
    const out: Array<RawFinding<Msg>> = [];
    for (const c of ctx.containers) {
      const crash = crashOf(ctx, c);
      if (!crash || (signalOfExitCode(crash.term.exitCode) !== undefined && crash.term.exitCode !== 255) || crash.term.signal) continue;
      const lost = crash.term.reason === 'Unknown';
      const remedies: Remedy[] = [...logRemedy(crash.log), logsRemedy(ctx, c)];
      if (crash.term.exitCode === 127 || crash.term.exitCode === 126) remedies.push({ summary: 'Fix the container command or args so they name a program that exists and is executable in the image' });
      out.push({
        messageId: lost ? 'lost' : 'exited',
        data: {
          container: c.name,
          exitCode: crash.term.exitCode,
          reason: crash.term.reason ?? '',
          meaning: exitCodeMeaning(crash.term.exitCode),
          restarts: crash.restarts,
          restartText: restartText(crash.restarts),
          logPattern: crash.log?.id,
          logText: logSentence(crash.log),
        },
        evidence: crash.evidence,
        remedies,
        severity: lost && ctx.running ? 'info' : currentSeverity(ctx, c),
        key: `${ctx.namespace}/${c.name}:${crash.term.exitCode}`,
      });
    }
    return out;
  },
});

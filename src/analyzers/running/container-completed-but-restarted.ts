import { defineAnalyzer, type RawFinding } from '../types';
import { currentSeverity } from '../shared/util';
import { logsRemedy } from './lib/crash';

type Msg = 'completed';

export default defineAnalyzer<Msg>({
  id: 'ContainerCompletedButRestarted',
  area: 'running',
  reads: ['events', 'nodeEvents', 'logs'],
  severity: 'error',
  docs: {
    title: 'The container finishes successfully, but it is meant to run forever',
    summary: 'The process exited with code 0, yet the pod\'s restartPolicy is Always (every Deployment, StatefulSet and DaemonSet pod), so the kubelet starts it again, and again: CrashLoopBackOff with "Completed". The command is a one-shot task, or it starts a daemon in the background and returns.',
    detection: 'A regular container under restartPolicy Always (or a sidecar) whose current or last termination has exit code 0 and which has been restarted.',
    remedy: 'Run the main process in the foreground (no "&", no daemonize/-d flag, `exec` in shell entrypoints); if the work is meant to finish, run it as a Job (restartPolicy OnFailure/Never) or an init container.',
  },
  messages: {
    completed: 'Container {{container}} exits successfully (code 0) and is restarted because its restartPolicy is Always ({{restarts}} restarts): it is a one-shot command, or it puts its process in the background.',
  },
  analyze(ctx) {
    const out: Array<RawFinding<Msg>> = [];
    const policy = ctx.pod.spec.restartPolicy ?? 'Always';
    for (const c of ctx.containers) {
      if (c.kind === 'init' || (c.kind === 'regular' && policy !== 'Always')) continue;
      const restarts = c.status?.restartCount ?? 0;
      const last = c.status?.lastState?.terminated;
      const current = c.status?.state?.terminated;
      const term = current?.exitCode === 0 ? current : last;
      if (!term || term.exitCode !== 0 || restarts === 0 || ctx.pod.metadata.deletionTimestamp) continue;
      out.push({
        messageId: 'completed',
        data: { container: c.name, restarts, reason: term.reason ?? '', command: [...(c.spec.command ?? []), ...(c.spec.args ?? [])].join(' ') },
        evidence: [
          { ref: ctx.ref, path: term === current ? `${c.statusPath}.state.terminated` : `${c.statusPath}.lastState.terminated`, observed: `${term.reason ?? 'terminated'}, exit 0` },
          { ref: ctx.ref, path: 'spec.restartPolicy', observed: policy },
        ],
        remedies: [
          { summary: 'Keep the main process in the foreground: no "&" or daemon flag, and `exec` the server from shell entrypoints' },
          { summary: 'If the work is meant to finish, run it as a Job or an init container instead' },
          logsRemedy(ctx, c),
        ],
        severity: currentSeverity(ctx, c),
        key: `${ctx.namespace}/${c.name}`,
      });
    }
    return out;
  },
});

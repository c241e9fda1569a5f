import { signalMeaning, signalName, signalOfExitCode } from '../../k8s/exitcodes';
import { nodeEvents } from '../context';
import { defineAnalyzer, type RawFinding, type Remedy } from '../types';
import { currentSeverity, restartText } from '../shared/util';
import { crashOf, logsRemedy } from './lib/crash';
import { name as k8sName, placeholder, sh } from '../../k8s/command';

type Msg = 'signal' | 'sigkill';

export default defineAnalyzer<Msg>({
  id: 'ContainerKilledBySignal',
  area: 'running',
  reads: ['events', 'nodeEvents', 'logs'],
  severity: 'error',
  docs: {
    title: 'The container was terminated by a signal',
    summary: 'An exit code of 128+n means the process died from signal n: 139 is SIGSEGV (a crash in native code), 134 SIGABRT (abort, failed assertion), 143 SIGTERM (asked to stop, and it did not handle it), 137 SIGKILL (killed outright). A SIGKILL without an OOMKilled reason and without a probe kill usually means the node or the runtime killed it.',
    detection: 'The current or last termination of a regular or sidecar container has an exit code from 129 to 192 (or a signal) and is not an OOM kill or a liveness/startup probe kill (those have their own findings).',
    remedy: 'SIGSEGV/SIGABRT/SIGILL: a bug or a build for another CPU; read the log and core dump. SIGTERM: something stopped the container (rollout, eviction, preStop): handle SIGTERM and exit 0. SIGKILL: look for node OOM events and the grace period.',
  },
  messages: {
    signal: 'Container {{container}} died from {{signal}} (exit {{exitCode}}): {{meaning}}{{restartText}}.',
    sigkill: 'Container {{container}} was killed with SIGKILL (exit 137) without an OOMKilled reason or a probe kill{{nodeOomText}}{{restartText}}.',
  },
  analyze(ctx) {
    const out: Array<RawFinding<Msg>> = [];
    for (const c of ctx.containers) {
      const crash = crashOf(ctx, c);
      if (!crash) continue;
      const n = crash.term.signal || signalOfExitCode(crash.term.exitCode);
      if (!n || crash.term.exitCode === 255) continue;
      const name = signalName(n);
      const oomEvent = nodeEvents(ctx).filter((e) => e.reason === 'SystemOOM' || e.reason === 'OOMKilling').pop();
      const remedies: Remedy[] = [logsRemedy(ctx, c)];
      if (name === 'SIGKILL') remedies.push({ summary: `Look for memory pressure and OOM kills on node ${ctx.pod.spec.nodeName ?? '?'}`, command: sh`kubectl get events -A --field-selector involvedObject.kind=Node,involvedObject.name=${ctx.pod.spec.nodeName === undefined ? placeholder('<node>') : k8sName(ctx.pod.spec.nodeName)}` });
      if (name === 'SIGTERM') remedies.push({ summary: 'Handle SIGTERM in the application (exit 0 after draining), and check what stopped it: rollouts, evictions, a preStop hook' });
      if (name === 'SIGSEGV' || name === 'SIGABRT' || name === 'SIGILL' || name === 'SIGBUS') remedies.push({ summary: 'Check that the image is built for this node\'s CPU and that native libraries match; reproduce with the same image locally' });
      if (oomEvent) crash.evidence.push({ ref: oomEvent.ref, observed: `${oomEvent.reason}: ${oomEvent.message}` });
      out.push({
        messageId: name === 'SIGKILL' ? 'sigkill' : 'signal',
        data: {
          container: c.name,
          exitCode: crash.term.exitCode,
          signal: name,
          meaning: signalMeaning(n),
          restarts: crash.restarts,
          restartText: restartText(crash.restarts),
          nodeOomText: oomEvent ? `; node ${ctx.pod.spec.nodeName} recorded an OOM kill (${oomEvent.message})` : ': the node, the runtime or a person killed it',
        },
        evidence: crash.evidence,
        remedies,
        severity: currentSeverity(ctx, c),
        key: `${ctx.namespace}/${c.name}:${crash.term.exitCode}`,
      });
    }
    return out;
  },
});

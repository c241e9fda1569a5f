import { containerJsonPath } from '../../k8s/owners';
import { eventContainer, eventEvidence, eventsMatching, label, type ContainerView, type PodContext } from '../context';
import { defineAnalyzer, type Evidence, type RawFinding, type Remedy } from '../types';
import { currentSeverity, editArg, nsFlag } from '../shared/util';
import { name, placeholder, sh, ShellText, ssh, yamlScalar } from '../../k8s/command';

type Msg = 'notInPath' | 'noSuchFile' | 'execFormat' | 'permission' | 'runAsRoot' | 'hook' | 'nameReserved' | 'other';

const CREATE_REASONS = new Set(['CreateContainerError', 'RunContainerError', 'PreStartHookError', 'PreCreateHookError', 'PostStartHookError', 'CreateContainerConfigError']);
const START_FAILURES = new Set(['StartError', 'ContainerCannotRun']);
/** CreateContainerConfigError messages that belong to ConfigMissing */
const CONFIG_MISSING = /(configmaps?|secrets?) "[^"]+" not found|couldn't find key/i;

function classify(message: string, reason: string): { id: Msg; binary?: string } {
  const bin = /exec: "([^"]*)": (?:executable file not found in \$PATH|stat [^:]+: no such file or directory)/.exec(message) ??
    /exec: "([^"]*)"/.exec(message);
  if (/executable file not found in \$PATH/.test(message)) return { id: 'notInPath', binary: bin?.[1] };
  if (/exec format error/i.test(message)) return { id: 'execFormat', binary: bin?.[1] };
  if (/runAsNonRoot|image will run as root|non-numeric user/i.test(message)) return { id: 'runAsRoot' };
  if (/is reserved for|failed to reserve container name/i.test(message)) return { id: 'nameReserved' };
  if (/permission denied/i.test(message)) return { id: 'permission', binary: bin?.[1] };
  if (/no such file or directory/i.test(message)) return { id: 'noSuchFile', binary: bin?.[1] };
  if (/HookError$/.test(reason)) return { id: 'hook' };
  return { id: 'other' };
}

interface Failure {
  reason: string;
  message: string;
  evidence: Evidence[];
}

function failureOf(ctx: PodContext, c: ContainerView): Failure | undefined {
  const w = c.status?.state?.waiting;
  if (w?.reason && CREATE_REASONS.has(w.reason) && !(w.reason === 'CreateContainerConfigError' && CONFIG_MISSING.test(w.message ?? ''))) {
    const ev: Evidence[] = [{ ref: ctx.ref, path: `${c.statusPath}.state.waiting`, observed: `${w.reason}: ${w.message ?? ''}` }];
    let message = w.message ?? '';
    const events = eventsMatching(ctx, ['Failed'], /^(spec\.\S+: )?Error: /).filter((e) => eventContainer(e) === c.name);
    const newest = events[events.length - 1];
    if (newest) {
      ev.push(eventEvidence(newest));
      if (!message) message = newest.message;
    }
    return { reason: w.reason, message, evidence: ev };
  }
  for (const [state, path] of [[c.status?.state, 'state'], [c.status?.lastState, 'lastState']] as const) {
    const t = state?.terminated;
    if (t?.reason && START_FAILURES.has(t.reason) && (path === 'state' || w)) {
      return { reason: t.reason, message: t.message ?? '', evidence: [{ ref: ctx.ref, path: `${c.statusPath}.${path}.terminated`, observed: `${t.reason} (exit ${t.exitCode}): ${t.message ?? ''}` }] };
    }
  }
  return undefined;
}

function remedies(ctx: PodContext, c: ContainerView, id: Msg, binary: string | undefined): Remedy[] {
  const image = c.spec.image ?? '<image>';
  const host = ctx.pod.spec.nodeName ?? placeholder('<node>');
  const cmd = sh`kubectl get ${editArg(ctx.pod)} ${nsFlag(ctx)} -o jsonpath='{${name(c.name) && new ShellText(containerJsonPath(ctx.pod, c.name, c.kind !== 'regular'))}.command}'`;
  switch (id) {
    case 'notInPath':
    case 'noSuchFile':
      return [
        { summary: `Fix the container's command: ${binary ? `"${binary}"` : 'the entrypoint'} does not exist in image ${image}`, command: cmd },
        { summary: 'List what the image really has on its PATH', command: sh`docker run --rm --entrypoint sh ${c.spec.image} -c 'echo $PATH; ls /usr/local/bin /usr/bin | head -50'` },
      ];
    case 'execFormat':
      return [{ summary: `Build or pull the image for the node's CPU architecture (node ${ctx.pod.spec.nodeName ?? '?'}: ${ctx.node?.metadata.labels?.['kubernetes.io/arch'] ?? 'see its kubernetes.io/arch label'}), or add the missing #! line to a script entrypoint` }];
    case 'permission':
      return [{ summary: 'Make the entrypoint executable in the image (chmod +x in the Dockerfile), or check that the volume it lives on is not mounted noexec' }];
    case 'runAsRoot':
      return [{ summary: 'Run as a non-root user: set runAsUser to a numeric UID the image supports', patch: `spec:\n  template:\n    spec:\n      containers:\n      - name: ${yamlScalar(c.name)}\n        securityContext:\n          runAsUser: 10001\n          runAsNonRoot: true` }];
    case 'nameReserved':
      return [
        { summary: `The runtime on ${ctx.pod.spec.nodeName ?? 'the node'} is still busy with an earlier attempt to create this container: it is slow or stuck; read its log`, command: ssh(host, 'sudo journalctl -u containerd --since -1h') },
        { summary: 'If it does not clear by itself, restart the runtime on the node', command: ssh(host, 'sudo systemctl restart containerd') },
      ];
    case 'hook':
      return [{ summary: 'Fix or remove the lifecycle hook that fails', command: sh`kubectl get ${editArg(ctx.pod)} ${nsFlag(ctx)} -o yaml | grep -A8 lifecycle:` }];
    default:
      return [{ summary: `Read the runtime's full error on node ${ctx.pod.spec.nodeName ?? '?'}`, command: ssh(host, 'sudo journalctl -u containerd -u kubelet --since -1h') }];
  }
}

export default defineAnalyzer<Msg>({
  id: 'ContainerCreateError',
  area: 'starting',
  reads: ['events', 'node'],
  severity: 'error',
  docs: {
    title: 'The runtime cannot create or start the container process',
    summary: 'The image was pulled but the container runtime could not create the container or exec its entrypoint: the command is not in the image, the binary is for another CPU architecture, the file is not executable, a securityContext forbids the image\'s user, or a lifecycle hook failed.',
    detection: 'A container waits with CreateContainerError, RunContainerError, a *HookError or a CreateContainerConfigError that is not about a missing ConfigMap/Secret; or it terminated with reason StartError or ContainerCannotRun (exit 128). The message is classified: executable file not found in $PATH, no such file or directory, exec format error, permission denied, runAsNonRoot.',
    remedy: 'Fix command/args to name a binary the image has; build the image for the node\'s architecture; chmod +x the entrypoint; set a numeric runAsUser; fix the hook.',
  },
  messages: {
    notInPath: '{{label}} cannot start: its command {{binaryText}}is not found in the image (executable file not found in $PATH).',
    noSuchFile: '{{label}} cannot start: its command {{binaryText}}does not exist in the image (no such file or directory).',
    execFormat: '{{label}} cannot start: the entrypoint {{binaryText}}is not a program this node can run (exec format error: wrong CPU architecture or a script without #!).',
    permission: '{{label}} cannot start: permission denied running its entrypoint {{binaryText}}.',
    runAsRoot: '{{label}} cannot start: runAsNonRoot is set but the image runs as root (or as a non-numeric user).',
    hook: '{{label}} failed its lifecycle hook ({{reason}}): {{detail}}',
    nameReserved: '{{label}} cannot be created: the runtime still holds its name from an earlier attempt, a sign that it is slow or stuck.',
    other: '{{label}} cannot be started by the runtime ({{reason}}): {{detail}}',
  },
  analyze(ctx) {
    const out: Array<RawFinding<Msg>> = [];
    for (const c of ctx.containers) {
      const f = failureOf(ctx, c);
      if (!f) continue;
      const { id, binary } = classify(f.message, f.reason);
      out.push({
        messageId: id,
        data: { container: c.name, label: label(c), reason: f.reason, detail: f.message, binary, binaryText: binary ? `"${binary}" ` : '', cause: id, image: c.spec.image ?? '' },
        evidence: f.evidence,
        remedies: remedies(ctx, c, id, binary),
        severity: currentSeverity(ctx, c),
        key: `${c.spec.image ?? ''}:${id}`,
      });
    }
    return out;
  },
});

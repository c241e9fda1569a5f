// Small helpers shared by analyzers: shell quoting, kubectl flags, severity of past problems.
import type { ContainerView, PodContext } from '../context';
import { name, part, sh, ShellText } from '../../k8s/command';
import { editTarget, isImmutableTemplate } from '../../k8s/owners';
import type { Remedy, Severity } from '../types';

/** "-n <namespace>" for a command built with sh; undefined (no command) when the namespace is not a valid name. */
export const nsFlag = (ctx: { namespace: string }): ShellText | undefined => part`-n ${name(ctx.namespace)}`;

/** editTarget(pod) for a command built with sh: "deployment/web", or undefined when the name is not valid. */
export function editArg(pod: PodContext['pod']): ShellText | undefined {
  const [kind, objectName] = editTarget(pod).split(/\/(.*)/s);
  return kind !== undefined && name(objectName) ? new ShellText(`${kind}/${objectName}`) : undefined;
}

/** error while the pod is not running; info for a past problem of a pod that runs fine now */
export const currentSeverity = (ctx: PodContext, c?: ContainerView): Severity => {
  if (!ctx.running) return 'error';
  if (c && c.status?.state?.waiting) return 'error';
  return 'info';
};

/** The termination that explains the container's state: the current one if terminated, else the last one. */
export function relevantTermination(c: ContainerView) {
  return c.status?.state?.terminated ?? c.status?.lastState?.terminated ?? undefined;
}

export function terminationPath(c: ContainerView): string {
  return c.status?.state?.terminated ? `${c.statusPath}.state.terminated` : `${c.statusPath}.lastState.terminated`;
}

/** A remedy that changes a container's resources, worded for controllers whose pod template is immutable too. */
export function resourcesRemedy(ctx: PodContext, container: string, summary: string, flags: string): Remedy {
  const target = editTarget(ctx.pod);
  // flags are ours, but carry resource names and quantities from the pod spec: only plain characters pass
  const command = /^[\w./=,<> +-]+$/.test(flags) ? sh`kubectl set resources ${editArg(ctx.pod)} -c ${name(container)} ${new ShellText(flags)} ${nsFlag(ctx)}` : undefined;
  if (isImmutableTemplate(ctx.pod)) {
    return { summary: `${summary}: change it in the manifest that creates this ${target.split('/')[0]} (its pod spec cannot be edited in place) and re-create it (${flags})` };
  }
  return { summary, command };
}

/** The node's container runtime CLI: docker where the kubelet talks to dockershim, crictl for CRI runtimes. */
export function runtimeCli(ctx: PodContext): 'docker' | 'crictl' {
  return /^docker:\/\//.test(ctx.node?.status.nodeInfo?.containerRuntimeVersion ?? '') ? 'docker' : 'crictl';
}

/** A change podwhy cannot compute (a usage, a name): "Edit: <field>" and the command that opens the object. */
export function editRemedy(ctx: PodContext, field: string): Remedy {
  const target = editTarget(ctx.pod);
  if (isImmutableTemplate(ctx.pod)) return { summary: `Edit: ${field}, in the manifest that creates this ${target.split('/')[0]} (its pod spec cannot be edited in place), and re-create it` };
  return { summary: `Edit: ${field}`, command: sh`kubectl edit ${editArg(ctx.pod)} ${nsFlag(ctx)}` };
}

/** "; restarted 3 times" (or "" before the first restart) */
export const restartText = (n: number, verb = 'restarted'): string => (n > 0 ? `; ${verb} ${n === 1 ? 'once' : `${n} times`}` : '');

// Small helpers shared by analyzers: shell quoting, kubectl flags, severity of past problems.
import type { ContainerView, PodContext } from '../context';
import { editTarget, isImmutableTemplate } from '../../k8s/owners';
import type { Remedy, Severity } from '../types';

/** Quotes a word for a POSIX shell only when it needs it. */
export function q(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export const nsFlag = (ctx: PodContext): string => `-n ${q(ctx.namespace)}`;

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
  const command = `kubectl set resources ${target} -c ${q(container)} ${flags} ${nsFlag(ctx)}`;
  if (isImmutableTemplate(ctx.pod)) {
    return { summary: `${summary}: change it in the manifest that creates this ${target.split('/')[0]} (its pod spec cannot be edited in place) and re-create it (${flags})` };
  }
  return { summary, command };
}

/** "; restarted 3 times" (or "" before the first restart) */
export const restartText = (n: number, verb = 'restarted'): string => (n > 0 ? `; ${verb} ${n === 1 ? 'once' : `${n} times`}` : '');

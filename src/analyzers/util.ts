// Small helpers shared by analyzers: shell quoting, kubectl flags, severity of past problems.
import type { ContainerView, PodContext } from './context';
import type { Severity } from './types';

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

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

// Container runtime faults read from events (the pod's and its node's): the shared matching for the runtime analyzers.
import { parseTime } from '../../../k8s/time';
import type { PodEvent } from '../../../snapshot/types';
import { eventEvidence, type PodContext } from '../../context';
import { deletionOf, podAndNodeEvents } from './deletion';

/** A runtime fault matters for a pod that is stuck: deleted past its grace period, or not running. */
export function stuck(ctx: PodContext): boolean {
  const d = deletionOf(ctx);
  if (d) return d.overdueMs > 0;
  return !ctx.running;
}

export function faultEvents(ctx: PodContext, pattern: RegExp): PodEvent[] {
  if (!stuck(ctx)) return [];
  const created = parseTime(ctx.pod.metadata.creationTimestamp) ?? 0;
  const podOwn = new Set(ctx.events);
  // node events only count if they are about this pod's container ids or happened while the pod existed
  return podAndNodeEvents(ctx, pattern).filter((e) => podOwn.has(e) || (e.last ?? 0) >= created);
}

export const evidenceOf = (events: PodEvent[]) => events.slice(-2).map(eventEvidence);
export const count = (events: PodEvent[]): number => events.reduce((n, e) => n + e.count, 0);

/** The newest fault event matching a pattern whose first or second group is a path, with the path and the node. */
export function pathFault(ctx: PodContext, re: RegExp): { events: PodEvent[]; last: PodEvent; path: string; node: string } | undefined {
  const events = faultEvents(ctx, re);
  const last = events[events.length - 1];
  if (!last) return undefined;
  const m = re.exec(last.message);
  return { events, last, path: m?.[1] ?? m?.[2] ?? '<path>', node: ctx.pod.spec.nodeName ?? '<node>' };
}

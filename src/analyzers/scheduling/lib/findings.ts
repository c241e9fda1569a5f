// What scheduling findings share: their order by how many nodes a cause blocks, node lists, and findings read
// from the scheduler's message alone when the snapshot has no nodes to simulate on.
import type { ReasonKey } from '../../../scheduler/reasons';
import type { Blocked, NodeVerdict, Rejection } from '../../../scheduler/verdict';
import type { SchedulingView } from '../../../scheduler/view';
import type { PodContext } from '../../context';
import type { Evidence, RawFinding, Remedy } from '../../types';

/** Orders scheduling findings: the cause whose removal alone unlocks the most nodes first, then the most blocked. */
export function schedulingRank(b: Pick<Blocked<Rejection>, 'sole' | 'nodes'>, total: number): number {
  return 20 + (1 - b.sole.length / (total + 1)) + (1 - b.nodes.length / (total + 1)) / 100;
}

export const nodeList = (nodes: Array<Pick<NodeVerdict, 'name'>>, max = 5): string => {
  const names = nodes.map((n) => n.name);
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
};

/** The message's histogram entries whose keys pass a test, when there is no simulation to read instead. */
export function saidEntries(view: SchedulingView, test: (key: ReasonKey) => boolean): Array<{ key: ReasonKey; text: string; count: number }> {
  const p = view.said?.parsed;
  if (!p || view.sim) return [];
  return p.entries.filter((e) => test(e.key)).map((e) => ({ key: e.key, text: e.text, count: e.count ?? p.total ?? 1 }));
}

/** The scheduler's message as evidence: its event, else the pod's PodScheduled condition. */
export function saidEvidence(ctx: PodContext, view: SchedulingView): Evidence {
  return { ref: view.said?.event?.ref ?? `${ctx.ref} status.conditions[PodScheduled]`, observed: view.said?.message ?? '' };
}

/** For findings read from the scheduler's message alone: how many nodes it names for these reasons, and the proof. */
export function fromMessage(ctx: PodContext, view: SchedulingView, test: (key: ReasonKey) => boolean): { count: number; total?: number; evidence: Evidence[] } | undefined {
  const entries = saidEntries(view, test);
  if (entries.length === 0) return undefined;
  return { count: entries.reduce((n, e) => n + e.count, 0), total: view.said?.parsed.total, evidence: [saidEvidence(ctx, view)] };
}

/** The finding made from the scheduler's message alone: the node count for the analyzer's reasons, the message as proof. */
export function fromMessageFinding(
  ctx: PodContext,
  view: SchedulingView,
  test: (key: ReasonKey) => boolean,
  remedies: Remedy[],
  data: Record<string, string | number> = {},
): Array<RawFinding<'fromEvent'>> {
  const m = fromMessage(ctx, view, test);
  return m ? [{ messageId: 'fromEvent', data: { count: m.count, total: m.total ?? '?', ...data }, evidence: m.evidence, remedies, rank: 30 }] : [];
}

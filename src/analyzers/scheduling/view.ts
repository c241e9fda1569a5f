// What the scheduling analyzers share about one unscheduled pod: the simulation (when the snapshot has nodes),
// the newest FailedScheduling message, and which nodes each plugin blocks.
import { parseTime } from '../../k8s/time';
import { histogramOf, parseSchedulingMessage, sameHistogram, type ParsedMessage } from '../../scheduler/parse';
import { simulate, type NodeVerdict, type PluginFailure, type Simulation } from '../../scheduler/simulate';
import type { PodEvent } from '../../snapshot/types';
import { eventsMatching, type PodContext } from '../context';
import type { RawFinding, Remedy } from '../types';

export interface SchedulerSaid {
  message: string;
  parsed: ParsedMessage;
  /** the event behind it, when it came from one */
  event?: PodEvent;
  /** epoch ms it was last said */
  at?: number;
  source: 'condition' | 'event';
}

export interface SchedulingView {
  /** not bound to a node, not being deleted, not finished */
  unscheduled: boolean;
  sim?: Simulation;
  said?: SchedulerSaid;
  agrees?: boolean;
  /** why the simulation and the scheduler may differ */
  disagreement?: string;
}

const views = new WeakMap<PodContext, SchedulingView>();

function newestSaid(ctx: PodContext): SchedulerSaid | undefined {
  const events = eventsMatching(ctx, ['FailedScheduling']).filter((e) => !/^skip schedule deleting pod/.test(e.message));
  const ev = events[events.length - 1];
  const cond = (ctx.pod.status.conditions ?? []).find((c) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable' && c.message);
  const condAt = parseTime(cond?.lastTransitionTime);
  // the condition is never truncated; prefer it unless the event is clearly newer
  if (cond?.message && (!ev || (ev.last ?? 0) <= (condAt ?? 0) + 1000 || !parseSchedulingMessage(ev.message).truncated)) {
    if (!ev || (condAt ?? 0) >= (ev.last ?? 0) - 60_000) return { message: cond.message, parsed: parseSchedulingMessage(cond.message), at: ev?.last ?? condAt, source: 'condition', ...(ev ? { event: ev } : {}) };
  }
  if (ev) return { message: ev.message, parsed: parseSchedulingMessage(ev.message), event: ev, at: ev.last, source: 'event' };
  return undefined;
}

function explainDisagreement(ctx: PodContext, sim: Simulation, said: SchedulerSaid): string {
  const p = said.parsed;
  const why: string[] = [];
  if (p.total !== undefined && p.total !== sim.nodeCount) why.push(`the scheduler saw ${p.total} nodes and the snapshot has ${sim.nodeCount}: nodes joined or left since`);
  if (p.truncated) why.push('the event was cut at 1024 characters');
  if (said.at !== undefined && ctx.now - said.at > 10 * 60_000) why.push(`the message is ${Math.round((ctx.now - said.at) / 60_000)} minutes older than the snapshot; pods and nodes changed since`);
  const counted = [...histogramOf(p.entries, p.total).values()].reduce((a, b) => a + b, 0);
  if (p.total !== undefined && counted < p.total && !p.preFilter) why.push('the message counts fewer nodes than it names (nodes left out by a PreFilter, before 1.30)');
  if (sim.version.source !== 'kube-scheduler image') why.push(`podwhy assumed the wording of 1.${sim.version.minor} (${sim.version.source})`);
  if (why.length === 0) why.push('a nominated or assumed pod, a custom scheduler profile or extender, or a feature gate the snapshot cannot show');
  return why.join('; ');
}

export function schedulingView(ctx: PodContext): SchedulingView {
  const cached = views.get(ctx);
  if (cached) return cached;
  const pod = ctx.pod;
  const unscheduled = !pod.spec.nodeName && !pod.metadata.deletionTimestamp && (pod.status.phase ?? 'Pending') === 'Pending';
  const view: SchedulingView = { unscheduled };
  if (unscheduled) {
    const said = newestSaid(ctx);
    if (said) view.said = said;
    const nodesCaptured = ctx.snapshot.captured.has('Node');
    if (nodesCaptured && !(pod.spec.schedulingGates ?? []).length) {
      view.sim = simulate(pod, ctx.snapshot);
      if (said && !said.parsed.unknown) {
        const simHist = view.sim.histogram;
        const saidHist = histogramOf(said.parsed.entries, said.parsed.total);
        view.agrees = said.parsed.noNodes ? view.sim.nodeCount === 0 : view.sim.fits.length === 0 && said.parsed.total === view.sim.nodeCount && sameHistogram(simHist, saidHist);
        if (!view.agrees) view.disagreement = explainDisagreement(ctx, view.sim, said);
      }
    }
  }
  views.set(ctx, view);
  return view;
}

/** The simulation when its filters reject the pod on every node: the only case filter findings speak about. */
export function filterRejection(view: SchedulingView): Simulation | undefined {
  const sim = view.sim;
  return sim && sim.fits.length === 0 && !sim.preFilter ? sim : undefined;
}

export interface Blocked {
  /** nodes whose reported (first) failure is this one */
  nodes: NodeVerdict[];
  /** nodes where this is the only failing plugin: fixing it alone makes them fit */
  sole: NodeVerdict[];
  failures: PluginFailure[];
}

/** Nodes the pod cannot use because of a plugin (optionally only failures matching a test). */
export function blockedBy(sim: Simulation, plugin: string, match: (f: PluginFailure, v: NodeVerdict) => boolean = () => true): Blocked {
  const nodes: NodeVerdict[] = [];
  const sole: NodeVerdict[] = [];
  const failures: PluginFailure[] = [];
  for (const v of sim.nodes) {
    const f = v.failures.find((x) => x.plugin === plugin);
    if (!f || !match(f, v)) continue;
    if (v.first?.plugin === plugin) nodes.push(v);
    if (v.failures.length === 1) sole.push(v);
    failures.push(f);
  }
  return { nodes, sole, failures };
}

/** Orders scheduling findings: the cause whose removal alone unlocks the most nodes first, then the most blocked. */
export function schedulingRank(b: Blocked, total: number): number {
  return 20 + (1 - b.sole.length / (total + 1)) + (1 - b.nodes.length / (total + 1)) / 100;
}

/** The event's histogram entries for keys starting with a prefix, when there is no simulation to read instead. */
export function saidEntries(view: SchedulingView, test: (key: string) => boolean): Array<{ key: string; text: string; count: number }> {
  const p = view.said?.parsed;
  if (!p || view.sim) return [];
  return p.entries.filter((e) => test(e.key)).map((e) => ({ key: e.key, text: e.text, count: e.count ?? p.total ?? 1 }));
}

export const nodeList = (nodes: NodeVerdict[], max = 5): string => {
  const names = nodes.map((n) => n.name);
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
};

/** For findings read from the scheduler's message alone: how many nodes it names for these reasons, and the proof. */
export function fromMessage(ctx: PodContext, view: SchedulingView, test: (key: string) => boolean): { count: number; total?: number; evidence: Array<{ ref: string; observed: string }> } | undefined {
  const entries = saidEntries(view, test);
  if (entries.length === 0) return undefined;
  return {
    count: entries.reduce((n, e) => n + e.count, 0),
    total: view.said?.parsed.total,
    evidence: [{ ref: view.said?.event?.ref ?? `${ctx.ref} status.conditions[PodScheduled]`, observed: view.said?.message ?? '' }],
  };
}

/**
 * The finding an analyzer makes from the scheduler's message alone, when the snapshot has no nodes to simulate on:
 * how many nodes the message counts for the analyzer's reasons, with the message as evidence.
 */
export function fromMessageFinding(
  ctx: PodContext,
  view: SchedulingView,
  test: (key: string) => boolean,
  remedies: Remedy[],
  data: Record<string, string | number> = {},
): Array<RawFinding<'fromEvent'>> {
  const m = fromMessage(ctx, view, test);
  return m ? [{ messageId: 'fromEvent', data: { count: m.count, total: m.total ?? '?', ...data }, evidence: m.evidence, remedies, rank: 30 }] : [];
}

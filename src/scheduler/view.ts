// The scheduling view of one pod, computed once: the simulation (when the snapshot has nodes), the newest
// FailedScheduling message parsed once, whether the two agree and why they may not, and whether preemption
// already made room for the pod.
import type { Pod } from '../../schemas/k8s';
import { parseTime } from '../k8s/time';
import type { PodEvent, Snapshot } from '../snapshot/types';
import { histogramOf, parseSchedulingMessage, sameHistogram, type ParsedMessage } from './parse';
import type { ReasonKey } from './reasons';
import { simulate, type Simulation } from './simulate';

export interface SchedulerSaid {
  message: string;
  parsed: ParsedMessage;
  /** reason key → node count, merged as it is compared with the simulation */
  histogram: Map<ReasonKey, number>;
  /** the event behind it, when it came from one */
  event?: PodEvent;
  /** epoch ms it was last said */
  at?: number;
  source: 'condition' | 'event';
}

export interface Preemption {
  /** status.nominatedNodeName */
  node: string;
  /** "namespace/name" of the pods on that node being deleted */
  victims: string[];
}

export interface SchedulingView {
  /** not bound to a node, not being deleted, not finished */
  unscheduled: boolean;
  sim?: Simulation;
  /** the simulation when its filters reject the pod on every node (no PreFilter): what filter findings speak of */
  filterRejection?: Simulation;
  said?: SchedulerSaid;
  agrees?: boolean;
  /** why the simulation and the scheduler may differ */
  disagreement?: string;
  /** preemption nominated a node for the pod */
  preemption?: Preemption;
  /** preemption made room and the pod only waits for its victims: the filter failures are the past, not the cause */
  preempting: boolean;
}

const said = (message: string, parsed: ParsedMessage, rest: Pick<SchedulerSaid, 'event' | 'at' | 'source'>): SchedulerSaid => ({
  message,
  parsed,
  histogram: histogramOf(parsed.entries, parsed.total),
  ...rest,
});

function newestSaid(pod: Pod, events: PodEvent[]): SchedulerSaid | undefined {
  const failed = events.filter((e) => e.reason === 'FailedScheduling' && !/^skip schedule deleting pod/.test(e.message));
  const ev = failed[failed.length - 1];
  const evParsed = ev ? parseSchedulingMessage(ev.message) : undefined;
  const cond = (pod.status.conditions ?? []).find((c) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable' && c.message);
  const condAt = parseTime(cond?.lastTransitionTime);
  // the condition is never truncated; prefer it unless the event is clearly newer
  if (cond?.message && (!ev || (ev.last ?? 0) <= (condAt ?? 0) + 1000 || !evParsed?.truncated)) {
    if (!ev || (condAt ?? 0) >= (ev.last ?? 0) - 60_000) return said(cond.message, parseSchedulingMessage(cond.message), { at: ev?.last ?? condAt, source: 'condition', ...(ev ? { event: ev } : {}) });
  }
  if (ev && evParsed) return said(ev.message, evParsed, { event: ev, at: ev.last, source: 'event' });
  return undefined;
}

function explainDisagreement(now: number, sim: Simulation, s: SchedulerSaid): string {
  const p = s.parsed;
  const why: string[] = [];
  if (p.total !== undefined && p.total !== sim.nodeCount) why.push(`the scheduler saw ${p.total} nodes and the snapshot has ${sim.nodeCount}: nodes joined or left since`);
  if (p.truncated) why.push('the event was cut at 1024 characters');
  if (s.at !== undefined && now - s.at > 10 * 60_000) why.push(`the message is ${Math.round((now - s.at) / 60_000)} minutes older than the snapshot; pods and nodes changed since`);
  const counted = [...s.histogram.values()].reduce((a, b) => a + b, 0);
  if (p.total !== undefined && counted < p.total && !p.preFilter) why.push('the message counts fewer nodes than it names (nodes left out by a PreFilter, before 1.30)');
  if (sim.version.source !== 'kube-scheduler image') why.push(`podwhy assumed the wording of 1.${sim.version.minor} (${sim.version.source})`);
  if (why.length === 0) why.push('a nominated or assumed pod, a custom scheduler profile or extender, or a feature gate the snapshot cannot show');
  return why.join('; ');
}

function preemptionOf(pod: Pod, snapshot: Snapshot): Preemption | undefined {
  const node = pod.status.nominatedNodeName;
  if (!node || pod.spec.nodeName || pod.metadata.deletionTimestamp) return undefined;
  const victims = (snapshot.podsByNode.get(node) ?? []).filter((p) => p.metadata.deletionTimestamp).map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
  return { node, victims };
}

/** The view of one pod; `events` are the pod's own events, oldest first. */
export function schedulingView(pod: Pod, snapshot: Snapshot, events: PodEvent[]): SchedulingView {
  const unscheduled = !pod.spec.nodeName && !pod.metadata.deletionTimestamp && (pod.status.phase ?? 'Pending') === 'Pending';
  const preemption = preemptionOf(pod, snapshot);
  const view: SchedulingView = { unscheduled, ...(preemption ? { preemption } : {}), preempting: (preemption?.victims.length ?? 0) > 0 };
  if (!unscheduled) return view;
  const s = newestSaid(pod, events);
  if (s) view.said = s;
  if (!snapshot.captured.has('Node') || (pod.spec.schedulingGates ?? []).length) return view;
  const sim = simulate(pod, snapshot);
  view.sim = sim;
  if (sim.fits.length === 0 && !sim.preFilter) view.filterRejection = sim;
  if (s && !s.parsed.unknown) {
    view.agrees = s.parsed.noNodes ? sim.nodeCount === 0 : sim.fits.length === 0 && s.parsed.total === sim.nodeCount && sameHistogram(sim.histogram, s.histogram);
    if (!view.agrees) view.disagreement = explainDisagreement(snapshot.analysisTime, sim, s);
  }
  return view;
}

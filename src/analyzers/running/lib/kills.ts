// Facts several running-state analyzers need: was the last restart a probe kill, was an OOM the cgroup's or the node's.
import type { ContainerState } from '../../../../schemas/k8s';
import { parseTime } from '../../../k8s/time';
import type { PodEvent } from '../../../snapshot/types';
import { eventContainer, eventsMatching, nodeEvents, type ContainerView, type PodContext } from '../../context';

export type ProbeKind = 'liveness' | 'startup';

const KILL_RE = /failed (liveness|startup) probe/i;

function killedContainer(e: PodEvent): string | undefined {
  return eventContainer(e) ?? /^Container (\S+) failed/.exec(e.message)?.[1] ?? /docker:\/\/([^:]+):Container failed/.exec(e.message)?.[1];
}

/** The Killing event that ended the container's previous instance, when a liveness or startup probe caused it. */
export function probeKill(ctx: PodContext, c: ContainerView): { probe: ProbeKind; event: PodEvent; kills: number } | undefined {
  const kills = eventsMatching(ctx, ['Killing'], KILL_RE).filter((e) => killedContainer(e) === c.name);
  const last = kills[kills.length - 1];
  if (!last) return undefined;
  const term = c.status?.state?.terminated ?? c.status?.lastState?.terminated;
  const from = parseTime(term?.startedAt);
  if (from !== undefined && last.last !== undefined && last.last < from - 1000) return undefined;
  const probe = (KILL_RE.exec(last.message)?.[1] ?? 'liveness').toLowerCase() as ProbeKind;
  return { probe, event: last, kills: kills.reduce((n, e) => n + e.count, 0) };
}

export interface OomCase {
  c: ContainerView;
  term: NonNullable<ContainerState['terminated']>;
  path: string;
  verdict: 'limit' | 'system';
  why: string;
  limit?: string;
  nodeEvent?: PodEvent;
}

const OOM_WINDOW_MS = 120_000;

/** Every OOMKilled termination of the pod's containers, each judged as the container's own limit or the node's OOM killer. */
export function oomCases(ctx: PodContext): OomCase[] {
  const out: OomCase[] = [];
  const systemEvents = nodeEvents(ctx).filter((e) => e.reason === 'SystemOOM' || e.reason === 'OOMKilling');
  for (const c of ctx.containers) {
    const current = c.status?.state?.terminated;
    const last = c.status?.lastState?.terminated;
    const term = current?.reason === 'OOMKilled' ? current : last?.reason === 'OOMKilled' ? last : undefined;
    if (!term) continue;
    const path = `${c.statusPath}.${term === current ? 'state' : 'lastState'}.terminated`;
    const limit = c.spec.resources?.limits?.memory;
    const started = parseTime(term.startedAt);
    const finished = parseTime(term.finishedAt);
    const nodeEvent = systemEvents.find(
      (e) => e.last === undefined || finished === undefined || (e.last >= (started ?? finished - OOM_WINDOW_MS) && (e.first ?? e.last) <= finished + OOM_WINDOW_MS),
    );
    if (limit === undefined || limit === null) {
      out.push({ c, term, path, verdict: 'system', why: 'the container has no memory limit, so no cgroup limit of its own can have killed it: the node ran out of memory', nodeEvent });
    } else if (nodeEvent) {
      out.push({ c, term, path, verdict: 'system', why: `node ${ctx.pod.spec.nodeName} recorded a system OOM at that time (${nodeEvent.reason}: ${nodeEvent.message})`, limit: String(limit), nodeEvent });
    } else {
      out.push({ c, term, path, verdict: 'limit', why: `its memory limit is ${String(limit)} and the runtime reported OOMKilled`, limit: String(limit) });
    }
  }
  return out;
}

// Everything an analyzer may ask about one pod, computed from the snapshot alone (no I/O, no clock).
import type { Container, ContainerStatus, Pod } from '../../schemas/k8s';
import { isRestartableInit, podColumns } from '../k8s/status';
import { parseTime } from '../k8s/time';
import { schedulingView, type SchedulingView } from '../scheduler/view';
import type { PodEvent, Snapshot } from '../snapshot/types';
import type { ContainerView, Evidence, PodContext } from './types';

export type { ContainerKind, ContainerView, PodContext } from './types';

function views(pod: Pod): ContainerView[] {
  const out: ContainerView[] = [];
  const add = (specs: Container[], statuses: ContainerStatus[], specKey: string, statusKey: string, init: boolean): void => {
    specs.forEach((spec, i) => {
      const si = statuses.findIndex((s) => s.name === spec.name);
      const status = si >= 0 ? statuses[si] : undefined;
      const startedAt =
        parseTime(status?.state?.running?.startedAt) ?? parseTime(status?.state?.terminated?.startedAt) ?? undefined;
      out.push({
        name: spec.name,
        kind: init ? (isRestartableInit(spec) ? 'sidecar' : 'init') : 'regular',
        spec,
        status,
        statusPath: si >= 0 ? `status.${statusKey}[${si}]` : `status.${statusKey}`,
        specPath: `spec.${specKey}[${i}]`,
        startedAt,
      });
    });
  };
  add(pod.spec.initContainers ?? [], pod.status.initContainerStatuses ?? [], 'initContainers', 'initContainerStatuses', true);
  add(pod.spec.containers, pod.status.containerStatuses ?? [], 'containers', 'containerStatuses', false);
  return out;
}

/** "Container app", "Init container migrate", "Sidecar container proxy" */
export function label(c: ContainerView): string {
  return c.kind === 'init' ? `Init container ${c.name}` : c.kind === 'sidecar' ? `Sidecar container ${c.name}` : `Container ${c.name}`;
}

export function podEvents(pod: Pod, snapshot: Snapshot): PodEvent[] {
  const ns = pod.metadata.namespace ?? 'default';
  const uid = pod.metadata.uid;
  const byName = snapshot.eventsByName.get(`Pod/${ns}/${pod.metadata.name}`) ?? [];
  // an event naming another incarnation of the pod (same name, other uid) is not about this one
  return byName.filter((e) => !uid || !e.involved.uid || e.involved.uid === uid);
}

function isRunning(pod: Pod, containers: ContainerView[]): boolean {
  if (pod.metadata.deletionTimestamp) return false;
  if (pod.status.phase === 'Succeeded') return true;
  if (pod.status.phase !== 'Running') return false;
  const readyCond = (pod.status.conditions ?? []).find((c) => c.type === 'Ready');
  if (readyCond) return readyCond.status === 'True';
  return containers.filter((c) => c.kind !== 'init').every((c) => c.status?.ready === true);
}

export function podContext(pod: Pod, snapshot: Snapshot): PodContext {
  const namespace = pod.metadata.namespace ?? 'default';
  const containers = views(pod);
  const events = podEvents(pod, snapshot);
  let scheduling: SchedulingView | undefined;
  return {
    pod,
    snapshot,
    now: snapshot.analysisTime,
    ref: `Pod/${namespace}/${pod.metadata.name}`,
    namespace,
    name: pod.metadata.name,
    node: pod.spec.nodeName ? snapshot.nodes.get(pod.spec.nodeName) : undefined,
    columns: podColumns(pod),
    containers,
    events,
    running: isRunning(pod, containers),
    get scheduling(): SchedulingView {
      scheduling ??= schedulingView(pod, snapshot, events);
      return scheduling;
    },
  };
}

/** Events of these reasons whose message matches, newest last. */
export function eventsMatching(ctx: PodContext, reasons: string[], pattern?: RegExp): PodEvent[] {
  return ctx.events.filter((e) => reasons.includes(e.reason) && (!pattern || pattern.test(e.message)));
}

/** The container an event is about, from its fieldPath ("spec.containers{app}") or message prefix. */
export function eventContainer(e: PodEvent): string | undefined {
  const m = /spec\.(?:initContainers|containers|ephemeralContainers)\{([^}]+)\}/.exec(e.involved.fieldPath) ??
    /^spec\.(?:initContainers|containers)\{([^}]+)\}:/.exec(e.message);
  return m ? m[1] : undefined;
}

/** An event is stale for a container when it last happened before the container's current instance started. */
export function isStale(e: PodEvent, c: ContainerView | undefined): boolean {
  if (!c?.startedAt || e.last === undefined) return false;
  return e.last < c.startedAt && c.status?.state?.running !== undefined && c.status?.state?.running !== null;
}

export function eventEvidence(e: PodEvent): Evidence {
  const times = e.count > 1 ? ` (x${e.count})` : '';
  return { ref: e.ref, observed: `${e.reason}${times}: ${e.message}` };
}

/** Events about the pod's node (kubelet, node-problem-detector, node lifecycle controller), oldest first. */
export function nodeEvents(ctx: PodContext): PodEvent[] {
  const node = ctx.pod.spec.nodeName;
  return node ? (ctx.snapshot.eventsByName.get(`Node//${node}`) ?? []) : [];
}

/** The container's log as captured: the previous instance's when asked and present, else the current one. */
export function containerLog(ctx: PodContext, c: ContainerView, previous: boolean): { text: string; previous: boolean } | undefined {
  const logs = ctx.snapshot.logs.get(`${ctx.namespace}/${ctx.name}/${c.name}`);
  if (previous && logs?.previous) return { text: logs.previous, previous: true };
  if (logs?.current) return { text: logs.current, previous: false };
  return undefined;
}

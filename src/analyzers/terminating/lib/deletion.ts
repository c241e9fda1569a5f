// What the terminating analyzers share: where a deletion stands, and how the pod's node is doing.
import { humanDuration, parseTime } from '../../../k8s/time';
import type { PodEvent } from '../../../snapshot/types';
import { nodeEvents, type PodContext } from '../../context';

/** Grace periods up to this are ordinary; longer ones are SlowTermination. */
export const ORDINARY_GRACE_SECONDS = 60;

export interface Deletion {
  /** deletionTimestamp: the moment the grace period ends */
  deadline: number;
  grace: number;
  /** when the delete was asked for (deadline - grace) */
  requested: number;
  overdueMs: number;
  preStop: boolean;
}

export function deletionOf(ctx: PodContext): Deletion | undefined {
  const deadline = parseTime(ctx.pod.metadata.deletionTimestamp);
  if (deadline === undefined) return undefined;
  const grace = ctx.pod.metadata.deletionGracePeriodSeconds ?? ctx.pod.spec.terminationGracePeriodSeconds ?? 30;
  return {
    deadline,
    grace,
    requested: deadline - grace * 1000,
    overdueMs: ctx.now - deadline,
    preStop: ctx.pod.spec.containers.some((c) => !!c.lifecycle?.preStop),
  };
}

/** Pods still holding containers the kubelet must stop (not all terminated yet). */
export function hasLiveContainers(ctx: PodContext): boolean {
  if (ctx.pod.status.phase === 'Succeeded' || ctx.pod.status.phase === 'Failed') return false;
  // a pod saved without its containers (edited or partial captures) is alive unless its phase says otherwise
  if (ctx.containers.length === 0) return true;
  return ctx.containers.some((c) => !c.status?.state?.terminated);
}

export interface NodeHealth {
  name: string;
  exists: boolean;
  ready: string;
  reason: string;
  message: string;
  heartbeatAgeMs?: number;
  leaseAgeMs?: number;
  lostTaint?: { key: string; effect: string; timeAdded?: number };
}

export function nodeHealth(ctx: PodContext): NodeHealth | undefined {
  const name = ctx.pod.spec.nodeName;
  if (!name) return undefined;
  const node = ctx.node;
  if (!node) return { name, exists: false, ready: 'Unknown', reason: '', message: '' };
  const ready = (node.status.conditions ?? []).find((c) => c.type === 'Ready');
  const hb = parseTime(ready?.lastHeartbeatTime);
  const lease = ctx.snapshot.leases.get(`Lease/kube-node-lease/${name}`);
  const renew = parseTime(lease?.spec.renewTime);
  const taint = (node.spec.taints ?? []).find((t) => (t.key === 'node.kubernetes.io/unreachable' || t.key === 'node.kubernetes.io/not-ready' || t.key === 'node.alpha.kubernetes.io/unreachable' || t.key === 'node.alpha.kubernetes.io/notReady') && t.effect === 'NoExecute')
    ?? (node.spec.taints ?? []).find((t) => t.key === 'node.kubernetes.io/unreachable' || t.key === 'node.kubernetes.io/not-ready');
  return {
    name,
    exists: true,
    ready: ready?.status ?? 'Unknown',
    reason: ready?.reason ?? '',
    message: ready?.message ?? '',
    ...(hb !== undefined ? { heartbeatAgeMs: ctx.now - hb } : {}),
    ...(renew !== undefined ? { leaseAgeMs: ctx.now - renew } : {}),
    ...(taint ? { lostTaint: { key: taint.key, effect: taint.effect, ...(parseTime(taint.timeAdded) !== undefined ? { timeAdded: parseTime(taint.timeAdded) as number } : {}) } } : {}),
  };
}

export const ago = (ms: number | undefined): string => (ms === undefined ? 'unknown' : humanDuration(ms));

/** Events of the pod and of its node whose message matches, newest last. */
export function podAndNodeEvents(ctx: PodContext, pattern: RegExp): PodEvent[] {
  return [...ctx.events, ...nodeEvents(ctx)].filter((e) => pattern.test(e.message)).sort((a, b) => (a.last ?? 0) - (b.last ?? 0));
}

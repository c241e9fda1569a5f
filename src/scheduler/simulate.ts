// Re-runs kube-scheduler's filters for one pod on every node of the snapshot, in the default plugin order, and
// rebuilds the FailedScheduling summary exactly as FitError.Error() builds it (pkg/scheduler/framework/types.go).
import type { Pod } from '../../schemas/k8s';
import { podRequests, type ResourceMap } from '../k8s/scheduling';
import type { Snapshot } from '../snapshot/types';
import { buildNodeInfos, type CycleState, type FilterPlugin } from './framework';
import { InterPodAffinity } from './plugins/inter-pod-affinity';
import { NodeAffinity } from './plugins/node-affinity';
import { NodeName } from './plugins/node-name';
import { NodePorts } from './plugins/node-ports';
import { NodeResourcesFit } from './plugins/node-resources-fit';
import { NodeUnschedulable } from './plugins/node-unschedulable';
import { NodeVolumeLimits } from './plugins/node-volume-limits';
import { PodTopologySpread } from './plugins/pod-topology-spread';
import { TaintToleration } from './plugins/taint-toleration';
import { VolumeBinding } from './plugins/volume-binding';
import { VolumeRestrictions } from './plugins/volume-restrictions';
import { VolumeZone } from './plugins/volume-zone';
import { reasons, type Reason, type ReasonKey } from './reasons';
import type { NodeVerdict, PluginName, Rejection } from './verdict';
import { clusterVersion, type ClusterVersion } from './version';

/** The default filter order (pkg/scheduler/apis/config/v1/default_plugins.go). */
export const FILTERS: ReadonlyArray<FilterPlugin<Rejection>> = [
  NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit,
  VolumeRestrictions, NodeVolumeLimits, VolumeBinding, VolumeZone, PodTopologySpread, InterPodAffinity,
];

export interface Simulation {
  version: ClusterVersion;
  nodeCount: number;
  /** the pod's effective request, as NodeResourcesFit compares it */
  podRequest: ResourceMap;
  nodes: NodeVerdict[];
  /** a PreFilter rejected the pod for the whole cycle: every node carries this verdict */
  preFilter?: { plugin: PluginName; message: string; rejection: Rejection };
  /** the summary line as the scheduler would write it; undefined when the pod fits somewhere */
  message?: string;
  /** reason key → node count, as in the message */
  histogram: Map<ReasonKey, number>;
  fits: string[];
}

const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function fitErrorMessage(nodeCount: number, entries: Array<{ reason: Reason; count: number }>): string {
  const parts = entries.map((e) => `${e.count} ${e.reason.text}`).sort(order);
  return `0/${nodeCount} nodes are available: ${parts.join(', ')}.`;
}

export function simulate(pod: Pod, snapshot: Snapshot): Simulation {
  const version = clusterVersion(snapshot);
  const nodes = buildNodeInfos(snapshot, pod);
  const state: CycleState = {
    pod,
    snapshot,
    minor: version.minor,
    podRequest: podRequests(pod),
    nodes,
    nodesByName: new Map(nodes.map((n) => [n.name, n])),
    data: new Map(),
  };
  const base = { version, nodeCount: nodes.length, podRequest: state.podRequest };
  if (nodes.length === 0) return { ...base, nodes: [], message: 'no nodes available to schedule pods', histogram: new Map(), fits: [] };

  let allowed: Set<string> | undefined;
  const narrowing: PluginName[] = [];
  for (const p of FILTERS) {
    const r = p.preFilter?.(state);
    if (!r) continue;
    if (r.rejected) {
      const rejection = r.rejected;
      const reason = rejection.reasons[0] as Reason;
      const message = version.minor >= 26 ? `0/${nodes.length} nodes are available: ${reason.text}.` : `0/${nodes.length} nodes are available: ${nodes.length} ${reason.text}.`;
      return {
        ...base,
        preFilter: { plugin: p.name, message: reason.text, rejection },
        nodes: nodes.map((n) => ({ name: n.name, fits: false, first: rejection, failures: [rejection] })),
        message,
        histogram: new Map([[reason.key, nodes.length]]),
        fits: [],
      };
    }
    if (r.nodeNames) {
      allowed = allowed ? new Set([...allowed].filter((n) => r.nodeNames?.has(n))) : new Set(r.nodeNames);
      narrowing.push(p.name);
    }
  }

  const verdicts: NodeVerdict[] = nodes.map((info) => {
    if (allowed && !allowed.has(info.name)) return { name: info.name, fits: false, failures: [], absent: narrowing };
    const failures: Rejection[] = [];
    for (const p of FILTERS) {
      const rejection = p.filter(state, info);
      if (rejection) failures.push(rejection);
    }
    return { name: info.name, fits: failures.length === 0, ...(failures[0] ? { first: failures[0] } : {}), failures };
  });

  const fits = verdicts.filter((v) => v.fits).map((v) => v.name);
  const counts = new Map<string, { reason: Reason; count: number }>();
  const bump = (r: Reason): void => {
    const e = counts.get(r.text) ?? { reason: r, count: 0 };
    e.count++;
    counts.set(r.text, e);
  };
  for (const v of verdicts) {
    if (v.absent) {
      // 1.30+ counts nodes cut out by a PreFilter result under one reason; older releases left them out
      if (version.minor >= 30) bump(reasons.absent(v.absent));
      continue;
    }
    for (const r of v.first?.reasons ?? []) bump(r);
  }
  const histogram = new Map<ReasonKey, number>();
  for (const { reason, count } of counts.values()) histogram.set(reason.key, (histogram.get(reason.key) ?? 0) + count);
  return {
    ...base,
    nodes: verdicts,
    ...(fits.length === 0 ? { message: fitErrorMessage(nodes.length, [...counts.values()]) } : {}),
    histogram,
    fits,
  };
}

// The parts of kube-scheduler's framework the simulation needs: node infos, cycle state, plugin verdicts
// (pkg/scheduler/framework/interface.go Status, 1.35: a nil status is Success; a failure carries its plugin, code
// and reasons, and here also the data behind them, typed per plugin).
import type { Node, Pod } from '../../schemas/k8s';
import { countsAgainstNode, podRequests, type ResourceMap } from '../k8s/scheduling';
import type { Snapshot } from '../snapshot/types';
import type { Reason } from './reasons';

export type Code = 'Unschedulable' | 'UnschedulableAndUnresolvable';

/** A plugin's failing Status: the plugin, the code, every reason as printed. Plugins extend it with their data. */
export interface Rejected<P extends string> {
  plugin: P;
  code: Code;
  reasons: Reason[];
}

/** What a plugin's verdict carries besides plugin, code and reasons (per member of a union). */
export type RejectionData<R> = R extends Rejected<string> ? Omit<R, keyof Rejected<string>> : never;

export function unschedulable<P extends string, const D extends object>(plugin: P, reasons: Reason[], data: D): Rejected<P> & D {
  return { plugin, code: 'Unschedulable', reasons, ...data };
}

export function unresolvable<P extends string, const D extends object>(plugin: P, reasons: Reason[], data: D): Rejected<P> & D {
  return { plugin, code: 'UnschedulableAndUnresolvable', reasons, ...data };
}

export interface NodeInfo {
  node: Node;
  name: string;
  /** pods bound to the node that hold resources (not Succeeded/Failed), plus nominated pods of higher priority */
  pods: Pod[];
  requested: ResourceMap;
}

export interface CycleState {
  pod: Pod;
  snapshot: Snapshot;
  minor: number;
  podRequest: ResourceMap;
  nodes: NodeInfo[];
  nodesByName: Map<string, NodeInfo>;
  /** per-plugin data computed once per cycle */
  data: Map<string, unknown>;
}

export interface PreFilterResult<R> {
  /** the pod is rejected for the whole cycle: every node gets this verdict */
  rejected?: R;
  /** only these nodes are considered; the others are "absent" */
  nodeNames?: Set<string>;
}

export interface FilterPlugin<R extends Rejected<string>> {
  name: R['plugin'];
  preFilter?(state: CycleState): PreFilterResult<R> | undefined;
  /** undefined is Success */
  filter(state: CycleState, node: NodeInfo): R | undefined;
}

const keyOf = (p: Pod): string => `${p.metadata.namespace}/${p.metadata.name}`;

/** Node infos for every node of the snapshot, as the scheduler cache would hold them for this pod. */
export function buildNodeInfos(snapshot: Snapshot, pod: Pod): NodeInfo[] {
  const self = keyOf(pod);
  const priority = pod.spec.priority ?? 0;
  const infos: NodeInfo[] = [];
  const names = [...snapshot.nodes.keys()].sort();
  const nominated = new Map<string, Pod[]>();
  for (const p of snapshot.nominated) {
    const nn = p.status.nominatedNodeName;
    if (nn && !p.spec.nodeName && keyOf(p) !== self && (p.spec.priority ?? 0) >= priority && !p.metadata.deletionTimestamp) {
      const list = nominated.get(nn) ?? [];
      list.push(p);
      nominated.set(nn, list);
    }
  }
  for (const name of names) {
    const node = snapshot.nodes.get(name) as Node;
    const usage = snapshot.nodeUsage.get(name);
    let pods = usage?.pods ?? [];
    let requested: ResourceMap = usage?.requested ?? new Map();
    const extra = nominated.get(name) ?? [];
    const selfHere = pod.spec.nodeName === name && countsAgainstNode(pod);
    if (extra.length > 0 || selfHere) {
      // copy only where the cached totals must change: the pod itself out, nominated pods in
      pods = pods.filter((p) => keyOf(p) !== self).concat(extra);
      requested = new Map();
      for (const p of pods) for (const [k, v] of podRequests(p)) requested.set(k, (requested.get(k) ?? 0n) + v);
    }
    infos.push({ node, name, pods, requested });
  }
  return infos;
}

export function cached<T>(state: CycleState, key: string, compute: () => T): T {
  if (!state.data.has(key)) state.data.set(key, compute());
  return state.data.get(key) as T;
}

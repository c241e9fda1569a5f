// The verdicts of the default filter plugins as one discriminated union keyed by plugin name, and what a
// simulation says per node, so that code reading a verdict is type-checked against the plugin that made it.
import type * as InterPodAffinity from './plugins/inter-pod-affinity';
import type * as NodeAffinity from './plugins/node-affinity';
import type * as NodeName from './plugins/node-name';
import type * as NodePorts from './plugins/node-ports';
import type * as NodeResourcesFit from './plugins/node-resources-fit';
import type * as NodeUnschedulable from './plugins/node-unschedulable';
import type * as NodeVolumeLimits from './plugins/node-volume-limits';
import type * as PodTopologySpread from './plugins/pod-topology-spread';
import type * as TaintToleration from './plugins/taint-toleration';
import type * as VolumeBinding from './plugins/volume-binding';
import type * as VolumeRestrictions from './plugins/volume-restrictions';
import type * as VolumeZone from './plugins/volume-zone';

export type Rejection =
  | NodeUnschedulable.Rejection
  | NodeName.Rejection
  | TaintToleration.Rejection
  | NodeAffinity.Rejection
  | NodePorts.Rejection
  | NodeResourcesFit.Rejection
  | VolumeRestrictions.Rejection
  | NodeVolumeLimits.Rejection
  | VolumeBinding.Rejection
  | VolumeZone.Rejection
  | PodTopologySpread.Rejection
  | InterPodAffinity.Rejection;

export type PluginName = Rejection['plugin'];
export type RejectionOf<P extends PluginName> = Extract<Rejection, { plugin: P }>;

export interface NodeVerdict {
  name: string;
  fits: boolean;
  /** the failure the scheduler reports: the first plugin that fails, in order */
  first?: Rejection;
  /** every plugin that fails on this node, in order (to tell what alone blocks it) */
  failures: Rejection[];
  /** left out by a PreFilter result (DaemonSet pods pinned to another node) */
  absent?: PluginName[];
}

/** The verdict of one plugin on a node, typed by that plugin. */
export function rejectionBy<P extends PluginName>(v: NodeVerdict, plugin: P): RejectionOf<P> | undefined {
  return v.failures.find((f): f is RejectionOf<P> => f.plugin === plugin);
}

export interface Blocked<R extends Rejection> {
  /** every node the plugin rejects (and the test accepts), in node order, with the verdict */
  hits: Array<{ node: NodeVerdict; rejection: R }>;
  /** nodes whose reported (first) failure is this one */
  nodes: NodeVerdict[];
  /** nodes where this is the only failing plugin: fixing it alone makes them fit */
  sole: NodeVerdict[];
  failures: R[];
}

/** Nodes a plugin rejects the pod on (optionally only verdicts a test accepts; a type guard narrows them). */
export function blockedBy<P extends PluginName, R extends RejectionOf<P>>(nodes: NodeVerdict[], plugin: P, test: (r: RejectionOf<P>, v: NodeVerdict) => r is R): Blocked<R>;
export function blockedBy<P extends PluginName>(nodes: NodeVerdict[], plugin: P, test?: (r: RejectionOf<P>, v: NodeVerdict) => boolean): Blocked<RejectionOf<P>>;
export function blockedBy<P extends PluginName>(nodes: NodeVerdict[], plugin: P, test: (r: RejectionOf<P>, v: NodeVerdict) => boolean = () => true): Blocked<RejectionOf<P>> {
  const out: Blocked<RejectionOf<P>> = { hits: [], nodes: [], sole: [], failures: [] };
  for (const v of nodes) {
    const rejection = rejectionBy(v, plugin);
    if (!rejection || !test(rejection, v)) continue;
    out.hits.push({ node: v, rejection });
    if (v.first?.plugin === plugin) out.nodes.push(v);
    if (v.failures.length === 1) out.sole.push(v);
    out.failures.push(rejection);
  }
  return out;
}

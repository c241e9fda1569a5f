// The analyzer contract in one module: what an analyzer sees (PodContext, ContainerView), what it returns
// (RawFinding) and how it is described (Analyzer, AnalyzerDocs). Report types come from the zod schema.
import type { Container, ContainerStatus, Node, Pod } from '../../schemas/k8s';
import type { Evidence, Finding, Remedy, Severity } from '../../schemas/report';
import type { PodColumns } from '../k8s/status';
import type { SchedulingView } from '../scheduler/view';
import type { PodEvent, Snapshot } from '../snapshot/types';

export type { Evidence, Finding, Remedy, Severity };

export type Area = 'scheduling' | 'starting' | 'running' | 'evicted' | 'terminating' | 'workloads';

export type ContainerKind = 'init' | 'sidecar' | 'regular';

export interface ContainerView {
  name: string;
  kind: ContainerKind;
  spec: Container;
  status?: ContainerStatus;
  /** e.g. "status.containerStatuses[0]" */
  statusPath: string;
  /** e.g. "spec.containers[0]" */
  specPath: string;
  /** epoch ms the current instance started, if running or terminated */
  startedAt?: number;
}

/** Everything an analyzer may ask about one pod (built by podContext in ./context). */
export interface PodContext {
  pod: Pod;
  snapshot: Snapshot;
  now: number;
  ref: string;
  namespace: string;
  name: string;
  node?: Node;
  columns: PodColumns;
  containers: ContainerView[];
  /** events about this pod, oldest first */
  events: PodEvent[];
  /** Running with every container ready, or Succeeded, and not being deleted */
  running: boolean;
  /** the scheduler's view of the pod, computed on first read (pods no analyzer asks about pay nothing) */
  readonly scheduling: SchedulingView;
}

/** certain: a status reason, condition or event states it; likely: inferred from timing, counts or corroboration */
export type Confidence = Finding['confidence'];

/** A rival cause the analyzer considered and why it does not hold. */
export type RuledOut = NonNullable<Finding['ruledOut']>[number];

/** What an analyzer returns: a message ID and the data its template is filled from. */
export interface RawFinding<M extends string = string> {
  messageId: M;
  data: Record<string, string | number | boolean | string[] | undefined>;
  evidence: Evidence[];
  remedies: Remedy[];
  /** overrides the analyzer's severity (e.g. info for a past crash of a pod that is healthy now) */
  severity?: Severity;
  /** what pods sharing this root cause have in common: the node, image, ConfigMap... */
  key?: string;
  /** order among the findings of one tier of the registry's order (scheduling filters: how many nodes they block); lower first */
  rank?: number;
  /** default: the analyzer's confidence, else certain */
  confidence?: Confidence;
  ruledOut?: RuledOut[];
}

export interface AnalyzerDocs {
  title: string;
  /** what it means, in the user's words */
  summary: string;
  /** how podwhy detects it */
  detection: string;
  /** how to fix it */
  remedy: string;
}

/**
 * What an analyzer reads besides the pod itself. Live mode fetches the union of what the analyzers declare
 * (src/sources/live.ts plans its reads from these), so a new analyzer that reads something new must say so here and
 * live mode cannot forget it; testdata/live.test.ts checks live against offline on every scenario.
 */
export type Read =
  /** the pod's events */
  | 'events'
  /** the pod's Node: conditions, taints, capacity and allocatable, nodeInfo (kubelet and runtime versions) */
  | 'node'
  /** the node's Lease in kube-node-lease (the kubelet's heartbeat) */
  | 'nodeLease'
  /** events about the pod's node (SystemOOM, disk and runtime trouble) */
  | 'nodeEvents'
  /** the kubelet's and the runtime's journal on the node (NodeLogQuery), for runtime faults of a Terminating pod */
  | 'nodeLogs'
  /** the scheduler's view of an unscheduled pod: every node, every pod that holds resources, CSINodes */
  | 'cluster'
  /** who schedules: the kube-scheduler Lease and the kube-system pods */
  | 'scheduler'
  /** control-plane versions: kube-system pods' image tags, else the nodes' kubelets */
  | 'controlPlane'
  /** the pod's claims, their PersistentVolumes and StorageClasses, and the claims' events (provisioning) */
  | 'volumes'
  /** ConfigMaps and Secrets (key names only) the pod references */
  | 'configs'
  /** the owner chain up to the top controller, and its events */
  | 'owners'
  /** the pods of the controllers or operators that owe the pod's finalizers */
  | 'finalizers'
  /** the previous (else current) log of containers that crashed */
  | 'logs';

export interface Analyzer<M extends string = string> {
  id: string;
  area: Area;
  /** what it reads besides the pod: live mode fetches exactly these (see Read) */
  reads: readonly Read[];
  severity: Severity;
  /** how sure its findings are unless a finding says otherwise (default certain) */
  confidence?: Confidence;
  docs: AnalyzerDocs;
  /** message templates by ID; {{name}} is filled from the finding's data */
  messages: Record<M, string>;
  analyze(ctx: PodContext): Array<RawFinding<M>>;
}

/** Lets the compiler check message IDs while keeping each analyzer a plain object literal. */
export function defineAnalyzer<M extends string>(a: Analyzer<M>): Analyzer<M> {
  return a;
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

export function renderMessage(template: string, data: RawFinding['data']): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const v = data[name];
    if (v === undefined) return `{{${name}}}`;
    return Array.isArray(v) ? v.join(', ') : String(v);
  });
}

import type { ConfigObject, CSINode, Event, GenericObject, Lease, Node, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass, Workload } from '../../schemas/k8s';
import type { InputError } from './input';

/** An event reduced to what analyzers compare, whichever API group and serialization it came in. */
export interface PodEvent {
  ref: string;
  namespace: string;
  reason: string;
  message: string;
  type: string;
  /** occurrences in the series (count, series.count or deprecatedCount; at least 1) */
  count: number;
  /** epoch ms of the first and last occurrence, when known */
  first?: number;
  last?: number;
  source: string;
  involved: { kind: string; namespace: string; name: string; uid: string; fieldPath: string };
}

export interface ContainerLogs {
  current?: string;
  previous?: string;
}

/** Key names of a ConfigMap or Secret; values are never kept. */
export interface ConfigKeys {
  kind: 'ConfigMap' | 'Secret';
  namespace: string;
  name: string;
  keys: string[];
}

export type TimeSource = 'flag' | 'capture' | 'newest' | 'clock';

export interface Snapshot {
  analysisTime: number;
  timeSource: TimeSource;
  /** how analysisTime was chosen, in words */
  timeDetail: string;
  /** what the bundle's collectors could not collect, per errors file */
  notCollected: Array<{ origin: string; messages: string[] }>;
  pods: Pod[];
  nodes: Map<string, Node>;
  events: PodEvent[];
  leases: Map<string, Lease>;
  /** ConfigMaps and Secrets by "Kind/ns/name"; key names only */
  configs: Map<string, ConfigKeys>;
  /** kinds captured per namespace ("ConfigMap" → namespaces) so absence can be told from "not captured" */
  captured: Map<string, Set<string>>;
  workloads: Map<string, Workload>;
  /** "ns/name" */
  pvcs: Map<string, PersistentVolumeClaim>;
  pvs: Map<string, PersistentVolume>;
  storageClasses: Map<string, StorageClass>;
  csiNodes: Map<string, CSINode>;
  others: Map<string, GenericObject>;
  /** "ns/pod/container" → logs */
  logs: Map<string, ContainerLogs>;
  inputErrors: InputError[];
  inputs: string[];
  podsByKey: Map<string, Pod>;
  podsByNode: Map<string, Pod[]>;
  eventsByUid: Map<string, PodEvent[]>;
  eventsByName: Map<string, PodEvent[]>;
  /** per node, the pods that hold resources on it (bound, not Succeeded/Failed) and the sum of their requests */
  nodeUsage: Map<string, NodeUsage>;
  /** unbound pods that preemption nominated to a node */
  nominated: Pod[];
}

export interface NodeUsage {
  pods: Pod[];
  /** cpu in millicores, everything else in units */
  requested: Map<string, bigint>;
}

export type { InputError };
export type { ConfigObject, CSINode, Event, GenericObject, Lease, Node, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass, Workload };

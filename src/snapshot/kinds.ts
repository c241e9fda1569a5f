// Recognising what a document holds: list flattening, kinds taken from the list or the file's place in a bundle,
// and the internal-type serialization of kubectl ≤ 1.13 cluster-info dumps.

/** file or folder names used by kubectl cluster-info dump and troubleshoot bundles, mapped to kinds */
const PATH_KINDS: Record<string, string> = {
  pods: 'Pod',
  nodes: 'Node',
  events: 'Event',
  pvcs: 'PersistentVolumeClaim',
  persistentvolumeclaims: 'PersistentVolumeClaim',
  pvs: 'PersistentVolume',
  persistentvolumes: 'PersistentVolume',
  'storage-classes': 'StorageClass',
  storageclasses: 'StorageClass',
  deployments: 'Deployment',
  replicasets: 'ReplicaSet',
  statefulsets: 'StatefulSet',
  daemonsets: 'DaemonSet',
  jobs: 'Job',
  cronjobs: 'CronJob',
  'replication-controllers': 'ReplicationController',
  replicationcontrollers: 'ReplicationController',
  services: 'Service',
  leases: 'Lease',
  configmaps: 'ConfigMap',
  secrets: 'Secret',
  namespaces: 'Namespace',
  'resource-quotas': 'ResourceQuota',
  resourcequotas: 'ResourceQuota',
  limitranges: 'LimitRange',
  csinodes: 'CSINode',
  'priority-classes': 'PriorityClass',
  priorityclasses: 'PriorityClass',
};

/** The kind a file's items have when they carry none: from "nodes.json", ".../pods/<ns>.json" and the like. */
export function kindFromPath(layoutPath: string): string | undefined {
  const parts = layoutPath.toLowerCase().split('/');
  const base = (parts[parts.length - 1] ?? '').replace(/\.(json|ya?ml)$/, '');
  if (PATH_KINDS[base]) return PATH_KINDS[base];
  const parent = parts[parts.length - 2];
  if (parent && PATH_KINDS[parent] && parent !== 'logs') return PATH_KINDS[parent];
  return undefined;
}

export interface Item {
  value: Record<string, unknown>;
  kind: string;
  /** object path inside the document, e.g. "items[3]" */
  path: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const META_KEYS = new Set([
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
  'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'initializers',
  'finalizers', 'clusterName', 'managedFields',
]);
/** maps whose keys are data, not Go field names */
const OPAQUE = new Set(['labels', 'annotations', 'nodeSelector', 'data', 'binaryData', 'stringData', 'capacity', 'allocatable', 'requests', 'limits', 'hard', 'used', 'matchLabels', 'overhead']);

function jsonName(goName: string): string {
  // "UID" → "uid", "APIVersion" → "apiVersion", "HostIP" → "hostIP", "Spec" → "spec"
  const m = /^([A-Z]+)(.*)$/.exec(goName);
  if (!m) return goName;
  const upper = m[1] as string;
  const rest = m[2] as string;
  if (rest === '') return upper.toLowerCase();
  if (upper.length === 1) return upper.toLowerCase() + rest;
  return upper.slice(0, -1).toLowerCase() + upper.slice(-1) + rest;
}

/** deeper than any Kubernetes object: hostile input stops here instead of exhausting the stack */
const MAX_DEPTH = 64;

function recase(value: unknown, opaque: boolean, depth = 0): unknown {
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => recase(v, false, depth + 1));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (opaque) {
      out[k] = v;
      continue;
    }
    const name = jsonName(k);
    out[name] = recase(v, OPAQUE.has(name), depth + 1);
  }
  return out;
}

/** True when an item is written with Go field names (kubectl ≤ 1.13 dumps): "Spec", "Status", "InvolvedObject". */
export function isInternalSerialization(item: Record<string, unknown>): boolean {
  return ['Spec', 'Status', 'InvolvedObject', 'Reason', 'Data'].some((k) => k in item) && !('metadata' in item);
}

/** Converts an internal-type item to the v1 shape: Go names to JSON names, flattened metadata put back. */
export function fromInternal(item: Record<string, unknown>): Record<string, unknown> {
  const converted = recase(item, false) as Record<string, unknown>;
  const metadata: Record<string, unknown> = {};
  const out: Record<string, unknown> = { metadata };
  for (const [k, v] of Object.entries(converted)) {
    if (META_KEYS.has(k)) metadata[k] = k === 'labels' || k === 'annotations' ? (item[k] ?? v) : v;
    else out[k] = v;
  }
  return out;
}

const LIST_KINDS = /^(.+)List$/;

/** Flattens one parsed document into items with a kind; unrecognisable values are returned in `unknown`. */
export function flatten(doc: unknown, hint: string | undefined): { items: Item[]; unknown: string[]; listKinds: string[] } {
  const items: Item[] = [];
  const unknown: string[] = [];
  const listKinds: string[] = [];
  const visit = (value: unknown, path: string, listKind: string | undefined, depth = 0): void => {
    if (depth > MAX_DEPTH) {
      unknown.push(path || '.');
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}[${i}]`, listKind, depth + 1));
      return;
    }
    if (!isObject(value)) {
      unknown.push(path || '.');
      return;
    }
    const kind = typeof value.kind === 'string' ? value.kind : undefined;
    const listItems = value.items ?? value.Items;
    if ((kind && (kind === 'List' || LIST_KINDS.test(kind))) || (!kind && Array.isArray(listItems))) {
      const m = kind ? LIST_KINDS.exec(kind) : null;
      if (!Array.isArray(listItems)) {
        // "items": null is an empty list
        if (m?.[1]) listKinds.push(m[1]);
        return;
      }
      const itemKind = m && m[1] !== '' ? (m[1] as string) : listKind;
      if (itemKind) listKinds.push(itemKind);
      const prefix = path ? `${path}.` : '';
      const key = 'items' in value ? 'items' : 'Items';
      listItems.forEach((v, i) => visit(v, `${prefix}${key}[${i}]`, itemKind, depth + 1));
      return;
    }
    const internal = isInternalSerialization(value);
    const normal = internal ? fromInternal(value) : value;
    const itemKind = kind ?? listKind;
    if (!itemKind || !isObject(normal.metadata)) {
      unknown.push(path || '.');
      return;
    }
    items.push({ value: normal, kind: itemKind, path });
  };
  visit(doc, '', hint);
  return { items, unknown, listKinds };
}

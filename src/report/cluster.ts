// Cluster facts that explain many pods at once: node health, the control plane, namespaces stuck Terminating, and
// what the capture could not collect. Pure: read from the snapshot at its analysis time.
import type { ClusterFactReport } from '../../schemas/report';
import type { Node, Pod } from '../../schemas/k8s';
import { humanDuration, parseTime } from '../k8s/time';
import type { Snapshot } from '../snapshot/types';

const PRESSURE = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable'];
/** taints the node lifecycle controller sets from conditions (unschedulable is reported as cordoned) */
const CONDITION_TAINT = /^node\.(?:alpha\.)?kubernetes\.io\/(not-ready|notReady|unreachable|memory-pressure|disk-pressure|pid-pressure|network-unavailable|out-of-disk|out-of-service)$/;
const CONTROL_PLANE_ROLE = /^node-role\.kubernetes\.io\/(master|control-plane)$/;
const COMPONENTS = ['kube-scheduler', 'kube-controller-manager'] as const;

function isControlPlane(node: Node): boolean {
  return Object.keys(node.metadata.labels ?? {}).some((l) => CONTROL_PLANE_ROLE.test(l)) || (node.spec.taints ?? []).some((t) => CONTROL_PLANE_ROLE.test(t.key));
}

function podsOn(snapshot: Snapshot, node: string): number {
  return (snapshot.podsByNode.get(node) ?? []).filter((p) => p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed').length;
}

function nodeFacts(snapshot: Snapshot): ClusterFactReport[] {
  const out: ClusterFactReport[] = [];
  const now = snapshot.analysisTime;
  const nodes = [...snapshot.nodes.values()].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  for (const n of nodes) {
    const name = n.metadata.name;
    const conditions = n.status.conditions ?? [];
    const ready = conditions.find((c) => c.type === 'Ready');
    if (ready && ready.status !== 'True') {
      const hb = parseTime(ready.lastHeartbeatTime);
      const lease = parseTime(snapshot.leases.get(`Lease/kube-node-lease/${name}`)?.spec.renewTime);
      const why = [ready.reason, ready.message].filter(Boolean).join(': ');
      const ages = [hb !== undefined ? `last heartbeat ${humanDuration(now - hb)} ago` : '', lease !== undefined ? `Lease renewed ${humanDuration(now - lease)} ago` : ''].filter(Boolean).join(', ');
      const pods = podsOn(snapshot, name);
      out.push({
        kind: 'node-not-ready',
        severity: 'error',
        subject: `Node/${name}`,
        message: `${name} is ${ready.status === 'Unknown' ? 'Unknown (its kubelet stopped reporting)' : 'NotReady'}${ages ? `, ${ages}` : ''}${why ? ` (${why})` : ''}; ${pods} ${pods === 1 ? 'pod' : 'pods'} on it`,
        pods,
      });
    }
    const pressure = conditions.filter((c) => PRESSURE.includes(c.type) && c.status === 'True');
    if (pressure.length > 0) {
      out.push({ kind: 'node-pressure', severity: 'warning', subject: `Node/${name}`, message: `${name} reports ${pressure.map((c) => `${c.type}${c.message ? ` (${c.message})` : ''}`).join(', ')}`, pods: podsOn(snapshot, name) });
    }
    const taints = (n.spec.taints ?? []).filter((t) => CONDITION_TAINT.test(t.key));
    if (taints.length > 0) {
      const since = (t: (typeof taints)[number]): string => {
        const at = parseTime(t.timeAdded);
        return at !== undefined ? ` since ${humanDuration(now - at)}` : '';
      };
      out.push({ kind: 'node-condition-taint', severity: 'warning', subject: `Node/${name}`, message: `${name} tainted by its condition: ${taints.map((t) => `${t.key}:${t.effect}${since(t)}`).join(', ')}` });
    }
  }
  const cordoned = nodes.filter((n) => n.spec.unschedulable === true);
  if (cordoned.length > 0) {
    const cp = cordoned.filter(isControlPlane).length;
    out.push({
      kind: 'node-cordoned',
      severity: 'warning',
      subject: cordoned.length === 1 ? `Node/${cordoned[0]?.metadata.name ?? ''}` : 'Node/*',
      message: `${cordoned.length} of ${nodes.length} nodes cordoned: ${cordoned.map((n) => n.metadata.name).join(', ')}${cp > 0 ? ` (${cp === cordoned.length ? 'all' : cp} control-plane, often cordoned on purpose)` : ''}`,
    });
  }
  return out;
}

function componentOf(p: Pod): string | undefined {
  if (p.metadata.namespace !== 'kube-system') return undefined;
  const label = p.metadata.labels?.component ?? p.metadata.labels?.['k8s-app'];
  return COMPONENTS.find((c) => label === c || p.metadata.name === c || p.metadata.name.startsWith(`${c}-`));
}

function running(p: Pod): boolean {
  if (p.status.phase !== 'Running' || p.metadata.deletionTimestamp) return false;
  return (p.status.containerStatuses ?? []).every((c) => !!c.state?.running);
}

/** A component's pods exist (self-hosted control plane) but none runs on a Ready node, or its Lease is stale. */
function controlPlaneFacts(snapshot: Snapshot): ClusterFactReport[] {
  const out: ClusterFactReport[] = [];
  const now = snapshot.analysisTime;
  const readyNode = (name: string | undefined | null): boolean => {
    const n = name ? snapshot.nodes.get(name) : undefined;
    return !n || (n.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
  };
  for (const c of COMPONENTS) {
    const pods = snapshot.pods.filter((p) => componentOf(p) === c);
    const lease = snapshot.leases.get(`Lease/kube-system/${c}`);
    const renew = parseTime(lease?.spec.renewTime);
    const duration = (lease?.spec.leaseDurationSeconds ?? 15) * 1000;
    const stale = renew !== undefined && now - renew > 4 * duration;
    const up = pods.filter((p) => running(p) && readyNode(p.spec.nodeName));
    if (pods.length > 0 && up.length === 0) {
      const states = pods.map((p) => `${p.metadata.name} ${p.metadata.deletionTimestamp ? 'Terminating' : (p.status.reason ?? p.status.phase ?? 'Unknown')}${p.spec.nodeName && !readyNode(p.spec.nodeName) ? ` on NotReady node ${p.spec.nodeName}` : ''}`);
      out.push({ kind: 'control-plane', severity: 'error', subject: `Pod/kube-system/${pods[0]?.metadata.name ?? c}`, message: `${c} is not running: ${states.join('; ')}${stale && renew !== undefined ? `; its Lease was last renewed ${humanDuration(now - renew)} ago` : ''}` });
    } else if (stale && renew !== undefined && up.length === 0) {
      out.push({ kind: 'control-plane', severity: 'error', subject: `Lease/kube-system/${c}`, message: `${c} holds no current leadership: its Lease was last renewed ${humanDuration(now - renew)} ago (by ${lease?.spec.holderIdentity ?? 'unknown'})` });
    }
  }
  return out;
}

interface NamespaceObject {
  metadata: { name: string; deletionTimestamp?: string | null; finalizers?: string[] | null };
  spec?: { finalizers?: string[] | null } | null;
  status?: { phase?: string | null; conditions?: Array<{ type?: string; status?: string; message?: string }> | null } | null;
}

function namespaceFacts(snapshot: Snapshot): ClusterFactReport[] {
  const out: ClusterFactReport[] = [];
  const now = snapshot.analysisTime;
  for (const [ref, o] of [...snapshot.others].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!ref.startsWith('Namespace/')) continue;
    const ns = o as unknown as NamespaceObject;
    if (ns.status?.phase !== 'Terminating' && !ns.metadata.deletionTimestamp) continue;
    const since = parseTime(ns.metadata.deletionTimestamp);
    const finalizers = [...(ns.spec?.finalizers ?? []), ...(ns.metadata.finalizers ?? [])];
    const remaining = (ns.status?.conditions ?? []).filter((c) => c.status === 'True' && /Remaining|Failure|Failed/.test(c.type ?? '') && c.message).map((c) => c.message as string);
    const parts = [finalizers.length ? `finalizers ${finalizers.join(', ')}` : '', ...remaining].filter(Boolean);
    out.push({
      kind: 'namespace-terminating',
      severity: 'error',
      subject: `Namespace/${ns.metadata.name}`,
      message: `namespace ${ns.metadata.name} stuck Terminating${since !== undefined ? ` for ${humanDuration(now - since)}` : ''}${parts.length ? `: ${parts.join('; ')}` : ''}`,
    });
  }
  return out;
}

/** A file's place inside its bundle: without the input path, the archive name and the bundle's top folder. */
function inBundle(origin: string, inputs: string[]): string {
  const archive = /^.*?\.(?:tar\.gz|tgz|tar):/.exec(origin);
  if (archive) return origin.slice(archive[0].length).replace(/^[^/]+\//, '');
  const input = inputs.find((i) => origin.startsWith(`${i.replace(/\/+$/, '')}/`));
  const rest = input ? origin.slice(input.replace(/\/+$/, '').length + 1) : origin;
  return rest.replace(/^(?:[^/]*\/)*?(?:support-bundle[^/]*|cluster-snapshot|cluster-dump)\//, '');
}

function notCollectedFacts(snapshot: Snapshot): ClusterFactReport[] {
  return snapshot.notCollected.map((e) => {
    const first = e.messages[0] ?? '';
    const short = first.length > 160 ? `${first.slice(0, 157)}...` : first;
    return {
      kind: 'not-collected' as const,
      severity: 'warning' as const,
      subject: e.origin,
      message: `${inBundle(e.origin, snapshot.inputs)}: ${short}${e.messages.length > 1 ? ` (and ${e.messages.length - 1} more)` : ''}`,
    };
  });
}

export function clusterFacts(snapshot: Snapshot): ClusterFactReport[] {
  return [...nodeFacts(snapshot), ...controlPlaneFacts(snapshot), ...namespaceFacts(snapshot), ...notCollectedFacts(snapshot)];
}

// Pods grouped by root cause (their primary finding's ID and key) and the groups sorted by impact.
import type { GroupReport, PodReport } from '../../schemas/report';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** "Deployment/ns/web" from the pod's owner text ("Deployment web"), or "Pod/ns/name" for a pod without one. */
export function workloadOf(p: PodReport): string {
  if (!p.owner) return `Pod/${p.namespace}/${p.name}`;
  // a static pod belongs to its node's kubelet, one pod each
  if (p.owner.startsWith('Node ')) return `StaticPod/${p.namespace}/${p.name}`;
  const space = p.owner.indexOf(' ');
  return `${p.owner.slice(0, space)}/${p.namespace}/${p.owner.slice(space + 1)}`;
}

/**
 * What pods sharing a root cause have in common. An analyzer's key names the shared thing (node, taint, image, PVC);
 * a finding without one is shared only by the pods of one workload.
 */
export function groupKey(p: PodReport): { id: string; key: string } | undefined {
  const primary = p.findings[0];
  if (p.healthy || !primary) return undefined;
  return { id: primary.id, key: primary.key ?? workloadOf(p) };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Impact order: severity, then pods affected, then workloads affected; ID and key break ties. */
export function byImpact(a: GroupReport, b: GroupReport): number {
  return (
    SEVERITY_ORDER[a.impact.severity] - SEVERITY_ORDER[b.impact.severity] ||
    b.impact.pods - a.impact.pods ||
    b.impact.workloads - a.impact.workloads ||
    cmp(a.id, b.id) ||
    cmp(a.key, b.key)
  );
}

/** pods must be sorted by namespace/name: the first pod of a group is its representative. */
export function groupsOf(pods: PodReport[]): GroupReport[] {
  const groups = new Map<string, { id: string; key: string; members: PodReport[] }>();
  for (const p of pods) {
    const k = groupKey(p);
    if (!k) continue;
    const id = `${k.id}\u0000${k.key}`;
    const g = groups.get(id) ?? { ...k, members: [] };
    g.members.push(p);
    groups.set(id, g);
  }
  const out: GroupReport[] = [];
  for (const g of groups.values()) {
    // the representative is the first pod whose primary finding is the most severe in the group
    const rep = [...g.members].sort((a, b) => SEVERITY_ORDER[a.findings[0]!.severity] - SEVERITY_ORDER[b.findings[0]!.severity])[0] as PodReport;
    const primary = rep.findings[0]!;
    const workloads = [...new Set(g.members.map(workloadOf))].sort(cmp);
    const statuses: Record<string, number> = {};
    for (const m of g.members) statuses[m.status] = (statuses[m.status] ?? 0) + 1;
    out.push({
      id: g.id,
      key: g.key,
      severity: primary.severity,
      message: primary.message,
      pods: g.members.map((m) => `${m.namespace}/${m.name}`),
      workloads,
      impact: { severity: primary.severity, pods: g.members.length, workloads: workloads.length },
      representative: `${rep.namespace}/${rep.name}`,
      statuses: Object.fromEntries(Object.entries(statuses).sort(([a], [b]) => cmp(a, b))),
    });
  }
  return out.sort(byImpact);
}

/** "186 Deployments", "3 StatefulSets and 2 bare pods": the kinds of the workloads a group touches. */
export function workloadKinds(workloads: string[]): string {
  const counts = new Map<string, number>();
  for (const w of workloads) {
    const kind = w.slice(0, w.indexOf('/'));
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const parts = [...counts].sort(([a, x], [b, y]) => y - x || cmp(a, b)).map(([kind, n]) => (kind === 'Pod' ? `${n} bare ${n === 1 ? 'pod' : 'pods'}` : kind === 'StaticPod' ? `${n} static ${n === 1 ? 'pod' : 'pods'}` : `${n} ${kind}${n === 1 ? '' : 's'}`));
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

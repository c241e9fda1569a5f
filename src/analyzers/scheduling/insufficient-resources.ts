import { formatResource } from '../../k8s/quantity';
import { podRequests, resourceList } from '../../k8s/scheduling';
import type { Shortfall } from '../../scheduler/plugins/node-resources-fit';
import type { NodeVerdict } from '../../scheduler/simulate';
import type { PodContext } from '../context';
import { defineAnalyzer, type Evidence, type RawFinding, type Remedy } from '../types';
import { resourcesRemedy } from '../shared/util';
import { blockedBy, filterRejection, saidEntries, schedulingRank, schedulingView } from './view';
import { name, sh } from '../../k8s/command';

type Msg = 'short' | 'neverFits' | 'fromEvent';

const fmt = formatResource;
const firstContainer = (ctx: PodContext): string => ctx.pod.spec.containers[0]?.name ?? '<container>';
const shortfallsOf = (v: NodeVerdict): Shortfall[] => (v.failures.find((f) => f.plugin === 'NodeResourcesFit')?.status.detail?.shortfalls ?? []) as Shortfall[];
const missing = (x: Shortfall): bigint => x.asked - (x.allocatable - x.used);

/** Resources the pod asks more of than any node has allocatable, with the largest offer. */
function neverFits(ctx: PodContext): Array<{ resource: string; asked: bigint; largest: bigint; node: string }> {
  const out = [];
  for (const [r, asked] of podRequests(ctx.pod)) {
    if (asked <= 0n) continue;
    let largest = -1n;
    let node = '';
    for (const n of [...ctx.snapshot.nodes.values()].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
      const a = resourceList(n.status.allocatable).get(r) ?? 0n;
      if (a > largest) {
        largest = a;
        node = n.metadata.name;
      }
    }
    if (asked > largest) out.push({ resource: r, asked, largest, node });
  }
  return out;
}

export default defineAnalyzer<Msg>({
  id: 'InsufficientResources',
  area: 'scheduling',
  reads: ['events', 'cluster', 'volumes'],
  severity: 'error',
  rank: 30,
  docs: {
    title: 'No node has enough free allocatable resources for the pod',
    summary: "The scheduler places a pod only on a node whose allocatable cpu, memory, ephemeral-storage, pod slots or extended resources (GPUs) minus what the pods already there request covers the pod's request. Requests, not real usage, are what counts: a node can look idle and still be full.",
    detection: "podwhy recomputes the pod's effective request as the scheduler does (containers summed, init containers by the max rule, sidecars, overhead) and each node's requested total from every non-terminal pod bound to it, and lists per node allocatable, requested, free and asked. It names the node closest to fitting and says whether the pod fits on no node even when empty. Without nodes in the snapshot, the counts come from the FailedScheduling message.",
    remedy: 'Lower the request to what the pod needs (kubectl set resources), free room on the closest node (scale down or move other pods), or add a node big enough (check the cluster autoscaler). A pod that needs more than any node offers needs a bigger node type.',
  },
  messages: {
    short: '{{blocked}} of {{total}} nodes lack room for the pod ({{shortText}}). {{closestText}}',
    neverFits: 'The pod asks for {{asked}} {{resource}}, more than any node has allocatable (largest: {{largest}} on {{largestNode}}): it cannot fit even on an empty node.',
    fromEvent: 'The scheduler found too little free {{resources}} ({{detail}}); the snapshot has no nodes to show by how much.',
  },
  analyze(ctx) {
    const view = schedulingView(ctx);
    if (!view.unscheduled) return [];
    if (!view.sim) {
      const entries = saidEntries(view, (k) => k.startsWith('insufficient:'));
      if (entries.length === 0) return [];
      const resources = entries.map((e) => e.key.slice('insufficient:'.length));
      const extended = resources.filter((r) => r.includes('/'));
      const basic = resources.filter((r) => !r.includes('/') && r !== 'pods');
      const remedies: Remedy[] = extended.map((r) => ({ summary: `Check that nodes advertise ${r}: its device plugin DaemonSet must run on those nodes`, command: /^[\w./-]+$/.test(r) ? `kubectl get nodes -o custom-columns='NAME:.metadata.name,${r.toUpperCase()}:.status.allocatable.${r.replace(/\./g, '\\.')}'` : undefined }));
      if (basic.length) remedies.push(resourcesRemedy(ctx, firstContainer(ctx), 'Lower the request if the pod asks for more than it needs', `--requests=${basic.map((r) => `${r}=<less>`).join(',')}`));
      remedies.push({ summary: "Add capacity: a node with room for the request (check the cluster autoscaler's events)" });
      return [{
        messageId: 'fromEvent',
        data: { resources: resources.join(', '), detail: entries.map((e) => `${e.count} ${e.text}`).join(', ') },
        evidence: [{ ref: view.said?.event?.ref ?? ctx.ref, observed: view.said?.message ?? '' }],
        remedies,
        rank: 30,
      }];
    }
    const sim = filterRejection(view);
    if (!sim) return [];
    const b = blockedBy(sim, 'NodeResourcesFit');
    if (b.failures.length === 0) return [];
    const out: Array<RawFinding<Msg>> = [];
    // a node can be made to fit by freeing requests only if the pod fits it when empty
    const fixable = (s: Shortfall[]): boolean => s.every((x) => x.asked <= x.allocatable);
    const candidates = sim.nodes
      .filter((v) => shortfallsOf(v).length > 0)
      .map((v) => ({ v, s: shortfallsOf(v), others: v.failures.length - 1 }))
      .sort((x, y) => x.others - y.others || Number(fixable(y.s)) - Number(fixable(x.s)) || x.s.length - y.s.length || Number(missing(x.s[0] as Shortfall) - missing(y.s[0] as Shortfall)) || (x.v.name < y.v.name ? -1 : 1));
    const evidence: Evidence[] = candidates.slice(0, 8).flatMap(({ v, s }) =>
      s.map((x) => ({ ref: `Node/${v.name}`, path: `status.allocatable.${x.resource}`, observed: `allocatable ${fmt(x.resource, x.allocatable)}, requested ${fmt(x.resource, x.used)}, free ${fmt(x.resource, x.allocatable - x.used)}, pod asks ${fmt(x.resource, x.asked)}` })),
    );
    for (const n of neverFits(ctx)) {
      out.push({
        messageId: 'neverFits',
        data: { resource: n.resource, asked: fmt(n.resource, n.asked), largest: fmt(n.resource, n.largest), largestNode: n.node },
        evidence: evidence.filter((e) => e.path?.endsWith(`.${n.resource}`)).slice(0, 4),
        remedies: [
          resourcesRemedy(ctx, firstContainer(ctx), `Request at most what a node offers (largest allocatable ${n.resource}: ${fmt(n.resource, n.largest)} on ${n.node})`, `--requests=${n.resource}=${fmt(n.resource, n.largest)}`),
          { summary: `Or add a node type with more than ${fmt(n.resource, n.asked)} allocatable ${n.resource}` },
        ],
        key: `${n.resource}>${fmt(n.resource, n.largest)}`,
        rank: 19,
      });
    }
    if (out.length > 0) return out;
    const byResource = new Map<string, number>();
    for (const c of candidates) for (const x of c.s) byResource.set(x.resource, (byResource.get(x.resource) ?? 0) + 1);
    const shortText = [...byResource].map(([r, n]) => `${n} short of ${r}`).join(', ');
    const closest = candidates[0];
    const gap = (closest?.s ?? []).map((x) => (x.resource === 'pods' ? `a pod slot (${x.used}/${x.allocatable} pods)` : `${fmt(x.resource, missing(x))} ${x.resource}`)).join(' and ');
    const onlyPods = (closest?.s ?? []).every((x) => x.resource === 'pods');
    const closestText = closest ? `Closest: ${closest.v.name}, short of ${gap}${closest.others > 0 ? `, and it fails ${closest.others} other check${closest.others > 1 ? 's' : ''}` : ''}.` : '';
    const remedies: Remedy[] = [];
    if (closest && closest.others === 0 && onlyPods) {
      remedies.push({ summary: `Smallest fix: ${closest.v.name} runs as many pods as its kubelet allows (maxPods); move pods off it, raise maxPods, or add a node`, command: sh`kubectl get pods -A --field-selector spec.nodeName=${name(closest.v.name)} --no-headers | wc -l` });
    } else if (closest && closest.others === 0 && fixable(closest.s)) {
      remedies.push({ summary: `Smallest fix: free ${gap} of requests on ${closest.v.name} (requests count, not usage)`, command: sh`kubectl describe node ${name(closest.v.name)} | sed -n '/Allocated resources/,/Events/p'` });
    } else if (closest && closest.others === 0) {
      const need = podRequests(ctx.pod);
      remedies.push({ summary: `Smallest fix: add a node like ${closest.v.name} with at least ${['cpu', 'memory'].filter((r) => need.has(r)).map((r) => `${fmt(r, need.get(r) as bigint)} ${r}`).join(' and ')} allocatable: no node that passes the other checks can hold the pod even empty` });
    }
    if (!onlyPods) remedies.push(resourcesRemedy(ctx, firstContainer(ctx), "Or lower the pod's request if it asks for more than it uses", `--requests=${(closest?.s ?? []).map((x) => `${x.resource}=<less>`).join(',') || 'cpu=<less>'}`));
    const zones = sim.nodes.flatMap((v) => v.failures.filter((f) => f.plugin === 'VolumeZone').map((f) => (f.status.detail?.zones as string[] | undefined) ?? []))[0];
    remedies.push({ summary: `Or add a node${zones?.length ? ` in ${zones.join(' or ')} (where the pod's volume is)` : ''} with room for the pod (if a cluster autoscaler runs, read its events for why it did not)` });
    return [{
      messageId: 'short',
      data: { blocked: candidates.length, total: sim.nodeCount, shortText, closestText, closest: closest?.v.name, gap, sole: b.sole.length },
      evidence,
      remedies,
      key: [...byResource.keys()].join('+'),
      rank: schedulingRank(b, sim.nodeCount),
    }];
  },
});

import { formatResource } from '../../../schemas/quantity';
import * as NodeResourcesFit from '../../scheduler/plugins/node-resources-fit';
import * as VolumeZone from '../../scheduler/plugins/volume-zone';
import type { Simulation } from '../../scheduler/simulate';
import { blockedBy, rejectionBy, type NodeVerdict } from '../../scheduler/verdict';
import type { SchedulingView } from '../../scheduler/view';
import type { PodContext } from '../context';
import { defineAnalyzer, type Evidence, type RawFinding, type Remedy } from '../types';
import { editRemedy, resourcesRemedy } from '../shared/util';
import { resourceList } from '../../k8s/scheduling';
import { saidEvidence, saidEntries, schedulingRank } from './lib/findings';
import { filterStep } from './lib/step';
import { name, sh } from '../../k8s/command';

type Msg = 'short' | 'neverFits' | 'fromEvent';
type Insufficient = NodeResourcesFit.InsufficientResource;

const fmt = formatResource;
const firstContainer = (ctx: PodContext): string => ctx.pod.spec.containers[0]?.name ?? '<container>';
const insufficientOn = (v: NodeVerdict): Insufficient[] => rejectionBy(v, NodeResourcesFit.Name)?.insufficient ?? [];
const missing = (x: Insufficient): bigint => x.requested - (x.capacity - x.used);
/** --requests values that make the first container fit the closest node, when lowering its own request is enough. */
function loweredRequests(ctx: PodContext, shortfalls: Insufficient[]): string | undefined {
  const requests = resourceList(ctx.pod.spec.containers[0]?.resources?.requests);
  const parts: string[] = [];
  for (const x of shortfalls) {
    const own = requests.get(x.resource);
    if (x.resource === 'pods' || own === undefined || own - missing(x) <= 0n) return undefined;
    parts.push(`${x.resource}=${fmt(x.resource, own - missing(x)).replace(/\s+/g, '')}`);
  }
  return parts.length ? `--requests=${parts.join(',')}` : undefined;
}
const firstGap = (s: Insufficient[]): bigint => (s[0] ? missing(s[0]) : 0n);
// a node can be made to fit by freeing requests only if the pod fits it when empty
const fixable = (s: Insufficient[]): boolean => s.every((x) => x.requested <= x.capacity);

/** Resources the pod asks more of than every node has allocatable (each node's verdict says so), with the largest offer. */
function neverFits(sim: Simulation): Array<{ resource: string; asked: bigint; largest: bigint; node: string }> {
  const out = [];
  for (const [resource, asked] of sim.podRequest) {
    if (asked <= 0n) continue;
    let largest: { capacity: bigint; node: string } | undefined;
    for (const v of sim.nodes) {
      const x = insufficientOn(v).find((i) => i.resource === resource);
      if (!x || x.requested <= x.capacity) {
        largest = undefined;
        break;
      }
      if (!largest || x.capacity > largest.capacity) largest = { capacity: x.capacity, node: v.name };
    }
    if (largest) out.push({ resource, asked, largest: largest.capacity, node: largest.node });
  }
  return out;
}

function fromMessage(ctx: PodContext, view: SchedulingView): Array<RawFinding<Msg>> {
  const entries = saidEntries(view, (k) => k.startsWith('insufficient:'));
  if (entries.length === 0) return [];
  const resources = entries.map((e) => e.key.slice('insufficient:'.length));
  const extended = resources.filter((r) => r.includes('/'));
  const basic = resources.filter((r) => !r.includes('/') && r !== 'pods');
  const remedies: Remedy[] = extended.map((r) => ({ summary: `Check that nodes advertise ${r}: its device plugin DaemonSet must run on those nodes`, command: /^[\w./-]+$/.test(r) ? `kubectl get nodes -o custom-columns='NAME:.metadata.name,${r.toUpperCase()}:.status.allocatable.${r.replace(/\./g, '\\.')}'` : undefined }));
  if (basic.length) remedies.push(editRemedy(ctx, `lower resources.requests (${basic.join(', ')}) of container ${firstContainer(ctx)} if the pod asks for more than it needs`));
  remedies.push({ summary: "Add capacity: a node with room for the request (check the cluster autoscaler's events)" });
  return [{
    messageId: 'fromEvent',
    data: { resources: resources.join(', '), detail: entries.map((e) => `${e.count} ${e.text}`).join(', ') },
    evidence: [{ ...saidEvidence(ctx, view), ref: view.said?.event?.ref ?? ctx.ref }],
    remedies,
    rank: 30,
  }];
}

export default defineAnalyzer<Msg>({
  id: 'InsufficientResources',
  area: 'scheduling',
  reads: ['events', 'cluster', 'volumes'],
  severity: 'error',
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
  analyze: filterStep({
    fromMessage,
    fromVerdicts(ctx, sim) {
      const b = blockedBy(sim.nodes, NodeResourcesFit.Name);
      if (b.failures.length === 0) return [];
      const candidates = b.hits
        .map(({ node: v, rejection }) => ({ v, s: rejection.insufficient, others: v.failures.length - 1 }))
        .sort((x, y) => x.others - y.others || Number(fixable(y.s)) - Number(fixable(x.s)) || x.s.length - y.s.length || Number(firstGap(x.s) - firstGap(y.s)) || (x.v.name < y.v.name ? -1 : 1));
      const evidence: Evidence[] = candidates.slice(0, 8).flatMap(({ v, s }) =>
        s.map((x) => ({ ref: `Node/${v.name}`, path: `status.allocatable.${x.resource}`, observed: `allocatable ${fmt(x.resource, x.capacity)}, requested ${fmt(x.resource, x.used)}, free ${fmt(x.resource, x.capacity - x.used)}, pod asks ${fmt(x.resource, x.requested)}` })),
      );
      const never = neverFits(sim).map((n): RawFinding<Msg> => ({
        messageId: 'neverFits',
        data: { resource: n.resource, asked: fmt(n.resource, n.asked), largest: fmt(n.resource, n.largest), largestNode: n.node },
        evidence: evidence.filter((e) => e.path?.endsWith(`.${n.resource}`)).slice(0, 4),
        remedies: [
          resourcesRemedy(ctx, firstContainer(ctx), `Request at most what a node offers (largest allocatable ${n.resource}: ${fmt(n.resource, n.largest)} on ${n.node})`, `--requests=${n.resource}=${fmt(n.resource, n.largest)}`),
          { summary: `Or add a node type with more than ${fmt(n.resource, n.asked)} allocatable ${n.resource}` },
        ],
        key: `${n.resource}>${fmt(n.resource, n.largest)}`,
        rank: 19,
      }));
      if (never.length > 0) return never;
      const byResource = new Map<string, number>();
      for (const c of candidates) for (const x of c.s) byResource.set(x.resource, (byResource.get(x.resource) ?? 0) + 1);
      const shortText = [...byResource].map(([r, n]) => `${n} short of ${r}`).join(', ');
      const closest = candidates[0];
      const gap = (closest?.s ?? []).map((x) => (x.resource === 'pods' ? `a pod slot (${x.used}/${x.capacity} pods)` : `${fmt(x.resource, missing(x))} ${x.resource}`)).join(' and ');
      const onlyPods = (closest?.s ?? []).every((x) => x.resource === 'pods');
      const closestText = closest ? `Closest: ${closest.v.name}, short of ${gap}${closest.others > 0 ? `, and it fails ${closest.others} other check${closest.others > 1 ? 's' : ''}` : ''}.` : '';
      const remedies: Remedy[] = [];
      if (closest && closest.others === 0 && onlyPods) {
        remedies.push({ summary: `Smallest fix: ${closest.v.name} runs as many pods as its kubelet allows (maxPods); move pods off it, raise maxPods, or add a node`, command: sh`kubectl get pods -A --field-selector spec.nodeName=${name(closest.v.name)} --no-headers | wc -l` });
      } else if (closest && closest.others === 0 && fixable(closest.s)) {
        remedies.push({ summary: `Smallest fix: free ${gap} of requests on ${closest.v.name} (requests count, not usage)`, command: sh`kubectl describe node ${name(closest.v.name)} | sed -n '/Allocated resources/,/Events/p'` });
      } else if (closest && closest.others === 0) {
        const need = sim.podRequest;
        remedies.push({ summary: `Smallest fix: add a node like ${closest.v.name} with at least ${['cpu', 'memory'].filter((r) => need.has(r)).map((r) => `${fmt(r, need.get(r) ?? 0n)} ${r}`).join(' and ')} allocatable: no node that passes the other checks can hold the pod even empty` });
      }
      const lowered = closest ? loweredRequests(ctx, closest.s) : undefined;
      if (!onlyPods && lowered) remedies.push(resourcesRemedy(ctx, firstContainer(ctx), `Or lower the pod's request to what fits ${closest?.v.name ?? 'the closest node'}, if it asks for more than it uses`, lowered));
      else if (!onlyPods) remedies.push(editRemedy(ctx, "lower resources.requests of the pod's containers if it asks for more than it uses"));
      const zones = blockedBy(sim.nodes, VolumeZone.Name).failures[0]?.zones;
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
  }),
});

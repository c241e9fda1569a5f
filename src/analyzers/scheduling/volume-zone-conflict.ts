import * as VolumeBinding from '../../scheduler/plugins/volume-binding';
import * as VolumeZone from '../../scheduler/plugins/volume-zone';
import type { Simulation } from '../../scheduler/simulate';
import { blockedBy, type Blocked, type NodeVerdict, type Rejection } from '../../scheduler/verdict';
import type { PodContext } from '../context';
import { defineAnalyzer, type RawFinding } from '../types';
import { fromMessage, schedulingRank } from './lib/findings';
import { filterStep } from './lib/step';
import { name, sh } from '../../k8s/command';

type Msg = 'zone' | 'nodeAffinity' | 'fromEvent';

export default defineAnalyzer<Msg>({
  id: 'VolumeZoneConflict',
  area: 'scheduling',
  reads: ['events', 'cluster', 'volumes'],
  severity: 'error',
  docs: {
    title: "The pod's volume is tied to a zone or node where no node can take the pod",
    summary: 'A bound zonal disk (labelled with topology.kubernetes.io/zone) or a local volume (PersistentVolume nodeAffinity) can only be used from nodes in its zone or on its node. After the node that ran a stateful pod fails, the replacement pod must go to the same zone: if the nodes left there are full, tainted or gone, it stays Pending although other zones have room.',
    detection: 'The VolumeZone filter (zone/region labels, beta labels, "__"-separated zones) and the VolumeBinding filter (bound PV node affinity) re-run per node; podwhy lists the nodes that are in the volume\'s zone and why each of them fails anyway.',
    remedy: 'Make room in the volume\'s zone (free or add a node there). The volume cannot move by itself: to use another zone, snapshot and restore it there, or (losing its data) delete the claim so a new volume is provisioned.',
  },
  messages: {
    zone: 'Volume {{pv}} (claim {{claim}}) lives in {{zones}}, and {{outside}} of {{total}} nodes are outside it. {{insideText}}',
    nodeAffinity: 'Volume {{pv}} (claim {{claim}}) can only be used on the node(s) its node affinity names, and {{outside}} of {{total}} nodes are not among them. {{insideText}}',
    fromEvent: '{{count}} of {{total}} nodes could not reach the pod\'s volume (zone or volume node affinity), says the scheduler.',
  },
  analyze: filterStep({
    fromMessage(ctx, view) {
      const m = fromMessage(ctx, view, (k) => k === 'volumeZone' || k === 'volumeNodeAffinity');
      return m ? [{ messageId: 'fromEvent', data: { count: m.count, total: m.total ?? '?' }, evidence: m.evidence, remedies: [{ summary: "Find the volume's zone and make room for the pod on a node there", command: `kubectl get pv -o custom-columns=NAME:.metadata.name,ZONE:.metadata.labels.topology\\.kubernetes\\.io/zone,CLAIM:.spec.claimRef.name` }], rank: 30 }] : [];
    },
    fromVerdicts(ctx, sim) {
      const out: Array<RawFinding<Msg>> = [];
      const zone = blockedBy(sim.nodes, VolumeZone.Name);
      const z = zone.failures[0];
      if (z) out.push(pinned(ctx, sim, zone, { messageId: 'zone', pv: z.pv, claim: z.claim, zones: z.zones.join(' or ') || 'its zone', path: `metadata.labels.${z.label}` }));
      const affinity = blockedBy(sim.nodes, VolumeBinding.Name, (f) => f.kind === 'volumeNodeAffinity');
      const a = affinity.failures[0];
      if (a) out.push(pinned(ctx, sim, affinity, { messageId: 'nodeAffinity', pv: a.pv, claim: a.claim, zones: 'its zone', path: 'spec.nodeAffinity', observed: 'required node affinity' }));
      return out;
    },
  }),
});

interface Pin {
  messageId: 'zone' | 'nodeAffinity';
  pv: string;
  claim: string;
  zones: string;
  path: string;
  observed?: string;
}

/** The finding for a volume that only some nodes can reach: what the nodes that can reach it fail on instead. */
function pinned(ctx: PodContext, sim: Simulation, b: Blocked<Rejection>, pin: Pin): RawFinding<Msg> {
  const outside = new Set(b.hits.map((h) => h.node));
  const skip = b.failures[0]?.plugin;
  const inside = sim.nodes.filter((v) => !outside.has(v));
  const otherReasons = (v: NodeVerdict): string => v.failures.filter((f) => f.plugin !== skip).flatMap((f) => f.reasons.map((r) => r.text)).join(', ') || 'fits';
  const insideText = inside.length === 0
    ? 'No node is there at all: add one, or move the data.'
    : `The ${inside.length} node(s) there cannot take it either: ${inside.slice(0, 4).map((v) => `${v.name} (${otherReasons(v)})`).join('; ')}.`;
  return {
    messageId: pin.messageId,
    data: { pv: pin.pv, claim: pin.claim, zones: pin.zones, outside: b.failures.length, total: sim.nodeCount, inside: inside.length, insideText },
    evidence: [
      { ref: `PersistentVolume/${pin.pv}`, path: pin.path, observed: pin.observed ?? pin.zones },
      ...inside.slice(0, 4).map((v) => ({ ref: `Node/${v.name}`, observed: otherReasons(v) })),
    ],
    remedies: [
      { summary: `Make room for the pod on a node in ${pin.zones === 'its zone' ? "the volume's zone" : pin.zones}: free resources, untaint or uncordon one, or add a node there` },
      { summary: 'The data cannot follow the pod to another zone by itself: snapshot and restore the volume there, or, if the data can be lost, delete the claim so a new volume is provisioned', command: sh`kubectl get pvc ${name(pin.claim)} -n ${name(ctx.namespace)} -o wide` },
    ],
    key: pin.pv,
    rank: schedulingRank(b, sim.nodeCount),
  };
}

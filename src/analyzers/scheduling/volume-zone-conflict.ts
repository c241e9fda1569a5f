import type { NodeVerdict } from '../../scheduler/simulate';
import { defineAnalyzer } from '../types';
import { blockedBy, fromMessage, schedulingRank, schedulingView, filterRejection } from './view';
import { name, placeholder, sh } from '../../k8s/command';

type Msg = 'zone' | 'nodeAffinity' | 'fromEvent';

const otherReasons = (v: NodeVerdict, skip: string): string =>
  v.failures.filter((f) => f.plugin !== skip).flatMap((f) => f.status.reasons.map((r) => r.text)).join(', ');

export default defineAnalyzer<Msg>({
  id: 'VolumeZoneConflict',
  area: 'scheduling',
  reads: ['events', 'cluster', 'volumes'],
  severity: 'error',
  rank: 30,
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
  analyze(ctx) {
    const view = schedulingView(ctx);
    if (!view.unscheduled) return [];
    if (!view.sim) {
      const m = fromMessage(ctx, view, (k) => k === 'volumeZone' || k === 'volumeNodeAffinity');
      return m ? [{ messageId: 'fromEvent', data: { count: m.count, total: m.total ?? '?' }, evidence: m.evidence, remedies: [{ summary: "Find the volume's zone and make room for the pod on a node there", command: `kubectl get pv -o custom-columns=NAME:.metadata.name,ZONE:.metadata.labels.topology\\.kubernetes\\.io/zone,CLAIM:.spec.claimRef.name` }], rank: 30 }] : [];
    }
    const sim = filterRejection(view);
    if (!sim) return [];
    const zoneB = blockedBy(sim, 'VolumeZone');
    const affB = blockedBy(sim, 'VolumeBinding', (f) => f.status.reasons.some((r) => r.key === 'volumeNodeAffinity'));
    const out = [];
    for (const [b, plugin, messageId] of [[zoneB, 'VolumeZone', 'zone'], [affB, 'VolumeBinding', 'nodeAffinity']] as const) {
      if (b.failures.length === 0) continue;
      const d = b.failures[0]?.status.detail ?? {};
      const inside = sim.nodes.filter((v) => !v.failures.some((f) => f.plugin === plugin && (plugin === 'VolumeZone' || f.status.reasons.some((r) => r.key === 'volumeNodeAffinity'))));
      const insideText = inside.length === 0
        ? 'No node is there at all: add one, or move the data.'
        : `The ${inside.length} node(s) there cannot take it either: ${inside.slice(0, 4).map((v) => `${v.name} (${otherReasons(v, plugin) || 'fits'})`).join('; ')}.`;
      const zones = ((d.zones as string[] | undefined) ?? []).join(' or ') || 'its zone';
      out.push({
        messageId,
        data: { pv: (d.pv as string) ?? '?', claim: (d.claim as string) ?? '?', zones, outside: b.failures.length, total: sim.nodeCount, inside: inside.length, insideText },
        evidence: [
          { ref: `PersistentVolume/${(d.pv as string) ?? '?'}`, path: plugin === 'VolumeZone' ? `metadata.labels.${d.label as string}` : 'spec.nodeAffinity', observed: plugin === 'VolumeZone' ? zones : 'required node affinity' },
          ...inside.slice(0, 4).map((v) => ({ ref: `Node/${v.name}`, observed: otherReasons(v, plugin) || 'fits' })),
        ],
        remedies: [
          { summary: `Make room for the pod on a node in ${zones === 'its zone' ? "the volume's zone" : zones}: free resources, untaint or uncordon one, or add a node there` },
          { summary: 'The data cannot follow the pod to another zone by itself: snapshot and restore the volume there, or, if the data can be lost, delete the claim so a new volume is provisioned', command: sh`kubectl get pvc ${d.claim === undefined ? placeholder('<claim>') : name(d.claim as string)} -n ${name(ctx.namespace)} -o wide` },
        ],
        key: `${(d.pv as string) ?? ''}`,
        rank: schedulingRank(b, sim.nodeCount),
      });
    }
    return out;
  },
});

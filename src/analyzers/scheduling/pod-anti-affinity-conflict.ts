import * as InterPodAffinity from '../../scheduler/plugins/inter-pod-affinity';
import { blockedBy } from '../../scheduler/verdict';
import { defineAnalyzer, type RawFinding } from '../types';
import { fromMessageFinding, schedulingRank } from './lib/findings';
import { filterStep } from './lib/step';

type Msg = 'own' | 'existing' | 'fromEvent';
type AntiAffinity = Extract<InterPodAffinity.Rejection, { kind: 'podAntiAffinity' | 'existingAntiAffinity' }>;

export default defineAnalyzer<Msg>({
  id: 'PodAntiAffinityConflict',
  area: 'scheduling',
  reads: ['events', 'cluster'],
  severity: 'error',
  docs: {
    title: 'Required pod anti-affinity leaves no node',
    summary: "Required anti-affinity keeps a pod out of every domain that already runs a matching pod: its own rule (replicas kept apart: more replicas than nodes or zones cannot all run) or the rule of a pod already placed that repels this one.",
    detection: 'The InterPodAffinity filter re-run: the pod\'s own required anti-affinity terms and the required anti-affinity of every placed pod, against the topology values of the nodes; the conflicting pods are named.',
    remedy: 'Add nodes (or zones) so each replica gets its own domain, lower the replica count, or use preferred anti-affinity.',
  },
  messages: {
    own: "{{count}} of {{total}} nodes already run a pod the pod's anti-affinity excludes ({{topologyKey}}), e.g. {{example}}.",
    existing: "{{count}} of {{total}} nodes are excluded by the anti-affinity of pods already there ({{topologyKey}}), e.g. {{example}}.",
    fromEvent: '{{count}} of {{total}} nodes failed the anti-affinity rules, says the scheduler.',
  },
  analyze: filterStep({
    fromMessage: (ctx, view) => fromMessageFinding(ctx, view, (k) => k === 'podAntiAffinity' || k === 'existingAntiAffinity', [{ summary: 'Add nodes so every replica gets its own domain, or use preferred anti-affinity' }]),
    fromVerdicts(_ctx, sim) {
      const out: Array<RawFinding<Msg>> = [];
      for (const [kind, messageId] of [['podAntiAffinity', 'own'], ['existingAntiAffinity', 'existing']] as const) {
        const b = blockedBy(sim.nodes, InterPodAffinity.Name, (f): f is AntiAffinity => f.kind === kind);
        const d = b.failures[0];
        if (!d) continue;
        out.push({
          messageId,
          data: { count: b.failures.length, total: sim.nodeCount, topologyKey: d.topologyKey, example: d.conflictsWith },
          evidence: b.hits.slice(0, 6).map(({ node, rejection }) => ({ ref: `Node/${node.name}`, observed: `runs ${rejection.conflictsWith}` })),
          remedies: [
            { summary: 'Add nodes (or zones) so every replica gets its own domain, or lower the replica count' },
            { summary: 'Or make the rule preferredDuringSchedulingIgnoredDuringExecution if spreading is a wish, not a need' },
          ],
          key: `${kind}:${d.topologyKey}`,
          rank: schedulingRank(b, sim.nodeCount),
        });
      }
      return out;
    },
  }),
});

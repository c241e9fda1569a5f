import { defineAnalyzer } from '../types';
import { blockedBy, fromMessageFinding, schedulingRank, schedulingView, filterRejection } from './view';

type Msg = 'own' | 'existing' | 'fromEvent';

export default defineAnalyzer<Msg>({
  id: 'PodAntiAffinityConflict',
  area: 'scheduling',
  reads: ['events', 'cluster'],
  severity: 'error',
  rank: 30,
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
  analyze(ctx) {
    const view = schedulingView(ctx);
    if (!view.unscheduled) return [];
    if (!view.sim) {
      return fromMessageFinding(ctx, view, (k) => k === 'podAntiAffinity' || k === 'existingAntiAffinity', [{ summary: 'Add nodes so every replica gets its own domain, or use preferred anti-affinity' }]);
    }
    const sim = filterRejection(view);
    if (!sim) return [];
    const out = [];
    for (const [key, messageId] of [['podAntiAffinity', 'own'], ['existingAntiAffinity', 'existing']] as const) {
      const b = blockedBy(sim, 'InterPodAffinity', (f) => f.status.reasons.some((r) => r.key === key));
      if (b.failures.length === 0) continue;
      const d = b.failures[0]?.status.detail ?? {};
      out.push({
        messageId,
        data: { count: b.failures.length, total: sim.nodeCount, topologyKey: d.topologyKey as string, example: d.conflictsWith as string },
        evidence: sim.nodes.filter((v) => v.failures.some((f) => f.plugin === 'InterPodAffinity' && f.status.reasons.some((r) => r.key === key))).slice(0, 6).map((v) => ({ ref: `Node/${v.name}`, observed: `runs ${v.failures.find((f) => f.plugin === 'InterPodAffinity')?.status.detail?.conflictsWith as string}` })),
        remedies: [
          { summary: 'Add nodes (or zones) so every replica gets its own domain, or lower the replica count' },
          { summary: 'Or make the rule preferredDuringSchedulingIgnoredDuringExecution if spreading is a wish, not a need' },
        ],
        key: `${key}:${d.topologyKey as string}`,
        rank: schedulingRank(b, sim.nodeCount),
      });
    }
    return out;
  },
});

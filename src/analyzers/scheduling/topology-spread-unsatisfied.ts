import { defineAnalyzer } from '../types';
import { blockedBy, fromMessageFinding, schedulingRank, schedulingView, filterRejection } from './view';
import { sh, yamlScalar } from '../../k8s/command';

type Msg = 'skew' | 'missingLabel' | 'fromEvent';

export default defineAnalyzer<Msg>({
  id: 'TopologySpreadUnsatisfied',
  area: 'scheduling',
  reads: ['events', 'cluster'],
  severity: 'error',
  rank: 30,
  docs: {
    title: 'A DoNotSchedule topology spread constraint cannot be met',
    summary: 'topologySpreadConstraints with whenUnsatisfiable: DoNotSchedule forbid placing a pod where the number of matching pods in its domain would exceed the least-populated domain by more than maxSkew. When the under-populated domain has no room (or no node), every other domain is forbidden too. Nodes without the topology label are never eligible.',
    detection: 'The PodTopologySpread filter re-run: domains of eligible nodes (honouring the pod\'s node affinity, and taints when nodeTaintsPolicy is Honor), matching pods of the same namespace (plus matchLabelKeys), not being deleted; skew per domain against minDomains.',
    remedy: 'Make room in the least-populated domain, raise maxSkew, or use whenUnsatisfiable: ScheduleAnyway; label nodes that lack the topology key.',
  },
  messages: {
    skew: '{{count}} of {{total}} nodes would break the spread over {{topologyKey}} (maxSkew {{maxSkew}}): their domains already have {{countText}} matching pods against {{min}} in the emptiest one.',
    missingLabel: '{{count}} of {{total}} nodes lack the topology label {{topologyKey}}, so the spread constraint rules them out.',
    fromEvent: '{{count}} of {{total}} nodes did not satisfy the pod topology spread constraints, says the scheduler.',
  },
  analyze(ctx) {
    const view = schedulingView(ctx);
    if (!view.unscheduled) return [];
    if (!view.sim) {
      return fromMessageFinding(ctx, view, (k) => k === 'spread' || k === 'spreadLabel', [{ summary: 'Raise maxSkew or use whenUnsatisfiable: ScheduleAnyway if an even spread is not required' }]);
    }
    const sim = filterRejection(view);
    if (!sim) return [];
    const out = [];
    for (const key of ['spread', 'spreadLabel'] as const) {
      const b = blockedBy(sim, 'PodTopologySpread', (f) => f.status.reasons.some((r) => r.key === key));
      if (b.failures.length === 0) continue;
      const d = b.failures[0]?.status.detail ?? {};
      const counts = [...new Set(b.failures.map((f) => f.status.detail?.count as number))].sort((x, y) => x - y);
      out.push({
        messageId: key === 'spread' ? ('skew' as const) : ('missingLabel' as const),
        data: { count: b.failures.length, total: sim.nodeCount, topologyKey: d.topologyKey as string, maxSkew: (d.maxSkew as number) ?? 0, min: (d.min as number) ?? 0, countText: counts.join('/') },
        evidence: [{ ref: ctx.ref, path: 'spec.topologySpreadConstraints', observed: `topologyKey ${d.topologyKey as string}, maxSkew ${(d.maxSkew as number) ?? '?'}, DoNotSchedule` }, ...sim.nodes.filter((v) => v.failures.some((f) => f.plugin === 'PodTopologySpread')).slice(0, 4).map((v) => ({ ref: `Node/${v.name}`, observed: `domain ${(v.failures.find((f) => f.plugin === 'PodTopologySpread')?.status.detail?.domain as string) ?? '(no label)'}` }))],
        remedies: key === 'spread'
          ? [{ summary: 'Make room in the least-populated domain (its nodes may be full, tainted or cordoned)' }, { summary: 'Or relax the constraint', patch: `topologySpreadConstraints:\n- topologyKey: ${yamlScalar(d.topologyKey as string)}\n  maxSkew: ${((d.maxSkew as number) ?? 1) + 1}\n  whenUnsatisfiable: ScheduleAnyway` }]
          : [{ summary: `Label the nodes with ${d.topologyKey as string}`, command: sh`kubectl label nodes <node> ${d.topologyKey as string}=<value>` }],
        key: `${d.topologyKey as string}:${key}`,
        rank: schedulingRank(b, sim.nodeCount),
      });
    }
    return out;
  },
});

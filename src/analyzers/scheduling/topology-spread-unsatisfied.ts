import * as PodTopologySpread from '../../scheduler/plugins/pod-topology-spread';
import { blockedBy } from '../../scheduler/verdict';
import { defineAnalyzer, type RawFinding } from '../types';
import { fromMessageFinding, schedulingRank } from './lib/findings';
import { filterStep } from './lib/step';
import { sh, yamlScalar } from '../../k8s/command';

type Msg = 'skew' | 'missingLabel' | 'fromEvent';

export default defineAnalyzer<Msg>({
  id: 'TopologySpreadUnsatisfied',
  area: 'scheduling',
  reads: ['events', 'cluster'],
  severity: 'error',
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
  analyze: filterStep({
    fromMessage: (ctx, view) => fromMessageFinding(ctx, view, (k) => k === 'spread' || k === 'spreadLabel', [{ summary: 'Raise maxSkew or use whenUnsatisfiable: ScheduleAnyway if an even spread is not required' }]),
    fromVerdicts(ctx, sim) {
      const out: Array<RawFinding<Msg>> = [];
      const all = blockedBy(sim.nodes, PodTopologySpread.Name);
      const domains = all.hits.slice(0, 4).map(({ node, rejection }) => ({ ref: `Node/${node.name}`, observed: `domain ${rejection.kind === 'skew' ? rejection.domain : '(no label)'}` }));
      const skew = blockedBy(sim.nodes, PodTopologySpread.Name, (f) => f.kind === 'skew');
      const d = skew.failures[0];
      if (d) {
        const counts = [...new Set(skew.failures.map((f) => f.count))].sort((x, y) => x - y);
        out.push({
          messageId: 'skew',
          data: { count: skew.failures.length, total: sim.nodeCount, topologyKey: d.topologyKey, maxSkew: d.maxSkew, min: d.min, countText: counts.join('/') },
          evidence: [{ ref: ctx.ref, path: 'spec.topologySpreadConstraints', observed: `topologyKey ${d.topologyKey}, maxSkew ${d.maxSkew}, DoNotSchedule` }, ...domains],
          remedies: [{ summary: 'Make room in the least-populated domain (its nodes may be full, tainted or cordoned)' }, { summary: 'Or relax the constraint', patch: `topologySpreadConstraints:\n- topologyKey: ${yamlScalar(d.topologyKey)}\n  maxSkew: ${d.maxSkew + 1}\n  whenUnsatisfiable: ScheduleAnyway` }],
          key: `${d.topologyKey}:spread`,
          rank: schedulingRank(skew, sim.nodeCount),
        });
      }
      const label = blockedBy(sim.nodes, PodTopologySpread.Name, (f) => f.kind === 'missingLabel');
      const l = label.failures[0];
      if (l) {
        out.push({
          messageId: 'missingLabel',
          data: { count: label.failures.length, total: sim.nodeCount, topologyKey: l.topologyKey, maxSkew: 0, min: 0, countText: '' },
          evidence: [{ ref: ctx.ref, path: 'spec.topologySpreadConstraints', observed: `topologyKey ${l.topologyKey}, maxSkew ?, DoNotSchedule` }, ...domains],
          remedies: [{ summary: `Label the nodes with ${l.topologyKey} (kubectl label nodes NODE ${l.topologyKey}=VALUE); which have it now:`, command: sh`kubectl get nodes -L ${l.topologyKey}` }],
          key: `${l.topologyKey}:spreadLabel`,
          rank: schedulingRank(label, sim.nodeCount),
        });
      }
      return out;
    },
  }),
});

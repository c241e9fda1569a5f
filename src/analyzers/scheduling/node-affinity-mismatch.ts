import type { Node, NodeSelectorTerm } from '../../../schemas/k8s';
import { termMatches } from '../../k8s/scheduling';
import * as NodeAffinity from '../../scheduler/plugins/node-affinity';
import { blockedBy } from '../../scheduler/verdict';
import type { PodContext } from '../context';
import { defineAnalyzer } from '../types';
import { fromMessage, schedulingRank } from './lib/findings';
import { filterStep } from './lib/step';

type Msg = 'noMatch' | 'fromEvent';

const requiredTerms = (ctx: PodContext): NodeSelectorTerm[] | undefined => ctx.pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? undefined;

function exprText(e: { key: string; operator: string; values?: string[] | null }): string {
  return `${e.key} ${e.operator}${e.values?.length ? ` (${e.values.join(', ')})` : ''}`;
}

/** Per expression of each term: on how many nodes it fails. */
export function termReport(terms: NodeSelectorTerm[], nodes: Node[]): string[] {
  return terms.map((t, i) => {
    const parts = [...(t.matchExpressions ?? []), ...(t.matchFields ?? []).map((f) => ({ ...f, key: f.key }))].map((e) => {
      const failing = nodes.filter((n) => !termMatches({ matchExpressions: t.matchExpressions?.includes(e) ? [e] : [], matchFields: t.matchFields?.includes(e) ? [e] : [] }, n)).length;
      return `${exprText(e)} fails on ${failing}/${nodes.length}`;
    });
    return `term ${i + 1}: ${parts.join(', ') || 'empty (matches nothing)'}`;
  });
}

export default defineAnalyzer<Msg>({
  id: 'NodeAffinityMismatch',
  area: 'scheduling',
  reads: ['events', 'cluster'],
  severity: 'error',
  docs: {
    title: "No node satisfies the pod's required node affinity",
    summary: 'requiredDuringSchedulingIgnoredDuringExecution node affinity is a list of terms (ORed), each a list of expressions (ANDed): a node must satisfy every expression of at least one term. NotIn and DoesNotExist match nodes without the label; Gt/Lt compare integers.',
    detection: 'The NodeAffinity filter, re-run per node, on nodes that pass the nodeSelector but no affinity term; for each expression podwhy counts the nodes it fails on, so the one that rules everything out stands out.',
    remedy: 'Label the intended nodes so one term matches, or relax the expression that fails everywhere (or move it to preferredDuringScheduling).',
  },
  messages: {
    noMatch: '{{count}} of {{total}} nodes satisfy no term of the required node affinity: {{detail}}.',
    fromEvent: "{{count}} of {{total}} nodes did not match the pod's node affinity, says the scheduler.",
  },
  analyze: filterStep({
    applies: (ctx) => !!requiredTerms(ctx),
    fromMessage(ctx, view) {
      // with a nodeSelector too, the message cannot tell which half failed: NodeSelectorMismatch speaks
      if (Object.keys(ctx.pod.spec.nodeSelector ?? {}).length > 0) return [];
      const m = fromMessage(ctx, view, (k) => k === 'nodeAffinity');
      return m ? [{ messageId: 'fromEvent', data: { count: m.count, total: m.total ?? '?' }, evidence: m.evidence, remedies: [{ summary: 'Compare the affinity with the node labels', command: 'kubectl get nodes --show-labels' }], rank: 30 }] : [];
    },
    fromVerdicts(ctx, sim) {
      const b = blockedBy(sim.nodes, NodeAffinity.Name, (f) => !f.fails.nodeSelector);
      if (b.failures.length === 0) return [];
      const detail = termReport(requiredTerms(ctx) ?? [], [...ctx.snapshot.nodes.values()]).join('; ');
      return [{
        messageId: 'noMatch',
        data: { count: b.failures.length, total: sim.nodeCount, detail },
        evidence: [{ ref: ctx.ref, path: 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution', observed: detail }],
        remedies: [
          { summary: 'Label the nodes the pod is meant for so one term matches (kubectl label nodes NODE KEY=VALUE); their labels now:', command: 'kubectl get nodes --show-labels' },
          { summary: 'Or relax the expression that fails on every node, or make it preferredDuringSchedulingIgnoredDuringExecution' },
        ],
        key: detail,
        rank: schedulingRank(b, sim.nodeCount),
      }];
    },
  }),
});

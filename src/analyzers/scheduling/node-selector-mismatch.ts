import type { Node } from '../../../schemas/k8s';
import * as NodeAffinity from '../../scheduler/plugins/node-affinity';
import { blockedBy } from '../../scheduler/verdict';
import type { PodContext } from '../context';
import { defineAnalyzer } from '../types';
import { fromMessage, schedulingRank } from './lib/findings';
import { filterStep } from './lib/step';
import { sh, words } from '../../k8s/command';

type Msg = 'noMatch' | 'fromEvent';

const selectorText = (ctx: PodContext): string => Object.entries(ctx.pod.spec.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`).join(',');

/** For each nodeSelector entry: how many nodes carry it, and the values the key has elsewhere. */
export function selectorReport(selector: Record<string, string>, nodes: Node[]): Array<{ key: string; value: string; matching: number; others: string[] }> {
  return Object.entries(selector).map(([key, value]) => {
    const values = new Map<string, number>();
    let matching = 0;
    for (const n of nodes) {
      const v = n.metadata.labels?.[key];
      if (v === value) matching++;
      else if (v !== undefined) values.set(v, (values.get(v) ?? 0) + 1);
    }
    return { key, value, matching, others: [...values].sort((a, b) => b[1] - a[1]).map(([v, n]) => `${key}=${v} (${n})`) };
  });
}

export default defineAnalyzer<Msg>({
  id: 'NodeSelectorMismatch',
  area: 'scheduling',
  reads: ['events', 'cluster'],
  severity: 'error',
  docs: {
    title: "No node has the labels the pod's nodeSelector asks for",
    summary: 'spec.nodeSelector lists labels a node must all carry, value for value. A typo, a label that was never applied, or a node pool that was removed leaves the pod with nowhere to go.',
    detection: 'The NodeAffinity filter, re-run per node, on nodes that fail the nodeSelector part: for each selector entry podwhy counts the nodes that carry it and shows the values the key has on other nodes.',
    remedy: 'Label the intended nodes (kubectl label nodes NODE key=value) or fix the selector in the pod template.',
  },
  messages: {
    noMatch: '{{count}} of {{total}} nodes do not match the nodeSelector {{selector}}: {{detail}}.',
    fromEvent: "{{count}} of {{total}} nodes did not match the pod's node selector/affinity, says the scheduler (selector: {{selector}}).",
  },
  analyze: filterStep({
    applies: (ctx) => Object.keys(ctx.pod.spec.nodeSelector ?? {}).length > 0,
    fromMessage(ctx, view) {
      const m = fromMessage(ctx, view, (k) => k === 'nodeAffinity');
      const selText = selectorText(ctx);
      return m ? [{ messageId: 'fromEvent', data: { count: m.count, total: m.total ?? '?', selector: selText }, evidence: m.evidence, remedies: [{ summary: 'See which nodes carry the labels', command: sh`kubectl get nodes -l ${selText}` }], rank: 30 }] : [];
    },
    fromVerdicts(ctx, sim) {
      const b = blockedBy(sim.nodes, NodeAffinity.Name, (f) => f.fails.nodeSelector);
      if (b.failures.length === 0) return [];
      const selText = selectorText(ctx);
      const rep = selectorReport(ctx.pod.spec.nodeSelector ?? {}, [...ctx.snapshot.nodes.values()]);
      const typo = (r: (typeof rep)[number]): string => {
        const near = r.others.find((o) => o.split(' (')[0]?.toLowerCase() === `${r.key}=${r.value}`.toLowerCase());
        return near ? `; did you mean ${near.split(' (')[0]}? (labels are case-sensitive)` : '';
      };
      const detail = rep.map((r) => (r.matching > 0 ? `${r.key}=${r.value} is on ${r.matching} node${r.matching > 1 ? 's' : ''}` : `no node has ${r.key}=${r.value}${r.others.length ? ` (nodes have ${r.others.slice(0, 3).join(', ')})` : ` (no node has the key ${r.key})`}${typo(r)}`)).join('; ');
      const missing = rep.filter((r) => r.matching === 0);
      return [{
        messageId: 'noMatch',
        data: { count: b.failures.length, total: sim.nodeCount, selector: selText, detail, missing: missing.map((r) => `${r.key}=${r.value}`) },
        evidence: [{ ref: ctx.ref, path: 'spec.nodeSelector', observed: selText }, ...rep.filter((r) => r.others.length).slice(0, 3).map((r) => ({ ref: 'Node/*', path: `metadata.labels.${r.key}`, observed: r.others.slice(0, 5).join(', ') }))],
        remedies: [
          { summary: `Label the nodes the pod is meant for with ${(missing.length ? missing : rep).map((r) => `${r.key}=${r.value}`).join(' ')} (kubectl label nodes NODE ...); their labels now:`, command: sh`kubectl get nodes -L ${words([(missing.length ? missing : rep).map((r) => r.key).join(',')])}` },
          { summary: 'Or fix the nodeSelector in the pod template to labels the nodes have' },
        ],
        key: selText,
        rank: schedulingRank(b, sim.nodeCount),
      }];
    },
  }),
});

import type { Taint } from '../../../schemas/k8s';
import { taintText } from '../../k8s/scheduling';
import * as TaintToleration from '../../scheduler/plugins/taint-toleration';
import { blockedBy } from '../../scheduler/verdict';
import { defineAnalyzer, type RawFinding } from '../types';
import { fromMessage, nodeList, schedulingRank } from './lib/findings';
import { filterStep } from './lib/step';
import { name, names as nameList, sh, yamlQuoted } from '../../k8s/command';

type Msg = 'taint' | 'fromEvent';

const CONDITION_TAINTS: Record<string, string> = {
  'node.kubernetes.io/not-ready': 'not-ready (Ready=False)',
  'node.kubernetes.io/unreachable': 'unreachable (Ready=Unknown: the kubelet stopped reporting)',
  'node.kubernetes.io/memory-pressure': 'memory-pressure',
  'node.kubernetes.io/disk-pressure': 'disk-pressure',
  'node.kubernetes.io/pid-pressure': 'pid-pressure',
  'node.kubernetes.io/network-unavailable': 'network-unavailable',
  'node.kubernetes.io/out-of-disk': 'out-of-disk',
  'node.kubernetes.io/unschedulable': 'cordon (spec.unschedulable)',
};

/** Who put a taint there: a node condition, the cloud provider, the control-plane convention, or a person. */
export function taintOrigin(key: string): { origin: 'node condition' | 'cloud provider' | 'control-plane' | 'manual'; detail: string } {
  if (CONDITION_TAINTS[key]) return { origin: 'node condition', detail: CONDITION_TAINTS[key] as string };
  if (key === 'node.cloudprovider.kubernetes.io/uninitialized') return { origin: 'cloud provider', detail: 'the cloud controller manager has not initialised the node yet' };
  if (key === 'node.cloudprovider.kubernetes.io/shutdown') return { origin: 'cloud provider', detail: 'the cloud provider reports the machine shut down' };
  if (key === 'node-role.kubernetes.io/control-plane' || key === 'node-role.kubernetes.io/master') return { origin: 'control-plane', detail: 'control-plane nodes keep ordinary workloads off' };
  return { origin: 'manual', detail: 'set by a person or a tool (kubectl taint, a node pool setting)' };
}

export default defineAnalyzer<Msg>({
  id: 'UntoleratedTaint',
  area: 'scheduling',
  reads: ['events', 'cluster'],
  severity: 'error',
  docs: {
    title: 'Nodes have a taint the pod does not tolerate',
    summary: 'A NoSchedule or NoExecute taint keeps every pod off the node unless the pod has a matching toleration. Taints are set by hand (kubectl taint), by node pools, by the control-plane convention, by the cloud provider while a node initialises, and by the node lifecycle controller for node conditions (not-ready, unreachable, memory/disk/pid pressure, network unavailable).',
    detection: 'The TaintToleration filter, re-run per node: the first NoSchedule/NoExecute taint in the node\'s order that no toleration of the pod matches (empty key with Exists matches all; PreferNoSchedule never blocks). data.origin says who set it. Without nodes in the snapshot, the count comes from the FailedScheduling message.',
    remedy: 'Tolerate the taint in the pod template, or remove it (kubectl taint nodes NODE KEY-). A taint set for a node condition or by the cloud provider comes back until the condition is fixed: fix the node instead.',
  },
  messages: {
    taint: '{{count}} of {{total}} nodes have taint {{taint}} that the pod does not tolerate ({{originText}}): {{nodes}}.',
    fromEvent: '{{count}} of {{total}} nodes had a taint the pod does not tolerate, says the scheduler{{taintText}}.',
  },
  analyze: filterStep({
    fromMessage(ctx, view) {
      const m = fromMessage(ctx, view, (k) => k === 'taint');
      if (!m) return [];
      const named = /taint \{([^:}]+): ([^}]*)\}/.exec(view.said?.message ?? '');
      const key = named?.[1];
      return [{
        messageId: 'fromEvent',
        data: { count: m.count, total: m.total ?? '?', taintText: key ? ` (e.g. ${key}: ${taintOrigin(key).detail})` : '', origin: key ? taintOrigin(key).origin : 'unknown' },
        evidence: m.evidence,
        remedies: [{ summary: 'See which taints the nodes have', command: "kubectl get nodes -o custom-columns=NAME:.metadata.name,TAINTS:.spec.taints" }],
        rank: 30,
      }];
    },
    fromVerdicts(_ctx, sim) {
      // one finding per distinct taint, in the order of the first node that has it
      const taints = new Map<string, Taint>();
      for (const { taint } of blockedBy(sim.nodes, TaintToleration.Name).failures) if (!taints.has(taintText(taint))) taints.set(taintText(taint), taint);
      const out: Array<RawFinding<Msg>> = [];
      for (const [text, taint] of taints) {
        const b = blockedBy(sim.nodes, TaintToleration.Name, (f) => taintText(f.taint) === text);
        const nodes = b.hits.map((h) => h.node.name);
        const { origin, detail } = taintOrigin(taint.key);
        const toleration = `tolerations:\n- key: ${yamlQuoted(taint.key)}\n  operator: ${taint.value ? `"Equal"\n  value: ${yamlQuoted(taint.value)}` : '"Exists"'}\n  effect: ${yamlQuoted(taint.effect)}`;
        // every tainted node by name (kubectl takes many); past 20 the command covers the first 20
        const remove = sh`kubectl taint nodes ${nameList(nodes.slice(0, 20))} ${`${taint.key}:${taint.effect}-`}`;
        const remedies = origin === 'node condition' || origin === 'cloud provider'
          ? [{ summary: `Fix the node: this taint is set for ${detail} and comes back while that lasts`, command: sh`kubectl describe node ${name(nodes[0])} | sed -n '/Conditions:/,/Addresses:/p'` }, { summary: 'Only if the pod must run there anyway, tolerate it', patch: toleration }]
          : [{ summary: 'Tolerate the taint in the pod template', patch: toleration }, { summary: `Or remove the taint${origin === 'control-plane' ? ' (this puts ordinary workloads on control-plane nodes)' : ''}`, command: remove }];
        out.push({
          messageId: 'taint',
          data: { count: nodes.length, total: sim.nodeCount, taint: text, key: taint.key, origin, originText: `${origin}: ${detail}`, nodes: nodeList(b.hits.map((h) => h.node)) },
          evidence: nodes.slice(0, 6).map((n) => ({ ref: `Node/${n}`, path: 'spec.taints', observed: text })),
          remedies,
          key: text,
          rank: schedulingRank(b, sim.nodeCount),
        });
      }
      return out;
    },
  }),
});

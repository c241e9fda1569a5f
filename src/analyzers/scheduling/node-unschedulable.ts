import * as NodeUnschedulable from '../../scheduler/plugins/node-unschedulable';
import { blockedBy } from '../../scheduler/verdict';
import { defineAnalyzer } from '../types';
import { fromMessageFinding, nodeList, schedulingRank } from './lib/findings';
import { filterStep } from './lib/step';
import { names as nameList, sh } from '../../k8s/command';

type Msg = 'cordoned' | 'fromEvent';

export default defineAnalyzer<Msg>({
  id: 'NodeUnschedulable',
  area: 'scheduling',
  reads: ['events', 'cluster', 'controlPlane'],
  severity: 'error',
  docs: {
    title: 'Nodes are cordoned (unschedulable)',
    summary: 'A cordoned node (spec.unschedulable: true, set by kubectl cordon or drain, or by an upgrade tool) takes no new pods. Pods already there keep running.',
    detection: 'The NodeUnschedulable filter, re-run per node: spec.unschedulable is true and the pod does not tolerate node.kubernetes.io/unschedulable:NoSchedule.',
    remedy: 'Uncordon the node once whatever cordoned it (a drain, maintenance, an upgrade) is over: kubectl uncordon NODE.',
  },
  messages: {
    cordoned: '{{count}} of {{total}} nodes are cordoned (spec.unschedulable): {{nodes}}{{controlPlaneText}}.',
    fromEvent: '{{count}} of {{total}} nodes were cordoned, says the scheduler.',
  },
  analyze: filterStep({
    fromMessage: (ctx, view) => fromMessageFinding(ctx, view, (k) => k === 'unschedulable', [{ summary: 'Find the cordoned nodes and uncordon those whose maintenance is over', command: 'kubectl get nodes --field-selector spec.unschedulable=true' }]),
    fromVerdicts(ctx, sim) {
      const b = blockedBy(sim.nodes, NodeUnschedulable.Name);
      if (b.failures.length === 0) return [];
      const names = b.hits.map((h) => h.node.name);
      const isControlPlane = (name: string): boolean => {
        const labels = ctx.snapshot.nodes.get(name)?.metadata.labels ?? {};
        return 'node-role.kubernetes.io/control-plane' in labels || 'node-role.kubernetes.io/master' in labels || /master|control-plane/.test(name);
      };
      // control-plane nodes are kept cordoned on purpose: uncordoning them is not the fix to lead with
      const workers = { sole: b.sole.filter((v) => !isControlPlane(v.name)), nodes: b.nodes.filter((v) => !isControlPlane(v.name)) };
      const controlPlane = names.filter(isControlPlane);
      return [{
        messageId: 'cordoned',
        data: { count: names.length, total: sim.nodeCount, nodes: nodeList(b.hits.map((h) => h.node)), sole: b.sole.length, controlPlaneText: controlPlane.length ? ` (${controlPlane.length} of them control-plane nodes, usually cordoned on purpose)` : '' },
        evidence: names.slice(0, 6).map((n) => ({ ref: `Node/${n}`, path: 'spec.unschedulable', observed: 'true' })),
        remedies: [{ summary: `Uncordon ${b.sole.length > 0 ? `${b.sole.map((v) => v.name).slice(0, 3).join(', ')} (nothing else keeps the pod off ${b.sole.length === 1 ? 'it' : 'them'})` : 'the node'} once its maintenance is over`, command: sh`kubectl uncordon ${nameList((b.sole.length > 0 ? b.sole.map((v) => v.name) : names).slice(0, 3))}` }],
        key: 'cordoned',
        rank: schedulingRank(workers, sim.nodeCount),
      }];
    },
  }),
});

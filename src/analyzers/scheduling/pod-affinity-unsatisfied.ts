import * as InterPodAffinity from '../../scheduler/plugins/inter-pod-affinity';
import { blockedBy } from '../../scheduler/verdict';
import { defineAnalyzer } from '../types';
import { fromMessageFinding, schedulingRank } from './lib/findings';
import { filterStep } from './lib/step';
import { placeholder, sh } from '../../k8s/command';

type Msg = 'noPods' | 'elsewhere' | 'fromEvent';

export default defineAnalyzer<Msg>({
  id: 'PodAffinityUnsatisfied',
  area: 'scheduling',
  reads: ['events', 'cluster'],
  severity: 'error',
  docs: {
    title: "The pod's required pod affinity finds no matching pod in a usable domain",
    summary: 'Required pod affinity places a pod only in a topology domain (node, zone...) that already runs a pod matching the term. If no such pod exists, or those pods sit on nodes the pod cannot use, it stays Pending. The first pod of a group is the exception: it may go anywhere if it matches its own term.',
    detection: 'The InterPodAffinity filter re-run: matching pods per term (namespaces, namespaceSelector, labelSelector) and the topology values of their nodes.',
    remedy: 'Start the pods the affinity points at (check the selector and namespaces), make room in their domain, or use preferred affinity.',
  },
  messages: {
    noPods: 'No pod matches the required pod affinity ({{selector}} by {{topologyKey}}), and the pod does not match it itself: {{count}} of {{total}} nodes are ruled out.',
    elsewhere: '{{count}} of {{total}} nodes have no pod matching the required pod affinity in their {{topologyKey}} domain.',
    fromEvent: "{{count}} of {{total}} nodes didn't match the pod affinity rules, says the scheduler.",
  },
  analyze: filterStep({
    fromMessage: (ctx, view) => fromMessageFinding(ctx, view, (k) => k === 'podAffinity', [{ summary: 'Check that pods matching the affinity selector run, in the namespaces the term names' }]),
    fromVerdicts(ctx, sim) {
      const b = blockedBy(sim.nodes, InterPodAffinity.Name, (f) => f.kind === 'podAffinity');
      if (b.failures.length === 0) return [];
      const term = ctx.pod.spec.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.[0];
      const selector = JSON.stringify(term?.labelSelector?.matchLabels ?? term?.labelSelector ?? {});
      const none = b.failures.some((f) => f.noMatchingPods);
      return [{
        messageId: none ? 'noPods' : 'elsewhere',
        data: { count: b.failures.length, total: sim.nodeCount, selector, topologyKey: term?.topologyKey ?? '?' },
        evidence: [{ ref: ctx.ref, path: 'spec.affinity.podAffinity', observed: `${selector} by ${term?.topologyKey ?? '?'}` }],
        remedies: [
          { summary: 'Start the pods the affinity points at, or fix its labelSelector/namespaces', command: sh`kubectl get pods -A -l ${Object.entries(term?.labelSelector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || placeholder('<selector>')} -o wide` },
          { summary: 'Or make it preferredDuringSchedulingIgnoredDuringExecution if co-location is a wish, not a need' },
        ],
        key: selector,
        rank: schedulingRank(b, sim.nodeCount),
      }];
    },
  }),
});

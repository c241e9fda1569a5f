import { defineAnalyzer } from '../types';
import { schedulingStep } from './lib/step';
import { name, sh, yamlScalar } from '../../k8s/command';

type Msg = 'missing';

export default defineAnalyzer<Msg>({
  id: 'NodeNotFound',
  area: 'scheduling',
  reads: ['node'],
  severity: 'error',
  docs: {
    title: 'The pod is bound to a node that does not exist',
    summary: 'A pod whose spec.nodeName was set (by hand, by a controller, or by a scheduler before the node was deleted) is never rescheduled: if that node does not exist, no kubelet will ever run it and it stays Pending (or is garbage-collected).',
    detection: 'A Pending pod with spec.nodeName that names no node in a snapshot that holds the node list.',
    remedy: 'Delete the pod so its controller recreates it unbound (or remove spec.nodeName from the template and use a nodeSelector on kubernetes.io/hostname).',
  },
  messages: {
    missing: 'The pod is bound to node {{node}}, which does not exist: no kubelet will run it.',
  },
  analyze: schedulingStep((ctx) => {
    const node = ctx.pod.spec.nodeName;
    if (!node || ctx.node || !ctx.snapshot.captured.has('Node') || ctx.pod.status.phase !== 'Pending' || ctx.pod.metadata.deletionTimestamp) return [];
    return [{
      messageId: 'missing',
      data: { node, nodes: ctx.snapshot.nodes.size },
      evidence: [{ ref: ctx.ref, path: 'spec.nodeName', observed: node }, { ref: `Node/${node}`, observed: `not among the ${ctx.snapshot.nodes.size} nodes of the snapshot` }],
      remedies: [
        { summary: 'Delete the pod so its controller recreates it unbound', command: sh`kubectl delete pod ${name(ctx.name)} -n ${name(ctx.namespace)}` },
        { summary: 'If the template sets nodeName, use a nodeSelector instead', patch: `spec:\n  nodeSelector:\n    kubernetes.io/hostname: ${yamlScalar(node)}` },
      ],
      key: node,
    }];
  }),
});

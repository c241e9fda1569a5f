import { defineAnalyzer } from '../types';
import { count, evidenceOf, pathFault } from './lib/runtime-faults';
import { placeholder, sh, ssh } from '../../k8s/command';

type Msg = 'immutable';

const RE = /failed to remove root filesystem: remove (\S+): operation not permitted|remove (\/\S+): operation not permitted/;

export default defineAnalyzer<Msg>({
  id: 'ImmutableFileAttribute',
  area: 'terminating',
  reads: ['events', 'node', 'nodeLease', 'nodeEvents', 'nodeLogs'],
  severity: 'error',
  docs: {
    title: "A file in the container's filesystem has the immutable ('i') attribute",
    summary: "A file marked immutable with chattr +i (by the image, or by the container at run time) cannot be deleted even by root, so the runtime fails to remove the container's root filesystem and the pod stays Terminating.",
    detection: '"failed to remove root filesystem: remove <path>: operation not permitted" in the pod\'s or node\'s events (or the kubelet/runtime log lines a bundle includes); the path is taken from the message.',
    remedy: 'On the node, clear the attribute on the path from the message (chattr -i <path>); the kubelet retries and the pod goes away. For good: do not set the attribute in images or containers.',
  },
  messages: {
    immutable: 'The runtime cannot remove the container\'s filesystem on node {{node}}: {{path}} is immutable (operation not permitted).',
  },
  analyze(ctx) {
    const f = pathFault(ctx, RE);
    if (!f) return [];
    const { events, path, node } = f;
    return [{
      messageId: 'immutable',
      data: { node, path, occurrences: count(events) },
      evidence: evidenceOf(events),
      remedies: [
        { summary: `Clear the immutable attribute on ${node}; the kubelet then removes the container by itself`, command: ssh(ctx.pod.spec.nodeName ?? placeholder('<node>'), sh`sudo chattr -i ${path}`) },
        { summary: 'For good: do not set chattr +i in the image or the container' },
      ],
      key: node,
    }];
  },
});

import { defineAnalyzer } from '../types';
import { count, evidenceOf, pathFault } from './lib/runtime-faults';
import { placeholder, sh, ShellText, ssh } from '../../k8s/command';

type Msg = 'busy';

const RE = /remove (\S+): device or resource busy|(\S+): device or resource busy/;

export default defineAnalyzer<Msg>({
  id: 'MountBusy',
  area: 'terminating',
  reads: ['events', 'node', 'nodeLease', 'nodeEvents', 'nodeLogs'],
  severity: 'error',
  docs: {
    title: "Another process holds the container's mount",
    summary: "When some other process (often another container that bind-mounted /var/lib/docker or /var/lib/containerd, or a monitoring agent) keeps the container's overlay mount open in its mount namespace, the runtime cannot unmount and remove it: \"device or resource busy\", and the pod stays Terminating.",
    detection: '"device or resource busy" in the pod\'s or node\'s events while removing a container; the mount path and the overlay layer id are taken from the message.',
    remedy: 'Find the holder on the node with grep <id> /proc/*/mountinfo, then stop or restart that process (or container); avoid mounting the runtime\'s directories into containers, or use mountPropagation HostToContainer.',
  },
  messages: {
    busy: 'The runtime cannot remove the container on node {{node}}: {{path}} is busy (another process holds the mount).',
  },
  analyze(ctx) {
    const f = pathFault(ctx, RE);
    if (!f) return [];
    const { events, last, path, node } = f;
    const id = /overlay2?\/([0-9a-f]{16,})/.exec(path)?.[1] ?? /([0-9a-f]{32,})/.exec(last.message)?.[1] ?? '<container-or-layer-id>';
    return [{
      messageId: 'busy',
      data: { node, path, id, occurrences: count(events) },
      evidence: evidenceOf(events),
      remedies: [
        { summary: `Find the process holding the mount on ${node}, then stop or restart it`, command: ssh(ctx.pod.spec.nodeName ?? placeholder('<node>'), sh`grep -l ${new ShellText(id)} /proc/*/mountinfo`) },
        { summary: "Don't mount the runtime's data directories into containers (or use mountPropagation: HostToContainer)" },
      ],
      key: node,
    }];
  },
});

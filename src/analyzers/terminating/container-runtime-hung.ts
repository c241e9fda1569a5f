import { defineAnalyzer } from '../types';
import { count, evidenceOf, faultEvents } from './lib/runtime-faults';
import { placeholder, ssh } from '../../k8s/command';

type Msg = 'hung';

const RE = /DeadlineExceeded|context deadline exceeded|Container runtime did not kill the pod within specified grace period|runtime is down|PLEG is not healthy|Cannot connect to the Docker daemon|connection refused.*(containerd|dockershim|crio)\.sock/i;

export default defineAnalyzer<Msg>({
  id: 'ContainerRuntimeHung',
  area: 'terminating',
  reads: ['events', 'node', 'nodeLease', 'nodeEvents', 'nodeLogs'],
  severity: 'error',
  docs: {
    title: "The node's container runtime does not answer",
    summary: 'When containerd, CRI-O or dockerd hangs, the kubelet\'s calls time out (rpc DeadlineExceeded, "context deadline exceeded", PLEG not healthy): pods cannot be created or stopped and stay ContainerCreating or Terminating.',
    detection: 'DeadlineExceeded / "context deadline exceeded" / ExceededGracePeriod / PLEG / runtime socket errors in the pod\'s or node\'s events (FailedSync, FailedKillPod, FailedCreatePodSandBox) while the pod is stuck.',
    remedy: 'Read the runtime\'s log on the node (journalctl -u containerd / docker), then restart the runtime (containers keep running under containerd\'s shims); if it keeps hanging, drain the node and look for kernel or disk trouble. Force-deleting the pod does not stop its containers.',
  },
  messages: {
    hung: 'The container runtime on node {{node}} does not answer in time ({{occurrences}} timeouts): the kubelet can neither start nor stop the pod\'s containers.',
  },
  analyze(ctx) {
    const events = faultEvents(ctx, RE).filter((e) => !/probe/i.test(e.message) && e.reason !== 'Unhealthy' && !/pull/i.test(e.message));
    if (events.length === 0) return [];
    const node = ctx.pod.spec.nodeName ?? '<node>';
    return [{
      messageId: 'hung',
      data: { node, occurrences: count(events), runtime: ctx.node?.status.nodeInfo?.containerRuntimeVersion ?? '' },
      evidence: evidenceOf(events),
      remedies: [
        { summary: `Read the runtime's log on ${node}`, command: ssh(ctx.pod.spec.nodeName ?? placeholder('<node>'), 'sudo journalctl -u containerd -u docker -u kubelet --since -1h') },
        { summary: 'Restart the runtime (running containers survive under containerd shims); drain the node if it keeps hanging', command: ssh(ctx.pod.spec.nodeName ?? placeholder('<node>'), 'sudo systemctl restart containerd') },
      ],
      key: node,
    }];
  },
});

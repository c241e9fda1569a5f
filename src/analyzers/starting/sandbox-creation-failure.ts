import { eventEvidence, eventsMatching, type PodContext } from '../context';
import { defineAnalyzer, type Remedy } from '../types';
import { name, placeholder, sh, ssh } from '../../k8s/command';

type Msg = 'network' | 'nameReserved' | 'timeout' | 'runtime';

function pluginOf(message: string): string {
  const m = /plugin type="([^"]+)"/.exec(message) ?? /\b(calico|cilium|flannel|weave|aws-cni|azure-vnet|canal|kube-router|antrea|multus)\b/i.exec(message);
  return m ? (m[1] as string) : 'the CNI plugin';
}

function classify(message: string): Msg {
  if (/is reserved for|error reserving pod name|failed to reserve sandbox name/i.test(message)) return 'nameReserved';
  if (/network|cni|netplugin/i.test(message)) return 'network';
  if (/DeadlineExceeded|context deadline exceeded/i.test(message)) return 'timeout';
  return 'runtime';
}

function remedies(ctx: PodContext, kind: Msg, plugin: string): Remedy[] {
  const node = ctx.pod.spec.nodeName ?? '<node>';
  const host = ctx.pod.spec.nodeName ?? placeholder('<node>');
  const nodePods: Remedy = { summary: `Check the network (CNI) pods on node ${node}`, command: sh`kubectl get pods -A -o wide --field-selector spec.nodeName=${name(host)}` };
  switch (kind) {
    case 'network':
      return [nodePods, { summary: `Read the ${plugin} agent logs on ${node}; check /etc/cni/net.d on the node and IP address exhaustion in the pod CIDR` }];
    case 'nameReserved':
    case 'timeout':
      return [
        { summary: `The container runtime on ${node} is slow or stuck: read its log`, command: ssh(host, 'sudo journalctl -u containerd -u kubelet --since -1h') },
        { summary: 'If it does not recover, restart the runtime on the node (running containers keep running with containerd)', command: ssh(host, 'sudo systemctl restart containerd') },
      ];
    default:
      return [{ summary: `Read the runtime log on ${node}`, command: ssh(host, 'sudo journalctl -u containerd -u kubelet --since -1h') }];
  }
}

export default defineAnalyzer<Msg>({
  id: 'SandboxCreationFailure',
  area: 'starting',
  reads: ['events'],
  severity: 'error',
  docs: {
    title: "The pod's sandbox (network namespace) cannot be created",
    summary: 'Before any container starts, the runtime creates the pod sandbox and the CNI plugin gives it an IP address. When that fails the pod stays in ContainerCreating with FailedCreatePodSandBox events. The usual cause is the CNI plugin on the node (not running, misconfigured, out of IPs); otherwise a slow or stuck container runtime.',
    detection: 'FailedCreatePodSandBox (and NetworkNotReady) events on a pod that is not running. The message is classified as network/CNI (names the plugin), sandbox name still reserved (the runtime is still busy with an earlier attempt), runtime timeout (DeadlineExceeded), or another runtime error.',
    remedy: "CNI: check the CNI DaemonSet pod on the node, its logs, /etc/cni/net.d and the IP pool. Runtime: read `journalctl -u containerd -u kubelet` on the node and restart the runtime if it is stuck.",
  },
  messages: {
    network: 'The pod sandbox cannot be created on node {{node}}: {{plugin}} failed to set up its network ({{occurrences}} attempts).',
    nameReserved: 'The pod sandbox cannot be created on node {{node}}: the runtime still holds the name from an earlier attempt, a sign that it is slow or stuck.',
    timeout: 'The pod sandbox cannot be created on node {{node}}: the container runtime did not answer in time.',
    runtime: 'The pod sandbox cannot be created on node {{node}}: {{detail}}',
  },
  analyze(ctx) {
    if (ctx.running) return [];
    const started = ctx.containers.some((c) => c.status?.state?.running || c.status?.state?.terminated);
    if (started) return [];
    const events = eventsMatching(ctx, ['FailedCreatePodSandBox', 'NetworkNotReady']);
    const newest = events[events.length - 1];
    if (!newest) return [];
    const kind = classify(newest.message);
    const plugin = pluginOf(newest.message);
    const detail = newest.message.replace(/^Failed (to )?create pod sandbox: (rpc error: code = \w+ desc = )?/, '');
    return [
      {
        messageId: kind,
        data: { node: ctx.pod.spec.nodeName ?? '', plugin, detail, cause: kind, occurrences: events.reduce((n, e) => n + e.count, 0) },
        evidence: [eventEvidence(newest)],
        remedies: remedies(ctx, kind, plugin),
        key: ctx.pod.spec.nodeName ?? undefined,
      },
    ];
  },
});

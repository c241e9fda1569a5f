import { runtimeOf } from '../../k8s/versions';
import { defineAnalyzer } from '../types';
import { count, evidenceOf, faultEvents } from './lib/runtime-faults';
import { placeholder, ssh } from '../../k8s/command';

type Msg = 'docker17';

export default defineAnalyzer<Msg>({
  id: 'KnownRuntimeBug',
  area: 'terminating',
  reads: ['events', 'node', 'nodeLease', 'nodeEvents', 'nodeLogs'],
  severity: 'error',
  docs: {
    title: 'The container runtime version has a known bug that matches: docker 17 hangs',
    summary: 'dockerd 17.x could hang and stop answering (the runbook\'s "docker 17 bug"): the kubelet\'s calls time out with DeadlineExceeded and pods stay Terminating; a force delete removes the pod object but docker ps still shows the container.',
    detection: 'Matched on the node\'s containerRuntimeVersion (docker://17.x) and the symptom: runtime timeouts (DeadlineExceeded, context deadline exceeded) in the pod\'s or node\'s events while the pod is stuck.',
    remedy: 'Upgrade to docker 18.x or later (which uses a newer containerd), or better move the node to containerd; restart dockerd to recover now. Prefer letting a container expert look before force-deleting.',
  },
  messages: {
    docker17: 'Node {{node}} runs docker {{version}}, and its runtime calls time out ({{occurrences}} timeouts): the docker 17 hang.',
  },
  analyze(ctx) {
    const rt = runtimeOf(ctx.node);
    if (!rt || rt.runtime !== 'docker' || rt.major !== 17) return [];
    const events = faultEvents(ctx, /DeadlineExceeded|context deadline exceeded/i).filter((e) => e.reason !== 'Unhealthy');
    if (events.length === 0) return [];
    const node = ctx.pod.spec.nodeName ?? '<node>';
    return [{
      messageId: 'docker17',
      data: { node, version: rt.version, occurrences: count(events) },
      evidence: [{ ref: `Node/${node}`, path: 'status.nodeInfo.containerRuntimeVersion', observed: `docker://${rt.version}` }, ...evidenceOf(events)],
      remedies: [
        { summary: `Restart dockerd on ${node} to recover now`, command: ssh(ctx.pod.spec.nodeName ?? placeholder('<node>'), 'sudo systemctl restart docker') },
        { summary: 'Upgrade to docker 18+ or move the node to containerd' },
      ],
      key: `docker17:${node}`,
    }];
  },
});

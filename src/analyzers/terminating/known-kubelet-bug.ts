import { humanDuration } from '../../k8s/time';
import { minorOf } from '../../k8s/versions';
import { defineAnalyzer } from '../types';
import { deletionOf, nodeHealth } from './lib/deletion';
import { ssh } from '../../k8s/command';

type Msg = 'missedDeletion';

export default defineAnalyzer<Msg>({
  id: 'KnownKubeletBug',
  area: 'terminating',
  reads: ['events', 'node', 'nodeLease', 'nodeEvents'],
  severity: 'error',
  docs: {
    title: 'The kubelet version has a known bug that matches: it missed the pod\'s deletion',
    summary: 'kubelet 1.8.x could lose a watch event and never learn that a pod was deleted (the runbook\'s "low version kubelet list-watch bug"): the node is healthy, yet the kubelet never stops the pod, which stays Terminating.',
    detection: 'Matched on the node\'s kubeletVersion (1.8.x) and the symptom, never on the version alone: the pod is past its grace period on a Ready node, and there is no Killing event or runtime error showing the kubelet acted on it.',
    remedy: 'Restart the kubelet on the node so it relists its pods; upgrade the kubelet.',
  },
  messages: {
    missedDeletion: 'Node {{node}} is Ready but its kubelet ({{version}}) never acted on the deletion ({{overdue}} past the grace period, no Killing event): the kubelet 1.8 list-watch bug.',
  },
  analyze(ctx) {
    const d = deletionOf(ctx);
    const h = nodeHealth(ctx);
    const version = ctx.node?.status.nodeInfo?.kubeletVersion ?? '';
    if (!d || d.overdueMs < 5 * 60_000 || !h || h.ready !== 'True' || minorOf(version) !== 8) return [];
    if (ctx.events.some((e) => (e.last ?? 0) >= d.requested && /Killing|FailedKillPod|FailedSync|ExceededGracePeriod/.test(e.reason))) return [];
    return [{
      messageId: 'missedDeletion',
      data: { node: h.name, version, overdue: humanDuration(d.overdueMs) },
      evidence: [{ ref: `Node/${h.name}`, path: 'status.nodeInfo.kubeletVersion', observed: version }, { ref: ctx.ref, path: 'metadata.deletionTimestamp', observed: String(ctx.pod.metadata.deletionTimestamp) }],
      remedies: [{ summary: `Restart the kubelet on ${h.name} so it relists its pods; upgrade past 1.8`, command: ssh(h.name, 'sudo systemctl restart kubelet') }],
      key: `kubelet-1.8:${h.name}`,
    }];
  },
});

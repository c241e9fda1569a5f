import { humanDuration } from '../../k8s/time';
import { defineAnalyzer, type Evidence, type Remedy } from '../types';
import { ago, deletionOf, nodeHealth, type NodeHealth } from './lib/deletion';
import { name, sh, ssh } from '../../k8s/command';

type Msg = 'stuckTerminating' | 'stuckNotReady' | 'notReady' | 'willEvict' | 'evictionDue' | 'nodeGone' | 'legacyUnknown';

const DEFAULT_TOLERATION_SECONDS = 300;

/** For a node whose kubelet still reports, but NotReady: fix what it says is wrong. */
function notReadyRemedies(h: NodeHealth): Remedy[] {
  if (/network|cni/i.test(h.message)) {
    return [{ summary: `The node's network plugin is not ready: check the CNI DaemonSet pod on ${h.name} and /etc/cni/net.d there`, command: sh`kubectl get pods -A -o wide --field-selector spec.nodeName=${name(h.name)}` }];
  }
  return [{ summary: `Read why the kubelet on ${h.name} reports NotReady`, command: ssh(h.name, 'sudo journalctl -u kubelet --since -1h')?.concat(' | tail -50') }];
}

function remedies(ctx: Parameters<typeof nodeHealth>[0], h: NodeHealth, deleting: boolean): Remedy[] {
  const ns = ctx.namespace;
  if (h.ready === 'False' && h.heartbeatAgeMs !== undefined && h.heartbeatAgeMs < 5 * 60_000) {
    const out = notReadyRemedies(h);
    if (deleting) out.push({ summary: 'Only when you know its containers are gone: force-delete the pod object', command: sh`kubectl delete pod ${name(ctx.name)} -n ${name(ns)} --grace-period=0 --force` });
    return out;
  }
  const owner = ctx.pod.metadata.ownerReferences?.find((o) => o.controller);
  const stateful = owner?.kind === 'StatefulSet';
  const rwo = (ctx.pod.spec.volumes ?? []).some((v) => v.persistentVolumeClaim);
  const out: Remedy[] = [
    { summary: `Bring node ${h.name} back (kubelet, network, the machine itself): the kubelet then finishes the deletion`, command: sh`kubectl describe node ${name(h.name)} | sed -n '/Conditions:/,/Addresses:/p'` },
    { summary: `If the machine is gone for good, delete the Node object: the pod garbage collector then removes its pods`, command: sh`kubectl delete node ${name(h.name)}` },
    { summary: 'If it is shut down and will come back later, mark it out of service so its pods and volumes are released now (non-graceful node shutdown)', command: sh`kubectl taint nodes ${name(h.name)} node.kubernetes.io/out-of-service=nodeshutdown:NoExecute` },
  ];
  if (deleting) {
    const warn = [stateful ? `StatefulSet ${owner?.name} will start a new ${ctx.name} with the same identity: be sure the old one is really dead` : '', rwo ? 'a ReadWriteOnce volume may still be attached to the lost node' : ''].filter(Boolean).join('; ');
    out.push({ summary: `Last resort, only when you know the node is down: force-delete the pod (this skips the kubelet's confirmation${warn ? `; ${warn}` : ''})`, command: sh`kubectl delete pod ${name(ctx.name)} -n ${name(ns)} --grace-period=0 --force` });
  }
  return out;
}

export default defineAnalyzer<Msg>({
  id: 'NodeLost',
  area: 'terminating',
  reads: ['events', 'node', 'nodeLease', 'nodeEvents'],
  severity: 'error',
  docs: {
    title: "The pod's node stopped reporting, so nothing can confirm the pod's end",
    summary: "When a kubelet stops posting status (node down, network cut, kubelet hung under load), the node's Ready condition turns Unknown after node-monitor-grace-period (40 s, 50 s from 1.32) and the node gets the unreachable taints. Pods are evicted after their toleration (300 s by default), but only the kubelet can confirm that containers stopped, so they stay Terminating until the node returns, the Node object is deleted, the node gets the out-of-service taint, or someone force-deletes them. StatefulSet pods are not replaced until then.",
    detection: "The pod's node: Ready False/Unknown with its reason and message (\"Kubelet stopped posting node status.\"), how long ago the last heartbeat and the node Lease renewal were, the unreachable/not-ready NoExecute taint and when it was added, against the pod's tolerationSeconds: when eviction is due, or how long ago it was. Also the legacy NodeLost reason (kubectl shows Unknown) and nodes missing from the snapshot.",
    remedy: 'Bring the node back; if it is gone, delete the Node object; if it is shut down, taint it node.kubernetes.io/out-of-service; force-delete the pod only when you know it is not running (mind StatefulSet identity and ReadWriteOnce volumes).',
  },
  messages: {
    stuckTerminating: 'The pod has been Terminating for {{overdue}} because node {{node}} is {{state}}: its kubelet stopped reporting {{heartbeat}} ago and cannot confirm that the containers stopped.',
    stuckNotReady: 'The pod has been Terminating for {{overdue}} on node {{node}}, which reports itself not ready ({{reason}}{{messageText}}): its kubelet is alive but unhealthy and has not finished stopping the pod.',
    notReady: 'Node {{node}} reports itself not ready ({{reason}}{{messageText}}), so the pod on it is cut off from new work{{evictionText}}.',
    willEvict: 'Node {{node}} is {{state}} (last heartbeat {{heartbeat}} ago): the pod will be evicted in {{evictIn}} ({{toleration}}s toleration).',
    evictionDue: 'Node {{node}} is {{state}} (last heartbeat {{heartbeat}} ago) and the pod\'s {{toleration}}s toleration ran out {{evictedAgo}} ago: it is being evicted, and stays until the node answers.',
    nodeGone: 'The pod is bound to node {{node}}, which is not in the snapshot any more: its pods are left for the pod garbage collector or a force delete.',
    legacyUnknown: 'The node controller marked the pod NodeLost: node {{node}} is unresponsive ({{message}}).',
  },
  analyze(ctx) {
    const h = nodeHealth(ctx);
    if (!h) return [];
    const deleting = deletionOf(ctx);
    const evidence: Evidence[] = [];
    if (ctx.pod.status.reason === 'NodeLost') {
      evidence.push({ ref: ctx.ref, path: 'status.reason', observed: `NodeLost: ${ctx.pod.status.message ?? ''}` });
      return [{ messageId: 'legacyUnknown', data: { node: h.name, message: ctx.pod.status.message ?? '' }, evidence, remedies: remedies(ctx, h, !!deleting), key: h.name }];
    }
    if (!h.exists) {
      if (!deleting || !ctx.snapshot.captured.has('Node') || !ctx.snapshot.nodes.size) return [];
      return [{ messageId: 'nodeGone', data: { node: h.name }, evidence: [{ ref: ctx.ref, path: 'spec.nodeName', observed: h.name }, { ref: `Node/${h.name}`, observed: 'not in the snapshot' }], remedies: [{ summary: 'Force-delete the pod: its node no longer exists, so no kubelet will confirm it', command: sh`kubectl delete pod ${name(ctx.name)} -n ${name(ctx.namespace)} --grace-period=0 --force` }], key: h.name }];
    }
    if (h.ready === 'True') return [];
    const state = h.ready === 'Unknown' ? `unreachable (Ready=Unknown${h.reason ? `, ${h.reason}` : ''})` : `not ready (Ready=False${h.reason ? `, ${h.reason}` : ''})`;
    evidence.push({ ref: `Node/${h.name}`, path: 'status.conditions[Ready]', observed: `${h.ready}${h.reason ? ` ${h.reason}` : ''}${h.message ? `: ${h.message}` : ''}${h.heartbeatAgeMs !== undefined ? `, last heartbeat ${ago(h.heartbeatAgeMs)} ago` : ''}` });
    if (h.leaseAgeMs !== undefined) evidence.push({ ref: `Lease/kube-node-lease/${h.name}`, path: 'spec.renewTime', observed: `renewed ${ago(h.leaseAgeMs)} ago` });
    if (h.lostTaint) evidence.push({ ref: `Node/${h.name}`, path: 'spec.taints', observed: `${h.lostTaint.key}:${h.lostTaint.effect}${h.lostTaint.timeAdded ? ` since ${humanDuration(ctx.now - h.lostTaint.timeAdded)}` : ''}` });
    const base = { node: h.name, state, heartbeat: ago(h.heartbeatAgeMs), lease: ago(h.leaseAgeMs), ready: h.ready };
    if (deleting && deleting.overdueMs > 0) {
      evidence.unshift({ ref: ctx.ref, path: 'metadata.deletionTimestamp', observed: `${ctx.pod.metadata.deletionTimestamp} (${humanDuration(deleting.overdueMs)} past the grace period)` });
      const messageId: Msg = h.ready === 'False' ? 'stuckNotReady' : 'stuckTerminating';
      return [{ messageId, data: { ...base, overdue: humanDuration(ctx.now - deleting.requested), reason: h.reason || 'NotReady', messageText: h.message ? `: ${h.message.slice(0, 200)}` : '' }, evidence, remedies: remedies(ctx, h, true), key: h.name }];
    }
    if (deleting) return [];
    // DaemonSet pods tolerate not-ready and unreachable forever: they are never evicted for it
    if (ctx.pod.metadata.ownerReferences?.some((o) => o.kind === 'DaemonSet')) {
      if (h.ready !== 'False') return [];
    }
    const messageText = h.message ? `: ${h.message.slice(0, 200)}` : '';
    if (h.ready === 'False' && !h.lostTaint) {
      const ds = ctx.pod.metadata.ownerReferences?.some((o) => o.kind === 'DaemonSet');
      return [{ messageId: 'notReady', data: { ...base, reason: h.reason || 'NotReady', messageText, evictionText: ds ? '' : '; once the node lifecycle controller taints it not-ready:NoExecute, the pod is evicted after its toleration (300s by default)' }, evidence, remedies: notReadyRemedies(h), key: h.name }];
    }
    // not deleted yet: when will taint-based eviction delete it?
    const tol = (ctx.pod.spec.tolerations ?? []).find((t) => t.effect === 'NoExecute' && (t.key === h.lostTaint?.key || (!t.key && t.operator === 'Exists')));
    if (tol && (tol.tolerationSeconds === undefined || tol.tolerationSeconds === null)) return [];
    const seconds = tol?.tolerationSeconds ?? DEFAULT_TOLERATION_SECONDS;
    const since = h.lostTaint?.timeAdded;
    if (since === undefined) {
      return [{ messageId: 'willEvict', data: { ...base, evictIn: `at most ${humanDuration(seconds * 1000)}`, toleration: seconds }, evidence, remedies: remedies(ctx, h, false), key: h.name }];
    }
    const due = since + seconds * 1000 - ctx.now;
    return due > 0
      ? [{ messageId: 'willEvict', data: { ...base, evictIn: humanDuration(due), toleration: seconds }, evidence, remedies: remedies(ctx, h, false), key: h.name }]
      : [{ messageId: 'evictionDue', data: { ...base, evictedAgo: humanDuration(-due), toleration: seconds }, evidence, remedies: remedies(ctx, h, false), key: h.name }];
  },
});

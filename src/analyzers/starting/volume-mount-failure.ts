import type { PodEvent } from '../../snapshot/types';
import { eventEvidence, eventsMatching, type PodContext } from '../context';
import { defineAnalyzer, type Remedy } from '../types';
import { nsFlag } from '../shared/util';
import { name, placeholder, sh, ssh } from '../../k8s/command';

type Msg = 'multiAttach' | 'hostPath' | 'noSpace' | 'notRegistered' | 'attach' | 'timeout' | 'mount';

/** FailedMount messages that ConfigMissing explains better */
const CONFIG_MISSING = /(configmaps?|secrets?) "[^"]+" not found|references non-existent (config|secret) key|couldn't find key/i;

interface Classified {
  messageId: Msg;
  volume: string;
  detail: string;
}

function volumeOf(message: string): string {
  const m = /for volume "([^"]+)"/.exec(message) ?? /unmounted volumes=\[([^\]]*)\]/.exec(message) ?? /volume "([^"]+)"/.exec(message);
  return m ? (m[1] as string) : '';
}

function classify(e: PodEvent): Classified {
  const msg = e.message;
  const volume = volumeOf(msg);
  if (/Multi-Attach error/i.test(msg)) {
    const users = /already used by pod\(s\) (.+)$/.exec(msg);
    return { messageId: 'multiAttach', volume, detail: users ? `it is still in use by pod(s) ${users[1]}` : 'it is still attached to another node' };
  }
  const hp = /hostPath type check failed: (\S+) is not a (\w+)/i.exec(msg);
  if (hp) return { messageId: 'hostPath', volume, detail: `${hp[1]} is not a ${hp[2]} on the node` };
  if (/no space left on device/i.test(msg)) return { messageId: 'noSpace', volume, detail: 'the node disk is full' };
  const nr = /object "([^"]+)"\/"([^"]+)" not registered/.exec(msg);
  if (nr) return { messageId: 'notRegistered', volume, detail: `the kubelet has not synced ${nr[1]}/${nr[2]} yet` };
  if (e.reason === 'FailedAttachVolume' || /AttachVolume\.Attach failed/.test(msg)) {
    return { messageId: 'attach', volume, detail: msg.replace(/^.*?AttachVolume\.Attach failed for volume "[^"]+"\s*:?\s*/, '') };
  }
  if (/timed out waiting for the condition|context deadline exceeded/.test(msg) && /Unable to attach or mount volumes/.test(msg)) {
    return { messageId: 'timeout', volume, detail: msg };
  }
  return { messageId: 'mount', volume, detail: msg.replace(/^MountVolume\.\w+ failed for volume "[^"]+"\s*:?\s*/, '') };
}

/** A specific error is more useful than the generic "timed out" summary the kubelet adds every two minutes. */
const SPECIFICITY: Record<Msg, number> = { multiAttach: 0, hostPath: 1, noSpace: 2, attach: 3, mount: 4, notRegistered: 5, timeout: 6 };

/** The other pod of the snapshot that uses one of this pod's claims: the old one holding the volume. */
function holderRemedy(ctx: PodContext): Remedy {
  const summary = 'Delete the old pod if it is stuck terminating on a dead node (the attach-detach controller force-detaches after 6 minutes otherwise)';
  const claims = new Set((ctx.pod.spec.volumes ?? []).flatMap((v) => (v.persistentVolumeClaim?.claimName ? [v.persistentVolumeClaim.claimName] : [])));
  const holder = ctx.snapshot.pods.find((p) => p !== ctx.pod && p.metadata.namespace === ctx.namespace && (p.spec.volumes ?? []).some((v) => !!v.persistentVolumeClaim?.claimName && claims.has(v.persistentVolumeClaim.claimName)));
  if (!holder) return { summary: `${summary}; it is the pod the command above shows on another node` };
  return { summary: `${summary}: ${holder.metadata.name} uses the same claim${holder.spec.nodeName ? ` on ${holder.spec.nodeName}` : ''}`, command: sh`kubectl delete pod ${name(holder.metadata.name)} ${nsFlag(ctx)}` };
}

function remedies(ctx: PodContext, c: Classified): Remedy[] {
  const node = ctx.pod.spec.nodeName ?? '<node>';
  const host = ctx.pod.spec.nodeName ?? placeholder('<node>');
  const ns = nsFlag(ctx);
  switch (c.messageId) {
    case 'multiAttach':
      return [
        { summary: 'Find the pod and node still holding the ReadWriteOnce volume', command: sh`kubectl get volumeattachments -o wide | grep -F -- ${c.volume}` },
        holderRemedy(ctx),
        { summary: 'For workloads that need one writer at a time, use strategy Recreate instead of RollingUpdate' },
      ];
    case 'hostPath':
      return [{ summary: `Create the path on node ${node}, or fix spec.volumes[].hostPath.path/type` }];
    case 'noSpace':
      return [{ summary: `Free disk space on node ${node} (images, logs, emptyDir volumes)`, command: sh`kubectl describe node ${name(host)} | grep -A5 -i pressure` }];
    case 'notRegistered':
      return [{ summary: 'Usually transient after a kubelet restart; if it lasts, restart the kubelet on the node', command: ssh(host, 'sudo systemctl restart kubelet') }];
    case 'attach':
      return [
        { summary: "Check the storage driver's controller pods and the VolumeAttachment", command: sh`kubectl get volumeattachments -o wide | grep -F -- ${c.volume}` },
        { summary: 'Read the CSI controller logs for the attach error (kubectl logs -n <csi-namespace> <csi-controller-pod>)' },
      ];
    default:
      return [
        { summary: 'Check the claim and its volume', command: sh`kubectl describe pvc ${ns}` },
        { summary: `Check the storage (CSI) node plugin pod on ${node}`, command: sh`kubectl get pods -A -o wide --field-selector spec.nodeName=${name(host)}` },
      ];
  }
}

export default defineAnalyzer<Msg>({
  id: 'VolumeMountFailure',
  area: 'starting',
  reads: ['events', 'volumes'],
  severity: 'error',
  docs: {
    title: 'A volume cannot be attached or mounted',
    summary: 'The kubelet cannot attach or mount one of the pod\'s volumes, so the pod stays in ContainerCreating (or Init). Typical causes: a ReadWriteOnce volume still attached to another node (Multi-Attach), a failing CSI driver, a hostPath that does not exist, a full node disk.',
    detection: 'FailedMount, FailedAttachVolume and FailedMapVolume events on a pod whose containers have not started. The most specific message wins over the periodic "Unable to attach or mount volumes ... timed out waiting for the condition" summary. Messages about missing ConfigMaps, Secrets or keys are left to ConfigMissing.',
    remedy: 'Multi-Attach: delete the old pod holding the volume (or wait for the 6-minute force detach), use strategy Recreate. Attach errors: read the CSI controller logs. hostPath: create the path. Disk full: free space on the node.',
  },
  messages: {
    multiAttach: 'Volume {{volume}} cannot be attached to node {{node}}: {{detail}} (Multi-Attach error on a ReadWriteOnce volume).',
    hostPath: 'Volume {{volume}} cannot be mounted: {{detail}}.',
    noSpace: 'Volume {{volume}} cannot be set up: {{detail}} (no space left on device).',
    notRegistered: 'Volume {{volume}} cannot be mounted yet: {{detail}}.',
    attach: 'Volume {{volume}} cannot be attached to node {{node}}: {{detail}}',
    timeout: 'Volumes of the pod are still not mounted: {{detail}}',
    mount: 'Volume {{volume}} cannot be mounted: {{detail}}',
  },
  analyze(ctx) {
    if (ctx.running || !ctx.pod.spec.nodeName) return [];
    const notStarted = ctx.containers.some((c) => !c.status || c.status.state?.waiting?.reason === 'ContainerCreating' || c.status.state?.waiting?.reason === 'PodInitializing');
    if (!notStarted && ctx.containers.length > 0) return [];
    const events = eventsMatching(ctx, ['FailedMount', 'FailedAttachVolume', 'FailedMapVolume']).filter((e) => !CONFIG_MISSING.test(e.message));
    if (events.length === 0) return [];
    const classified = events.map((e) => ({ e, c: classify(e) }));
    classified.sort((a, b) => SPECIFICITY[a.c.messageId] - SPECIFICITY[b.c.messageId] || (b.e.last ?? 0) - (a.e.last ?? 0));
    const best = classified[0] as { e: PodEvent; c: Classified };
    const evidence = [eventEvidence(best.e)];
    const generic = classified.find((x) => x.c.messageId === 'timeout' && x.e !== best.e);
    if (generic) evidence.push(eventEvidence(generic.e));
    return [
      {
        messageId: best.c.messageId,
        data: { volume: best.c.volume, node: ctx.pod.spec.nodeName ?? '', detail: best.c.detail, kind: best.c.messageId, occurrences: events.reduce((n, e) => n + e.count, 0) },
        evidence,
        remedies: remedies(ctx, best.c),
        key: best.c.volume ? `${ctx.namespace}/${best.c.volume}` : undefined,
      },
    ];
  },
});

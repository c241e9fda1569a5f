import type { Pod } from '../../../schemas/k8s';
import { humanDuration } from '../../k8s/time';
import type { Snapshot } from '../../snapshot/types';
import { defineAnalyzer, type Evidence, type RawFinding } from '../types';
import { deletionOf, hasLiveContainers, nodeHealth } from './lib/deletion';
import { name, sh } from '../../k8s/command';

type Msg = 'blocking';

interface Owner {
  who: string;
  /** pods in the snapshot that look like that controller, with whether they run */
  pods: Array<{ name: string; running: boolean }>;
}

const KNOWN: Record<string, string> = {
  foregroundDeletion: 'the garbage collector (kube-controller-manager): it waits for the dependents that block their owner\'s deletion to be deleted first',
  orphan: 'the garbage collector (kube-controller-manager): it removes owner references from the dependents first',
  'batch.kubernetes.io/job-tracking': 'the Job controller (kube-controller-manager): it removes it once it has counted the pod in its Job',
};

const NOISE = new Set(['io', 'com', 'org', 'net', 'dev', 'k8s', 'kubernetes', 'finalizer', 'finalizers', 'controller', 'protection', 'cleanup', 'x', 'sh', 'cloud', 'www']);

function isRunning(p: Pod): boolean {
  return p.status.phase === 'Running' && (p.status.containerStatuses ?? []).every((c) => c.ready);
}

/** Who owes a custom finalizer's removal: the operator whose name appears in it, found among the snapshot's pods. */
export function finalizerOwner(finalizer: string, snapshot: Snapshot): Owner {
  const known = KNOWN[finalizer];
  if (known) {
    const kcm = snapshot.pods.filter((p) => p.metadata.namespace === 'kube-system' && /kube-controller-manager/.test(p.metadata.name));
    return { who: known, pods: kcm.map((p) => ({ name: `kube-system/${p.metadata.name}`, running: isRunning(p) })) };
  }
  const tokens = finalizer.toLowerCase().split(/[./\-_]/).filter((t) => t.length > 2 && !NOISE.has(t));
  const pods = snapshot.pods.filter((p) => tokens.some((t) => p.metadata.name.toLowerCase().includes(t) || (p.metadata.namespace ?? '').toLowerCase().includes(t)) && !p.metadata.deletionTimestamp);
  const who = tokens.length ? `the controller that added it (its name suggests ${tokens.join(' / ')})` : 'the controller that added it';
  return { who, pods: pods.slice(0, 5).map((p) => ({ name: `${p.metadata.namespace}/${p.metadata.name}`, running: isRunning(p) })) };
}

export default defineAnalyzer<Msg>({
  id: 'FinalizersBlocking',
  area: 'terminating',
  reads: ['events', 'node', 'nodeLease', 'nodeEvents', 'finalizers'],
  severity: 'error',
  docs: {
    title: 'Finalizers keep the deleted pod from going away',
    summary: 'A finalizer is a name in metadata.finalizers that tells the API server to keep the object until whoever added it has done its cleanup and removed the name. If that controller or operator is down, uninstalled or failing, the pod stays Terminating forever even though its containers are gone.',
    detection: 'The pod is past its grace period, its kubelet is done with it (no container left running, or the node is healthy) and metadata.finalizers is not empty. Known finalizers (foregroundDeletion, orphan, batch.kubernetes.io/job-tracking) are attributed to their controller; for others podwhy looks for the operator named in the finalizer among the snapshot\'s pods and says whether it runs.',
    remedy: 'Fix or restart the controller that owns the finalizer so it completes its cleanup. Removing the finalizer by hand (kubectl patch ... finalizers null) skips that cleanup: only do it when you know what it was for.',
  },
  messages: {
    blocking: 'The pod was deleted {{since}} ago and is held by finalizer(s) {{finalizers}}, which {{who}} must remove{{ownerState}}.',
  },
  analyze(ctx) {
    const d = deletionOf(ctx);
    const finalizers = ctx.pod.metadata.finalizers ?? [];
    if (!d || d.overdueMs <= 0 || finalizers.length === 0) return [];
    const h = nodeHealth(ctx);
    if (hasLiveContainers(ctx) && h && h.exists && h.ready !== 'True') return [];
    const owners = finalizers.map((f) => ({ f, o: finalizerOwner(f, ctx.snapshot) }));
    const first = owners[0] as { f: string; o: Owner };
    const running = first.o.pods.filter((p) => p.running);
    const ownerState = first.o.pods.length === 0 ? ' (no such controller is running in the snapshot)' : running.length === 0 ? ` (its pods are not running: ${first.o.pods.map((p) => p.name).join(', ')})` : ` (it runs: ${running.map((p) => p.name).join(', ')}; read its log)`;
    const evidence: Evidence[] = [
      { ref: ctx.ref, path: 'metadata.finalizers', observed: finalizers.join(', ') },
      { ref: ctx.ref, path: 'metadata.deletionTimestamp', observed: `${ctx.pod.metadata.deletionTimestamp} (${humanDuration(d.overdueMs)} past the grace period)` },
      ...first.o.pods.slice(0, 3).map((p) => ({ ref: `Pod/${p.name}`, observed: p.running ? 'running' : 'not running' })),
    ];
    const finding: RawFinding<Msg> = {
      messageId: 'blocking',
      data: { since: humanDuration(ctx.now - d.requested), finalizers: finalizers.join(', '), who: first.o.who, ownerState, controllerRunning: running.length > 0 },
      evidence,
      remedies: [
        { summary: `Fix or restart ${first.o.pods.length ? first.o.pods[0]?.name : 'the controller that owns the finalizer'} so it finishes its cleanup and removes ${first.f}` },
        { summary: 'Only if that controller is gone for good and you know what its cleanup did: remove the finalizers by hand (the cleanup is skipped)', command: sh`kubectl patch pod ${name(ctx.name)} -n ${name(ctx.namespace)} --type=merge -p '{"metadata":{"finalizers":null}}'` },
      ],
      key: finalizers.join(','),
    };
    return [finding];
  },
});

// What workload analyzers see: a controller, the controllers it drives (a Deployment's ReplicaSets), its pods and events.
import type { Pod, Workload } from '../../../../schemas/k8s';
import { objectKey } from '../../../snapshot/input';
import type { PodEvent, Snapshot } from '../../../snapshot/types';

export interface WorkloadContext {
  workload: Workload;
  kind: string;
  namespace: string;
  name: string;
  ref: string;
  snapshot: Snapshot;
  now: number;
  /** the workload and the ReplicaSets it owns */
  controllers: Workload[];
  pods: Pod[];
  /** events of the workload and of its ReplicaSets, oldest first */
  events: PodEvent[];
}

export function workloadContext(w: Workload, snapshot: Snapshot): WorkloadContext {
  const kind = w.kind ?? 'Workload';
  const namespace = w.metadata.namespace ?? 'default';
  const controllers = [w];
  for (const other of snapshot.workloads.values()) {
    if (other.metadata.namespace === namespace && (other.metadata.ownerReferences ?? []).some((o) => o.kind === kind && o.name === w.metadata.name)) controllers.push(other);
  }
  const names = new Set(controllers.map((c) => `${c.kind}/${c.metadata.name}`));
  const pods = snapshot.pods.filter((p) => p.metadata.namespace === namespace && (p.metadata.ownerReferences ?? []).some((o) => names.has(`${o.kind}/${o.name}`)));
  const events = controllers
    .flatMap((c) => snapshot.eventsByName.get(`${c.kind}/${namespace}/${c.metadata.name}`) ?? [])
    .sort((a, b) => (a.last ?? 0) - (b.last ?? 0));
  return { workload: w, kind, namespace, name: w.metadata.name, ref: objectKey(kind, namespace, w.metadata.name), snapshot, now: snapshot.analysisTime, controllers, pods, events };
}

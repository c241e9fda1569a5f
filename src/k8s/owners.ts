// Who owns a pod, and how to name that owner in a kubectl command.
import type { Pod } from '../../schemas/k8s';

export interface Owner {
  kind: string;
  name: string;
}

/** The pod's top controller as far as its own metadata tells: a ReplicaSet named <deploy>-<pod-template-hash> is a Deployment's. */
export function ownerOf(pod: Pod): Owner | undefined {
  const refs = pod.metadata.ownerReferences ?? [];
  const ref = refs.find((r) => r.controller) ?? refs[0];
  if (!ref) return undefined;
  const hash = pod.metadata.labels?.['pod-template-hash'];
  if (ref.kind === 'ReplicaSet' && hash && ref.name.endsWith(`-${hash}`)) {
    return { kind: 'Deployment', name: ref.name.slice(0, -(hash.length + 1)) };
  }
  return { kind: ref.kind, name: ref.name };
}

/** kubectl's resource name for a controller kind */
export const RESOURCE: Record<string, string> = {
  Deployment: 'deployment',
  StatefulSet: 'statefulset',
  DaemonSet: 'daemonset',
  ReplicaSet: 'replicaset',
  Job: 'job',
  CronJob: 'cronjob',
  ReplicationController: 'replicationcontroller',
};

/** "deployment/web" for a command line, or "pod/web-0" when the pod has no editable controller. */
export function editTarget(pod: Pod): string {
  const owner = ownerOf(pod);
  if (owner && RESOURCE[owner.kind]) return `${RESOURCE[owner.kind]}/${owner.name}`;
  return `pod/${pod.metadata.name}`;
}

/** JSONPath of a container in the object editTarget names: a pod's own spec, or a controller's pod template. */
export function containerJsonPath(pod: Pod, container: string, init = false): string {
  const list = init ? 'initContainers' : 'containers';
  const base = editTarget(pod).startsWith('pod/') ? '.spec' : '.spec.template.spec';
  return `${base}.${list}[?(@.name=="${container}")]`;
}

/** A Job's pod template cannot be changed in place. */
export function isImmutableTemplate(pod: Pod): boolean {
  const t = editTarget(pod);
  return t.startsWith('job/') || t.startsWith('pod/');
}

export function ownerText(pod: Pod): string | undefined {
  const o = ownerOf(pod);
  return o ? `${o.kind} ${o.name}` : undefined;
}

/** Pods whose controller recreates them (their failed copies are leftovers, not outages). */
export function isReplaced(pod: Pod): boolean {
  const o = ownerOf(pod);
  return !!o && ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController'].includes(o.kind);
}

// Follows pkg/scheduler/framework/plugins/nodeports/node_ports.go and framework HostPortInfo.CheckConflict (1.35).
import type { Pod } from '../../../../schemas/k8s';
import { unschedulable, type FilterPlugin, type Rejected } from '../../framework';
import { reasons } from '../../reasons';

export const Name = 'NodePorts';

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

/** the first of the pod's host ports that is taken, and the pod ("namespace/name") holding it */
export type Rejection = Rejected<typeof Name> & { port: HostPort; holder: string };

export function hostPorts(pod: Pod): HostPort[] {
  return pod.spec.containers.flatMap((c) =>
    (c.ports ?? []).filter((p) => (p.hostPort ?? 0) > 0).map((p) => ({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort as number })),
  );
}

export function conflicts(a: HostPort, b: HostPort): boolean {
  if (a.port !== b.port || a.protocol !== b.protocol) return false;
  return a.ip === '0.0.0.0' || b.ip === '0.0.0.0' || a.ip === b.ip;
}

export const NodePorts: FilterPlugin<Rejection> = {
  name: Name,
  filter(state, info) {
    const wanted = hostPorts(state.pod);
    if (wanted.length === 0) return undefined;
    for (const other of info.pods) {
      for (const used of hostPorts(other)) {
        const clash = wanted.find((w) => conflicts(w, used));
        if (clash) return unschedulable(Name, [reasons.ports()], { port: clash, holder: `${other.metadata.namespace}/${other.metadata.name}` });
      }
    }
    return undefined;
  },
};

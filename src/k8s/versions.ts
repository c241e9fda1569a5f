// Component versions as nodes and control-plane pods report them.
import type { Node } from '../../schemas/k8s';
import type { Snapshot } from '../snapshot/types';

export function minorOf(version: string | null | undefined): number | undefined {
  const m = /v?1\.(\d+)(?:\.\d+)?/.exec(version ?? '');
  return m ? Number(m[1]) : undefined;
}

/** "docker://17.3.2" → { runtime: "docker", major: 17 } */
export function runtimeOf(node: Node | undefined): { runtime: string; version: string; major?: number } | undefined {
  const v = node?.status.nodeInfo?.containerRuntimeVersion;
  if (!v) return undefined;
  const m = /^(\w+):\/\/v?(\d+)?(.*)$/.exec(v);
  if (!m) return undefined;
  return { runtime: m[1] as string, version: `${m[2] ?? ''}${m[3] ?? ''}`, ...(m[2] ? { major: Number(m[2]) } : {}) };
}

/** The kube-controller-manager version: its pod's image tag, else the newest kubelet. */
export function controllerManagerMinor(snapshot: Snapshot): number | undefined {
  for (const p of snapshot.pods) {
    if (p.metadata.namespace !== 'kube-system' || !(p.metadata.labels?.component === 'kube-controller-manager' || p.metadata.name.startsWith('kube-controller-manager'))) continue;
    for (const c of p.spec.containers) {
      const minor = minorOf(/:(v?1\.\d+\.\d+)/.exec(c.image ?? '')?.[1]);
      if (minor !== undefined) return minor;
    }
  }
  let best: number | undefined;
  for (const n of snapshot.nodes.values()) {
    const m = minorOf(n.status.nodeInfo?.kubeletVersion);
    if (m !== undefined && (best === undefined || m > best)) best = m;
  }
  return best;
}

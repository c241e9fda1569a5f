// Component versions as nodes and control-plane pods report them.
import type { Node, Pod } from '../../schemas/k8s';

export function minorOf(version: string | null | undefined): number | undefined {
  const m = /v?1\.(\d+)(?:\.\d+)?/.exec(version ?? '');
  return m ? Number(m[1]) : undefined;
}

export interface ComponentVersion {
  minor: number;
  /** the version text it was read from: an image tag or a kubeletVersion */
  text: string;
}

/** A control-plane component's version from its kube-system pod's image tag ("kube-scheduler:v1.28.3"). */
export function componentVersion(pods: Iterable<Pod>, component: string): ComponentVersion | undefined {
  for (const p of pods) {
    if (p.metadata.namespace !== 'kube-system' || !(p.metadata.labels?.component === component || p.metadata.name.startsWith(component))) continue;
    for (const c of p.spec.containers) {
      const tag = /:(v?1\.\d+\.\d+[^@\s]*)/.exec(c.image ?? '')?.[1];
      const minor = minorOf(tag);
      if (minor !== undefined && tag) return { minor, text: tag };
    }
  }
  return undefined;
}

/** The newest kubelet among the nodes: the best guess of the control plane's version when its pods are not visible. */
export function newestKubelet(nodes: Iterable<Node>): ComponentVersion | undefined {
  let best: ComponentVersion | undefined;
  for (const n of nodes) {
    const text = n.status.nodeInfo?.kubeletVersion ?? '';
    const minor = minorOf(text);
    if (minor !== undefined && (!best || minor > best.minor)) best = { minor, text };
  }
  return best;
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
export function controllerManagerMinor(pods: Iterable<Pod>, nodes: Iterable<Node>): number | undefined {
  return (componentVersion(pods, 'kube-controller-manager') ?? newestKubelet(nodes))?.minor;
}

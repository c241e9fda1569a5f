// The kube-scheduler minor version whose wording the cluster's messages use: from the kube-scheduler pod's image
// tag, else the newest kubelet of the nodes, else the newest wording we know.
import type { Snapshot } from '../snapshot/types';
import { NEWEST_MINOR } from './reasons';

export interface ClusterVersion {
  minor: number;
  source: 'kube-scheduler image' | 'node kubeletVersion' | 'unknown (newest wording)';
  text?: string;
}

const minorOf = (v: string | null | undefined): number | undefined => {
  const m = /v?1\.(\d+)(?:\.\d+)?/.exec(v ?? '');
  return m ? Number(m[1]) : undefined;
};

const memo = new WeakMap<Snapshot, ClusterVersion>();

export function clusterVersion(snapshot: Snapshot): ClusterVersion {
  let v = memo.get(snapshot);
  if (!v) {
    v = detect(snapshot);
    memo.set(snapshot, v);
  }
  return v;
}

function detect(snapshot: Snapshot): ClusterVersion {
  for (const p of snapshot.pods) {
    if (p.metadata.namespace !== 'kube-system') continue;
    const isScheduler = p.metadata.labels?.component === 'kube-scheduler' || p.metadata.name.startsWith('kube-scheduler');
    if (!isScheduler) continue;
    for (const c of p.spec.containers) {
      const tag = /:(v?1\.\d+\.\d+[^@\s]*)/.exec(c.image ?? '')?.[1];
      const minor = minorOf(tag);
      if (minor !== undefined) return { minor, source: 'kube-scheduler image', text: tag };
    }
  }
  let best: { minor: number; text: string } | undefined;
  for (const n of snapshot.nodes.values()) {
    const v = n.status.nodeInfo?.kubeletVersion ?? '';
    const minor = minorOf(v);
    if (minor !== undefined && (!best || minor > best.minor)) best = { minor, text: v };
  }
  if (best) return { minor: best.minor, source: 'node kubeletVersion', text: best.text };
  return { minor: NEWEST_MINOR, source: 'unknown (newest wording)' };
}

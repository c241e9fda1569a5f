// The kube-scheduler minor version whose wording the cluster's messages use: from the kube-scheduler pod's image
// tag, else the newest kubelet of the nodes, else the newest wording we know.
import { componentVersion, newestKubelet } from '../k8s/versions';
import type { Snapshot } from '../snapshot/types';
import { NEWEST_MINOR } from './reasons';

export interface ClusterVersion {
  minor: number;
  source: 'kube-scheduler image' | 'node kubeletVersion' | 'unknown (newest wording)';
  text?: string;
}

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
  const scheduler = componentVersion(snapshot.pods, 'kube-scheduler');
  if (scheduler) return { minor: scheduler.minor, source: 'kube-scheduler image', text: scheduler.text };
  const kubelet = newestKubelet(snapshot.nodes.values());
  if (kubelet) return { minor: kubelet.minor, source: 'node kubeletVersion', text: kubelet.text };
  return { minor: NEWEST_MINOR, source: 'unknown (newest wording)' };
}

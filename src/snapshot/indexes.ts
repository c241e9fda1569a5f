// The snapshot's indexes, built once after every object is in: pods by key and node, per-node usage, events by object.
import { countsAgainstNode, podRequests } from '../k8s/scheduling';
import type { Snapshot } from './types';

function sortByName<T extends { metadata: { namespace?: string | null; name: string } }>(items: T[]): T[] {
  const keyed = items.map((item) => ({ key: `${item.metadata.namespace ?? ''}/${item.metadata.name}`, item }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.item);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexSnapshot(snap: Snapshot): void {
  snap.pods = sortByName(snap.pods);
  for (const pod of snap.pods) {
    snap.podsByKey.set(`${pod.metadata.namespace}/${pod.metadata.name}`, pod);
    if (!pod.spec.nodeName) {
      if (pod.status.nominatedNodeName) snap.nominated.push(pod);
      continue;
    }
    push(snap.podsByNode, pod.spec.nodeName, pod);
    if (!countsAgainstNode(pod)) continue;
    // the scheduler cache's NodeInfo: kept here so every simulation starts from it
    let usage = snap.nodeUsage.get(pod.spec.nodeName);
    if (!usage) {
      usage = { pods: [], requested: new Map() };
      snap.nodeUsage.set(pod.spec.nodeName, usage);
    }
    usage.pods.push(pod);
    for (const [k, v] of podRequests(pod)) usage.requested.set(k, (usage.requested.get(k) ?? 0n) + v);
  }
  snap.events.sort((a, b) => (a.last ?? 0) - (b.last ?? 0) || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  for (const ev of snap.events) {
    if (ev.involved.uid) push(snap.eventsByUid, ev.involved.uid, ev);
    push(snap.eventsByName, `${ev.involved.kind}/${ev.involved.namespace}/${ev.involved.name}`, ev);
  }
}

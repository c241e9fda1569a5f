// Reads FailedScheduling messages of every wording from 1.4 to 1.35 into the same histogram the simulation builds.
import { reasonKey, type ReasonKey } from './reasons';

export interface ParsedEntry {
  count?: number;
  text: string;
  key: ReasonKey;
}

export interface ParsedMessage {
  raw: string;
  /** N in "0/N nodes are available" */
  total?: number;
  entries: ParsedEntry[];
  /** a PreFilter rejection printed without counts (1.26+) */
  preFilter?: string;
  preemption?: string;
  truncated: boolean;
  /** the predicate-era "No nodes are available that match all of the predicates" form */
  legacy: boolean;
  noNodes: boolean;
  /** wording podwhy cannot read */
  unknown: boolean;
}

/** Predicate names used as reasons by ≤ 1.8 schedulers. */
const PREDICATES: Record<string, ReasonKey> = {
  PodToleratesNodeTaints: 'taint',
  MatchNodeSelector: 'nodeAffinity',
  HostName: 'nodeName',
  PodFitsHostPorts: 'ports',
  NoDiskConflict: 'diskConflict',
  NoVolumeZoneConflict: 'volumeZone',
  MaxVolumeCount: 'volumeLimit',
  MatchInterPodAffinity: 'legacyInterPod',
  NodeNotReady: 'legacy:notReady',
  NodeUnschedulable: 'unschedulable',
  NodeUnderMemoryPressure: 'legacy:memoryPressure',
  NodeUnderDiskPressure: 'legacy:diskPressure',
  NodeOutOfDisk: 'legacy:outOfDisk',
  CheckNodeMemoryPressure: 'legacy:memoryPressure',
  CheckNodeDiskPressure: 'legacy:diskPressure',
  PodFitsResources: 'insufficient:resources',
  VolumeNodeAffinityConflict: 'volumeNodeAffinity',
  VolumeBindingNoMatch: 'volumeBind',
};

const PREFILTER_TEXTS = [/^pod has unbound immediate PersistentVolumeClaims$/, /^persistentvolumeclaim ".*" (not found|is being deleted)$/, /^waiting for ephemeral volume controller/, /^persistentvolumeclaim ".*" bound to non-existent persistentvolume/, /^node has pod using PersistentVolumeClaim/];

function keyOf(text: string): ReasonKey {
  if (PREFILTER_TEXTS.some((re) => re.test(text))) return `prefilter:${text}`;
  return reasonKey(text);
}

export function parseSchedulingMessage(message: string): ParsedMessage {
  const raw = message;
  const out: ParsedMessage = { raw, entries: [], truncated: false, legacy: false, noNodes: false, unknown: false };
  let text = message.trim().replace(/^\(combined from similar events\):\s*/, '');
  if (/^no nodes available to schedule pods/i.test(text)) return { ...out, noNodes: true, total: 0 };
  if (text.endsWith(' ...')) {
    out.truncated = true;
    text = text.slice(0, -4);
  }
  const wrapped = /^running "\w+" (?:pre)?filter plugin for pod "[^"]*": (.*)$/s.exec(text);
  if (wrapped) text = (wrapped[1] as string).trim();
  if (PREFILTER_TEXTS.some((re) => re.test(text))) return { ...out, preFilter: text, entries: [{ text, key: keyOf(text) }] };
  const perNode = [...text.matchAll(/^fit failure on node \(([^)]+)\): (.*)$/gm)];
  if (perNode.length > 0) {
    out.legacy = true;
    const counts = new Map<string, number>();
    for (const m of perNode) counts.set(m[2] as string, (counts.get(m[2] as string) ?? 0) + 1);
    for (const [t, n] of counts) out.entries.push({ count: n, text: t, key: reasonKey(t) });
    return out;
  }
  const oldest = /^Failed for reason (\w+)/.exec(text);
  if (oldest) return { ...out, legacy: true, entries: [{ text: oldest[1] as string, key: PREDICATES[oldest[1] as string] ?? `other:${oldest[1]}` }] };
  const legacy = /^No nodes are available that match all of the (?:following )?predicates::?\s*(.*)$/s.exec(text) ?? /fit failure summary on nodes\s*:\s*(.*)$/s.exec(text);
  if (legacy) {
    out.legacy = true;
    for (const part of (legacy[1] as string).replace(/\.+$/, '').split(/,\s*/)) {
      const m = /^(.*?)\s*\((\d+)\)$/.exec(part.trim());
      if (!m) continue;
      const name = m[1] as string;
      const ins = /^Insufficient (\S+)$/.exec(name);
      out.entries.push({ count: Number(m[2]), text: name, key: ins ? `insufficient:${ins[1]}` : (PREDICATES[name] ?? reasonKey(name)) });
    }
    return out;
  }
  const head = /^0\/(\d+) nodes are available(?::\s*)?(.*)$/s.exec(text);
  if (!head) return { ...out, unknown: true };
  out.total = Number(head[1]);
  let body = head[2] as string;
  const pre = body.indexOf(' preemption: ');
  if (pre >= 0) {
    out.preemption = body.slice(pre + ' preemption: '.length);
    body = body.slice(0, pre);
  } else if (body.startsWith('preemption: ')) {
    out.preemption = body.slice('preemption: '.length);
    body = '';
  }
  body = body.replace(/\.+$/, '').trim();
  if (body === '') return out;
  if (!/^\d+ /.test(body)) {
    out.preFilter = body;
    out.entries.push({ text: body, key: keyOf(body) });
    return out;
  }
  for (const part of body.split(/,\s*(?=\d+ )/)) {
    const m = /^(\d+) (.*)$/s.exec(part);
    if (!m) continue;
    const entryText = (m[2] as string).trim();
    out.entries.push({ count: Number(m[1]), text: entryText, key: keyOf(entryText) });
  }
  return out;
}

/** key → count, merged the way both sides are compared: version-specific duplicates dropped. */
export function histogramOf(entries: Array<{ key: ReasonKey; count?: number }>, total?: number): Map<ReasonKey, number> {
  const h = new Map<ReasonKey, number>();
  for (const e of entries) {
    if (e.key === 'legacyInterPod') continue;
    h.set(e.key, (h.get(e.key) ?? 0) + (e.count ?? total ?? 1));
  }
  return h;
}

export function sameHistogram(a: Map<ReasonKey, number>, b: Map<ReasonKey, number>): boolean {
  const strip = (m: Map<ReasonKey, number>) => new Map([...m].filter(([k]) => k !== 'legacyInterPod'));
  const x = strip(a);
  const y = strip(b);
  if (x.size !== y.size) return false;
  for (const [k, v] of x) if (y.get(k) !== v) return false;
  return true;
}

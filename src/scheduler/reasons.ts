// Reason strings of the default filter plugins, by the kube-scheduler minor version that printed them
// (see ../../shared facts: TaintToleration, NodeAffinity, NodeName, NodeResourcesFit and InterPodAffinity changed).
// Each reason also has a version-free key, so a message of one release can be compared with a simulation of another.

/** The version-free identity of a reason, so code comparing keys is type-checked (a misspelt key does not compile). */
export type ReasonKey =
  | 'unschedulable' | 'nodeName' | 'taint' | 'nodeAffinity' | 'ports' | `insufficient:${string}` | 'diskConflict' | 'volumeLimit'
  | 'volumeNodeAffinity' | 'volumeBind' | 'volumeZone' | 'spread' | 'spreadLabel' | 'podAffinity' | 'podAntiAffinity'
  | 'existingAntiAffinity' | 'legacyInterPod' | 'unknownConditions'
  /** predicate-era node conditions (≤ 1.11) */
  | `legacy:${string}`
  /** nodes left out by PreFilter results (1.30+) */
  | `absent:${string}`
  /** a PreFilter rejection, keyed by its whole text */
  | `prefilter:${string}`
  /** wording podwhy does not know */
  | `other:${string}`;

export interface Reason {
  /** version-free identity, e.g. "taint", "insufficient:cpu", "nodeAffinity" */
  key: ReasonKey;
  /** exactly as the scheduler of that version prints it */
  text: string;
}

/** The newest wording we know; used when the cluster's version is unknown. */
export const NEWEST_MINOR = 35;

export const reasons = {
  unschedulable: (): Reason => ({ key: 'unschedulable', text: 'node(s) were unschedulable' }),
  nodeName: (minor: number): Reason => ({ key: 'nodeName', text: minor <= 21 ? "node(s) didn't match the requested hostname" : "node(s) didn't match the requested node name" }),
  taint: (minor: number, key: string, value: string): Reason => {
    if (minor <= 17) return { key: 'taint', text: "node(s) had taints that the pod didn't tolerate" };
    if (minor <= 24) return { key: 'taint', text: `node(s) had taint {${key}: ${value}}, that the pod didn't tolerate` };
    if (minor <= 34) return { key: 'taint', text: `node(s) had untolerated taint {${key}: ${value}}` };
    return { key: 'taint', text: 'node(s) had untolerated taint(s)' };
  },
  nodeAffinity: (minor: number): Reason => ({
    key: 'nodeAffinity',
    text: minor <= 19 ? "node(s) didn't match node selector" : minor === 20 ? "node(s) didn't match Pod's node affinity" : "node(s) didn't match Pod's node affinity/selector",
  }),
  ports: (): Reason => ({ key: 'ports', text: "node(s) didn't have free ports for the requested pod ports" }),
  tooManyPods: (minor: number): Reason => ({ key: 'insufficient:pods', text: minor <= 18 ? 'Insufficient pods' : 'Too many pods' }),
  insufficient: (resource: string): Reason => ({ key: `insufficient:${resource}`, text: `Insufficient ${resource}` }),
  diskConflict: (): Reason => ({ key: 'diskConflict', text: 'node(s) had no available disk' }),
  volumeLimit: (): Reason => ({ key: 'volumeLimit', text: 'node(s) exceed max volume count' }),
  volumeNodeAffinity: (): Reason => ({ key: 'volumeNodeAffinity', text: 'node(s) had volume node affinity conflict' }),
  volumeBind: (): Reason => ({ key: 'volumeBind', text: "node(s) didn't find available persistent volumes to bind" }),
  volumeZone: (): Reason => ({ key: 'volumeZone', text: 'node(s) had no available volume zone' }),
  spread: (): Reason => ({ key: 'spread', text: "node(s) didn't match pod topology spread constraints" }),
  spreadLabel: (): Reason => ({ key: 'spreadLabel', text: "node(s) didn't match pod topology spread constraints (missing required label)" }),
  podAffinity: (): Reason => ({ key: 'podAffinity', text: "node(s) didn't match pod affinity rules" }),
  podAntiAffinity: (): Reason => ({ key: 'podAntiAffinity', text: "node(s) didn't match pod anti-affinity rules" }),
  existingAntiAffinity: (): Reason => ({ key: 'existingAntiAffinity', text: "node(s) didn't satisfy existing pods anti-affinity rules" }),
  /** ≤ 1.21: InterPodAffinity added this to each of its failures */
  legacyInterPod: (): Reason => ({ key: 'legacyInterPod', text: "node(s) didn't match pod affinity/anti-affinity" }),
  absent: (plugins: string[]): Reason => ({ key: `absent:${plugins.join(' ')}`, text: `node(s) didn't satisfy plugin(s) [${plugins.join(' ')}]` }),
  /** a PreFilter rejection: one message for the whole cycle */
  preFilter: (text: string): Reason => ({ key: `prefilter:${text}`, text }),
};

/** PreFilter rejections: one message for the whole cycle. */
export const preFilterMessages = {
  unboundImmediate: 'pod has unbound immediate PersistentVolumeClaims',
  pvcNotFound: (name: string): string => `persistentvolumeclaim "${name}" not found`,
  pvcDeleting: (name: string): string => `persistentvolumeclaim "${name}" is being deleted`,
  ephemeralPending: (name: string): string => `waiting for ephemeral volume controller to create the persistentvolumeclaim "${name}"`,
  boundToMissingPv: (pvc: string, pv: string): string => `persistentvolumeclaim "${pvc}" bound to non-existent persistentvolume "${pv}"`,
  rwopConflict: 'node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode',
};

const TEXT_TO_KEY: Array<[RegExp, ReasonKey]> = [
  [/^node\(s\) were unschedulable$|^NodeUnschedulable$/, 'unschedulable'],
  [/^node\(s\) didn't match the requested (hostname|node name)$|^HostName$/, 'nodeName'],
  [/^node\(s\) had taints that the pod didn't tolerate$|^node\(s\) had taint \{.*\}, that the pod didn't tolerate$|^node\(s\) had untolerated taint(\(s\)| \{.*\})$|^PodToleratesNodeTaints$/, 'taint'],
  [/^node\(s\) didn't match (node selector|Pod's node affinity(\/selector)?)$|^MatchNodeSelector$/, 'nodeAffinity'],
  [/^node\(s\) didn't have free ports for the requested pod ports$|^PodFitsHostPorts$/, 'ports'],
  [/^(Too many pods|Insufficient pods)$/, 'insufficient:pods'],
  [/^node\(s\) had no available disk$|^NoDiskConflict$/, 'diskConflict'],
  [/^node\(s\) exceed max volume count$|^MaxVolumeCount$/, 'volumeLimit'],
  [/^node\(s\) had volume node affinity conflict$|^node\(s\) didn't match PersistentVolume's node affinity$|^VolumeNodeAffinityConflict$/, 'volumeNodeAffinity'],
  [/^node\(s\) didn't find available persistent volumes to bind$|^VolumeBindingNoMatch$/, 'volumeBind'],
  [/^node\(s\) had no available volume zone$|^NoVolumeZoneConflict$/, 'volumeZone'],
  [/^node\(s\) didn't match pod topology spread constraints \(missing required label\)$/, 'spreadLabel'],
  [/^node\(s\) didn't match pod topology spread constraints$/, 'spread'],
  [/^node\(s\) didn't match pod affinity rules$/, 'podAffinity'],
  [/^node\(s\) didn't match pod anti-affinity rules$/, 'podAntiAffinity'],
  [/^node\(s\) didn't satisfy existing pods anti-affinity rules$/, 'existingAntiAffinity'],
  [/^node\(s\) didn't match pod affinity\/anti-affinity$|^MatchInterPodAffinity$/, 'legacyInterPod'],
  [/^node\(s\) were not ready$|^NodeNotReady$/, 'legacy:notReady'],
  [/^node\(s\) had memory pressure$|^NodeUnderMemoryPressure$/, 'legacy:memoryPressure'],
  [/^node\(s\) had disk pressure$|^NodeUnderDiskPressure$/, 'legacy:diskPressure'],
  [/^node\(s\) were out of disk space$|^NodeOutOfDisk$/, 'legacy:outOfDisk'],
  [/^node\(s\) had unknown conditions$/, 'unknownConditions'],
];

/** The version-free key of a reason as printed by any release from 1.8 to 1.35. */
export function reasonKey(text: string): ReasonKey {
  const t = text.trim();
  const ins = /^Insufficient (\S+)$/.exec(t);
  if (ins && ins[1] !== 'pods') return `insufficient:${ins[1]}`;
  const absent = /^node\(s\) didn't satisfy plugin(?:\(s\))? \[([^\]]*)\]( simultaneously)?$/.exec(t);
  if (absent) return `absent:${absent[1]}`;
  for (const [re, key] of TEXT_TO_KEY) if (re.test(t)) return key;
  return `other:${t}`;
}

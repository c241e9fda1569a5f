import type { Pod } from '../../../schemas/k8s';
import { objectKey } from '../../snapshot/input';
import { eventContainer, eventEvidence, eventsMatching, type PodContext } from '../context';
import { defineAnalyzer, type Evidence, type RawFinding, type Remedy } from '../types';
import { nsFlag } from '../shared/util';
import { name, sh } from '../../k8s/command';

type Kind = 'ConfigMap' | 'Secret';
type Msg = 'missingObject' | 'missingKey';

interface Missing {
  kind: Kind;
  name: string;
  key?: string;
  evidence: Evidence[];
}

const OBJECT_RE = /\b(configmaps?|secrets?) "([^"]+)" not found/i;
const KEY_RE = /couldn't find key (\S+) in (ConfigMap|Secret) ([^/\s]+)\/([^\s"]+)/;
const VOLUME_KEY_RE = /MountVolume\.SetUp failed for volume "([^"]+)".*(?:configmap|secret) references non-existent (?:config|secret) key: (\S+)/i;
const OLD_VOLUME_KEY_RE = /\(spec\.Name: "([^"]+)"\).*references non-existent config key/;

const kindOf = (word: string): Kind => (word.toLowerCase().startsWith('config') ? 'ConfigMap' : 'Secret');

/** Where the pod refers to a ConfigMap or Secret: "env DB_PASSWORD of container app", "volume certs". */
export function referencesTo(pod: Pod, kind: Kind, name: string): string[] {
  const refs: string[] = [];
  for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
    for (const e of c.env ?? []) {
      const r = kind === 'ConfigMap' ? e.valueFrom?.configMapKeyRef : e.valueFrom?.secretKeyRef;
      if (r?.name === name) refs.push(`env ${e.name} of container ${c.name} (key ${r.key})`);
    }
    for (const e of c.envFrom ?? []) {
      const r = kind === 'ConfigMap' ? e.configMapRef : e.secretRef;
      if (r?.name === name) refs.push(`envFrom of container ${c.name}`);
    }
  }
  for (const v of pod.spec.volumes ?? []) {
    const direct = kind === 'ConfigMap' ? v.configMap?.name : v.secret?.secretName;
    const projected = (v.projected?.sources ?? []).some((s) => (kind === 'ConfigMap' ? s.configMap?.name : s.secret?.name) === name);
    if (direct === name || projected) refs.push(`volume ${v.name}`);
  }
  return refs;
}

function volumeSource(pod: Pod, volume: string): { kind: Kind; name: string } | undefined {
  const v = (pod.spec.volumes ?? []).find((x) => x.name === volume);
  if (v?.configMap?.name) return { kind: 'ConfigMap', name: v.configMap.name };
  if (v?.secret?.secretName) return { kind: 'Secret', name: v.secret.secretName };
  return undefined;
}

function collect(ctx: PodContext): Missing[] {
  const found = new Map<string, Missing>();
  const add = (m: Omit<Missing, 'evidence'>, ev: Evidence): void => {
    const k = `${m.kind}/${m.name}/${m.key ?? ''}`;
    const entry = found.get(k) ?? { ...m, evidence: [] };
    if (!entry.evidence.some((e) => e.ref === ev.ref && e.path === ev.path)) entry.evidence.push(ev);
    found.set(k, entry);
  };
  const read = (text: string, ev: Evidence): void => {
    const key = KEY_RE.exec(text);
    if (key) return add({ kind: key[2] as Kind, name: key[4] as string, key: key[1] }, ev);
    const obj = OBJECT_RE.exec(text);
    if (obj) return add({ kind: kindOf(obj[1] as string), name: obj[2] as string }, ev);
    const vol = VOLUME_KEY_RE.exec(text) ?? OLD_VOLUME_KEY_RE.exec(text);
    if (vol) {
      const src = volumeSource(ctx.pod, vol[1] as string);
      if (src) add({ ...src, key: vol[2] }, ev);
    }
  };
  for (const c of ctx.containers) {
    const w = c.status?.state?.waiting;
    if (w?.reason === 'CreateContainerConfigError' && w.message) read(w.message, { ref: ctx.ref, path: `${c.statusPath}.state.waiting`, observed: `CreateContainerConfigError: ${w.message}` });
  }
  const waitingConfig = ctx.containers.some((c) => c.status?.state?.waiting?.reason === 'CreateContainerConfigError');
  const notStarted = ctx.containers.some((c) => !c.status || c.status.state?.waiting);
  for (const e of eventsMatching(ctx, ['Failed'], /^(spec\.\S+: )?Error: /)) {
    const c = ctx.containers.find((x) => x.name === eventContainer(e));
    if (waitingConfig && (!c || c.status?.state?.waiting)) read(e.message, eventEvidence(e));
  }
  if (!ctx.running && notStarted) {
    for (const e of eventsMatching(ctx, ['FailedMount'])) read(e.message, eventEvidence(e));
  }
  return [...found.values()];
}

function remedies(ctx: PodContext, m: Missing): Remedy[] {
  const ns = nsFlag(ctx);
  if (m.key) {
    const field = m.kind === 'ConfigMap' ? 'data' : 'stringData';
    return [
      { summary: `Edit: add key ${m.key} under ${field} of ${m.kind} ${m.name}`, command: sh`kubectl edit ${m.kind.toLowerCase()} ${name(m.name)} ${ns}` },
      { summary: 'Or fix the key name the pod refers to, or mark the reference optional: true if the pod can run without it' },
    ];
  }
  const create =
    m.kind === 'ConfigMap'
      ? sh`kubectl create configmap ${name(m.name)} ${ns}`
      : sh`kubectl create secret generic ${name(m.name)} ${ns}`;
  return [
    { summary: `Create ${m.kind} ${m.name} in namespace ${ctx.namespace}, then add the keys the pod reads (kubectl edit ${m.kind.toLowerCase()} ${m.name}); the kubelet retries on its own`, command: create },
    { summary: 'Or fix the name the pod refers to; if the pod can run without it, mark the reference optional: true' },
  ];
}

export default defineAnalyzer<Msg>({
  id: 'ConfigMissing',
  area: 'starting',
  reads: ['events', 'configs'],
  severity: 'error',
  docs: {
    title: 'A ConfigMap, Secret or key the pod needs does not exist',
    summary: 'The pod refers to a ConfigMap or Secret (in env, envFrom or a volume) that does not exist in its namespace, or to a key that the object does not have. The kubelet will not create the container (CreateContainerConfigError) or cannot mount the volume (FailedMount, pod stuck in ContainerCreating) until it appears.',
    detection: 'The waiting message of a container in CreateContainerConfigError, the kubelet "Error: ..." events and FailedMount events are read for `configmap "x" not found`, `secret "x" not found` and `couldn\'t find key K in ConfigMap ns/name`. The reference is then looked up in the pod spec (which env var or volume) and in the snapshot: if the snapshot holds the namespace\'s ConfigMaps or Secrets, podwhy says whether the object exists now and which keys it has (key names only, never values).',
    remedy: 'Create the object or add the key (`kubectl create configmap|secret ...`, `kubectl patch ... --type merge`), fix the name in the pod template, or mark the reference `optional: true` when the pod can run without it. The kubelet retries by itself: no restart is needed.',
  },
  messages: {
    missingObject: '{{kind}} {{name}} does not exist in namespace {{namespace}}, and the pod needs it ({{usedBy}}).{{snapshotNote}}',
    missingKey: '{{kind}} {{name}} has no key {{key}}, and the pod needs it ({{usedBy}}).{{snapshotNote}}',
  },
  analyze(ctx) {
    return collect(ctx).map((m): RawFinding<Msg> => {
      const refs = referencesTo(ctx.pod, m.kind, m.name);
      const stored = ctx.snapshot.configs.get(objectKey(m.kind, ctx.namespace, m.name));
      const captured = ctx.snapshot.captured.get(m.kind)?.has(ctx.namespace) ?? false;
      let snapshotNote = '';
      if (stored && !m.key) snapshotNote = ` It exists in the snapshot, so it was created after the error: the next retry should pass.`;
      else if (stored && m.key && stored.keys.includes(m.key)) snapshotNote = ` The snapshot's copy has the key now: the next retry should pass.`;
      else if (stored && m.key) snapshotNote = ` Its keys are: ${stored.keys.join(', ') || '(none)'}.`;
      else if (captured) snapshotNote = ` It is not in the snapshot either.`;
      const evidence = [...m.evidence];
      if (stored) evidence.push({ ref: objectKey(m.kind, ctx.namespace, m.name), observed: `keys: ${stored.keys.join(', ') || '(none)'}` });
      return {
        messageId: m.key ? 'missingKey' : 'missingObject',
        data: { kind: m.kind, name: m.name, key: m.key, namespace: ctx.namespace, usedBy: refs.join('; ') || 'referenced by the pod', references: refs, existsInSnapshot: !!stored, snapshotNote },
        evidence,
        remedies: remedies(ctx, m),
        key: `${m.kind}/${ctx.namespace}/${m.name}${m.key ? `:${m.key}` : ''}`,
      };
    });
  },
});

// `kubectl podwhy snapshot`: captures what offline analysis needs, redacted, into one file written atomically.
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { dump } from 'js-yaml';
import { Header } from 'tar/header';
import { CAPTURE_ANNOTATION } from '../snapshot/input';
import { Kubectl, KubectlError } from './kubectl';

export interface CaptureRequest {
  namespace?: string;
  allNamespaces: boolean;
  output: string;
  force: boolean;
  redact: boolean;
  logTail: number;
  now: number;
}

export interface CaptureResult {
  objects: number;
  logs: number;
  skipped: string[];
  bytes: number;
}

type Obj = { kind?: string; apiVersion?: string; metadata?: { name?: string; namespace?: string; annotations?: Record<string, string> } } & Record<string, unknown>;

const NAMESPACED = ['pods', 'events', 'persistentvolumeclaims', 'deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'configmaps', 'resourcequotas', 'limitranges'];
const CLUSTER = ['nodes', 'persistentvolumes', 'storageclasses', 'csinodes'];
const MARK = '<redacted>';

/** Credential-looking strings in logs and free text: the match keeps its label (group 1) and loses its value. */
const SECRET_PATTERNS: RegExp[] = [
  // HTTP credentials: Authorization: Basic/Bearer/Token/Digest ..., and a bare Bearer token
  /((?:proxy-)?authorization["']?\s*[:=]\s*["']?(?:basic|bearer|token|digest|negotiate)?\s*)[^\s"',;]+/gi,
  /(Bearer\s+)[A-Za-z0-9._~+/-]+=*/g,
  // KEY=value / key: value with a credential-like name, environment style (DB_PASS=, GITHUB_TOKEN=) included
  /((?:password|passwd|pass|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)["']?\s*[:=]\s*["']?)[^\s"',;&]+/gi,
  // JSON Web Tokens
  /()eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
  // GitHub, GitLab and Slack tokens, Slack webhooks
  /()(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})/g,
  /()glpat-[A-Za-z0-9_-]{20,}/g,
  /()xox[abposr]-[A-Za-z0-9-]{10,}/g,
  /(hooks\.slack\.com\/services\/)[A-Za-z0-9/]+/g,
  // AWS access key IDs, PEM private keys, passwords in URLs
  /(AKIA)[0-9A-Z]{16}/g,
  /(-----BEGIN [A-Z ]*PRIVATE KEY-----)[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  /(:\/\/[^:/\s]+:)[^@/\s]+(@)/g,
];

export function redactText(text: string): string {
  let out = text;
  for (const re of SECRET_PATTERNS) out = out.replace(re, (_m, a: string, b?: string) => `${a}${MARK}${typeof b === 'string' && b === '@' ? '@' : ''}`);
  return out;
}

type PodSpecLike = { containers?: unknown[]; initContainers?: unknown[]; ephemeralContainers?: unknown[] };

/** every pod spec inside an object: a Pod's own, a controller's template, a CronJob's job template */
function podSpecs(o: Obj): PodSpecLike[] {
  const spec = o.spec as (PodSpecLike & { template?: { spec?: PodSpecLike }; jobTemplate?: { spec?: { template?: { spec?: PodSpecLike } } } }) | undefined;
  return [spec, spec?.template?.spec, spec?.jobTemplate?.spec?.template?.spec].filter((s): s is PodSpecLike => !!s && typeof s === 'object');
}

function redactStrings(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(redactStrings);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactStrings(v)]));
  return value;
}

/**
 * Drops what must not leave the cluster: Secret and ConfigMap values, env values of every container (init and
 * ephemeral too), last-applied configurations, and credential-looking text anywhere else (command lines,
 * annotations, messages).
 */
export function redactObject(o: Obj): Obj {
  const copy = structuredClone(o);
  const ann = copy.metadata?.annotations;
  if (ann) delete ann['kubectl.kubernetes.io/last-applied-configuration'];
  if (copy.kind === 'ConfigMap' || copy.kind === 'Secret') {
    for (const k of ['data', 'binaryData', 'stringData'] as const) {
      const d = copy[k] as Record<string, unknown> | undefined;
      if (d && typeof d === 'object') for (const key of Object.keys(d)) d[key] = copy.kind === 'Secret' ? '' : MARK;
    }
  }
  for (const spec of podSpecs(copy)) {
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])] as Array<{ env?: Array<{ value?: string }> }>) {
      for (const e of Array.isArray(c?.env) ? c.env : []) if (e && e.value !== undefined) e.value = MARK;
    }
  }
  return redactStrings(copy) as Obj;
}

function tarEntry(path: string, data: Buffer, mtime: Date): Buffer {
  const header = new Header({ path, mode: 0o644, size: data.length, mtime, type: 'File', uid: 0, gid: 0, uname: '', gname: '' });
  const block = Buffer.alloc(512);
  header.encode(block, 0);
  const pad = Buffer.alloc((512 - (data.length % 512)) % 512);
  return Buffer.concat([block, data, pad]);
}

const PLURAL_DIR: Record<string, string> = {
  pods: 'pods', events: 'events', persistentvolumeclaims: 'pvcs', deployments: 'deployments', replicasets: 'replicasets', statefulsets: 'statefulsets',
  daemonsets: 'daemonsets', jobs: 'jobs', configmaps: 'configmaps', resourcequotas: 'resource-quotas', limitranges: 'limitranges', leases: 'leases',
  secrets: 'secrets',
};
const CLUSTER_FILE: Record<string, string> = { nodes: 'nodes.json', persistentvolumes: 'pvs.json', storageclasses: 'storage-classes.json', csinodes: 'csinodes.json' };

export async function capture(kubectl: Kubectl, req: CaptureRequest): Promise<CaptureResult> {
  if (existsSync(req.output) && !req.force) throw new KubectlError('other', `${req.output} exists: use --force to overwrite it`);
  const format = /\.(tar\.gz|tgz)$/i.test(req.output) ? 'tar' : /\.json$/i.test(req.output) ? 'json' : /\.ya?ml$/i.test(req.output) ? 'yaml' : undefined;
  if (!format) throw new KubectlError('other', `cannot tell the format of ${req.output}: name it .yaml, .json or .tar.gz`);
  const scope = req.allNamespaces ? ['-A'] : req.namespace ? ['-n', req.namespace] : [];
  const skipped: string[] = [];
  const byResource = new Map<string, Obj[]>();
  const get = async (resource: string, args: string[]): Promise<void> => {
    try {
      const doc = (await kubectl.getJson([resource, ...args])) as { items?: Obj[] };
      byResource.set(resource, [...(byResource.get(resource) ?? []), ...(doc.items ?? [])]);
    } catch (e) {
      if (!(e instanceof KubectlError) || e.kind === 'unreachable' || e.kind === 'unauthorized' || e.kind === 'missing-binary') throw e;
      skipped.push(`${resource}: ${e.message}`);
    }
  };
  await Promise.all([
    ...NAMESPACED.map((r) => get(r, scope)),
    ...CLUSTER.map((r) => get(r, [])),
    get('leases', ['-n', 'kube-node-lease']),
    get('leases', ['-n', 'kube-system']),
    // the pods that hold node resources everywhere, for the scheduling simulation
    ...(req.allNamespaces ? [] : [get('pods', ['-A', '--field-selector', 'status.phase!=Succeeded,status.phase!=Failed'])]),
  ]);
  // Secrets: key names only, through a template; values never leave the API server
  const secretKeys: Obj[] = [];
  const tpl = 'go-template={{range .items}}{{.metadata.namespace}} {{.metadata.name}}{{range $k, $v := .data}} {{$k}}{{end}}{{"\\n"}}{{end}}';
  const sr = await kubectl.run(['get', 'secrets', ...scope, '-o', tpl]);
  if (sr.code === 0) {
    for (const line of sr.stdout.split('\n').filter(Boolean)) {
      const [ns, name, ...keys] = line.split(' ');
      secretKeys.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: name ?? '', namespace: ns ?? '' }, data: Object.fromEntries(keys.map((k) => [k, ''])) });
    }
  } else skipped.push(`secrets: ${sr.stderr.trim().split('\n').pop() ?? 'failed'}`);
  byResource.set('secrets', secretKeys);

  // dedupe pods fetched twice, then logs of crashed containers
  const seen = new Set<string>();
  const pods = (byResource.get('pods') ?? []).filter((p) => {
    const k = `${p.metadata?.namespace}/${p.metadata?.name}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  byResource.set('pods', pods);
  const logs: Array<{ ns: string; pod: string; container: string; previous: boolean; text: string }> = [];
  // only archives have a place for logs: do not fetch what a List cannot hold
  await Promise.all(
    (format === 'tar' ? pods : []).flatMap((p) => {
      const statuses = [...(((p.status as { containerStatuses?: unknown[] })?.containerStatuses ?? []) as Array<{ name: string; restartCount?: number; lastState?: { terminated?: unknown } }>)];
      return statuses.filter((s) => (s.restartCount ?? 0) > 0 && s.lastState?.terminated).map(async (s) => {
        const ns = p.metadata?.namespace ?? 'default';
        const r = await kubectl.run(['logs', p.metadata?.name ?? '', '-n', ns, '-c', s.name, '--previous', `--tail=${req.logTail}`]);
        if (r.code === 0) logs.push({ ns, pod: p.metadata?.name ?? '', container: s.name, previous: true, text: req.redact ? redactText(r.stdout) : r.stdout });
      });
    }),
  );

  const clean = (o: Obj): Obj => (req.redact ? redactObject(o) : o);
  const captured = new Date(req.now).toISOString().replace(/\.\d{3}Z$/, 'Z');
  let body: Buffer;
  let objects = 0;
  if (format === 'tar') {
    const root = `podwhy-snapshot-${captured.replace(/:/g, '_').replace(/Z$/, '')}`;
    const mtime = new Date(req.now);
    const parts: Buffer[] = [tarEntry(`${root}/version.yaml`, Buffer.from(`apiVersion: troubleshoot.sh/v1beta2\nkind: SupportBundle\nspec:\n  versionNumber: podwhy\n# ${CAPTURE_ANNOTATION}: ${captured}\n`), mtime)];
    for (const [resource, items] of [...byResource].sort()) {
      const cleaned = items.map(clean);
      objects += cleaned.length;
      if (CLUSTER_FILE[resource]) {
        parts.push(tarEntry(`${root}/cluster-resources/${CLUSTER_FILE[resource]}`, Buffer.from(JSON.stringify({ kind: 'List', apiVersion: 'v1', items: cleaned }, null, 2)), mtime));
        continue;
      }
      const byNs = new Map<string, Obj[]>();
      for (const o of cleaned) byNs.set(o.metadata?.namespace ?? 'default', [...(byNs.get(o.metadata?.namespace ?? 'default') ?? []), o]);
      for (const [ns, list] of [...byNs].sort()) {
        parts.push(tarEntry(`${root}/cluster-resources/${PLURAL_DIR[resource] ?? resource}/${ns}.json`, Buffer.from(JSON.stringify({ kind: 'List', apiVersion: 'v1', items: list }, null, 2)), mtime));
      }
    }
    for (const l of logs) parts.push(tarEntry(`${root}/cluster-resources/pods/logs/${l.ns}/${l.pod}/${l.container}${l.previous ? '-previous' : ''}.log`, Buffer.from(l.text), mtime));
    parts.push(Buffer.alloc(1024));
    body = gzipSync(Buffer.concat(parts));
  } else {
    const items = [...byResource.values()].flat().map(clean);
    objects = items.length;
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      metadata: { annotations: { [CAPTURE_ANNOTATION]: captured } },
      items,
    };
    // a List has no place for logs: .tar.gz snapshots keep them
    body = Buffer.from(format === 'json' ? `${JSON.stringify(list, null, 2)}\n` : dump(list, { noRefs: true, lineWidth: -1 }));
  }
  // the temp file sits beside the target (so the rename is atomic), has an unguessable name, and is created
  // exclusively: O_CREAT|O_EXCL fails on anything already there, a symbolic link planted in advance included
  const tmp = path.join(path.dirname(req.output), `.${path.basename(req.output)}.${randomBytes(8).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, body, { mode: 0o600, flag: 'wx' });
    renameSync(tmp, req.output);
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw new KubectlError('other', `cannot write ${req.output}: ${(e as Error).message}`);
  }
  return { objects, logs: logs.length, skipped, bytes: body.length };
}

// A loopback API server that serves a snapshot closely enough for the real kubectl: /version, legacy discovery,
// get and list with label and field selectors, pod logs, and Forbidden, NotFound or slow answers on demand.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { matchesSelector, parseSelector } from '../k8s/selectors';

interface ResourceDef {
  name: string;
  singular: string;
  kind: string;
  group: string;
  version: string;
  namespaced: boolean;
  shortNames?: string[];
}

const RESOURCES: ResourceDef[] = [
  { name: 'pods', singular: 'pod', kind: 'Pod', group: '', version: 'v1', namespaced: true, shortNames: ['po'] },
  { name: 'nodes', singular: 'node', kind: 'Node', group: '', version: 'v1', namespaced: false, shortNames: ['no'] },
  { name: 'events', singular: 'event', kind: 'Event', group: '', version: 'v1', namespaced: true, shortNames: ['ev'] },
  { name: 'persistentvolumeclaims', singular: 'persistentvolumeclaim', kind: 'PersistentVolumeClaim', group: '', version: 'v1', namespaced: true, shortNames: ['pvc'] },
  { name: 'persistentvolumes', singular: 'persistentvolume', kind: 'PersistentVolume', group: '', version: 'v1', namespaced: false, shortNames: ['pv'] },
  { name: 'configmaps', singular: 'configmap', kind: 'ConfigMap', group: '', version: 'v1', namespaced: true, shortNames: ['cm'] },
  { name: 'secrets', singular: 'secret', kind: 'Secret', group: '', version: 'v1', namespaced: true },
  { name: 'namespaces', singular: 'namespace', kind: 'Namespace', group: '', version: 'v1', namespaced: false, shortNames: ['ns'] },
  { name: 'deployments', singular: 'deployment', kind: 'Deployment', group: 'apps', version: 'v1', namespaced: true, shortNames: ['deploy'] },
  { name: 'replicasets', singular: 'replicaset', kind: 'ReplicaSet', group: 'apps', version: 'v1', namespaced: true, shortNames: ['rs'] },
  { name: 'statefulsets', singular: 'statefulset', kind: 'StatefulSet', group: 'apps', version: 'v1', namespaced: true, shortNames: ['sts'] },
  { name: 'daemonsets', singular: 'daemonset', kind: 'DaemonSet', group: 'apps', version: 'v1', namespaced: true, shortNames: ['ds'] },
  { name: 'jobs', singular: 'job', kind: 'Job', group: 'batch', version: 'v1', namespaced: true },
  { name: 'leases', singular: 'lease', kind: 'Lease', group: 'coordination.k8s.io', version: 'v1', namespaced: true },
  { name: 'storageclasses', singular: 'storageclass', kind: 'StorageClass', group: 'storage.k8s.io', version: 'v1', namespaced: false, shortNames: ['sc'] },
  { name: 'csinodes', singular: 'csinode', kind: 'CSINode', group: 'storage.k8s.io', version: 'v1', namespaced: false },
];

type Obj = { kind?: string; apiVersion?: string; metadata?: { name?: string; namespace?: string; labels?: Record<string, string> } } & Record<string, unknown>;

export interface ReplayOptions {
  objects: Obj[];
  /** "ns/pod/container" → { current, previous } */
  logs?: Record<string, { current?: string; previous?: string }>;
  /** resource names answered with 403 */
  forbid?: string[];
  /** milliseconds to wait before answering resource requests */
  delayMs?: number;
}

export interface ReplayServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

const apiVersionOf = (r: ResourceDef): string => (r.group ? `${r.group}/${r.version}` : r.version);

function send(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function status(code: number, reason: string, message: string): Record<string, unknown> {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

function field(obj: Obj, path: string): string | undefined {
  let cur: unknown = obj;
  for (const k of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
  return cur === undefined || cur === null ? undefined : String(cur);
}

function fieldMatches(obj: Obj, selector: string): boolean {
  return selector.split(',').filter(Boolean).every((part) => {
    const m = /^([\w.]+)(!=|==|=)(.*)$/.exec(part);
    if (!m) return true;
    const v = field(obj, m[1] as string) ?? '';
    return m[2] === '!=' ? v !== m[3] : v === m[3];
  });
}

function resourceList(group: string, version: string): Record<string, unknown> {
  const resources = RESOURCES.filter((r) => r.group === group && r.version === version).flatMap((r) => [
    { name: r.name, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: ['get', 'list'], ...(r.shortNames ? { shortNames: r.shortNames } : {}) },
    ...(r.name === 'pods' ? [{ name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] }] : []),
  ]);
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

export function startReplayServer(opts: ReplayOptions): Promise<ReplayServer> {
  const requests: string[] = [];
  const byKind = new Map<string, Obj[]>();
  for (const o of opts.objects) {
    const list = byKind.get(o.kind ?? '') ?? [];
    list.push(o);
    byKind.set(o.kind ?? '', list);
  }
  const groups = [...new Set(RESOURCES.filter((r) => r.group).map((r) => r.group))];

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    if (req.method !== 'GET') return send(res, 405, status(405, 'MethodNotAllowed', 'the replay server only answers GET'));
    const p = url.pathname;
    if (p === '/version') return send(res, 200, { major: '1', minor: '32', gitVersion: 'v1.32.4', platform: 'linux/amd64' });
    if (p === '/api') return send(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] });
    if (p === '/apis') {
      return send(res, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => ({ name: g, versions: [{ groupVersion: `${g}/v1`, version: 'v1' }], preferredVersion: { groupVersion: `${g}/v1`, version: 'v1' } })) });
    }
    if (p === '/api/v1') return send(res, 200, resourceList('', 'v1'));
    const gv = /^\/apis\/([^/]+)\/([^/]+)$/.exec(p);
    if (gv) return send(res, 200, resourceList(gv[1] as string, gv[2] as string));
    const m = /^\/(?:api\/v1|apis\/([^/]+)\/v1)(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?(?:\/(log))?$/.exec(p);
    if (!m) return send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
    const [, group = '', ns, resource, name, sub] = m;
    const def = RESOURCES.find((r) => r.group === group && r.name === resource);
    if (!def) return send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
    if (opts.forbid?.includes(def.name)) {
      const scope = ns ? `in the namespace "${ns}"` : 'at the cluster scope';
      return send(res, 403, status(403, 'Forbidden', `${def.name}${name ? ` "${name}"` : ''} is forbidden: User "tester" cannot ${name ? 'get' : 'list'} resource "${def.name}" in API group "${group}" ${scope}`));
    }
    const answer = (): void => {
      const all = (byKind.get(def.kind) ?? []).filter((o) => !def.namespaced || !ns || (o.metadata?.namespace ?? 'default') === ns);
      if (name) {
        const obj = all.find((o) => o.metadata?.name === name);
        if (!obj) return send(res, 404, { ...status(404, 'NotFound', `${def.name} "${name}" not found`), details: { name, kind: def.name } });
        if (sub === 'log') {
          const key = `${ns}/${name}/${url.searchParams.get('container') ?? ''}`;
          const logs = opts.logs?.[key];
          const text = url.searchParams.get('previous') === 'true' ? logs?.previous : logs?.current;
          if (text === undefined) return send(res, 400, status(400, 'BadRequest', `previous terminated container "${url.searchParams.get('container')}" in pod "${name}" not found`));
          const tail = Number(url.searchParams.get('tailLines') ?? 0);
          const lines = text.split('\n');
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          return void res.end(tail > 0 ? lines.slice(-tail - 1).join('\n') : text);
        }
        return send(res, 200, { apiVersion: apiVersionOf(def), kind: def.kind, ...obj });
      }
      const labelSel = url.searchParams.get('labelSelector');
      const fieldSel = url.searchParams.get('fieldSelector');
      const reqs = labelSel ? parseSelector(labelSel) : [];
      const items = all.filter((o) => matchesSelector(o.metadata?.labels, reqs) && (!fieldSel || fieldMatches(o, fieldSel))).map((o) => ({ apiVersion: apiVersionOf(def), kind: def.kind, ...o }));
      return send(res, 200, { kind: `${def.kind}List`, apiVersion: apiVersionOf(def), metadata: { resourceVersion: '1' }, items });
    };
    if (opts.delayMs) setTimeout(answer, opts.delayMs);
    else answer();
  };

  return new Promise((resolve) => {
    const server: Server = createServer(handle);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}

/** A kubeconfig pointing at the replay server. */
export function kubeconfigFor(url: string, namespace = 'default'): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: replay',
    '  cluster:',
    `    server: ${url}`,
    'users:',
    '- name: tester',
    '  user: {}',
    'contexts:',
    '- name: replay',
    '  context:',
    '    cluster: replay',
    '    user: tester',
    `    namespace: ${namespace}`,
    'current-context: replay',
    '',
  ].join('\n');
}

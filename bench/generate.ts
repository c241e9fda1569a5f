// Generates a realistic troubleshoot-style support bundle of a cluster with N nodes and ~30 pods per node, for
// `make bench`. Objects are shaped like the API server writes them (managedFields, ownerReferences, conditions,
// images on nodes, last-applied annotations on workloads), a few percent unhealthy of every kind, with their events.
// Written file by file (never one big string), as a folder; `tarball` and `listFile` make the other two layouts.
import { closeSync, createReadStream, createWriteStream, mkdirSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Pack } from 'tar/pack';

const T0 = Date.parse('2026-11-27T09:00:00Z');
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** deterministic pseudo-random numbers (mulberry32), so every run writes the same bundle */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const hex = (r: () => number, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(r() * 16)];
  return s;
};
const uid = (r: () => number): string => `${hex(r, 8)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 12)}`;

function podManagedFields(containers: string[], time: string): unknown[] {
  const cont: Record<string, unknown> = {};
  const status: Record<string, unknown> = {};
  for (const c of containers) {
    cont[`k:{"name":"${c}"}`] = {
      '.': {}, 'f:env': { '.': {}, 'k:{"name":"POD_NAME"}': { '.': {}, 'f:name': {}, 'f:valueFrom': { '.': {}, 'f:fieldRef': {} } }, 'k:{"name":"LOG_LEVEL"}': { '.': {}, 'f:name': {}, 'f:value': {} } },
      'f:image': {}, 'f:imagePullPolicy': {}, 'f:livenessProbe': { '.': {}, 'f:failureThreshold': {}, 'f:httpGet': { '.': {}, 'f:path': {}, 'f:port': {}, 'f:scheme': {} }, 'f:periodSeconds': {}, 'f:successThreshold': {}, 'f:timeoutSeconds': {} },
      'f:name': {}, 'f:ports': { '.': {}, 'k:{"containerPort":8080,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {}, 'f:name': {}, 'f:protocol': {} } },
      'f:readinessProbe': { '.': {}, 'f:failureThreshold': {}, 'f:httpGet': { '.': {}, 'f:path': {}, 'f:port': {}, 'f:scheme': {} }, 'f:periodSeconds': {}, 'f:successThreshold': {}, 'f:timeoutSeconds': {} },
      'f:resources': { '.': {}, 'f:limits': { '.': {}, 'f:memory': {} }, 'f:requests': { '.': {}, 'f:cpu': {}, 'f:memory': {} } },
      'f:terminationMessagePath': {}, 'f:terminationMessagePolicy': {}, 'f:volumeMounts': { '.': {}, 'k:{"mountPath":"/etc/config"}': { '.': {}, 'f:mountPath': {}, 'f:name': {} } },
    };
    status[`k:{"name":"${c}"}`] = {};
  }
  return [
    {
      manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'v1', time, fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:metadata': { 'f:generateName': {}, 'f:labels': { '.': {}, 'f:app': {}, 'f:pod-template-hash': {}, 'f:team': {} }, 'f:ownerReferences': { '.': {}, 'k:{"uid":"x"}': {} } },
        'f:spec': { 'f:affinity': { '.': {}, 'f:podAntiAffinity': { '.': {}, 'f:preferredDuringSchedulingIgnoredDuringExecution': {} } }, 'f:containers': cont, 'f:dnsPolicy': {}, 'f:enableServiceLinks': {}, 'f:restartPolicy': {}, 'f:schedulerName': {}, 'f:securityContext': {}, 'f:serviceAccount': {}, 'f:serviceAccountName': {}, 'f:terminationGracePeriodSeconds': {}, 'f:volumes': { '.': {}, 'k:{"name":"config"}': { '.': {}, 'f:configMap': { '.': {}, 'f:defaultMode': {}, 'f:name': {} }, 'f:name': {} } } },
      },
    },
    {
      manager: 'kubelet', operation: 'Update', apiVersion: 'v1', time, fieldsType: 'FieldsV1', subresource: 'status',
      fieldsV1: {
        'f:status': {
          'f:conditions': Object.fromEntries(['ContainersReady', 'Initialized', 'PodReadyToStartContainers', 'Ready'].map((t) => [`k:{"type":"${t}"}`, { '.': {}, 'f:lastProbeTime': {}, 'f:lastTransitionTime': {}, 'f:status': {}, 'f:type': {} }])),
          'f:containerStatuses': {}, 'f:hostIP': {}, 'f:hostIPs': {}, 'f:phase': {}, 'f:podIP': {}, 'f:podIPs': { '.': {}, 'k:{"ip":"10.0.0.1"}': { '.': {}, 'f:ip': {} } }, 'f:startTime': {},
        },
      },
    },
  ];
}

type Health = 'ok' | 'crash' | 'oom' | 'pull' | 'probe' | 'pending-cpu' | 'pending-selector' | 'pending-anti' | 'terminating' | 'evicted' | 'completed' | 'unknown';

/** the share of pods in each unhealthy state (the rest are healthy) */
const MIX: Array<[Health, number]> = [
  ['crash', 0.01], ['oom', 0.004], ['pull', 0.005], ['probe', 0.005], ['pending-cpu', 0.002], ['pending-selector', 0.001],
  ['pending-anti', 0.001], ['terminating', 0.003], ['evicted', 0.003], ['completed', 0.02],
];

export interface GenStats {
  nodes: number;
  pods: number;
  events: number;
  files: number;
  bytes: number;
}

/** Writes `{"kind": "<Kind>List", "items": [...]}` like troubleshoot does (two-space indentation), one item at a time. */
function writeList(dir: string, rel: string, kind: string, items: Iterable<unknown>, stats: GenStats): void {
  const file = path.join(dir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  let chunk = `{\n  "kind": "${kind}",\n  "apiVersion": "v1",\n  "metadata": {\n    "resourceVersion": "123456789"\n  },\n  "items": [`;
  let first = true;
  for (const item of items) {
    chunk += `${first ? '' : ','}\n    ${JSON.stringify(item, null, 2).replace(/\n/g, '\n    ')}`;
    first = false;
    if (chunk.length > 1 << 20) {
      stats.bytes += writeSync(fd, chunk);
      chunk = '';
    }
  }
  chunk += `${first ? '' : '\n  '}]\n}\n`;
  stats.bytes += writeSync(fd, chunk);
  closeSync(fd);
  stats.files++;
}

const IMAGES = Array.from({ length: 40 }, (_, i) => `registry.example.com/team-${i % 8}/service-${i}`);

function node(i: number, r: () => number, notReady: boolean): unknown {
  const name = `ip-10-${(i >> 8) & 255}-${i & 255}-${i % 7}.ec2.internal`;
  const zone = `us-east-1${'abc'[i % 3]}`;
  const cond = (type: string, status: string, reason: string, message: string): unknown => ({ type, status, lastHeartbeatTime: iso(T0 + 3540_000 - (notReady ? 1800_000 : 0)), lastTransitionTime: iso(T0 - 86400_000), reason, message });
  return {
    kind: 'Node', apiVersion: 'v1',
    metadata: {
      name, uid: uid(r), resourceVersion: String(100000 + i), creationTimestamp: iso(T0 - 30 * 86400_000),
      labels: {
        'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/instance-type': 'm5.4xlarge', 'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'node.kubernetes.io/instance-type': 'm5.4xlarge',
        'topology.kubernetes.io/region': 'us-east-1', 'topology.kubernetes.io/zone': zone, 'failure-domain.beta.kubernetes.io/zone': zone,
        pool: i % 10 === 0 ? 'gpu' : 'general', ...(i < 3 ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
      },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true', 'csi.volume.kubernetes.io/nodeid': `{"ebs.csi.aws.com":"i-${hex(r, 17)}"}` },
      managedFields: [
        { manager: 'kubelet', operation: 'Update', apiVersion: 'v1', time: iso(T0 - 30 * 86400_000), fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:annotations': { '.': {}, 'f:volumes.kubernetes.io/controller-managed-attach-detach': {} }, 'f:labels': Object.fromEntries(['.', 'f:beta.kubernetes.io/arch', 'f:beta.kubernetes.io/os', 'f:kubernetes.io/arch', 'f:kubernetes.io/hostname', 'f:kubernetes.io/os'].map((k) => [k, {}])) }, 'f:spec': { 'f:providerID': {} } } },
        { manager: 'kubelet', operation: 'Update', apiVersion: 'v1', time: iso(T0), fieldsType: 'FieldsV1', subresource: 'status', fieldsV1: { 'f:status': { 'f:allocatable': { 'f:cpu': {}, 'f:memory': {} }, 'f:conditions': Object.fromEntries(['DiskPressure', 'MemoryPressure', 'PIDPressure', 'Ready'].map((t) => [`k:{"type":"${t}"}`, { 'f:lastHeartbeatTime': {}, 'f:lastTransitionTime': {}, 'f:message': {}, 'f:reason': {}, 'f:status': {} }])), 'f:images': {}, 'f:nodeInfo': { 'f:bootID': {}, 'f:kernelVersion': {} } } } },
      ],
    },
    spec: { providerID: `aws:///${zone}/i-${hex(r, 17)}`, podCIDR: `10.${100 + (i >> 8)}.${i & 255}.0/24`, ...(i < 3 ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : i % 10 === 0 ? { taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] } : notReady ? { taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: iso(T0 + 1800_000) }, { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: iso(T0 + 1805_000) }] } : {}) },
    status: {
      capacity: { cpu: '16', 'ephemeral-storage': '104845292Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '64333060Ki', pods: '110' },
      allocatable: { cpu: '15890m', 'ephemeral-storage': '95551679124', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '63316228Ki', pods: '110' },
      conditions: notReady
        ? [cond('MemoryPressure', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.'), cond('DiskPressure', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.'), cond('PIDPressure', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.'), cond('Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.')]
        : [cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'), cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'), cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'), cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status')],
      addresses: [{ type: 'InternalIP', address: `10.0.${(i >> 8) & 255}.${i & 255}` }, { type: 'Hostname', address: name }, { type: 'InternalDNS', address: name }],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: { machineID: hex(r, 32), systemUUID: uid(r), bootID: uid(r), kernelVersion: '5.10.227-219.884.amzn2.x86_64', osImage: 'Amazon Linux 2', containerRuntimeVersion: 'containerd://1.7.22', kubeletVersion: 'v1.31.2-eks-94953ac', kubeProxyVersion: 'v1.31.2-eks-94953ac', operatingSystem: 'linux', architecture: 'amd64' },
      images: IMAGES.slice(0, 25 + (i % 15)).map((img, k) => ({ names: [`${img}@sha256:${hex(r, 64)}`, `${img}:v1.${k}.0`], sizeBytes: 20_000_000 + k * 1_000_003 })),
    },
  };
}

interface PodPlan {
  ns: string;
  name: string;
  app: string;
  rs: string;
  rsUid: string;
  node?: string;
  health: Health;
  uid: string;
  created: number;
}

function pod(p: PodPlan, r: () => number): unknown {
  const containers = ['app', ...(p.app.endsWith('0') ? ['envoy'] : [])];
  const started = iso(p.created + 20_000);
  const mf = podManagedFields(containers, iso(p.created));
  const terminating = p.health === 'terminating';
  const pending = p.health.startsWith('pending');
  const cpu = p.health === 'pending-cpu' ? '64' : `${100 + (p.app.length % 5) * 50}m`;
  const status = (c: string): unknown => {
    const base = { name: c, image: `registry.example.com/${p.app}:1.4.2`, imageID: `registry.example.com/${p.app}@sha256:${hex(r, 64)}`, containerID: `containerd://${hex(r, 64)}`, started: true, ready: true, restartCount: 0, state: { running: { startedAt: started } }, lastState: {} as unknown };
    if (c !== 'app') return base;
    switch (p.health) {
      case 'crash':
        return { ...base, ready: false, started: false, restartCount: 17, state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off 5m0s restarting failed container=app pod=${p.name}_${p.ns}(${p.uid})` } }, lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: iso(T0 + 3000_000), finishedAt: iso(T0 + 3002_000), containerID: `containerd://${hex(r, 64)}` } } };
      case 'oom':
        return { ...base, ready: false, started: false, restartCount: 6, state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 2m40s restarting failed container' } }, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: iso(T0 + 3100_000), finishedAt: iso(T0 + 3160_000), containerID: `containerd://${hex(r, 64)}` } } };
      case 'pull':
        return { name: c, image: `registry.example.com/${p.app}:1.4.3-typo`, imageID: '', started: false, ready: false, restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "registry.example.com/${p.app}:1.4.3-typo"` } }, lastState: {} };
      case 'probe':
        return { ...base, ready: false };
      case 'terminating':
        return { ...base, ready: false, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: started, finishedAt: iso(T0 + 1200_000) } } };
      case 'completed':
        return { ...base, ready: false, started: false, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: started, finishedAt: iso(p.created + 80_000) } } };
      default:
        return base;
    }
  };
  const phase = pending ? 'Pending' : p.health === 'completed' ? 'Succeeded' : p.health === 'evicted' ? 'Failed' : p.health === 'pull' ? 'Pending' : 'Running';
  const ready = p.health === 'ok' || p.health === 'unknown' ? 'True' : 'False';
  const cond = (type: string, status: string): unknown => ({ type, status, lastProbeTime: null, lastTransitionTime: iso(p.created + 21_000) });
  return {
    kind: 'Pod', apiVersion: 'v1',
    metadata: {
      name: p.name, generateName: `${p.rs}-`, namespace: p.ns, uid: p.uid, resourceVersion: String(Math.floor(r() * 1e9)), creationTimestamp: iso(p.created),
      ...(terminating ? { deletionTimestamp: iso(T0 + 1230_000), deletionGracePeriodSeconds: 30, finalizers: ['example.com/drain-connections'] } : {}),
      labels: { app: p.app, 'pod-template-hash': p.rs.slice(-10), team: `team-${p.app.length % 8}` },
      annotations: { 'kubectl.kubernetes.io/restartedAt': iso(p.created - 3600_000), 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9090' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: p.rs, uid: p.rsUid, controller: true, blockOwnerDeletion: true }],
      managedFields: mf,
    },
    spec: {
      volumes: [{ name: 'config', configMap: { name: `${p.app}-config`, defaultMode: 420 } }, { name: 'kube-api-access', projected: { sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }, { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }], defaultMode: 420 } }],
      containers: containers.map((c) => ({
        name: c, image: c === 'app' ? `registry.example.com/${p.app}:1.4.${p.health === 'pull' ? '3-typo' : '2'}` : 'envoyproxy/envoy:v1.31.2',
        ports: [{ name: 'http', containerPort: c === 'app' ? 8080 : 15001, protocol: 'TCP' }],
        env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }, { name: 'LOG_LEVEL', value: 'info' }],
        resources: { limits: { memory: p.health === 'oom' ? '128Mi' : '1Gi' }, requests: { cpu, memory: '512Mi' } },
        volumeMounts: [{ name: 'config', mountPath: '/etc/config' }, { name: 'kube-api-access', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
        livenessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
        readinessProbe: { httpGet: { path: '/ready', port: 8080, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 },
        terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent',
      })),
      restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', serviceAccountName: 'default', serviceAccount: 'default',
      ...(p.node ? { nodeName: p.node } : {}),
      ...(p.health === 'pending-selector' ? { nodeSelector: { pool: 'highmem' } } : {}),
      securityContext: {},
      affinity: p.health === 'pending-anti'
        ? { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web-1' } }, topologyKey: 'topology.kubernetes.io/zone' }] } }
        : { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app: p.app } }, topologyKey: 'kubernetes.io/hostname' } }] } },
      schedulerName: 'default-scheduler',
      tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }, { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
      priority: 0, enableServiceLinks: true, preemptionPolicy: 'PreemptLowerPriority',
    },
    status: pending
      ? { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: iso(p.created), reason: 'Unschedulable', message: 'see events' }], qosClass: 'Burstable' }
      : p.health === 'evicted'
        ? { phase: 'Failed', message: 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 51200Ki. Container app was using 1800Mi, request is 512Mi, has larger consumption of memory.', reason: 'Evicted', startTime: iso(p.created), qosClass: 'Burstable' }
        : {
            phase,
            ...(p.health === 'unknown' ? {} : {}),
            conditions: [cond('PodReadyToStartContainers', 'True'), cond('Initialized', 'True'), cond('Ready', ready), cond('ContainersReady', ready), cond('PodScheduled', 'True')],
            hostIP: '10.0.0.1', hostIPs: [{ ip: '10.0.0.1' }], podIP: `10.100.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}`, podIPs: [{ ip: '10.100.0.1' }], startTime: iso(p.created + 1000),
            containerStatuses: containers.map(status), qosClass: 'Burstable',
          },
  };
}

function event(p: PodPlan, reason: string, type: string, message: string, count: number, r: () => number, fieldPath = '', source = 'kubelet'): unknown {
  return {
    kind: 'Event', apiVersion: 'v1',
    metadata: { name: `${p.name}.${hex(r, 16)}`, namespace: p.ns, uid: uid(r), resourceVersion: String(Math.floor(r() * 1e9)), creationTimestamp: iso(p.created + 30_000), managedFields: [{ manager: source, operation: 'Update', apiVersion: 'v1', time: iso(T0 + 3000_000), fieldsType: 'FieldsV1', fieldsV1: { 'f:count': {}, 'f:firstTimestamp': {}, 'f:involvedObject': {}, 'f:lastTimestamp': {}, 'f:message': {}, 'f:reason': {}, 'f:reportingComponent': {}, 'f:reportingInstance': {}, 'f:source': { 'f:component': {}, 'f:host': {} }, 'f:type': {} } }] },
    involvedObject: { kind: 'Pod', namespace: p.ns, name: p.name, uid: p.uid, apiVersion: 'v1', resourceVersion: '1', ...(fieldPath ? { fieldPath } : {}) },
    reason, message, source: { component: source, ...(source === 'kubelet' && p.node ? { host: p.node } : {}) },
    firstTimestamp: iso(p.created + 30_000), lastTimestamp: iso(T0 + 3000_000), count, type, eventTime: null, reportingComponent: source, reportingInstance: p.node ?? '',
  };
}

function eventsOf(p: PodPlan, r: () => number, nodes: number): unknown[] {
  const c = 'spec.containers{app}';
  switch (p.health) {
    case 'crash':
      return [event(p, 'BackOff', 'Warning', 'Back-off restarting failed container app in pod ' + p.name, 300, r, c), event(p, 'Pulled', 'Normal', `Container image "registry.example.com/${p.app}:1.4.2" already present on machine`, 17, r, c)];
    case 'oom':
      return [event(p, 'BackOff', 'Warning', 'Back-off restarting failed container app in pod ' + p.name, 40, r, c)];
    case 'pull':
      return [
        event(p, 'Failed', 'Warning', `Failed to pull image "registry.example.com/${p.app}:1.4.3-typo": rpc error: code = NotFound desc = failed to pull and unpack image "registry.example.com/${p.app}:1.4.3-typo": failed to resolve reference "registry.example.com/${p.app}:1.4.3-typo": registry.example.com/${p.app}:1.4.3-typo: not found`, 12, r, c),
        event(p, 'BackOff', 'Normal', `Back-off pulling image "registry.example.com/${p.app}:1.4.3-typo"`, 250, r, c),
      ];
    case 'probe':
      return [event(p, 'Unhealthy', 'Warning', 'Readiness probe failed: HTTP probe failed with statuscode: 503', 900, r, c)];
    case 'pending-cpu':
      return [event(p, 'FailedScheduling', 'Warning', `0/${nodes} nodes are available: ${Math.ceil(nodes / 10) + 3} node(s) had untolerated taint(s), ${nodes - Math.ceil(nodes / 10) - 3} Insufficient cpu. preemption: 0/${nodes} nodes are available: ${Math.ceil(nodes / 10) + 3} Preemption is not helpful for scheduling, ${nodes - Math.ceil(nodes / 10) - 3} No preemption victims found for incoming pod.`, 20, r, '', 'default-scheduler')];
    case 'pending-selector':
      return [event(p, 'FailedScheduling', 'Warning', `0/${nodes} nodes are available: ${nodes} node(s) didn't match Pod's node affinity/selector. preemption: 0/${nodes} nodes are available: ${nodes} Preemption is not helpful for scheduling.`, 20, r, '', 'default-scheduler')];
    case 'evicted':
      return [event(p, 'Evicted', 'Warning', 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 51200Ki.', 1, r)];
    case 'terminating':
      return [event(p, 'Killing', 'Normal', 'Stopping container app', 1, r, c)];
    default:
      return r() < 0.15 ? [event(p, 'Pulled', 'Normal', `Container image "registry.example.com/${p.app}:1.4.2" already present on machine`, 1, r, c)] : [];
  }
}

function replicaSet(ns: string, name: string, app: string, rsUid: string, replicas: number, r: () => number): unknown {
  return {
    kind: 'ReplicaSet', apiVersion: 'apps/v1',
    metadata: {
      name, namespace: ns, uid: rsUid, resourceVersion: String(Math.floor(r() * 1e9)), generation: 3, creationTimestamp: iso(T0 - 86400_000),
      labels: { app, 'pod-template-hash': name.slice(-10) },
      annotations: { 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/max-replicas': String(replicas + 1), 'deployment.kubernetes.io/revision': '3' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: app, uid: uid(r), controller: true, blockOwnerDeletion: true }],
      managedFields: [{ manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', time: iso(T0 - 86400_000), fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:annotations': {}, 'f:labels': {}, 'f:ownerReferences': {} }, 'f:spec': { 'f:replicas': {}, 'f:selector': {}, 'f:template': { 'f:metadata': {}, 'f:spec': { 'f:containers': { 'k:{"name":"app"}': { '.': {}, 'f:image': {}, 'f:name': {}, 'f:resources': {} } } } } } } }],
    },
    spec: { replicas, selector: { matchLabels: { app, 'pod-template-hash': name.slice(-10) } }, template: { metadata: { labels: { app, 'pod-template-hash': name.slice(-10) } }, spec: { containers: [{ name: 'app', image: `registry.example.com/${app}:1.4.2`, resources: { requests: { cpu: '100m', memory: '512Mi' } } }] } } },
    status: { replicas, fullyLabeledReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 3 },
  };
}

/** Writes the folder layout; returns what it wrote. */
export function generateBundle(root: string, nodes: number): GenStats {
  const r = rng(nodes);
  const stats: GenStats = { nodes, pods: 0, events: 0, files: 0, bytes: 0 };
  const dir = path.join(root, 'support-bundle-2026-11-27T10_00_00', 'cluster-resources');
  const nodeNames: string[] = [];
  const notReady = new Set<number>();
  for (let i = 0; i < nodes; i++) if (i > 3 && r() < 0.002) notReady.add(i);
  const nodeObjs = function* (): Generator<unknown> {
    for (let i = 0; i < nodes; i++) {
      const n = node(i, r, notReady.has(i)) as { metadata: { name: string } };
      nodeNames.push(n.metadata.name);
      yield n;
    }
  };
  writeList(dir, 'nodes.json', 'NodeList', nodeObjs(), stats);
  const namespaces = Math.max(10, Math.round(nodes / 25));
  const podsPerNs = Math.round((nodes * 30) / namespaces);
  const nsNames = Array.from({ length: namespaces }, (_, i) => `team-${i}`);
  writeList(dir, 'namespaces.json', 'NamespaceList', nsNames.map((n) => ({ kind: 'Namespace', apiVersion: 'v1', metadata: { name: n, uid: uid(r), creationTimestamp: iso(T0 - 30 * 86400_000), labels: { 'kubernetes.io/metadata.name': n } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } })), stats);
  let podIndex = 0;
  for (const ns of nsNames) {
    const plans: PodPlan[] = [];
    const rsList: unknown[] = [];
    for (let k = 0; k < podsPerNs; k += 10) {
      const app = `web-${(podIndex + k) % 997}`;
      const rs = `${app}-${hex(r, 10)}`;
      const rsUid = uid(r);
      const replicas = Math.min(10, podsPerNs - k);
      rsList.push(replicaSet(ns, rs, app, rsUid, replicas, r));
      for (let j = 0; j < replicas; j++) {
        let health: Health = 'ok';
        let x = r();
        for (const [h, share] of MIX) {
          if (x < share) {
            health = h;
            break;
          }
          x -= share;
        }
        const nodeIdx = Math.floor(r() * nodes);
        const pending = health.startsWith('pending');
        if (!pending && notReady.has(nodeIdx)) health = 'unknown';
        plans.push({ ns, app, rs, rsUid, name: `${rs}-${hex(r, 5)}`, health, uid: uid(r), created: T0 - Math.floor(r() * 7 * 86400_000), ...(pending ? {} : { node: nodeNames[nodeIdx] as string }) });
      }
    }
    podIndex += plans.length;
    stats.pods += plans.length;
    writeList(dir, `pods/${ns}.json`, 'PodList', (function* () {
      for (const p of plans) yield pod(p, r);
    })(), stats);
    const events: unknown[] = [];
    for (const p of plans) events.push(...eventsOf(p, r, nodes));
    stats.events += events.length;
    writeList(dir, `events/${ns}.json`, 'EventList', events, stats);
    writeList(dir, `replicasets/${ns}.json`, 'ReplicaSetList', rsList, stats);
  }
  return stats;
}

/** The folder as one .tar.gz, written by streaming. */
export async function tarball(root: string, out: string): Promise<void> {
  const pack = new Pack({ cwd: root, portable: true });
  const top = readdirSync(root).filter((f) => f.startsWith('support-bundle-'));
  for (const t of top) pack.add(t);
  pack.end();
  await pipeline(pack, createGzip({ level: 1 }), createWriteStream(out));
}

/** Every object of the folder as one `kind: List` file (what `kubectl get nodes,pods,events,rs -A -o json` writes). */
export async function listFile(root: string, out: string): Promise<number> {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (e.name.endsWith('.json')) files.push(f);
    }
  };
  walk(root);
  files.sort();
  const fd = openSync(out, 'w');
  let bytes = writeSync(fd, '{\n    "apiVersion": "v1",\n    "items": [');
  let first = true;
  for (const f of files) {
    // the generator writes each item at four spaces' indentation between `"items": [` and the closing `]`
    const text = await readText(f);
    const start = text.indexOf('"items": [') + '"items": ['.length;
    const end = text.lastIndexOf(']');
    const body = text.slice(start, end).trim();
    if (body === '') continue;
    bytes += writeSync(fd, `${first ? '' : ','}\n    ${body}`);
    first = false;
  }
  bytes += writeSync(fd, '\n    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
  closeSync(fd);
  return bytes;
}

async function readText(file: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of createReadStream(file)) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function folderBytes(root: string): number {
  let total = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else total += statSync(f).size;
    }
  };
  walk(root);
  return total;
}

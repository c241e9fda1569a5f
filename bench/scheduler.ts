// make bench: one Pending pod simulated against a generated 5,000-node / 150,000-pod snapshot.
// Prints load time (read + parse + validate + index) and simulation time; the target is simulation ≤ 2% of load.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadOffline } from '../src/sources/offline';
import { simulate } from '../src/scheduler/simulate';

const NODES = Number(process.env.BENCH_NODES ?? 5000);
const PODS = Number(process.env.BENCH_PODS ?? 150000);
const FILE = `.bench/cluster-${NODES}-${PODS}.json`;

function generate(): void {
  const items: unknown[] = [];
  for (let i = 0; i < NODES; i++) {
    items.push({
      apiVersion: 'v1', kind: 'Node',
      metadata: { name: `node-${i}`, labels: { 'kubernetes.io/hostname': `node-${i}`, 'topology.kubernetes.io/zone': `zone-${i % 3}`, pool: i % 10 === 0 ? 'gpu' : 'general' } },
      spec: i % 50 === 0 ? { taints: [{ key: 'dedicated', value: 'infra', effect: 'NoSchedule' }] } : {},
      status: { allocatable: { cpu: '16', memory: '64Gi', pods: '110', 'ephemeral-storage': '100Gi' }, capacity: { cpu: '16', memory: '64Gi', pods: '110' }, conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: '2026-11-27T10:00:00Z' }], nodeInfo: { kubeletVersion: 'v1.32.4' } },
    });
  }
  for (let i = 0; i < PODS; i++) {
    items.push({
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: `app-${i}`, namespace: `ns-${i % 40}`, uid: `uid-${i}`, labels: { app: `app-${i % 500}` }, creationTimestamp: '2026-11-27T09:00:00Z' },
      spec: { nodeName: `node-${i % NODES}`, containers: [{ name: 'c', image: 'registry.example.com/app:1', resources: { requests: { cpu: '450m', memory: '1800Mi' } }, ports: i % 7 === 0 ? [{ containerPort: 8080 }] : [] }] },
      status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ name: 'c', ready: true, restartCount: 0, state: { running: { startedAt: '2026-11-27T09:01:00Z' } } }] },
    });
  }
  items.push({
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'pending', namespace: 'ns-0', uid: 'uid-pending', labels: { app: 'app-1' }, creationTimestamp: '2026-11-27T09:30:00Z' },
    spec: {
      containers: [{ name: 'c', resources: { requests: { cpu: '4', memory: '16Gi' } } }],
      affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'app-1' } } }] } },
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'app-1' } } }],
    },
    status: { phase: 'Pending' },
  });
  mkdirSync('.bench', { recursive: true });
  writeFileSync(FILE, JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function main(): Promise<void> {
  if (!existsSync(FILE)) generate();
  const loads: number[] = [];
  let snap;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    snap = await loadOffline([FILE], { clock: 0 });
    loads.push(performance.now() - t0);
  }
  if (!snap) throw new Error('no snapshot');
  const pod = snap.pods.find((p) => p.metadata.name === 'pending');
  if (!pod) throw new Error('no pending pod');
  const sims: number[] = [];
  let message = '';
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    message = simulate(pod, snap).message ?? 'fits';
    sims.push(performance.now() - t0);
  }
  const load = median(loads);
  const sim = median(sims);
  const mem = process.memoryUsage().rss / 1024 / 1024;
  console.log(`snapshot: ${NODES} nodes, ${PODS} pods (${FILE})`);
  console.log(`load (read, parse, validate, index): median ${load.toFixed(0)} ms of ${loads.map((x) => x.toFixed(0)).join(', ')}`);
  console.log(`simulate one Pending pod:           median ${sim.toFixed(1)} ms of ${sims.map((x) => x.toFixed(1)).join(', ')}`);
  console.log(`simulation / load: ${((sim / load) * 100).toFixed(2)}% (target ≤ 2%); rss ${mem.toFixed(0)} MiB`);
  console.log(`message: ${message.slice(0, 200)}`);
  if (sim / load > 0.02) process.exitCode = 1;
}

void main();

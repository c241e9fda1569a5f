// make bench, scale part: `-A` triage of generated troubleshoot bundles (500, 1,000 and 5,000 nodes, ~30 pods per
// node) as a folder, as .tar.gz and as one List file, measured side by side with a bare JSON.parse of the same
// JSON files in the same run. Goals: wall ≤ 1.5× the bare parse, peak RSS ≤ 1.5× the bundle's bytes, Node's default
// heap. Then the scale-type hostile inputs, each with a time limit. Bundles are generated into a temp dir and removed.
//
// BENCH_SCALE_NODES=500,1000 limits the sizes; BENCH_KEEP=1 keeps the temp dir; BENCH_HOSTILE=0 skips the hostile part.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createGzip } from 'node:zlib';
import { Header } from 'tar/header';
import { folderBytes, generateBundle, listFile, tarball } from './generate';

const BIN = path.resolve('dist/kubectl-podwhy');
const SIZES = (process.env.BENCH_SCALE_NODES ?? '500,1000,5000').split(',').map(Number);
const WALL_GOAL = 1.5;
const RSS_GOAL = 1.5;

const root = mkdtempSync(path.join(tmpdir(), 'podwhy-bench-'));
const hook = path.join(root, 'rss-hook.js');
writeFileSync(hook, "process.on('exit', () => { if (process.env.RSS_OUT) require('fs').writeFileSync(process.env.RSS_OUT, String(process.resourceUsage().maxRSS * 1024)); });\n");
const baselineScript = path.join(root, 'baseline.js');
writeFileSync(
  baselineScript,
  `// the bare cost: every JSON file of the folder read and JSON.parse'd, one at a time, nothing kept
const fs = require('fs'), path = require('path');
const files = [];
(function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) { const f = path.join(d, e.name); if (e.isDirectory()) walk(f); else if (f.endsWith('.json')) files.push(f); } })(process.argv[2]);
let items = 0;
for (const f of files) items += (JSON.parse(fs.readFileSync(f, 'utf8')).items || []).length;
console.log(items);
`,
);

interface Run {
  wall: number;
  rss: number;
  code: number | null;
  stderr: string;
  stdoutBytes: number;
}

/** Runs node on a script in a child process (default heap), measuring wall time and peak RSS. */
function measure(args: string[], opts: { stdin?: string; timeoutMs?: number } = {}): Run {
  const rssFile = path.join(root, `rss-${process.hrtime.bigint()}`);
  const outFile = path.join(root, 'stdout');
  const out = openSync(outFile, 'w');
  const input = opts.stdin ? openSync(opts.stdin, 'r') : 'ignore';
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', hook, ...args], {
    stdio: [input, out, 'pipe'],
    env: { ...process.env, RSS_OUT: rssFile, NODE_OPTIONS: '' },
    timeout: opts.timeoutMs ?? 30 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  closeSync(out);
  if (typeof input === 'number') closeSync(input);
  let rss = 0;
  try {
    rss = Number(readFileSync(rssFile, 'utf8'));
  } catch {
    // killed before exit
  }
  return { wall, rss, code: r.status, stderr: r.stderr?.toString() ?? '', stdoutBytes: statSync(outFile).size };
}

const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(0)} MiB`;
const lines: string[] = [];
const say = (s: string): void => {
  console.log(s);
  lines.push(s);
};
let failed = false;

async function scaleRuns(): Promise<void> {
  say('layout       nodes   pods     JSON bytes   input bytes | parse wall  parse RSS | podwhy wall  podwhy RSS | wall ratio  RSS/bytes | goals');
  for (const nodes of SIZES) {
    const dir = path.join(root, `b${nodes}`);
    const t0 = Date.now();
    const stats = generateBundle(dir, nodes);
    const bytes = folderBytes(dir);
    await tarball(dir, `${dir}.tar.gz`);
    await listFile(dir, `${dir}.list.json`);
    console.log(`(generated ${nodes} nodes, ${stats.pods} pods, ${stats.events} events: ${mb(bytes)} in ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    const base = measure([baselineScript, dir]);
    if (base.code !== 0) throw new Error(`baseline failed: ${base.stderr}`);
    for (const [layout, input] of [
      ['folder', dir],
      ['tar.gz', `${dir}.tar.gz`],
      ['List', `${dir}.list.json`],
    ] as const) {
      const r = measure([BIN, '-A', '-f', input]);
      const ok = r.code === 0 || r.code === 1;
      const wallRatio = r.wall / base.wall;
      const rssRatio = r.rss / bytes;
      const met = ok && wallRatio <= WALL_GOAL && rssRatio <= RSS_GOAL;
      if (!met) failed = true;
      say(
        `${layout.padEnd(10)} ${String(nodes).padStart(6)} ${String(stats.pods).padStart(7)} ${mb(bytes).padStart(12)} ${mb(statSync(input).size).padStart(13)} | ${base.wall.toFixed(1).padStart(8)} s ${mb(base.rss).padStart(10)} | ${r.wall.toFixed(1).padStart(9)} s ${mb(r.rss).padStart(11)} | ${wallRatio.toFixed(2).padStart(9)}× ${rssRatio.toFixed(2).padStart(9)}× | ${ok ? '' : `exit ${r.code} `}${wallRatio <= WALL_GOAL ? 'wall ok' : 'WALL MISSED'}, ${rssRatio <= RSS_GOAL ? 'rss ok' : 'RSS MISSED'}`,
      );
      if (!ok) console.log(r.stderr.split('\n').slice(-5).join('\n'));
    }
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}.tar.gz`, { force: true });
    if (nodes !== SIZES[SIZES.length - 1]) rmSync(`${dir}.list.json`, { force: true });
  }
}

/** writes text to a file in pieces (never one huge string) */
function writeParts(file: string, parts: Iterable<string>): void {
  const fd = openSync(file, 'w');
  let buf = '';
  for (const p of parts) {
    buf += p;
    if (buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = '';
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
}

const pendingPod = (extra: Record<string, unknown> = {}): unknown => ({
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: { name: 'stuck', namespace: 'default', uid: 'uid-stuck', labels: { app: 'stuck' }, creationTimestamp: '2026-11-27T09:00:00Z' },
  spec: { containers: [{ name: 'c', image: 'i', resources: { requests: { cpu: '100m' } } }], ...extra },
  status: { phase: 'Pending' },
});

interface Hostile {
  name: string;
  limitS: number;
  make(dir: string): Promise<{ args: string[]; stdin?: string }>;
}

const HOSTILE: Hostile[] = [
  {
    name: 'a million events for one pod',
    limitS: 60,
    make: async (dir) => {
      const f = path.join(dir, 'events.json');
      writeParts(f, (function* () {
        yield `{"kind":"List","items":[${JSON.stringify({ kind: 'Node', metadata: { name: 'n1' }, status: { allocatable: { cpu: '4', pods: '110' }, conditions: [{ type: 'Ready', status: 'True' }] } })},${JSON.stringify(pendingPod())}`;
        for (let i = 0; i < 1_000_000; i++) {
          yield `,{"kind":"Event","metadata":{"name":"stuck.${i}","namespace":"default"},"involvedObject":{"kind":"Pod","namespace":"default","name":"stuck","uid":"uid-stuck"},"reason":"FailedScheduling","message":"0/1 nodes are available: 1 Insufficient cpu.","type":"Warning","count":${i + 1},"lastTimestamp":"2026-11-27T09:${String(Math.floor(i / 20000) % 60).padStart(2, '0')}:00Z"}`;
        }
        yield ']}';
      })());
      return { args: ['-A', '-f', f] };
    },
  },
  {
    name: 'a topology domain per node on 150,000 nodes (spread by hostname)',
    limitS: 180,
    make: async (dir) => {
      const f = path.join(dir, 'nodes.json');
      writeParts(f, (function* () {
        yield '{"kind":"List","items":[';
        for (let i = 0; i < 150_000; i++) {
          yield `${i ? ',' : ''}{"kind":"Node","metadata":{"name":"n${i}","labels":{"kubernetes.io/hostname":"n${i}","topology.kubernetes.io/zone":"z${i}"}},"status":{"allocatable":{"cpu":"1","memory":"1Gi","pods":"110"},"conditions":[{"type":"Ready","status":"True"}]}}`;
          yield `,{"kind":"Pod","metadata":{"name":"p${i}","namespace":"default","uid":"u${i}","labels":{"app":"spread"}},"spec":{"nodeName":"n${i}","containers":[{"name":"c","image":"i","resources":{"requests":{"cpu":"900m"}}}]},"status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}]}}`;
        }
        yield `,${JSON.stringify(pendingPod({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'spread' } } }], affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'spread' } } }] } } }))}]}`;
      })());
      return { args: ['stuck', '-n', 'default', '-f', f] };
    },
  },
  {
    name: 'a tar with 300,000 entries',
    limitS: 120,
    make: async (dir) => {
      const out = path.join(dir, 'many.tar.gz');
      const fd = openSync(out, 'w');
      const gz = createGzip({ level: 1 });
      gz.on('data', (c: Buffer) => writeSync(fd, c));
      for (let i = 0; i < 300_000; i++) {
        const body = Buffer.from(`{"kind":"ConfigMap","metadata":{"name":"cm${i}","namespace":"ns${i % 100}"},"data":{"k":"v"}}`);
        const hb = Buffer.alloc(512);
        new Header({ path: `bundle/cluster-resources/configmaps/cm${i}.json`, mode: 0o644, size: body.length, type: 'File', mtime: new Date(0), uid: 0, gid: 0 }).encode(hb, 0);
        if (!gz.write(Buffer.concat([hb, body, Buffer.alloc((512 - (body.length % 512)) % 512)]))) await new Promise((r) => gz.once('drain', r));
      }
      gz.end(Buffer.alloc(1024));
      await new Promise((r) => gz.on('end', r));
      closeSync(fd);
      const pods = path.join(dir, 'pods.json');
      writeFileSync(pods, JSON.stringify({ kind: 'List', items: [pendingPod()] }));
      return { args: ['-A', '-f', out, '-f', pods] };
    },
  },
  {
    name: 'a file of exactly 512 MiB',
    limitS: 120,
    make: async (dir) => {
      const f = path.join(dir, 'exact.json');
      const target = 512 * 1024 * 1024;
      const head = `{"kind":"List","items":[${JSON.stringify(pendingPod())}`;
      const item = (i: number): string => `,{"kind":"ConfigMap","metadata":{"name":"c${i}","namespace":"default"},"data":{"k":"${'x'.repeat(4000)}"}}`;
      const fd = openSync(f, 'w');
      let size = writeSync(fd, head);
      let i = 0;
      for (;;) {
        const s = item(i++);
        if (size + s.length + 2 > target) break;
        size += writeSync(fd, s);
      }
      size += writeSync(fd, ' '.repeat(target - size - 2));
      size += writeSync(fd, ']}');
      closeSync(fd);
      if (statSync(f).size !== target) throw new Error('not 512 MiB');
      return { args: ['-A', '-f', f] };
    },
  },
  {
    name: 'stdin beyond 512 MB (the largest generated List, piped)',
    limitS: 600,
    make: async () => {
      const last = SIZES[SIZES.length - 1] as number;
      const list = path.join(root, `b${last}.list.json`);
      return { args: ['-A', '-f', '-'], stdin: list };
    },
  },
  {
    name: 'gzip bomb: 16 GiB of zeros in a 16 MiB .tar.gz entry',
    limitS: 120,
    make: async (dir) => {
      const out = path.join(dir, 'bomb.tar.gz');
      const fd = openSync(out, 'w');
      const gz = createGzip({ level: 9 });
      gz.on('data', (c: Buffer) => writeSync(fd, c));
      const size = 16 * 1024 * 1024 * 1024;
      const hb = Buffer.alloc(512);
      new Header({ path: 'bundle/cluster-resources/pods/default.json', mode: 0o644, size, type: 'File', mtime: new Date(0) }).encode(hb, 0);
      gz.write(hb);
      const zeros = Buffer.alloc(64 * 1024 * 1024, 0x20);
      for (let w = 0; w < size; w += zeros.length) {
        if (!gz.write(zeros)) await new Promise((r) => gz.once('drain', r));
      }
      gz.end(Buffer.alloc(1024));
      await new Promise((r) => gz.on('end', r));
      closeSync(fd);
      const pods = path.join(dir, 'pods.json');
      writeFileSync(pods, JSON.stringify({ kind: 'List', items: [pendingPod()] }));
      return { args: ['-A', '-f', out, '-f', pods] };
    },
  },
];

async function hostileRuns(): Promise<void> {
  say('');
  say('hostile input (scale)                                              | wall     RSS       | exit | verdict');
  for (const h of HOSTILE) {
    const dir = mkdtempSync(path.join(root, 'h-'));
    const { args, stdin } = await h.make(dir);
    const r = measure([BIN, ...args], { timeoutMs: h.limitS * 1000, ...(stdin ? { stdin } : {}) });
    const crashed = /internal error|FATAL|heap out of memory|at .*\(.*:\d+:\d+\)/.test(r.stderr);
    const ok = (r.code === 0 || r.code === 1) && !crashed && r.wall <= h.limitS;
    if (!ok) failed = true;
    const note = r.stderr.split('\n').filter((l) => l.trim() !== '').slice(0, 2).map((l) => l.slice(0, 140)).join(' / ');
    say(`${h.name.padEnd(66)} | ${r.wall.toFixed(1).padStart(6)} s ${mb(r.rss).padStart(9)} | ${String(r.code).padStart(4)} | ${ok ? 'ok' : 'FAILED'}${note ? `: ${note}` : ''}`);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  try {
    await scaleRuns();
    if (process.env.BENCH_HOSTILE !== '0') await hostileRuns();
  } finally {
    if (process.env.BENCH_KEEP !== '1') rmSync(root, { recursive: true, force: true });
    else console.log(`kept ${root}`);
  }
  if (failed) {
    say('scale goals: NOT all met (see above)');
    process.exitCode = 1;
  } else say('scale goals: all met');
}

void main();

// make bench (live): one-pod diagnosis through the real kubectl against the loopback replay server, against a single
// `kubectl get pod -o json` on the same server; medians of 10 runs, and how many kubectl processes a diagnosis takes.
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { load } from 'js-yaml';
import { kubeconfigFor, startReplayServer } from '../src/testing/replay-server';

const RUNS = 10;
const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';
/** the JS bundle by default; PODWHY_BIN=dist/sea/kubectl-podwhy measures the standalone binary */
const PODWHY = process.env.PODWHY_BIN ? [process.env.PODWHY_BIN] : [process.execPath, 'dist/kubectl-podwhy'];

function time(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve) => execFile(cmd, args, { env }, () => resolve(performance.now() - t0)));
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main(): Promise<void> {
  const items = (load(readFileSync('testdata/scenarios/oom-killed.yaml', 'utf8')) as { items: never[] }).items;
  const server = await startReplayServer({ objects: items, logs: { 'default/api-7d9c5f-abcde/api': { previous: 'java.lang.OutOfMemoryError: Java heap space\n' } } });
  const dir = mkdtempSync(path.join(tmpdir(), 'podwhy-bench-'));
  const kc = path.join(dir, 'config');
  writeFileSync(kc, kubeconfigFor(server.url));
  const log = path.join(dir, 'calls.log');
  const shim = path.join(dir, 'kubectl');
  writeFileSync(shim, `#!/bin/sh\necho x >> ${log}\nexec ${KUBECTL} "$@"\n`);
  chmodSync(shim, 0o755);
  const env = { PATH: process.env.PATH, KUBECACHEDIR: path.join(dir, 'cache'), HOME: dir };
  await time(KUBECTL, ['get', 'pod', 'api-7d9c5f-abcde', `--kubeconfig=${kc}`, '-o', 'json'], env); // warm discovery cache
  const single: number[] = [];
  const diagnose: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    single.push(await time(KUBECTL, ['get', 'pod', 'api-7d9c5f-abcde', `--kubeconfig=${kc}`, '-o', 'json'], env));
    diagnose.push(await time(PODWHY[0] as string, [...PODWHY.slice(1), 'api-7d9c5f-abcde', '-n', 'default', `--kubeconfig=${kc}`], { ...env, KUBECTL: KUBECTL }));
  }
  writeFileSync(log, '');
  await time(PODWHY[0] as string, [...PODWHY.slice(1), 'api-7d9c5f-abcde', '-n', 'default', `--kubeconfig=${kc}`], { ...env, KUBECTL: shim });
  const processes = readFileSync(log, 'utf8').trim().split('\n').length;
  await server.close();
  const s = median(single);
  const d = median(diagnose);
  console.log(`live (${PODWHY.join(' ')}): kubectl get pod -o json: median ${s.toFixed(0)} ms; podwhy one-pod diagnosis: median ${d.toFixed(0)} ms (${(d / s).toFixed(2)}x, goal 2.5x); ${processes} kubectl processes per diagnosis`);
}

void main();

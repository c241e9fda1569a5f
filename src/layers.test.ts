// The layering holds and keeps holding: (1) ESLint really rejects every kind of forbidden code in every pure
// layer (probe files linted through ESLint's API, so a rule that silently stops matching fails here), and (2) the
// imports of src/ and schemas/ as they are today break no layer (lint/layers.cjs) and form no cycle.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { forbidden, layerOf } from '../lint/layers.cjs';

const ROOT = path.resolve(__dirname, '..');

interface Probe {
  file: string;
  code: string;
  /** the rule that must reject it; none: the code must pass lint */
  rule?: string;
}

const IMPORTS: Array<[string, string]> = [
  ['src/analyzers/running/probe.ts', '../../report/build'],
  ['src/analyzers/running/probe.ts', '../../render/text'],
  ['src/analyzers/running/probe.ts', '../../cli/run'],
  ['src/analyzers/running/probe.ts', '../../sources/live'],
  ['src/analyzers/probe.ts', '../testing/builders'],
  ['src/scheduler/probe.ts', '../analyzers/types'],
  ['src/scheduler/plugins/x/probe.ts', '../../../report/build'],
  ['src/k8s/probe.ts', '../snapshot/types'],
  ['src/k8s/probe.ts', '../analyzers/context'],
  ['src/snapshot/probe.ts', '../sources/documents'],
  ['src/snapshot/probe.ts', '../scheduler/simulate'],
  ['src/report/probe.ts', '../render/text'],
  ['src/report/probe.ts', '../cli/errors'],
  ['src/report/probe.ts', '../sources/kubectl'],
  ['src/render/probe.ts', '../cli/run'],
  ['src/render/probe.ts', '../analyzers/engine'],
  ['src/sources/probe.ts', '../analyzers/engine'],
  ['src/sources/probe.ts', '../report/build'],
  ['schemas/probe.ts', '../src/k8s/time'],
];

const PURE_FILES = ['src/analyzers/running/probe.ts', 'src/scheduler/probe.ts', 'src/k8s/probe.ts', 'src/snapshot/probe.ts', 'src/report/probe.ts', 'src/render/probe.ts', 'schemas/probe.ts'];

const IMPURE: Array<[string, string]> = [
  ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'no-restricted-imports'],
  ["import * as fs from 'fs';\nexport const x = fs;\n", 'no-restricted-imports'],
  ["import { spawn } from 'node:child_process';\nexport const x = spawn;\n", 'no-restricted-imports'],
  ["import * as http from 'node:http';\nexport const x = http;\n", 'no-restricted-imports'],
  ["import * as os from 'os';\nexport const x = os;\n", 'no-restricted-imports'],
  ["export const x = (): unknown => fetch('http://x');\n", 'no-restricted-globals'],
  ['export const x = (): number => Math.random();\n', 'no-restricted-syntax'],
  ['export const x = (): number => Date.now();\n', 'no-restricted-syntax'],
  ['export const x = (): Date => new Date();\n', 'no-restricted-syntax'],
  ['export const x = (): string => Date();\n', 'no-restricted-syntax'],
  ['export const x = (): unknown => globalThis.process.env;\n', 'no-restricted-syntax'],
  ['export const x = (): unknown => process.env;\n', 'no-restricted-globals'],
  ["export const x = (): void => console.log('x');\n", 'no-restricted-globals'],
  ['export async function x(): Promise<number> { return 1; }\n', 'no-restricted-syntax'],
];

const PROBES: Probe[] = [
  ...IMPORTS.flatMap(([file, spec]): Probe[] => [
    { file, code: `import { x } from '${spec}';\nexport const y = x;\n`, rule: 'podwhy/layers' },
    { file, code: `export * from '${spec}';\n`, rule: 'podwhy/layers' },
    { file, code: `export const y = (): unknown => import('${spec}');\n`, rule: 'podwhy/layers' },
  ]),
  ...PURE_FILES.flatMap((file) => IMPURE.map(([code, rule]): Probe => ({ file, code, rule }))),
  // what the layering allows
  { file: 'src/analyzers/running/probe.ts', code: "import { x } from '../../scheduler/simulate';\nimport { y } from '../../k8s/time';\nimport { z } from '../../../schemas/k8s';\nexport const w = [x, y, z];\n" },
  { file: 'src/report/probe.ts', code: "import { x } from '../analyzers/engine';\nimport { y } from '../snapshot/input';\nexport const w = [x, y];\n" },
  { file: 'src/render/probe.ts', code: "import type { Report } from '../../schemas/report';\nimport { x } from '../report/build';\nexport const w = (r: Report): unknown => [x, r];\n" },
  { file: 'src/sources/probe.ts', code: "import { readFileSync } from 'node:fs';\nimport { x } from '../snapshot/input';\nexport const w = [x, readFileSync, Date.now(), process.env];\n" },
  { file: 'src/k8s/probe.ts', code: "export const w = (t: string): Date => new Date(t);\n" },
  { file: 'src/cli/probe.ts', code: "import { readFileSync } from 'node:fs';\nimport { x } from '../sources/live';\nimport { y } from '../render/text';\nexport async function w(): Promise<unknown> { console.log(process.env.X, Math.random()); return [x, y, readFileSync, await fetch('http://x'), new Date()]; }\n" },
];

/** Lints the probes with ESLint's API in a child Node (ESLint loads eslint.config.mjs with import(), which the test VM cannot). */
function lintProbes(probes: Probe[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const probes = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const p of probes) {
        const [r] = await eslint.lintText(p.code, { filePath: p.file });
        out.push(r.messages.map((m) => m.ruleId ?? ('fatal: ' + m.message)));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, input: JSON.stringify(probes), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string[][];
}

describe('lint enforces the layers', () => {
  const results = lintProbes(PROBES);
  test.each(PROBES.map((p, i) => [`${p.file}: ${p.code.split('\n').find((l) => !l.startsWith('import')) ?? p.code}`, p, i] as const))('%s', (_, p, i) => {
    const rules = results[i] ?? [];
    if (p.rule) expect(rules).toContain(p.rule);
    else expect(rules).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

function resolve(from: string, spec: string, files: Set<string>): string | undefined {
  const base = path.relative(ROOT, path.resolve(ROOT, path.dirname(from), spec)).split(path.sep).join('/');
  return [base, `${base}.ts`, `${base}/index.ts`].find((c) => files.has(c));
}

/** every file's relative imports (static, type-only, re-exports and import()), resolved to files */
function importGraph(): Map<string, string[]> {
  const files = [...sourceFiles('src'), ...sourceFiles('schemas')].sort();
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(path.join(ROOT, f), 'utf8'), true, true);
    const targets = importedFiles.filter((i) => i.fileName.startsWith('.')).map((i) => resolve(f, i.fileName, known) ?? `unresolved:${i.fileName}`);
    graph.set(f, [...new Set(targets)].sort());
  }
  return graph;
}

/** Tarjan's strongly connected components of more than one file (or a file importing itself). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) as number, idx.get(w) as number));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe('the import graph of src/ and schemas/', () => {
  const graph = importGraph();

  test('is read (the walker sees the layers it checks)', () => {
    const layers = new Set([...graph.keys()].map((f) => layerOf(f)));
    for (const l of ['schemas', 'k8s', 'snapshot', 'scheduler', 'analyzers', 'report', 'render', 'sources', 'cli']) expect(layers).toContain(l);
    expect([...graph.values()].flat().length).toBeGreaterThan(200);
  });

  test('every relative import resolves to a file', () => {
    expect([...graph].flatMap(([f, ts]) => ts.filter((t) => t.startsWith('unresolved:')).map((t) => `${f} -> ${t}`))).toEqual([]);
  });

  test('no import runs against the layering', () => {
    const bad = [...graph].flatMap(([f, targets]) => targets.flatMap((t) => {
      const why = forbidden(f, t);
      return why ? [`${f} -> ${t}: ${why}`] : [];
    }));
    expect(bad).toEqual([]);
  });

  test('the layer table itself rejects what it should', () => {
    expect(forbidden('src/k8s/x.ts', 'src/snapshot/types.ts')).toBeDefined();
    expect(forbidden('src/snapshot/build.ts', 'src/sources/documents.ts')).toBeDefined();
    expect(forbidden('schemas/k8s.ts', 'src/k8s/quantity.ts')).toBeDefined();
    expect(forbidden('src/scheduler/view.ts', 'src/analyzers/types.ts')).toBeDefined();
    expect(forbidden('src/sources/live.ts', 'src/snapshot/input.ts')).toBeUndefined();
    expect(forbidden('src/cli/run.ts', 'src/sources/live.ts')).toBeUndefined();
  });

  test('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });
});

/** over 300 lines when the rule came (issue 8), owned by the streaming work of issue 12: split them and drop them here */
const NOT_YET_SPLIT = ['src/sources/json-stream.ts', 'src/sources/offline.ts'];

describe('file size', () => {
  const lines = (f: string): number => readFileSync(path.join(ROOT, f), 'utf8').replace(/\n$/, '').split('\n').length;
  test('no file in src/ is over 300 lines', () => {
    expect(sourceFiles('src').filter((f) => !NOT_YET_SPLIT.includes(f) && lines(f) > 300)).toEqual([]);
  });
});

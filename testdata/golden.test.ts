// Golden end-to-end tests: the built binary on real and synthetic snapshots, output compared byte for byte.
// UPDATE_GOLDENS=1 (make goldens) writes the expected files, nothing else does; review the diff before committing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'dist', 'kubectl-podwhy');
const cases = JSON.parse(readFileSync(path.join(__dirname, 'golden', 'cases.json'), 'utf8')) as Array<{ name: string; args: string[] }>;

function run(args: string[]): { stdout: string; stderr: string; code: number } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'C.UTF-8' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error('dist/kubectl-podwhy is missing: run `make build` first (make test does)');
});

describe('golden outputs', () => {
  test.each(cases.map((c) => [c.name, c.args] as const))('%s', (name, args) => {
    const { stdout, stderr, code } = run([...args]);
    const actual = `$ kubectl podwhy ${args.join(' ')}\n${stdout}${stderr ? `--- stderr\n${stderr}` : ''}--- exit ${code}\n`;
    const file = path.join(__dirname, 'golden', `${name}.txt`);
    // only `make goldens` writes them: a missing golden is a failure (in CI and here), never silently created
    if (process.env.UPDATE_GOLDENS === '1') writeFileSync(file, actual);
    if (!existsSync(file)) throw new Error(`testdata/golden/${name}.txt is missing: run \`make goldens\` and review it`);
    expect(actual).toBe(readFileSync(file, 'utf8'));
    // cluster data never reaches the terminal raw
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
  });
});

describe('stdin', () => {
  test('-f - reads a snapshot from stdin, and a gzipped bundle too', () => {
    const stdinRun = (input: Buffer): { code: number; stdout: string } => {
      try {
        return { code: 0, stdout: execFileSync(process.execPath, [BIN, '-f', '-', '-o', 'json'], { cwd: ROOT, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }) };
      } catch (e) {
        return { code: (e as { status: number }).status, stdout: (e as { stdout: string }).stdout };
      }
    };
    const yaml = readFileSync(path.join(__dirname, 'scenarios', 'oom-killed.yaml'));
    const plain = stdinRun(yaml);
    expect(plain.code).toBe(1);
    expect(JSON.parse(plain.stdout).pods[0].findings[0].id).toBe('OOMKilled');
    const bundle = stdinRun(readFileSync(path.join(__dirname, 'real', 'troubleshoot-bundle', 'support-bundle.tar.gz')));
    expect(JSON.parse(bundle.stdout).summary.pods).toBeGreaterThan(5);
  });
});

describe('hostile input', () => {
  test('20,000 levels of nesting are an input error naming the file, not a stack overflow', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'podwhy-deep-'));
    let obj = '{"Spec":{}}';
    for (let i = 0; i < 20_000; i++) obj = `{"Spec":${obj}}`;
    let arr = '[]';
    for (let i = 0; i < 20_000; i++) arr = `[${arr}]`;
    writeFileSync(path.join(dir, 'internal.json'), `{"Items":[${obj}]}`);
    writeFileSync(path.join(dir, 'arrays.json'), arr);
    const r = run(['-f', path.join(dir, 'internal.json'), '-f', path.join(dir, 'arrays.json'), '-f', 'testdata/scenarios/healthy.yaml']);
    rmSync(dir, { recursive: true, force: true });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([expect.stringMatching(/internal\.json: not a Kubernetes object/), expect.stringMatching(/arrays\.json: not a Kubernetes object/)]);
  });
});

describe('color', () => {
  test('no escape sequences when stdout is not a terminal, even without NO_COLOR', () => {
    let out = '';
    try {
      execFileSync(process.execPath, [BIN, '-f', 'testdata/scenarios/oom-killed.yaml'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    } catch (e) {
      out = (e as { stdout: string }).stdout;
    }
    expect(out).toContain('OOMKilled');
    expect(out).not.toMatch(/\u001b\[/);
  });
});

describe('the report validates against the generated JSON Schema', () => {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'report.schema.json'), 'utf8')) as object;
  const validate = new Ajv2020({ strict: false }).compile(schema);
  const inputs = cases.filter((c) => c.args.includes('-f') && !c.name.startsWith('error') && c.name !== 'input-host-only-bundle').map((c) => [c.name, c.args[c.args.indexOf('-f') + 1] as string] as const);
  test.each(inputs)('%s', (_, input) => {
    const { stdout } = run(['-f', input, '-A', '-o', 'json']);
    const report = JSON.parse(stdout) as unknown;
    expect(validate(report) ? [] : validate.errors).toEqual([]);
  });
});

// The hostile-input corpus (testdata/bad/generate.ts) on the built binary: one-line errors naming the file, the
// rest analyzed, exit codes per contract, no stack trace, no hang, bounded memory.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { badCases, type BadCase } from './bad/generate';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'dist', 'kubectl-podwhy');
/** Node's heap capped: a case that needs more than this is not bounded */
const HEAP_MB = 512;
const TIMEOUT_MS = 90_000;
const cases = badCases();
let base = '';

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error('dist/kubectl-podwhy is missing: run `make build` first (make test does)');
  base = mkdtempSync(path.join(tmpdir(), 'podwhy-bad-'));
  chmodSync(base, 0o755);
});
afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

function materialise(c: BadCase, dir: string): Array<{ fifo: string; content: string }> {
  const fifos: Array<{ fifo: string; content: string }> = [];
  for (const [rel, content] of Object.entries(c.files)) {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    if (typeof content === 'string' || Buffer.isBuffer(content)) writeFileSync(full, content);
    else if ('dir' in content) mkdirSync(full, { recursive: true });
    else if ('link' in content) symlinkSync(content.link, full);
    else {
      spawnSync('mkfifo', [full]);
      fifos.push({ fifo: full, content: content.fifo });
    }
  }
  return fifos;
}

function runCase(c: BadCase, dir: string): Promise<Run> {
  const fifos = materialise(c, dir);
  const node = [process.execPath, `--max-old-space-size=${HEAP_MB}`, BIN].map((a) => `'${a}'`).join(' ');
  const args = ['-o', 'json', '--now', '2026-11-27T10:00:00Z', ...c.args.map((a) => a.replace('{dir}', dir))];
  const [cmd, argv] = c.shell ? ['bash', ['--norc', '--noprofile', '-c', c.shell.replace('{bin}', `${node} --now 2026-11-27T10:00:00Z`).replace(/\{dir\}/g, dir)]] : [process.execPath, [`--max-old-space-size=${HEAP_MB}`, BIN, ...args]];
  const unprivileged = c.unprivileged && process.getuid?.() === 0;
  if (unprivileged) {
    spawnSync('chmod', ['-R', 'a+rX', dir]);
    chmodSync(path.join(dir, 'bundle', 'locked'), 0o000);
  }
  return new Promise((resolve) => {
    const child = spawn(cmd as string, argv as string[], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'], ...(unprivileged ? { uid: 65534, gid: 65534 } : {}) });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => undefined);
    child.stdin.end(c.stdin ?? Buffer.alloc(0));
    for (const f of fifos) {
      // the writer end of a FIFO: a process, as a user's would be
      spawn('sh', ['-c', 'cat > "$0"', f.fifo], { stdio: ['pipe', 'ignore', 'ignore'] }).stdin.end(f.content);
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut });
    });
  });
}

describe('hostile input corpus', () => {
  test('has at least 60 generated cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  test.each(cases.map((c, i) => [c.name, i] as const))('%s', async (_name, i) => {
    const c = cases[i] as BadCase;
    const dir = path.join(base, String(i));
    mkdirSync(dir, { recursive: true });
    const r = await runCase(c, dir);
    const lines = r.stderr.split('\n').filter(Boolean);
    const summary = { timedOut: r.timedOut, code: r.code, stderr: lines.slice(0, 8).map((l) => l.slice(0, 300)) };
    expect({ ...summary, timedOut: false }).toEqual(summary);
    // one line per problem, each a podwhy message, bounded in number and length, no stack trace, no crash
    for (const l of lines) {
      expect(l).toMatch(/^podwhy: /);
      expect(l.length).toBeLessThan(1000);
      expect(l).not.toMatch(/internal error|^\s+at |RangeError|TypeError|heap out of memory/);
    }
    expect(lines.length).toBeLessThanOrEqual(60);
    for (const want of c.errors) expect({ want: want.source, found: lines.some((l) => want.test(l)), stderr: summary.stderr }).toEqual({ want: want.source, found: true, stderr: summary.stderr });
    // no credential from the input is ever quoted back
    expect(r.stderr).not.toContain('Sup3rS3cret');
    // nothing raw from the input reaches the terminal
    expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    // the valid parts are still analyzed
    if (c.analyzed.length > 0) {
      const report = JSON.parse(r.stdout) as { pods: Array<{ namespace: string; name: string }> };
      expect(report.pods.map((p) => `${p.namespace}/${p.name}`).sort()).toEqual([...c.analyzed].sort());
    }
    expect(summary.code).toBe(c.code);
  });
});

// The triage end to end on the built binary: EPIPE, widths, ASCII, .podwhyignore, capture time, pasteable remedies.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'dist', 'kubectl-podwhy');
const REAL = 'testdata/real/troubleshoot-real-bundle';

function run(args: string[], env: Record<string, string> = {}, cwd = ROOT): { stdout: string; stderr: string; code: number } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'C.UTF-8', ...env }, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

describe('EPIPE', () => {
  test.each([['text', ['-A', '-f', REAL, '--details']], ['json', ['-A', '-f', REAL, '-o', 'json']]])('%s: a reader that closes the pipe after one line ends the run quietly', async (_name, args) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    await new Promise<void>((resolve) => {
      child.stdout.once('data', () => {
        child.stdout.destroy();
        resolve();
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Error|at .*\.js/);
    expect([0, 1]).toContain(code);
  });
});

describe('width', () => {
  test.each([60, 80, 120])('COLUMNS=%i: prose fits, commands are whole lines', (width) => {
    const r = run(['-A', '-f', REAL], { COLUMNS: String(width) });
    const json = JSON.parse(run(['-A', '-f', REAL, '-o', 'json']).stdout) as { pods: Array<{ findings: Array<{ remedies: Array<{ command?: string }> }> }> };
    const commands = new Set(json.pods.flatMap((p) => p.findings.flatMap((f) => f.remedies.flatMap((x) => (x.command ? x.command.split('\n') : [])))));
    const lines = r.stdout.split('\n');
    for (const l of lines) if (!commands.has(l.trim()) && !/\S{40,}/.test(l)) expect({ l, len: l.length <= width }).toEqual({ l, len: true });
    const shown = lines.map((l) => l.trim()).filter((l) => commands.has(l));
    expect(shown.length).toBeGreaterThan(0);
  });
});

describe('ASCII fallback', () => {
  test('outside a UTF-8 locale the glyphs are ASCII', () => {
    const r = run(['-A', '-f', REAL], { LANG: 'C' });
    expect(r.stdout).toMatch(/^x InsufficientResources/m);
    expect(r.stdout).not.toMatch(/[✗✓•≠·]/);
    expect(run(['-A', '-f', REAL]).stdout).toMatch(/^✗ InsufficientResources/m);
  });
});

describe('info-only pods', () => {
  test('pods that restarted in the past and run now are counted apart, not as unhealthy', () => {
    const r = run(['-A', '-f', 'testdata/real/sbctl-bundle']);
    r.stdout = r.stdout.replace(/\n\s+/g, ' ');
    expect(r.stdout).toMatch(/1 unhealthy \(1 CrashLoopBackOff\), 57 healthy/);
    expect(r.stdout).toMatch(/Not counted as problems: 6 pods restarted in the past, all running now/);
    const json = JSON.parse(run(['-A', '-f', 'testdata/real/sbctl-bundle', '-o', 'json']).stdout) as { summary: { infoOnly: number; unhealthy: number } };
    expect(json.summary).toMatchObject({ infoOnly: 6, unhealthy: 1 });
  });
});

describe('.podwhyignore and --fail-on', () => {
  test('a .podwhyignore in the working directory suppresses, is listed in the header, and changes the exit code', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'podwhy-ignore-'));
    writeFileSync(path.join(dir, '.podwhyignore'), '# accepted for now\nInsufficientResources:cpu\nContainerExitedWithError\n');
    const r = run(['-A', '-f', path.join(ROOT, REAL)], {}, dir);
    rmSync(dir, { recursive: true, force: true });
    r.stdout = r.stdout.replace(/\n\s+/g, ' ');
    expect(r.stdout).toMatch(/Suppressed by --ignore \/ \.podwhyignore: ContainerExitedWithError \(1 pod\), InsufficientResources:cpu \(2 pods\)/);
    expect(r.stdout).not.toMatch(/^✗ InsufficientResources/m);
    expect(r.code).toBe(0);
  });
  test('--fail-on warning makes warnings fail; a bad value is a usage error', () => {
    expect(run(['-A', '-f', 'testdata/real/sonobuoy-healthsummary', '--ignore', 'NodeLost', '--ignore', 'SchedulerNotRunning', '--ignore', 'TerminationStuck']).code).toBe(0);
    expect(run(['-A', '-f', REAL, '--fail-on', 'sometimes'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--fail-on "sometimes": use error or warning/) });
    expect(run(['-A', '-f', REAL, '--ignore', 'not-an-id'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--ignore "not-an-id"/) });
  });
});

describe('capture time', () => {
  test('a troubleshoot folder named in local time (UTC-5) is matched to its contents', () => {
    const json = JSON.parse(run(['-A', '-f', REAL, '-o', 'json']).stdout) as { analysisTime: string; analysisTimeSource: { kind: string; detail: string } };
    expect(json.analysisTime.startsWith('2025-09-11T20:5')).toBe(true);
    expect(json.analysisTimeSource).toEqual({ kind: 'capture', detail: 'bundle folder name read as local time UTC-05:00, matched to the newest timestamp inside' });
  });
});

describe('remedies can be pasted', () => {
  const cases = JSON.parse(readFileSync(path.join(__dirname, 'golden', 'cases.json'), 'utf8')) as Array<{ name: string; args: string[] }>;
  const inputs = [...new Set(cases.filter((c) => c.args.includes('-f') && !c.name.startsWith('error') && c.name !== 'input-host-only-bundle').map((c) => c.args[c.args.indexOf('-f') + 1] as string))];
  test.each(inputs)('no <placeholder> inside a command: %s', (input) => {
    const report = JSON.parse(run(['-A', '-f', input, '-o', 'json']).stdout) as { pods: Array<{ findings: Array<{ remedies: Array<{ command?: string }> }> }>; workloads: Array<{ findings: Array<{ remedies: Array<{ command?: string }> }> }> };
    const commands = [...report.pods, ...report.workloads].flatMap((p) => p.findings.flatMap((f) => f.remedies.flatMap((r) => (r.command ? [r.command] : []))));
    expect(commands.filter((c) => /<[a-z][\w -]*>/i.test(c))).toEqual([]);
  });
  test('kubectl logs --previous only for a container that restarted', () => {
    for (const input of inputs) {
      const report = JSON.parse(run(['-A', '-f', input, '-o', 'json']).stdout) as { pods: Array<{ restarts: number; name: string; findings: Array<{ remedies: Array<{ command?: string }> }> }> };
      for (const p of report.pods) {
        const previous = p.findings.flatMap((f) => f.remedies).filter((r) => r.command?.includes('--previous'));
        if (previous.length) expect({ pod: p.name, restarts: p.restarts > 0 }).toEqual({ pod: p.name, restarts: true });
      }
    }
  });
});

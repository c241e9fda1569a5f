// The release itself (`make release-test`, after `make release`): every archive obeys krew's rules, every binary
// that can run here runs (linux/arm64 under qemu-aarch64-static, windows under wine64, each skipped visibly when
// not installed), the macOS binaries carry a complete ad-hoc signature over the injected blob, the linux/amd64
// archive installs and runs through kubectl as krew installs it, and a rebuild gives the same bytes.
// Skipped (visibly) unless PODWHY_RELEASE_DIR names a release directory: make test does not build five 100 MB binaries.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { load } from 'js-yaml';
import { signatureGet } from 'portable-executable-signature';
import { release } from './build';
import { archiveName, binName, PLATFORMS, readArchive, validateManifest, type Manifest, type Platform } from './krew';
import { adHocSign, parseMachO, storedPageHashes, verifySignature } from './macho';
import pins from './node-dist.json';
import { installAndRun, KUBECTL, ROOT } from './testing';

const DIR = process.env.PODWHY_RELEASE_DIR ? path.resolve(ROOT, process.env.PODWHY_RELEASE_DIR) : undefined;
const CACHE = process.env.NODE_DIST_CACHE;
const SNAPSHOT = path.join(ROOT, 'testdata', 'scenarios', 'oom-killed.yaml');
const which = (cmd: string, also: string[] = []) => (spawnSync('sh', ['-c', `command -v ${cmd}`]).stdout?.toString().trim() || also.find((p) => existsSync(p)) || undefined);

if (!DIR) console.warn('release test skipped: run `make release-test` (builds the release binaries first)');
const maybe = DIR ? describe : describe.skip;

maybe('release artifacts', () => {
  const dir = DIR as string;
  const manifestText = DIR ? readFileSync(path.join(dir, 'krew-manifest.yaml'), 'utf8') : '';
  const manifest = (DIR ? load(manifestText) : undefined) as Manifest;
  const version = manifest?.spec.version ?? '';
  const built = PLATFORMS.filter((p) => DIR && existsSync(path.join(dir, archiveName(version, p))));
  const binaryOf = (platform: Platform): Buffer => {
    const entries = readArchive(archiveName(version, platform), readFileSync(path.join(dir, archiveName(version, platform))));
    return (entries.find((e) => e.name === binName(platform)) as { data: Buffer }).data;
  };
  const tmp = DIR ? mkdtempSync(path.join(tmpdir(), 'podwhy-release-')) : '';
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const extract = (platform: Platform): string => {
    const file = path.join(tmp, `${platform.replace('/', '_')}-${binName(platform)}`);
    if (!existsSync(file)) writeFileSync(file, binaryOf(platform), { mode: 0o755 });
    return file;
  };
  const run = (cmd: string, args: string[], env: Record<string, string | undefined> = {}) => {
    const r = spawnSync(cmd, args, { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: tmp, NO_COLOR: '1', ...env }, timeout: 300_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const expectDiagnosis = (r: { code: number | null; stdout: string }) => {
    expect(r.stdout).toMatch(/^default\/api-7d9c5f-abcde {2}CrashLoopBackOff/);
    expect(r.stdout).toContain('[OOMKilled]');
    expect(r.code).toBe(1);
  };

  test('the manifest lists every built archive and obeys krew rules against them', () => {
    const archives = new Map(built.map((p) => [archiveName(version, p), readFileSync(path.join(dir, archiveName(version, p)))]));
    expect(validateManifest(manifestText, archives)).toEqual([]);
    expect(manifest.spec.platforms.length).toBe(built.length);
    if (built.length < PLATFORMS.length) console.warn(`release has ${built.length} of ${PLATFORMS.length} platforms: ${built.join(', ')}`);
    for (const p of built) {
      const name = archiveName(version, p);
      const line = readFileSync(path.join(dir, `${name}.sha256`), 'utf8');
      expect(line).toBe(`${manifest.spec.platforms.find((x) => x.uri.endsWith(`/${name}`))?.sha256}  ${name}\n`);
    }
  });

  test('linux/amd64 runs here; start-up against node -e 0', () => {
    if (!built.includes('linux/amd64')) return console.warn('linux/amd64 not built');
    const bin = extract('linux/amd64');
    expect(run(bin, ['--version'])).toEqual({ code: 0, stdout: `kubectl-podwhy ${version.slice(1)}\n`, stderr: '' });
    expectDiagnosis(run(bin, ['api-7d9c5f-abcde', '-f', SNAPSHOT]));
    const median = (cmd: string, args: string[]) => {
      const times: number[] = [];
      for (let i = 0; i < 15; i++) {
        const t = process.hrtime.bigint();
        spawnSync(cmd, args, { stdio: 'ignore' });
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      return times.sort((a, b) => a - b)[7] as number;
    };
    // against the very Node build the binary embeds (its code cache should make it start as fast) and this machine's node
    const pin = pins.targets['linux/amd64'];
    const embedded = CACHE ? path.join(CACHE, `${pin.package}-${pin.version}`, 'node') : '';
    const same = embedded && existsSync(embedded) ? `; the embedded Node ${pin.version} -e 0 ${median(embedded, ['-e', '0']).toFixed(0)} ms` : '';
    console.log(`start-up, median of 15: kubectl-podwhy --version ${median(bin, ['--version']).toFixed(0)} ms${same}; ${process.version} node -e 0 ${median(process.execPath, ['-e', '0']).toFixed(0)} ms`);
  }, 300_000);

  const qemu = which('qemu-aarch64-static');
  const arm64Libs = ['/usr/aarch64-linux-gnu'].find((p) => existsSync(path.join(p, 'lib', 'ld-linux-aarch64.so.1')));
  test('linux/arm64 runs under qemu-aarch64-static', () => {
    if (!built.includes('linux/arm64')) return console.warn('linux/arm64 not built');
    if (!qemu || !arm64Libs) return console.warn('SKIPPED linux/arm64 run: needs qemu-aarch64-static and the arm64 libraries (Debian: qemu-user-static libc6-arm64-cross libstdc++6-arm64-cross)');
    const bin = extract('linux/arm64');
    expect(readFileSync(bin).subarray(0, 20).readUInt16LE(18)).toBe(183); // EM_AARCH64
    expect(run(qemu, ['-L', arm64Libs, bin, '--version'])).toEqual({ code: 0, stdout: `kubectl-podwhy ${version.slice(1)}\n`, stderr: '' });
    expectDiagnosis(run(qemu, ['-L', arm64Libs, bin, 'api-7d9c5f-abcde', '-f', SNAPSHOT]));
  }, 300_000);

  const wine = which('wine64', ['/usr/lib/wine/wine64']);
  test('windows/amd64 has no Authenticode signature left and runs under wine64', () => {
    if (!built.includes('windows/amd64')) return console.warn('windows/amd64 not built');
    const exe = binaryOf('windows/amd64');
    expect(exe.subarray(0, 2).toString('latin1')).toBe('MZ');
    expect(signatureGet(exe)).toBeNull();
    if (!wine) return console.warn('SKIPPED windows/amd64 run: needs wine64 (Debian: wine64)');
    const bin = extract('windows/amd64');
    const env = { WINEPREFIX: path.join(tmp, 'wine'), WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=' };
    // a fresh prefix reports an old Windows, which Node 22 refuses to start on: say Windows 10
    expect(spawnSync(wine, ['winecfg', '/v', 'win10'], { env: { ...process.env, ...env }, stdio: 'ignore', timeout: 300_000 }).status).toBe(0);
    // wine's console output only arrives when redirected to a file
    const out = path.join(tmp, 'wine-out.txt');
    const sh = (args: string) => spawnSync('sh', ['-c', `"${wine}" "${bin}" ${args} > "${out}" 2>/dev/null`], { env: { ...process.env, ...env }, timeout: 300_000 }).status;
    expect(sh('--version')).toBe(0);
    expect(readFileSync(out, 'utf8').replace(/\r\n/g, '\n')).toBe(`kubectl-podwhy ${version.slice(1)}\n`);
    const code = sh(`api-7d9c5f-abcde -f "Z:${SNAPSHOT.replace(/\//g, '\\\\')}"`);
    expectDiagnosis({ code, stdout: readFileSync(out, 'utf8').replace(/\r\n/g, '\n') });
  }, 600_000);

  test('the verifier accepts the official Node.js signatures made by Apple codesign (checks the checker)', () => {
    if (!CACHE) return console.warn('NODE_DIST_CACHE not set: official darwin binaries not checked');
    for (const p of ['darwin/amd64', 'darwin/arm64'] as const) {
      const pin = pins.targets[p];
      const file = path.join(CACHE, `${pin.package}-${pin.version}`, 'node');
      if (!existsSync(file)) {
        console.warn(`${file} not cached`);
        continue;
      }
      const official = readFileSync(file);
      const info = verifySignature(official);
      expect(info.adHoc).toBe(false);
      expect(info.cmsSize).toBeGreaterThan(1000);
      expect(info.codeDirectories[0]?.identifier).toBe('node');
      // our signer over the same binary: the same code limit, the same executable segment, and Apple's hash for
      // every page but page 0 (the header, where LC_CODE_SIGNATURE's size and __LINKEDIT's sizes differ)
      const ours = adHocSign(official, 'node');
      const mine = verifySignature(ours).codeDirectories[0];
      const apple = info.codeDirectories[0];
      expect([mine?.codeLimit, mine?.pages, mine?.execSegBase, mine?.execSegLimit, mine?.execSegFlags]).toEqual([apple?.codeLimit, apple?.pages, apple?.execSegBase, apple?.execSegLimit, apple?.execSegFlags]);
      const a = storedPageHashes(official);
      const b = storedPageHashes(ours);
      expect(b.length).toBe(a.length);
      const differing = a.flatMap((h, i) => (h.equals(b[i] as Buffer) ? [] : [i]));
      expect(differing).toEqual([0]);
    }
  }, 120_000);

  for (const platform of ['darwin/amd64', 'darwin/arm64'] as const) {
    test(`${platform}: ad-hoc signature over every page, NODE_SEA segment holding the blob`, () => {
      if (!built.includes(platform)) return console.warn(`${platform} not built`);
      const bin = binaryOf(platform);
      const info = verifySignature(bin);
      expect(info.adHoc).toBe(true);
      expect(info.codeDirectories.map((c) => [c.identifier, c.hashType, c.flags, c.execSegFlags])).toEqual([['kubectl-podwhy', 2, 0x2, 1]]);
      const m = parseMachO(bin);
      expect(m.cputype).toBe(platform === 'darwin/arm64' ? 0x0100000c : 0x01000007);
      const sea = m.segments.find((s) => s.name === 'NODE_SEA');
      const section = sea?.sections.find((s) => s.name === '__NODE_SEA_BLOB');
      expect(section).toBeDefined();
      const blob = readFileSync(path.join(dir, 'work', 'sea-prep.blob'));
      expect(bin.subarray(section?.offset, (section?.offset ?? 0) + (section?.size ?? 0)).equals(blob)).toBe(true);
      // the SEA fuse is flipped, exactly once
      expect(bin.indexOf('NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1')).toBeGreaterThan(0);
      expect(bin.indexOf('NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:0')).toBe(-1);
    }, 120_000);
  }

  const maybeKubectl = KUBECTL ? test : test.skip;
  maybeKubectl('the linux/amd64 archive installs as krew does and runs through kubectl', () => {
    if (!built.includes('linux/amd64')) return console.warn('linux/amd64 not built');
    installAndRun(manifestText, readFileSync(path.join(dir, archiveName(version, 'linux/amd64'))), version.slice(1));
  }, 300_000);

  test('a rebuild of linux/amd64 gives a byte-identical archive', async () => {
    if (!built.includes('linux/amd64') || !CACHE) return console.warn('SKIPPED rebuild comparison: linux/amd64 not built or NODE_DIST_CACHE not set');
    const out = path.join(tmp, 'rebuild');
    const mtime = Number(readArchiveMtime(readFileSync(path.join(dir, archiveName(version, 'linux/amd64')))));
    await release({ version, outDir: out, cacheDir: CACHE, platforms: ['linux/amd64'], mtime, baseUrl: path.dirname(path.dirname(manifest.spec.platforms[0]?.uri ?? '')), log: () => undefined });
    const a = readFileSync(path.join(dir, archiveName(version, 'linux/amd64')));
    const b = readFileSync(path.join(out, archiveName(version, 'linux/amd64')));
    expect(b.equals(a)).toBe(true);
  }, 600_000);
});

/** the mtime of the first tar entry, to rebuild with the same SOURCE_DATE_EPOCH */
function readArchiveMtime(tgz: Buffer): number {
  const { gunzipSync } = jest.requireActual<typeof import('node:zlib')>('node:zlib');
  const header = gunzipSync(tgz).subarray(0, 512);
  return parseInt(header.toString('latin1', 136, 147), 8);
}

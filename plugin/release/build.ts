// `make release VERSION=vX.Y.Z`: the standalone kubectl-podwhy for every krew platform, built on this Linux x64
// machine, packed the krew way, with sha256 files and dist/release/krew-manifest.yaml.
//
// For each platform: the official Node.js binary of that platform (npm registry packages, pinned with their sha256
// in plugin/release/node-dist.json, fetched with `npm pack` into a cache outside git) gets the single-executable
// blob that the linux-x64 build of the *same* Node version generated from the minified bundle (no code cache, no
// snapshot: the blob must run on another platform). linux/amd64, the platform that generates the blob, gets a blob
// with V8's code cache instead: start-up falls from about 2x `node -e 0` to about 1x (measured here on an idle machine: 60 ms to 29-34 ms, against 27-30 ms for the same Node's `node -e 0`). V8
// seeds its code cache with a random number, so the cache is generated with --random-seed=1 to stay reproducible (a
// changed flag hash would make V8 reject the cache at run time; --random-seed is not part of it). Linux binaries are stripped first, the Windows one loses its
// Authenticode signature first (injection would break it anyway), the macOS ones are ad-hoc signed afterwards
// (arm64 macOS kills unsigned code). A platform whose inputs did not change is not rebuilt.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { signatureSet } from 'portable-executable-signature';
import { Parser } from 'tar/parse';
import { sha256File, sha256Hex, tarGz, zip } from './archive';
import { archiveName, binName, PLATFORMS, renderManifest, validateManifest, type Platform, type ReleasedPlatform } from './krew';
import { adHocSign, verifySignature } from './macho';
import pins from './node-dist.json';

const SENTINEL_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const ROOT = path.resolve(__dirname, '..', '..');

export interface ReleaseOptions {
  version: string;
  outDir: string;
  cacheDir: string;
  platforms: Platform[];
  /** SOURCE_DATE_EPOCH: every archive entry's mtime */
  mtime: number;
  baseUrl: string;
  log: (line: string) => void;
}

interface Pin {
  package: string;
  version: string;
  integrity: string;
  tgzSha256: string;
  bin: string;
  binSha256: string;
}

const sha256OfFile = (file: string) => sha256Hex(readFileSync(file));

/** the official node binary for a platform, from the cache or `npm pack`, verified against the pins */
export function nodeBinary(platform: Platform, cacheDir: string, log: (l: string) => void): string {
  const pin = (pins.targets as Record<string, Pin>)[platform];
  if (!pin) throw new Error(`no pinned Node.js build for ${platform}`);
  mkdirSync(cacheDir, { recursive: true });
  const tgz = path.join(cacheDir, `${pin.package}-${pin.version}.tgz`);
  const bin = path.join(cacheDir, `${pin.package}-${pin.version}`, path.basename(pin.bin));
  if (existsSync(bin) && sha256OfFile(bin) === pin.binSha256) return bin;
  if (!existsSync(tgz) || sha256OfFile(tgz) !== pin.tgzSha256) {
    log(`fetching ${pin.package}@${pin.version} (npm pack) into ${cacheDir}`);
    const r = spawnSync('npm', ['pack', `${pin.package}@${pin.version}`, '--pack-destination', cacheDir, '--silent'], { stdio: ['ignore', 'pipe', 'inherit'] });
    if (r.status !== 0) throw new Error(`npm pack ${pin.package}@${pin.version} failed`);
  }
  const got = sha256OfFile(tgz);
  if (got !== pin.tgzSha256) {
    rmSync(tgz, { force: true });
    throw new Error(`${pin.package}-${pin.version}.tgz has sha256 ${got}, pinned ${pin.tgzSha256}: refusing it`);
  }
  let data: Buffer | undefined;
  const parser = new Parser({
    strict: true,
    onReadEntry: (entry) => {
      if (entry.path !== pin.bin) return entry.resume();
      const chunks: Buffer[] = [];
      entry.on('data', (c: Buffer) => chunks.push(c));
      entry.on('end', () => (data = Buffer.concat(chunks)));
    },
  });
  parser.end(gunzipSync(readFileSync(tgz)));
  if (!data) throw new Error(`${tgz} holds no ${pin.bin}`);
  if (sha256Hex(data) !== pin.binSha256) throw new Error(`${pin.bin} in ${tgz} has sha256 ${sha256Hex(data)}, pinned ${pin.binSha256}`);
  mkdirSync(path.dirname(bin), { recursive: true });
  writeFileSync(`${bin}.tmp`, data, { mode: 0o755 });
  renameSync(`${bin}.tmp`, bin);
  return bin;
}

function run(cmd: string, args: string[], opts: { cwd?: string } = {}): void {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: opts.cwd });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr.toString().trim()}`);
}

function have(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** the LICENSE shipped in every archive: ours, then the notices of what the binary embeds (Node.js, bundled packages) */
export function composeLicense(metafile: { inputs: Record<string, unknown> }, nodeLicense: string): string {
  const packages = new Map<string, string>();
  for (const input of Object.keys(metafile.inputs)) {
    const m = /(^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m?.[2]) packages.set(m[2], path.join(input.slice(0, (m.index ?? 0) + m[0].length)));
  }
  const parts = [readFileSync(path.join(ROOT, 'LICENSE'), 'utf8').trimEnd(), '', '', '='.repeat(80), 'Third-party software in this executable', '='.repeat(80), ''];
  parts.push(`Node.js ${pins.node} (the runtime this single executable is built from)`, '-'.repeat(80), nodeLicense.trimEnd(), '');
  for (const name of [...packages.keys()].sort()) {
    const dir = path.join(ROOT, packages.get(name) as string);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string; license?: string };
    const file = readdirSync(dir).sort().find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    parts.push(`${name} ${pkg.version} (${pkg.license ?? 'see below'})`, '-'.repeat(80), file ? readFileSync(path.join(dir, file), 'utf8').trimEnd() : `license: ${pkg.license ?? 'unknown'}`, '');
  }
  return `${parts.join('\n')}\n`;
}

async function inject(file: string, blob: Buffer, macho: boolean): Promise<void> {
  // postject is kept out of the tool's bundle: it loads its WebAssembly build of LIEF from its own directory
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { inject: postject } = require('postject') as { inject: (f: string, name: string, data: Buffer, o: object) => Promise<void> };
  // LIEF warns once per ELF note section of Node 22 it cannot name; harmless, and only noise in the build log
  const saved = { log: console.log, warn: console.warn, error: console.error };
  const filter = (write: (...a: unknown[]) => void) => (...a: unknown[]) => {
    if (!/^warning: Can't find string offset for section name/.test(String(a[0]))) write(...a);
  };
  console.log = filter(saved.log);
  console.warn = filter(saved.warn);
  console.error = filter(saved.error);
  try {
    await postject(file, 'NODE_SEA_BLOB', blob, { sentinelFuse: SENTINEL_FUSE, ...(macho ? { machoSegmentName: 'NODE_SEA' } : {}) });
  } finally {
    Object.assign(console, saved);
  }
}

/** one platform's standalone binary, from the official node binary and the blob */
export async function buildBinary(platform: Platform, node: string, blob: Buffer, out: string, log: (l: string) => void): Promise<void> {
  mkdirSync(path.dirname(out), { recursive: true });
  rmSync(out, { force: true });
  const tmp = `${out}.tmp`;
  copyFileSync(node, tmp);
  chmodSync(tmp, 0o755);
  if (platform === 'linux/amd64' || platform === 'linux/arm64') {
    const strip = platform === 'linux/amd64' ? 'strip' : 'aarch64-linux-gnu-strip';
    if (have(strip)) run(strip, [tmp]);
    else log(`warning: ${strip} not found (Debian binutils${platform === 'linux/arm64' ? '-aarch64-linux-gnu' : ''}): ${platform} ships unstripped, larger`);
  }
  if (platform === 'windows/amd64') {
    writeFileSync(tmp, Buffer.from(signatureSet(readFileSync(tmp), null)));
  }
  await inject(tmp, blob, platform.startsWith('darwin/'));
  if (platform.startsWith('darwin/')) {
    const signed = adHocSign(readFileSync(tmp), 'kubectl-podwhy');
    const info = verifySignature(signed);
    if (!info.adHoc) throw new Error(`${platform}: the new signature is not ad-hoc`);
    writeFileSync(tmp, signed);
  }
  chmodSync(tmp, 0o755);
  renameSync(tmp, out);
}

export async function release(o: ReleaseOptions): Promise<ReleasedPlatform[]> {
  const work = path.join(o.outDir, 'work');
  mkdirSync(work, { recursive: true });
  const bundle = path.join(work, 'kubectl-podwhy.js');
  const metafile = path.join(work, 'meta.json');
  run(process.execPath, [path.join(ROOT, 'plugin', 'build.mjs'), '--minify', `--out=${bundle}`, `--version=${o.version}`, `--metafile=${metafile}`], { cwd: ROOT });

  // the blob, generated by the linux-x64 build of the very Node version every target embeds
  const hostNode = nodeBinary('linux/amd64', o.cacheDir, o.log);
  const nodeVersion = execFileSync(hostNode, ['--version']).toString().trim();
  if (nodeVersion !== `v${pins.node}`) throw new Error(`${hostNode} is ${nodeVersion}, expected v${pins.node}`);
  // paths relative to the work directory: the blob records the main script's path, which must not depend on where
  // the release is built (a rebuild elsewhere gives the same bytes) nor show the build machine's directories
  const makeBlob = (name: string, useCodeCache: boolean): Buffer => {
    const seaConfig = path.join(work, `${name}.json`);
    const blobFile = path.join(work, `${name}.blob`);
    writeFileSync(seaConfig, JSON.stringify({ main: path.basename(bundle), output: path.basename(blobFile), disableExperimentalSEAWarning: true, useCodeCache, useSnapshot: false }));
    run(hostNode, [...(useCodeCache ? ['--random-seed=1'] : []), '--experimental-sea-config', path.basename(seaConfig)], { cwd: work });
    return readFileSync(blobFile);
  };
  const portableBlob = makeBlob('sea-prep', false);
  const hostBlob = o.platforms.includes(HOST) ? makeBlob('sea-prep-host', true) : portableBlob;

  const nodeLicense = readLicenseFromTgz(o.cacheDir);
  const license = Buffer.from(composeLicense(JSON.parse(readFileSync(metafile, 'utf8')) as { inputs: Record<string, unknown> }, nodeLicense));
  const toolHash = sha256Hex(Buffer.concat(['build.ts', 'macho.ts', 'archive.ts', 'krew.ts', 'node-dist.json', '../build.mjs'].map((f) => readFileSync(path.join(ROOT, 'plugin', 'release', f)))));
  const released: ReleasedPlatform[] = [];
  const archives = new Map<string, Buffer>();
  for (const platform of o.platforms) {
    const name = archiveName(o.version, platform);
    const archiveFile = path.join(o.outDir, name);
    const binFile = path.join(work, platform.replace('/', '_'), binName(platform));
    const node = nodeBinary(platform, o.cacheDir, o.log);
    const blob = platform === HOST ? hostBlob : portableBlob;
    const stamp = createHash('sha256').update(JSON.stringify({ blob: sha256Hex(blob), node: (pins.targets as Record<string, Pin>)[platform]?.binSha256, license: sha256Hex(license), mtime: o.mtime, toolHash, tools: toolVersions(platform) })).digest('hex');
    const stampFile = `${binFile}.inputs`;
    if (existsSync(archiveFile) && existsSync(binFile) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
      o.log(`${platform}: unchanged, kept ${name}`);
    } else {
      const t0 = Date.now();
      await buildBinary(platform, node, blob, binFile, o.log);
      const data = readFileSync(binFile);
      const entries = [
        { name: binName(platform), data, mode: 0o755 },
        { name: 'LICENSE', data: license, mode: 0o644 },
      ];
      writeFileSync(archiveFile, platform.startsWith('windows/') ? zip(entries, o.mtime) : tarGz(entries, o.mtime));
      writeFileSync(stampFile, stamp);
      o.log(`${platform}: built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    const archive = readFileSync(archiveFile);
    writeFileSync(`${archiveFile}.sha256`, sha256File(name, archive));
    archives.set(name, archive);
    released.push({ platform, uri: `${o.baseUrl}/${o.version}/${name}`, sha256: sha256Hex(archive), bin: binName(platform) });
    o.log(`  ${name}: binary ${mb(readFileSync(binFile).length)}, archive ${mb(archive.length)}, sha256 ${sha256Hex(archive)}`);
  }
  const manifest = renderManifest(readFileSync(path.join(ROOT, 'plugin', 'krew-manifest.template.yaml'), 'utf8'), o.version, released);
  const problems = validateManifest(manifest, archives);
  if (problems.length) throw new Error(`the generated manifest breaks krew's rules:\n  ${problems.join('\n  ')}`);
  writeFileSync(path.join(o.outDir, 'krew-manifest.yaml'), manifest);
  o.log(`${path.join(o.outDir, 'krew-manifest.yaml')}: ${released.length} platform(s)`);
  return released;
}

function toolVersions(platform: Platform): string {
  const strip = platform === 'linux/amd64' ? 'strip' : platform === 'linux/arm64' ? 'aarch64-linux-gnu-strip' : '';
  return strip && have(strip) ? spawnSync(strip, ['--version']).stdout.toString().split('\n')[0] ?? '' : '';
}

function readLicenseFromTgz(cacheDir: string): string {
  const pin = pins.targets['linux/amd64'];
  const tgz = path.join(cacheDir, `${pin.package}-${pin.version}.tgz`);
  let text = '';
  const parser = new Parser({
    strict: true,
    onReadEntry: (entry) => {
      if (entry.path !== 'package/LICENSE') return entry.resume();
      entry.on('data', (c: Buffer) => (text += c.toString('utf8')));
    },
  });
  parser.end(gunzipSync(readFileSync(tgz)));
  if (!text) throw new Error(`${tgz} holds no package/LICENSE`);
  return text;
}

/** the platform whose Node generates the blob: its code cache is valid only for that very binary */
const HOST: Platform = 'linux/amd64';

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

async function main(): Promise<void> {
  const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split(/=(.*)/s).slice(0, 2) as [string, string]));
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const unreleased = args.get('unreleased-manifest');
  if (unreleased) {
    writeFileSync(path.join(ROOT, unreleased), renderManifest(readFileSync(path.join(ROOT, 'plugin', 'krew-manifest.template.yaml'), 'utf8'), `v${pkg.version}`, []));
    console.log(`wrote ${unreleased}`);
    return;
  }
  const version = args.get('version') || `v${pkg.version}`;
  if (version !== `v${pkg.version}`) console.error(`note: releasing ${version} while package.json says ${pkg.version}`);
  const wanted = (args.get('platforms') || PLATFORMS.join(',')).split(',').filter(Boolean);
  for (const p of wanted) if (!(PLATFORMS as readonly string[]).includes(p)) throw new Error(`unknown platform ${p} (known: ${PLATFORMS.join(', ')})`);
  const epoch = Number(args.get('mtime') || process.env.SOURCE_DATE_EPOCH || 0);
  if (!Number.isInteger(epoch) || epoch < 0) throw new Error('SOURCE_DATE_EPOCH must be a whole number of seconds');
  await release({
    version,
    outDir: path.resolve(args.get('out') || path.join(ROOT, 'dist', 'release')),
    cacheDir: path.resolve(args.get('cache') || path.join(process.env.HOME ?? '/tmp', '.cache', 'kubectl-podwhy', 'node-dist')),
    platforms: PLATFORMS.filter((p) => wanted.includes(p)),
    mtime: epoch,
    baseUrl: (args.get('base-url') || 'https://github.com/podwhy/kubectl-podwhy/releases/download').replace(/\/$/, ''),
    log: (l) => console.log(l),
  });
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`make release: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  });
}

// The krew side of a release: the manifest written from plugin/krew-manifest.template.yaml, krew's own validation
// rules (krew's pkg/index/validation and krew-index review practice), reading an archive the way krew's installer
// does, and a krew-like install (store + link) for tests.
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync, inflateRawSync } from 'node:zlib';
import { load } from 'js-yaml';
import { Parser } from 'tar/parse';
import { crc32, sha256Hex } from './archive';

export const PLATFORMS = ['linux/amd64', 'linux/arm64', 'darwin/amd64', 'darwin/arm64', 'windows/amd64'] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface ReleasedPlatform {
  platform: string;
  uri: string;
  sha256: string;
  bin: string;
}

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: {
    version: string;
    homepage: string;
    shortDescription: string;
    description: string;
    caveats?: string;
    platforms: Array<{ selector: { matchLabels?: Record<string, string>; matchExpressions?: unknown }; uri: string; sha256: unknown; bin: string; files?: unknown }>;
  };
}

export const UNRELEASED_HEADER = [
  '# No release of kubectl-podwhy has been published yet: this file lists no platforms and no checksums, and krew',
  '# cannot install from it. `make release VERSION=vX.Y.Z` builds the five archives and writes',
  '# dist/release/krew-manifest.yaml from plugin/krew-manifest.template.yaml with their real URIs and sha256 values;',
  '# upload the archives to the GitHub release vX.Y.Z, then commit that file here and submit it to krew-index as',
  '# plugins/podwhy.yaml. (`make krew-manifest` rewrites this placeholder-free file from the template.)',
].join('\n');

export const archiveName = (version: string, platform: string): string => `kubectl-podwhy_${version}_${platform.replace('/', '_')}.${platform.startsWith('windows/') ? 'zip' : 'tar.gz'}`;
export const binName = (platform: string): string => (platform.startsWith('windows/') ? 'kubectl-podwhy.exe' : 'kubectl-podwhy');

/** the manifest text: the template with the version and one platform block per archive (none: the unreleased file) */
export function renderManifest(template: string, version: string, platforms: ReleasedPlatform[]): string {
  if (!/^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) throw new Error(`version ${version} is not a v-prefixed semantic version (v1.2.3)`);
  const blocks = platforms.map((p) => {
    const [os, arch] = p.platform.split('/');
    return ['  - selector:', '      matchLabels:', `        os: ${os}`, `        arch: ${arch}`, `    uri: ${p.uri}`, `    sha256: "${p.sha256}"`, `    bin: ${p.bin}`].join('\n');
  });
  const body = template.replace('{{VERSION}}', version).replace(/ *\{\{PLATFORMS\}\}\n?/, platforms.length ? `${blocks.join('\n')}\n` : '');
  const text = platforms.length ? body : `${UNRELEASED_HEADER}\n${body.replace(/^( *platforms:)[ \t]*$/m, '$1 []')}`;
  if (/\{\{|\}\}/.test(text)) throw new Error('the manifest template has an unknown {{placeholder}}');
  return text;
}

export interface ArchiveFile {
  name: string;
  type: 'file' | 'directory' | 'symlink' | 'other';
  mode: number;
  data: Buffer;
}

/** every entry of a .tar.gz (through npm's tar parser) or .zip (central directory), as krew's installer sees them */
export function readArchive(name: string, buf: Buffer): ArchiveFile[] {
  if (name.endsWith('.zip')) return readZip(buf);
  if (!name.endsWith('.tar.gz')) throw new Error(`${name}: krew reads .tar.gz and .zip archives only`);
  const out: ArchiveFile[] = [];
  const parser = new Parser({
    strict: true,
    onReadEntry: (entry) => {
      const type = entry.type === 'File' || entry.type === 'OldFile' ? 'file' : entry.type === 'Directory' ? 'directory' : entry.type === 'SymbolicLink' || entry.type === 'Link' ? 'symlink' : 'other';
      const chunks: Buffer[] = [];
      entry.on('data', (c: Buffer) => chunks.push(c));
      entry.on('end', () => out.push({ name: entry.path, type, mode: entry.mode ?? 0, data: Buffer.concat(chunks) }));
    },
  });
  parser.end(gunzipSync(buf));
  return out;
}

function readZip(buf: Buffer): ArchiveFile[] {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: ArchiveFile[] = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`zip central directory entry ${i} is damaged`);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const madeBy = buf.readUInt16LE(p + 4) >> 8;
    const attrs = buf.readUInt32LE(p + 38) >>> 16;
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + csize);
    const data = method === 8 ? inflateRawSync(raw) : method === 0 ? Buffer.from(raw) : Buffer.alloc(0);
    if (crc32(data) !== crc) throw new Error(`zip entry ${name}: CRC mismatch`);
    const unixType = madeBy === 3 ? attrs & 0o170000 : name.endsWith('/') ? 0o040000 : 0o100000;
    out.push({ name, type: unixType === 0o100000 ? 'file' : unixType === 0o040000 ? 'directory' : unixType === 0o120000 ? 'symlink' : 'other', mode: madeBy === 3 ? attrs & 0o7777 : 0o644, data });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const FORBIDDEN_SHORT = /kubectl|kubernetes|plugin/i;

/**
 * krew's rules for a manifest, plus, where the archives are at hand (keyed by URI basename), the rules for what
 * they hold. Returns every violation (empty: valid).
 */
export function validateManifest(text: string, archives?: Map<string, Buffer>): string[] {
  const problems: string[] = [];
  let m: Manifest;
  try {
    m = load(text) as Manifest;
  } catch (e) {
    return [`not YAML: ${(e as Error).message}`];
  }
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check(m?.apiVersion === 'krew.googlecontainertools.github.com/v1alpha2', 'apiVersion must be krew.googlecontainertools.github.com/v1alpha2');
  check(m?.kind === 'Plugin', 'kind must be Plugin');
  check(/^[\w-]+$/.test(m?.metadata?.name ?? ''), 'metadata.name must match ^[\\w-]+$');
  check(m?.metadata?.name === 'podwhy', 'metadata.name must be podwhy (the index file plugins/podwhy.yaml)');
  const spec = m?.spec;
  if (!spec) return [...problems, 'no spec'];
  check(typeof spec.version === 'string' && /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(spec.version), 'spec.version must be a v-prefixed semantic version');
  check(/^https:\/\/\S+$/.test(spec.homepage ?? ''), 'spec.homepage must be an https URL');
  const short = spec.shortDescription ?? '';
  check(short.length > 0 && short.length <= 50 && !short.includes('\n'), 'spec.shortDescription must be one line of at most 50 characters');
  check(!FORBIDDEN_SHORT.test(short), 'spec.shortDescription must not say "kubectl", "Kubernetes" or "plugin"');
  const desc = spec.description ?? '';
  check(desc.trim().length > 0, 'spec.description is required');
  for (const [i, line] of desc.split('\n').entries()) check(line.length <= 80, `spec.description line ${i + 1} is longer than 80 columns`);
  check(!/(^|\n)\s*(\$ |kubectl podwhy |kubectl-podwhy )/.test(desc), 'spec.description must not carry usage examples');
  check(spec.caveats === undefined, 'spec.caveats must not be used as documentation');
  const platforms = spec.platforms ?? [];
  check(Array.isArray(platforms) && platforms.length > 0, 'spec.platforms must list at least one platform');
  const seen = new Set<string>();
  for (const [i, p] of platforms.entries()) {
    const where = `platforms[${i}]`;
    const labels = p.selector?.matchLabels ?? {};
    check(p.selector?.matchExpressions === undefined, `${where}: only matchLabels selectors`);
    check(JSON.stringify(Object.keys(labels).sort()) === '["arch","os"]', `${where}: selector.matchLabels must hold exactly os and arch`);
    const pair = `${labels.os}/${labels.arch}`;
    check(!seen.has(pair), `${where}: ${pair} is matched twice`);
    seen.add(pair);
    check(/^https:\/\/\S+\.(tar\.gz|zip)$/.test(p.uri ?? ''), `${where}: uri must be an https URL of a .tar.gz or .zip`);
    check(typeof p.sha256 === 'string' && /^[0-9a-f]{64}$/.test(p.sha256), `${where}: sha256 must be 64 lowercase hex characters (a quoted string)`);
    check(typeof p.sha256 !== 'string' || !/^0+$/.test(p.sha256), `${where}: sha256 is a placeholder`);
    check(p.bin === (labels.os === 'windows' ? 'kubectl-podwhy.exe' : 'kubectl-podwhy'), `${where}: bin must be kubectl-podwhy${labels.os === 'windows' ? '.exe' : ''}`);
    check(p.files === undefined, `${where}: no files: list (krew then extracts the whole flat archive)`);
    if (!archives) continue;
    const file = (p.uri ?? '').split('/').pop() ?? '';
    const data = archives.get(file);
    if (!data) {
      problems.push(`${where}: archive ${file} is not at hand`);
      continue;
    }
    check(sha256Hex(data) === p.sha256, `${where}: sha256 differs from ${file}'s`);
    let entries: ArchiveFile[];
    try {
      entries = readArchive(file, data);
    } catch (e) {
      problems.push(`${where}: ${file}: ${(e as Error).message}`);
      continue;
    }
    for (const e of entries) {
      check(e.type === 'file', `${file}: ${e.name} is not a regular file`);
      check(!path.posix.isAbsolute(e.name) && !e.name.split(/[/\\]/).includes('..') && !/^[A-Za-z]:/.test(e.name), `${file}: ${e.name} is an absolute or ".." path`);
      check(!e.name.includes('/'), `${file}: ${e.name} is not at the top level`);
    }
    const bin = entries.find((e) => e.name === p.bin);
    check(bin !== undefined, `${file}: bin ${p.bin} is not in the archive`);
    if (bin && labels.os !== 'windows') check((bin.mode & 0o111) === 0o111, `${file}: ${p.bin} is not executable (mode ${bin.mode.toString(8)})`);
    check(entries.some((e) => e.name === 'LICENSE' && e.data.length > 0), `${file}: no LICENSE`);
    check(entries.length === 2, `${file}: holds ${entries.map((e) => e.name).join(', ')}: only the binary and LICENSE`);
  }
  return problems;
}

/**
 * What `kubectl krew install --manifest=M --archive=A` does on Unix: extract the archive into
 * <root>/store/<name>/<version>/, write the receipt, and link <root>/bin/kubectl-<name> to the bin file.
 * Returns the link's path.
 */
export function krewInstall(root: string, manifestText: string, platform: string, archive: Buffer): string {
  const m = load(manifestText) as Manifest;
  const [os, arch] = platform.split('/');
  const p = m.spec.platforms.find((x) => x.selector.matchLabels?.os === os && x.selector.matchLabels?.arch === arch);
  if (!p) throw new Error(`no platform ${platform} in the manifest`);
  if (sha256Hex(archive) !== p.sha256) throw new Error('archive checksum does not match the manifest');
  const store = path.join(root, 'store', m.metadata.name, m.spec.version);
  mkdirSync(store, { recursive: true });
  for (const e of readArchive(p.uri, archive)) {
    if (e.type !== 'file' || e.name.includes('/') || e.name.includes('..')) throw new Error(`refusing archive entry ${e.name}`);
    const dest = path.join(store, e.name);
    writeFileSync(dest, e.data);
    chmodSync(dest, e.mode & 0o777);
  }
  mkdirSync(path.join(root, 'receipts'), { recursive: true });
  writeFileSync(path.join(root, 'receipts', `${m.metadata.name}.yaml`), manifestText);
  const binDir = path.join(root, 'bin');
  mkdirSync(binDir, { recursive: true });
  const link = path.join(binDir, `kubectl-${m.metadata.name}`);
  symlinkSync(path.join(store, p.bin), link);
  return link;
}

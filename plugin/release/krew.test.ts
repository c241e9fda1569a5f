// krew's rules for the manifest and the archives, and an install done the way krew does it, run through the real
// kubectl's plugin discovery. make test runs this on a small archive built here from the JS bundle
// (dist/kubectl-podwhy); release.test.ts runs the same install on the real linux/amd64 release archive.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { load } from 'js-yaml';
import { sha256Hex, tarGz, type ArchiveEntry } from './archive';
import { archiveName, readArchive, renderManifest, UNRELEASED_HEADER, validateManifest, type Manifest } from './krew';
import { BASE, installAndRun, KUBECTL, LICENSE, ROOT, smallRelease, TEMPLATE } from './testing';

const PKG = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const BUNDLE = path.join(ROOT, 'dist', 'kubectl-podwhy');

const release = () => smallRelease('v1.2.3', Buffer.from('#!/bin/sh\necho stand-in\n'));

describe('krew manifest rules', () => {
  test('a generated manifest with its archives is valid', () => {
    const { manifest, archives } = release();
    expect(validateManifest(manifest, archives)).toEqual([]);
    const m = load(manifest) as Manifest;
    expect(m.spec.version).toBe('v1.2.3');
    expect(m.spec.platforms.map((p) => [p.selector.matchLabels, p.bin])).toEqual([
      [{ os: 'linux', arch: 'amd64' }, 'kubectl-podwhy'],
      [{ os: 'darwin', arch: 'arm64' }, 'kubectl-podwhy'],
      [{ os: 'windows', arch: 'amd64' }, 'kubectl-podwhy.exe'],
    ]);
    // sha256 stays a string even when all digits
    expect(manifest).toMatch(/sha256: "[0-9a-f]{64}"\n/);
  });

  // each case: an edit of a valid manifest (or of its archives) and the rule it must break
  const invalid: Array<[string, (t: string) => string, string, ((a: Map<string, Buffer>) => void)?]> = [
    ['wrong apiVersion', (t) => t.replace('v1alpha2', 'v1alpha1'), 'apiVersion must be'],
    ['wrong kind', (t) => t.replace('kind: Plugin', 'kind: plugin'), 'kind must be Plugin'],
    ['unsafe name', (t) => t.replace('name: podwhy', 'name: pod/why'), 'metadata.name must match'],
    ['other name', (t) => t.replace('name: podwhy', 'name: why'), 'metadata.name must be podwhy'],
    ['version without v', (t) => t.replace('"v1.2.3"', '"1.2.3"'), 'spec.version must be'],
    ['partial version', (t) => t.replace('"v1.2.3"', '"v1.2"'), 'spec.version must be'],
    ['long short description', (t) => t.replace(/shortDescription: .*/, `shortDescription: ${'x'.repeat(51)}`), 'at most 50 characters'],
    ['short description says kubectl', (t) => t.replace(/shortDescription: .*/, 'shortDescription: kubectl pod explainer'), 'must not say'],
    ['short description says Kubernetes', (t) => t.replace(/shortDescription: .*/, 'shortDescription: Explain Kubernetes pods'), 'must not say'],
    ['description over 80 columns', (t) => t.replace('  description: |\n', `  description: |\n    ${'word '.repeat(17)}\n`), 'longer than 80 columns'],
    ['usage example in description', (t) => t.replace('  description: |\n', '  description: |\n    $ kubectl podwhy web-0\n'), 'usage examples'],
    ['caveats', (t) => t.replace('  platforms:', '  caveats: run it\n  platforms:'), 'spec.caveats'],
    ['extra selector label', (t) => t.replace('        arch: amd64\n', '        arch: amd64\n        distro: debian\n'), 'exactly os and arch'],
    ['pair matched twice', (t) => t.replace('arch: arm64', 'arch: amd64').replace('os: darwin', 'os: linux'), 'linux/amd64 is matched twice'],
    ['uppercase sha256', (t) => t.replace(/sha256: "([0-9a-f]{64})"/, (_m, h: string) => `sha256: "${h.toUpperCase()}"`), '64 lowercase hex'],
    ['unquoted all-digit sha256', (t) => t.replace(/sha256: "[0-9a-f]{64}"/, `sha256: ${'1'.repeat(64)}`), '(a quoted string)'],
    ['placeholder sha256', (t) => t.replace(/sha256: "[0-9a-f]{64}"/, `sha256: "${'0'.repeat(64)}"`), 'sha256 is a placeholder'],
    ['windows bin without .exe', (t) => t.replace('bin: kubectl-podwhy.exe', 'bin: kubectl-podwhy'), 'bin must be kubectl-podwhy.exe'],
    ['http uri', (t) => t.replace(`uri: ${BASE}`, 'uri: http://example.com'), 'uri must be an https URL'],
    ['no platforms', (t) => t.replace(/ {2}platforms:\n[\s\S]*$/, '  platforms: []\n'), 'at least one platform'],
    ['checksum of another archive', (t) => t, "sha256 differs from kubectl-podwhy_v1.2.3_linux_amd64.tar.gz's", (a) => a.set('kubectl-podwhy_v1.2.3_linux_amd64.tar.gz', tarGz([{ name: 'kubectl-podwhy', data: Buffer.from('other'), mode: 0o755 }, { name: 'LICENSE', data: LICENSE, mode: 0o644 }], 0))],
    ['archive missing', (t) => t, 'is not at hand', (a) => a.delete('kubectl-podwhy_v1.2.3_darwin_arm64.tar.gz')],
  ];
  // always four columns: with fewer, jest would pass its done callback as editArchives
  test.each(invalid.map(([n, e, r, a]) => [n, e, r, a ?? null] as const))('%s', (_name, edit, rule, editArchives) => {
    const { manifest, archives } = release();
    editArchives?.(archives);
    const problems = validateManifest(edit(manifest), archives);
    expect(problems.some((p) => p.includes(rule))).toBe(true);
  });

  test('archive contents: only the executable bin and LICENSE, flat, regular files', () => {
    const tarOf = (entries: ArchiveEntry[]) => tarGz(entries, 0);
    const lic = { name: 'LICENSE', data: LICENSE, mode: 0o644 };
    const cases: Array<[string, Buffer, string]> = [
      ['no LICENSE', tarOf([{ name: 'kubectl-podwhy', data: Buffer.from('x'), mode: 0o755 }]), 'no LICENSE'],
      ['bin not executable', tarOf([{ name: 'kubectl-podwhy', data: Buffer.from('x'), mode: 0o644 }, lic]), 'is not executable'],
      ['bin missing', tarOf([{ name: 'kubectl-why', data: Buffer.from('x'), mode: 0o755 }, lic]), 'bin kubectl-podwhy is not in the archive'],
      ['extra file', tarOf([{ name: 'kubectl-podwhy', data: Buffer.from('x'), mode: 0o755 }, lic, { name: 'README.md', data: Buffer.from('x'), mode: 0o644 }]), 'only the binary and LICENSE'],
    ];
    for (const [name, archive, rule] of cases) {
      const file = 'kubectl-podwhy_v1.2.3_linux_amd64.tar.gz';
      const manifest = renderManifest(TEMPLATE, 'v1.2.3', [{ platform: 'linux/amd64', uri: `${BASE}/v1.2.3/${file}`, sha256: sha256Hex(archive), bin: 'kubectl-podwhy' }]);
      const problems = validateManifest(manifest, new Map([[file, archive]]));
      if (!problems.some((p) => p.includes(rule))) throw new Error(`${name}: expected "${rule}" in ${JSON.stringify(problems)}`);
    }
  });

  test('archives with links, directories or escaping paths are rejected as krew rejects them', () => {
    // hand-made tar headers: a symlink, a directory and a "../" path (our writer refuses to produce them)
    const header = (name: string, type: string, size = 0, linkname = '') => {
      const h = Buffer.alloc(512);
      h.write(name, 0);
      h.write('0000755\0', 100);
      h.write('0000000\0', 108);
      h.write('0000000\0', 116);
      h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
      h.write('00000000000\0', 136);
      h.write('        ', 148);
      h.write(type, 156);
      h.write(linkname, 157);
      h.write('ustar\0', 257);
      h.write('00', 263);
      let sum = 0;
      for (const b of h) sum += b;
      h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
      return h;
    };
    const { gzipSync } = jest.requireActual<typeof import('node:zlib')>('node:zlib');
    const body = (blocks: Buffer[]) => gzipSync(Buffer.concat([...blocks, Buffer.alloc(1024)]));
    const licenseBlocks = [header('LICENSE', '0', 3), Buffer.concat([Buffer.from('MIT'), Buffer.alloc(509)])];
    const cases: Array<[string, Buffer, string]> = [
      ['symlink', body([header('kubectl-podwhy', '2', 0, '/bin/sh'), ...licenseBlocks]), 'kubectl-podwhy is not a regular file'],
      ['directory', body([header('bin/', '5'), ...licenseBlocks]), 'bin/ is not a regular file'],
      ['dot-dot path', body([header('../kubectl-podwhy', '0', 0), ...licenseBlocks]), 'is an absolute or ".." path'],
      ['nested path', body([header('bin/kubectl-podwhy', '0', 0), ...licenseBlocks]), 'is not at the top level'],
    ];
    for (const [name, archive, rule] of cases) {
      const file = 'kubectl-podwhy_v1.2.3_linux_amd64.tar.gz';
      const manifest = renderManifest(TEMPLATE, 'v1.2.3', [{ platform: 'linux/amd64', uri: `${BASE}/v1.2.3/${file}`, sha256: sha256Hex(archive), bin: 'kubectl-podwhy' }]);
      const problems = validateManifest(manifest, new Map([[file, archive]]));
      if (!problems.some((p) => p.includes(rule))) throw new Error(`${name}: expected "${rule}" in ${JSON.stringify(problems)}`);
    }
  });

  test('the committed krew-manifest.yaml carries no placeholder: either no release (says so) or a valid release', () => {
    const committed = readFileSync(path.join(ROOT, 'krew-manifest.yaml'), 'utf8');
    const m = load(committed) as Manifest;
    expect(committed).not.toMatch(/\{\{|0{64}/);
    if (m.spec.platforms.length === 0) {
      expect(committed.startsWith(UNRELEASED_HEADER)).toBe(true);
      // and it is the template's text, so descriptions cannot drift (`make krew-manifest` rewrites it)
      expect(committed).toBe(renderManifest(TEMPLATE, `v${PKG.version}`, []));
    } else {
      expect(validateManifest(committed)).toEqual([]);
      expect(m.spec.platforms.map((p) => `${p.selector.matchLabels?.os}/${p.selector.matchLabels?.arch}`).sort()).toEqual(['darwin/amd64', 'darwin/arm64', 'linux/amd64', 'linux/arm64', 'windows/amd64']);
    }
  });

  test('the template renders the same identity and descriptions as the committed file', () => {
    const a = load(renderManifest(TEMPLATE, 'v9.9.9', release().platforms)) as Manifest;
    const b = load(readFileSync(path.join(ROOT, 'krew-manifest.yaml'), 'utf8')) as Manifest;
    expect([a.metadata, a.spec.homepage, a.spec.shortDescription, a.spec.description]).toEqual([b.metadata, b.spec.homepage, b.spec.shortDescription, b.spec.description]);
    expect(() => renderManifest(TEMPLATE, '0.2.0', [])).toThrow('not a v-prefixed semantic version');
  });
});

const maybe = KUBECTL ? describe : describe.skip;
if (!KUBECTL) console.warn('krew install test skipped: no kubectl on this machine');

maybe('krew install through kubectl plugin discovery', () => {
  test('the linux/amd64 archive installs, links and runs as `kubectl podwhy`', () => {
    if (!existsSync(BUNDLE)) throw new Error('dist/kubectl-podwhy is missing: run `make build` first (make test does)');
    const { manifest, archives } = smallRelease(`v${PKG.version}`, readFileSync(BUNDLE));
    const archive = archives.get(archiveName(`v${PKG.version}`, 'linux/amd64')) as Buffer;
    expect(readArchive('x.tar.gz', archive).map((e) => [e.name, e.type, e.mode])).toEqual([
      ['kubectl-podwhy', 'file', 0o755],
      ['LICENSE', 'file', 0o644],
    ]);
    installAndRun(manifest, archive, PKG.version, { node: process.execPath });
  }, 120_000);
});

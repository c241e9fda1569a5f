// Reproducible archives: the same entries and mtime give the same bytes, and what GNU tar, unzip and krew read out
// of them is exactly the binary (0755) and LICENSE with fixed owners and times.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { crc32, sha256File, tarGz, zip, type ArchiveEntry } from './archive';
import { readArchive } from './krew';

const entries = (): ArchiveEntry[] => [
  { name: 'kubectl-podwhy', data: Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251)), mode: 0o755 },
  { name: 'LICENSE', data: Buffer.from('Apache License\n'), mode: 0o644 },
];
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

describe('reproducible archives', () => {
  test('two runs give byte-identical .tar.gz and .zip; another mtime gives other bytes', () => {
    expect(tarGz(entries(), 1700000000).equals(tarGz(entries(), 1700000000))).toBe(true);
    expect(zip(entries(), 1700000000).equals(zip(entries(), 1700000000))).toBe(true);
    expect(tarGz(entries(), 1700000000).equals(tarGz(entries(), 1700000002))).toBe(false);
    expect(zip(entries(), 1700000000).equals(zip(entries(), 1700000002))).toBe(false);
  });

  test('gzip header carries no time and a fixed OS byte', () => {
    const gz = tarGz(entries(), 1700000000);
    expect([...gz.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3]);
    expect(gunzipSync(gz).length % 512).toBe(0);
  });

  test('entries read back as regular files in order, with their modes and data', () => {
    for (const [name, archive] of [['a.tar.gz', tarGz(entries(), 1700000000)], ['a.zip', zip(entries(), 1700000000)]] as const) {
      const read = readArchive(name, archive);
      expect(read.map((e) => [e.name, e.type, e.mode])).toEqual([
        ['kubectl-podwhy', 'file', 0o755],
        ['LICENSE', 'file', 0o644],
      ]);
      expect(read[0]?.data.equals(entries()[0]?.data as Buffer)).toBe(true);
    }
  });

  test('only flat, plain names; no entry twice', () => {
    for (const bad of ['../x', '/abs', 'dir/file', '', '.hidden', 'a b']) expect(() => tarGz([{ name: bad, data: Buffer.alloc(1), mode: 0o644 }], 0)).toThrow('only flat, plain file names');
    expect(() => zip([...entries(), ...entries()], 0)).toThrow('twice');
  });

  test('crc32 and the sha256sum line', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(sha256File('a.tar.gz', Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a.tar.gz\n');
  });

  const tools = has('tar') && has('unzip') ? test : test.skip;
  if (!(has('tar') && has('unzip'))) console.warn('archive cross-check with GNU tar and unzip skipped: not installed');
  tools('GNU tar and unzip list fixed owners, modes and times', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'podwhy-archive-'));
    try {
      writeFileSync(path.join(dir, 'a.tar.gz'), tarGz(entries(), 1700000000));
      writeFileSync(path.join(dir, 'a.zip'), zip(entries(), 1700000000));
      const t = spawnSync('tar', ['--numeric-owner', '--utc', '-tvzf', 'a.tar.gz'], { cwd: dir, encoding: 'utf8', env: { TZ: 'UTC', LC_ALL: 'C', PATH: process.env.PATH } });
      expect(t.stdout.split('\n').filter(Boolean).map((l) => l.replace(/\s+/g, ' '))).toEqual(['-rwxr-xr-x 0/0 70000 2023-11-14 22:13 kubectl-podwhy', '-rw-r--r-- 0/0 15 2023-11-14 22:13 LICENSE']);
      const z = spawnSync('unzip', ['-Z', 'a.zip'], { cwd: dir, encoding: 'utf8' });
      const lines = z.stdout.split('\n').filter((l) => /^[-d]/.test(l)).map((l) => l.replace(/\s+/g, ' '));
      expect(lines.map((l) => l.split(' ').slice(0, 2).concat(l.split(' ').slice(-3)))).toEqual([
        ['-rwxr-xr-x', '2.0', '23-Nov-14', '22:13', 'kubectl-podwhy'],
        ['-rw-r--r--', '2.0', '23-Nov-14', '22:13', 'LICENSE'],
      ]);
      expect(spawnSync('unzip', ['-tq', 'a.zip'], { cwd: dir }).status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

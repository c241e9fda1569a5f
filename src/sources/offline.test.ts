import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { BOMB } from './files';
import { loadOffline } from './offline';

/** a minimal ustar archive (what troubleshoot writes), built here so the test needs no tool */
function tar(entries: Array<[string, string | Buffer]>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, body] of entries) {
    const data = Buffer.isBuffer(body) ? body : Buffer.from(body);
    const h = Buffer.alloc(512);
    h.write(name, 0, 100);
    h.write('0000644\0', 100);
    h.write('0000000\0', 108);
    h.write('0000000\0', 116);
    h.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
    h.write('00000000000\0', 136);
    h.write('        ', 148);
    h.write('0', 156);
    h.write('ustar\0', 257);
    h.write('00', 263);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

const pod = (name: string, ns = 'default'): unknown => ({
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: { name, namespace: ns, uid: `uid-${name}`, managedFields: [{ manager: 'x', fieldsV1: { 'f:a': {} } }] },
  spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'i' }] },
  status: { phase: 'Running' },
});
const podList = (names: string[]): string => JSON.stringify({ kind: 'PodList', apiVersion: 'v1', items: names.map((n) => pod(n)) }, null, 2);
const nodeList = JSON.stringify({ kind: 'NodeList', items: [{ kind: 'Node', metadata: { name: 'n1' }, status: {} }] });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'podwhy-offline-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function* chunks(b: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}

describe('loadOffline', () => {
  test('a folder, the same bundle as .tar.gz, and it on stdin in small chunks give the same snapshot', async () => {
    const files: Array<[string, string]> = [
      ['support-bundle-2026-11-27T10_00_00/cluster-resources/pods/default.json', podList(['a', 'b'])],
      ['support-bundle-2026-11-27T10_00_00/cluster-resources/nodes.json', nodeList],
      ['support-bundle-2026-11-27T10_00_00/cluster-resources/pods/logs/default/a/c.log', 'line one\nline two\n'],
    ];
    for (const [name, body] of files) {
      mkdirSync(path.dirname(path.join(dir, 'folder', name)), { recursive: true });
      writeFileSync(path.join(dir, 'folder', name), body);
    }
    const tgz = gzipSync(tar(files));
    writeFileSync(path.join(dir, 'bundle.tar.gz'), tgz);
    const summary = (s: Awaited<ReturnType<typeof loadOffline>>): unknown => ({
      pods: s.pods.map((p) => [p.metadata.name, p.metadata.managedFields]),
      nodes: [...s.nodes.keys()],
      logs: [...s.logs.entries()],
      time: [s.analysisTime, s.timeSource],
      errors: s.inputErrors,
    });
    const folder = summary(await loadOffline([path.join(dir, 'folder')], { clock: 0 }));
    expect(folder).toEqual({
      pods: [
        ['a', undefined],
        ['b', undefined],
      ],
      nodes: ['n1'],
      logs: [['default/a/c', { current: 'line one\nline two\n' }]],
      time: [Date.parse('2026-11-27T10:00:00Z'), 'capture'],
      errors: [],
    });
    expect(summary(await loadOffline([path.join(dir, 'bundle.tar.gz')], { clock: 0 }))).toEqual(folder);
    expect(summary(await loadOffline(['-'], { clock: 0, stdin: () => chunks(tgz, 7) }))).toEqual(folder);
  });

  test('a List on stdin is read item by item, in any chunking; a damaged item costs only itself', async () => {
    const text = Buffer.from(`{"apiVersion": "v1", "items": [${JSON.stringify(pod('a'))}, {"kind": "Pod", "metadata": {"name": oops}}, ${JSON.stringify(pod('c'))}], "kind": "List"}`);
    for (const size of [1, 5, 64, 1 << 20]) {
      const s = await loadOffline(['-'], { clock: 0, stdin: () => chunks(text, size) });
      expect(s.pods.map((p) => p.metadata.name)).toEqual(['a', 'c']);
      expect(s.inputErrors).toEqual([{ origin: 'stdin:1', message: expect.stringMatching(/^invalid JSON: items\[1\]/) }]);
    }
  });

  test('a small damaged JSON file is re-read with recovery; several documents in one file keep their lines', async () => {
    const file = path.join(dir, 'dump.json');
    writeFileSync(file, `${JSON.stringify({ kind: 'PodList', items: [pod('a')] }, null, 2)}\n${JSON.stringify({ kind: 'PodList', items: [pod('b')] }, null, 2)}\n`);
    const s = await loadOffline([file], { clock: 0 });
    expect(s.pods.map((p) => p.metadata.name)).toEqual(['a', 'b']);
    expect(s.inputErrors).toEqual([]);
  });

  test('a gzip bomb is stopped by its ratio, with one error naming the archive', async () => {
    const saved = { ...BOMB };
    BOMB.floor = 1024 * 1024;
    try {
      const bomb = gzipSync(tar([['a/pods.json', Buffer.alloc(8 * 1024 * 1024, 0x20)]]));
      writeFileSync(path.join(dir, 'bomb.tar.gz'), bomb);
      const s = await loadOffline([path.join(dir, 'bomb.tar.gz')], { clock: 0 });
      expect(s.inputErrors.map((e) => e.origin)).toContain(path.join(dir, 'bomb.tar.gz'));
      expect(s.inputErrors.find((e) => /decompression bomb/.test(e.message))).toBeDefined();
    } finally {
      Object.assign(BOMB, saved);
    }
  });

  test('binary content is one error, and a file of NUL bytes never reaches a parser', async () => {
    const file = path.join(dir, 'x.json');
    writeFileSync(file, Buffer.alloc(1000));
    const s = await loadOffline([file], { clock: 0 });
    expect(s.inputErrors).toEqual([{ origin: file, message: 'binary content (NUL bytes): not a JSON or YAML file' }]);
  });
});

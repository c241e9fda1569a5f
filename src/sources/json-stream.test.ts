import * as fc from 'fast-check';
import { JsonItemStream, type JsonStreamError, type StreamedDocument, type StreamedItem } from './json-stream';

function run(text: string | Buffer, chunkSizes: number[] = [1 << 20], opts: { maxItemBytes?: number } = {}): { items: StreamedItem[]; docs: StreamedDocument[]; errors: JsonStreamError[] } {
  const items: StreamedItem[] = [];
  const docs: StreamedDocument[] = [];
  const errors: JsonStreamError[] = [];
  const s = new JsonItemStream({ onItem: (i) => items.push(i), onDocument: (d) => docs.push(d), onError: (e) => errors.push(e), ...opts });
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text);
  let pos = 0;
  let k = 0;
  while (pos < buf.length) {
    const size = Math.max(1, chunkSizes[k++ % chunkSizes.length] as number);
    s.write(buf.subarray(pos, pos + size));
    pos += size;
  }
  s.end();
  return { items, docs, errors };
}

const pod = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  kind: 'Pod',
  metadata: { name, namespace: 'default', managedFields: [{ manager: 'kubectl', fieldsV1: { 'f:spec': { '.': {} } } }], labels: { 'a"b': 'c\\"}' } },
  spec: { containers: [{ name: 'c', args: ['[', '{', '"', '\\'] }] },
  ...extra,
});
const withoutManaged = (p: Record<string, unknown>): unknown => {
  const copy = JSON.parse(JSON.stringify(p)) as { metadata: Record<string, unknown> };
  delete copy.metadata.managedFields;
  return copy;
};

describe('JsonItemStream', () => {
  test('a List comes out one item at a time, with its path and line, managedFields cut, and the shell after', () => {
    const text = JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: [pod('a'), pod('b')] }, null, 2);
    const r = run(text);
    expect(r.errors).toEqual([]);
    expect(r.items.map((i) => i.path)).toEqual(['items[0]', 'items[1]']);
    expect(r.items[0]?.value).toEqual(withoutManaged(pod('a')));
    // the item's "{" is three lines above its name
    expect(r.items[1]?.line).toBe(text.split('\n').findIndex((l) => l.includes('"name": "b"')) - 3 + 1);
    expect(r.docs).toEqual([{ shell: { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '1' } }, list: true, line: 1 }]);
  });

  test('kubectl key order (items before kind) and a top-level array work the same', () => {
    const kubectl = run(JSON.stringify({ apiVersion: 'v1', items: [pod('a')], kind: 'List', metadata: { resourceVersion: '' } }));
    expect(kubectl.items.map((i) => i.value)).toEqual([withoutManaged(pod('a'))]);
    expect(kubectl.docs[0]?.shell.kind).toBe('List');
    const array = run(JSON.stringify([pod('a'), pod('b')]));
    expect(array.items.map((i) => i.path)).toEqual(['[0]', '[1]']);
    expect(array.docs[0]?.list).toBe(true);
  });

  test('a single object is one whole item; several top-level values follow one another', () => {
    const r = run(`${JSON.stringify(pod('a'))}\n${JSON.stringify({ kind: 'NodeList', items: [] })}\n`);
    expect(r.items).toEqual([{ value: withoutManaged(pod('a')), path: '', line: 1 }]);
    expect(r.docs.map((d) => [d.list, d.line])).toEqual([
      [false, 1],
      [true, 2],
    ]);
  });

  test('managedFields is only cut from an item\'s metadata, nowhere else', () => {
    const p = { kind: 'ConfigMap', metadata: { name: 'x' }, data: { managedFields: 'kept' }, spec: { metadata: { managedFields: 'kept' } } };
    expect(run(JSON.stringify({ items: [p] })).items[0]?.value).toEqual(p);
  });

  test('a damaged item is one error naming its line; the items before it are kept', () => {
    const text = '{\n "items": [\n  {"kind": "Pod", "metadata": {"name": "a"}},\n  {"kind": "Pod", "metadata": {"name": tru}},\n  {"kind": "Pod", "metadata": {"name": "c"}}\n ]\n}\n';
    const r = run(text);
    expect(r.items.map((i) => (i.value as { metadata: { name: string } }).metadata.name)).toEqual(['a', 'c']);
    expect(r.errors).toEqual([{ line: 4, message: expect.stringContaining('items[1]'), fatal: false }]);
  });

  test('a truncated list keeps what was complete and says it is truncated', () => {
    const r = run('{"kind": "PodList", "items": [{"kind": "Pod", "metadata": {"name": "a"}}, {"kind": "Pod", "meta');
    expect(r.items).toHaveLength(1);
    expect(r.errors).toEqual([{ line: 1, message: expect.stringContaining('truncated'), fatal: true, truncated: true }]);
  });

  test('mismatched brackets stop the stream with one error', () => {
    const r = run('{"items": [ {"a": 1} }');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.message).toMatch(/unexpected/);
  });

  test('an item beyond the budget is skipped with an error, and the next item is still read', () => {
    const big = { kind: 'Pod', metadata: { name: 'big' }, data: 'x'.repeat(5000) };
    const r = run(JSON.stringify({ items: [big, pod('small')] }), [100], { maxItemBytes: 1000 });
    expect(r.items.map((i) => (i.value as { metadata: { name: string } }).metadata.name)).toEqual(['small']);
    expect(r.errors).toEqual([{ line: 1, message: 'items[0] is larger than 0 MiB: not read', fatal: false }]);
  });

  test('hostile nesting is an error, not a stack overflow', () => {
    const r = run(`{"items": [${'['.repeat(100000)}`);
    expect(r.errors).toHaveLength(1);
  });

  test('every way of cutting the input into chunks gives the same items (strings, escapes, numbers split anywhere)', () => {
    const doc = { kind: 'List', items: [pod('a', { n: 12345.5e3, t: true, z: null, s: 'é\u2028\\"' }), 42, 'str', pod('b')], metadata: {} };
    const text = JSON.stringify(doc, null, 1);
    const expected = run(text);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 }), (sizes) => {
        const r = run(text, sizes);
        expect(r).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  test('random JSON documents come out as JSON.parse sees them', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 5 }), (value, sizes) => {
        const text = JSON.stringify({ items: [value, { value }] });
        const r = run(text, sizes);
        expect(r.errors).toEqual([]);
        expect(r.items.map((i) => i.value)).toEqual(JSON.parse(text).items);
      }),
      { numRuns: 300 },
    );
  });
});

import { parseText } from './documents';

describe('parseText', () => {
  test('multi-document YAML keeps the good documents when one is broken', () => {
    const r = parseText('kind: Pod\nmetadata: {name: a}\n---\nkind: Pod\nmetadata: {name: [\n---\nkind: Node\nmetadata: {name: n}\n', 'x.yaml');
    expect(r.documents.map((d) => (d.value as { kind: string }).kind)).toEqual(['Pod', 'Node']);
    expect(r.errors).toEqual([{ origin: 'x.yaml:5', message: expect.stringContaining('invalid YAML') }]);
  });

  test('a cluster-info dump stream splits into documents and log blocks, and a damaged document costs only itself', () => {
    const text = ['{', '    "kind": "NodeList",', '    "items": [', '    ]', '}, //changed', '{', '    "kind": "PodList",', '    "items": []', '}', '==== START logs for container app of pod default/web ====', 'hello', '==== END logs for container app of pod default/web ====', '}'].join('\n');
    const r = parseText(text, 'dump');
    expect(r.documents).toEqual([{ origin: 'dump:6', value: { kind: 'PodList', items: [] } }]);
    expect(r.logs).toEqual([{ container: 'app', namespace: 'default', pod: 'web', previous: false, text: 'hello' }]);
    expect(r.errors.map((e) => e.origin)).toEqual(['dump:5', 'dump:13']);
  });

  test('a truncated JSON file is one error naming its line', () => {
    const r = parseText('{\n  "kind": "PodList",\n  "items": [\n    {"kind": "Pod"', 'pods.json');
    expect(r.documents).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.origin).toMatch(/^pods\.json:\d+$/);
  });

  test('YAML alias bombs are refused', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]', 'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]'].join('\n');
    const r = parseText(bomb, 'bomb.yaml');
    expect(r.errors).toHaveLength(1);
  });

  describe('parse errors never quote secret material', () => {
    const SECRET = 'hunter2-Sup3rS3cret';
    test.each([
      ['a bad line between documents of a dump', `{\n"kind": "List"\n}\nDB_PASSWORD=${SECRET}\n{\n"kind": "List"\n}\n`],
      ['a JSON file that is not JSON after all', `{ "token": "${SECRET}" ${SECRET} }`],
      ['a bare credential in a .json file', `[${SECRET}]`],
      ['an unterminated JSON string', `{"password": "${SECRET}`],
      ['YAML with a tab in the middle of a secret', `password: ${SECRET}\n\tkey: ${SECRET}\n`],
    ])('%s', (_what, text) => {
      const r = parseText(text, 'in.json');
      expect(r.errors.length).toBeGreaterThan(0);
      for (const e of r.errors) {
        expect(e.message).not.toContain(SECRET.slice(0, 7));
        expect(e.message.length).toBeLessThan(120);
      }
    });
  });
});

// The hostile-input corpus, generated at test time (nothing large or binary is committed). Each case is a set of
// files next to a valid pod ("good.yaml"), the arguments to run, and what must come out: a one-line error naming the
// file (and line or object path) for each bad part, the valid pod still analyzed, the contract's exit code.
import { gzipSync } from 'node:zlib';

export type Content = string | Buffer | { fifo: string } | { dir: true } | { link: string };

export interface BadCase {
  name: string;
  /** files to create, relative to the case's folder */
  files: Record<string, Content>;
  /** arguments after the binary; {dir} is the case's folder */
  args: string[];
  /** a shell line instead of args (process substitution); {bin} is the binary */
  shell?: string;
  stdin?: Buffer;
  /** pods (namespace/name) the JSON report must contain: the rest of the input was analyzed */
  analyzed: string[];
  /** each must match one stderr line */
  errors: RegExp[];
  code: number;
  /** run as an unprivileged user (for permission cases; the test skips it when it cannot) */
  unprivileged?: boolean;
}

const TIME = '2026-11-27T10:00:00Z';

export function pod(name: string, extra: Record<string, unknown> = {}, ns = 'default'): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, uid: `uid-${name}`, creationTimestamp: '2026-11-27T09:00:00Z', ...((extra.metadata as object) ?? {}) },
    spec: { nodeName: 'node-1', containers: [{ name: 'app', image: 'registry.example/app:1' }], ...((extra.spec as object) ?? {}) },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'False' }],
      containerStatuses: [
        {
          name: 'app',
          ready: false,
          restartCount: 7,
          state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container' } },
          lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: '2026-11-27T09:50:00Z', finishedAt: '2026-11-27T09:50:03Z' } },
        },
      ],
      ...((extra.status as object) ?? {}),
    },
  };
}

const GOOD = JSON.stringify(pod('good'), null, 2);
const list = (items: unknown[]): string => JSON.stringify({ apiVersion: 'v1', kind: 'List', items }, null, 2);

/** a tar archive in memory (ustar headers), gzipped unless told */
export function tar(entries: Array<{ path: string; data?: string | Buffer; type?: '0' | '2' | '5'; link?: string }>, gzip = true): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data ?? '');
    const h = Buffer.alloc(512);
    const put = (s: string, off: number, len: number): void => {
      h.write(s.slice(0, len), off, 'utf8');
    };
    const name = Buffer.from(e.path);
    if (name.length > 100) {
      put(e.path.slice(-100), 0, 100);
      put(e.path.slice(0, Math.min(155, e.path.length - 100)), 345, 155);
    } else put(e.path, 0, 100);
    put('0000644\0', 100, 8);
    put('0000000\0', 108, 8);
    put('0000000\0', 116, 8);
    put(`${(e.type === '0' || !e.type ? data.length : 0).toString(8).padStart(11, '0')}\0`, 124, 12);
    put(`${Math.floor(Date.parse(TIME) / 1000).toString(8).padStart(11, '0')}\0`, 136, 12);
    put('        ', 148, 8);
    put(e.type ?? '0', 156, 1);
    if (e.link) put(e.link, 157, 100);
    put('ustar\0', 257, 6);
    put('00', 263, 2);
    let sum = 0;
    for (const b of h) sum += b;
    put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
    blocks.push(h);
    if (!e.type || e.type === '0') {
      blocks.push(data, Buffer.alloc((512 - (data.length % 512)) % 512));
    }
  }
  blocks.push(Buffer.alloc(1024));
  const raw = Buffer.concat(blocks);
  return gzip ? gzipSync(raw) : raw;
}

function utf16(text: string, bigEndian: boolean): Buffer {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  if (!bigEndian) return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1] as number;
    be[i + 1] = le[i] as number;
  }
  return be;
}

function deepJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** random bytes from a fixed seed, so every run sees the same garbage */
export function bytes(n: number, seed = 7): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = x >> 16;
  }
  return b;
}

const withGood = (files: Record<string, Content>): Record<string, Content> => ({ 'good.json': GOOD, ...files });
const both = ['-f', '{dir}/good.json'];

/** a case of one bad file given next to the good pod */
function one(name: string, file: string, content: Content, errors: RegExp[], extra: Partial<BadCase> = {}): BadCase {
  return { name, files: withGood({ [file]: content }), args: [...both, '-f', `{dir}/${file}`], analyzed: ['default/good'], errors, code: 1, ...extra };
}

const SECRET = 'hunter2-Sup3rS3cret-value';

export function badCases(): BadCase[] {
  const cases: BadCase[] = [
    // syntax
    one('truncated JSON list', 'pods.json', list([pod('a'), pod('b')]).slice(0, 300), [/pods\.json:\d+: .*truncated/]),
    // the streaming reader is lenient about a trailing comma: the list is read, nothing is lost
    one('JSON with a trailing comma', 'pods.json', `{"apiVersion": "v1", "kind": "List", "items": [${JSON.stringify(pod('comma'))}],}`, [], { analyzed: ['default/comma', 'default/good'] }),
    one('random bytes named .json', 'pods.json', bytes(4096), [/pods\.json/]),
    one('NUL bytes in a YAML file', 'pods.yaml', `kind: Pod\nmetadata:\n  name: x\0y\n`, [/pods\.yaml: .*binary/]),
    one('YAML with bad indentation', 'pods.yaml', 'kind: Pod\nmetadata:\n  name: a\n   namespace: b\n', [/pods\.yaml:\d+: invalid YAML/]),
    one('YAML indented with a tab', 'pods.yaml', 'kind: Pod\nmetadata:\n\tname: a\n', [/pods\.yaml:\d+: invalid YAML/]),
    one('YAML alias bomb', 'bomb.yaml', ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]', 'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]', 'g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]'].join('\n'), [/bomb\.yaml(:\d+)?: /]),
    one('JSON nested 100,000 deep', 'deep.json', deepJson(100_000), [/deep\.json/]),
    one('YAML nested 20,000 deep', 'deep.yaml', `${'['.repeat(20_000)}${']'.repeat(20_000)}\n`, [/deep\.yaml/]),
    one('a 10 MB line of one letter', 'line.json', `[${'a'.repeat(10 * 1024 * 1024)}]`, [/line\.json(:\d+)?: invalid JSON/]),
    one('an empty file named explicitly', 'empty.yaml', '', [/empty\.yaml: .*empty/]),
    one('a file of blanks named explicitly', 'blank.json', ' \n\n\t \n', [/blank\.json: .*empty/]),
    one('a YAML file of comments only', 'comments.yaml', '# nothing\n# here\n', [/comments\.yaml: holds no Kubernetes objects/]),
    one('CRLF line endings', 'crlf.yaml', 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: crlf\r\n  namespace: default\r\nspec:\r\n  containers:\r\n  - name: app\r\n    image: x\r\nstatus:\r\n  phase: Pending\r\n', [], { analyzed: ['default/crlf', 'default/good'] }),
    one('invalid UTF-8 inside a string', 'latin1.json', Buffer.concat([Buffer.from('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"latin","namespace":"default","labels":{"a":"caf'), Buffer.from([0xe9, 0xff]), Buffer.from('"}},"spec":{"containers":[{"name":"app","image":"x"}]},"status":{"phase":"Pending"}}')]), [], { analyzed: ['default/good', 'default/latin'] }),
    // encodings
    one('UTF-16 LE with a BOM (PowerShell >)', 'ps.json', utf16(JSON.stringify(pod('utf16le')), false), [], { analyzed: ['default/good', 'default/utf16le'] }),
    one('UTF-16 BE with a BOM', 'be.yaml', utf16(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: utf16be\n  namespace: default\nspec:\n  containers:\n  - name: app\n    image: x\nstatus:\n  phase: Pending\n`, true), [], { analyzed: ['default/good', 'default/utf16be'] }),
    one('UTF-8 with a BOM', 'bom.json', `\ufeff${JSON.stringify(pod('bom'))}`, [], { analyzed: ['default/bom', 'default/good'] }),
    // numbers and dates
    one('a grace period of 2^53 seconds', 'grace.json', JSON.stringify(pod('grace', { metadata: { deletionTimestamp: TIME, deletionGracePeriodSeconds: 2 ** 53 }, spec: { terminationGracePeriodSeconds: 2 ** 53 } })), [/grace\.json: metadata\.deletionGracePeriodSeconds: Too big/]),
    one('a grace period of 2^53-1 seconds (date arithmetic past what a Date holds)', 'grace.json', JSON.stringify(pod('grace', { metadata: { deletionTimestamp: TIME, deletionGracePeriodSeconds: 2 ** 53 - 1 }, spec: { terminationGracePeriodSeconds: 2 ** 53 - 1 } })), [], { analyzed: ['default/good', 'default/grace'] }),
    one('a number beyond a double (1e400)', 'huge.json', JSON.stringify(pod('huge')).replace('"restartCount":7', '"restartCount":1e400'), [/huge\.json: status\.containerStatuses\[0\]\.restartCount: expected number, got Infinity/]),
    one('a negative restart count', 'neg.json', JSON.stringify(pod('neg')).replace('"restartCount":7', '"restartCount":-5'), [], { analyzed: ['default/good', 'default/neg'] }),
    one('timestamps that are not dates', 'dates.json', JSON.stringify(pod('dates', { metadata: { creationTimestamp: 'yesterday' }, status: { startTime: '9999-99-99T99:99:99Z' } })), [], { analyzed: ['default/dates', 'default/good'] }),
    one('timestamps beyond what a Date holds', 'far.json', JSON.stringify(pod('far', { metadata: { creationTimestamp: '+275760-09-13T00:00:01Z', deletionTimestamp: '999999-01-01T00:00:00Z' } })), [], { analyzed: ['default/far', 'default/good'] }),
    one('an event count that is a string', 'events.json', list([{ apiVersion: 'v1', kind: 'Event', metadata: { name: 'e1', namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'good', namespace: 'default' }, reason: 'BackOff', message: 'x', count: 'many' }]), [/events\.json: items\[0\]\.count: /]),
    // shapes
    one('an array where a string is expected', 'shape.json', JSON.stringify(pod('shape', { metadata: { name: ['a', 'b'] } })), [/shape\.json: metadata\.name: expected string, got an array/]),
    one('an object where an array is expected', 'shape.json', JSON.stringify(pod('shape', { spec: { containers: { name: 'app' } } })), [/shape\.json: spec\.containers: /]),
    one('a string where an object is expected', 'shape.json', JSON.stringify({ ...pod('shape'), spec: 'none' }), [/shape\.json: spec: /]),
    one('a null spec', 'shape.json', JSON.stringify({ ...pod('shape'), spec: null }), [/shape\.json: spec: /]),
    one('a List whose items is null', 'list.json', '{"apiVersion":"v1","kind":"List","items":null}', []),
    one('a List whose items is an object', 'list.json', `{"apiVersion":"v1","kind":"List","items":${JSON.stringify(pod('x'))}}`, []),
    one('a Pod without metadata', 'nometa.json', '{"apiVersion":"v1","kind":"Pod","spec":{"containers":[]}}', [/nometa\.json/]),
    one('a Pod without a name', 'noname.json', '{"apiVersion":"v1","kind":"Pod","metadata":{"namespace":"default"},"spec":{"containers":[]}}', [/noname\.json: metadata\.name: /]),
    one('a bare number', 'num.json', '42', [/num\.json: not a Kubernetes object/]),
    one('a bare string in YAML', 'str.yaml', 'just some words\n', [/str\.yaml: not a Kubernetes object/]),
    one('an env value of the wrong type never quoted', 'env.json', JSON.stringify(pod('env', { spec: { containers: [{ name: 'app', image: 'x', env: [{ name: 'DB_PASSWORD', value: { secret: SECRET } }] }] } })), [], { analyzed: ['default/env', 'default/good'] }),
    one('__proto__ and constructor keys', 'proto.json', `{"apiVersion":"v1","kind":"Pod","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"metadata":{"name":"proto","namespace":"default","labels":{"__proto__":"x"}},"spec":{"containers":[{"name":"app","image":"x"}]},"status":{"phase":"Pending"}}`, [], { analyzed: ['default/good', 'default/proto'] }),
    one('YAML with a JavaScript function tag', 'tag.yaml', 'kind: Pod\nmetadata: !!js/function "function(){ return 1 }"\n', [/tag\.yaml:\d+: invalid YAML/]),
    one('YAML with an unknown local tag', 'tag.yaml', 'kind: !Pod Pod\nmetadata: {name: t}\n', [/tag\.yaml:\d+: invalid YAML/]),
    one('YAML merge keys are applied', 'merge.yaml', ['defaults: &spec', '  containers:', '  - name: app', '    image: registry.example/app:1', 'items:', '- apiVersion: v1', '  kind: Pod', '  metadata: {name: merged, namespace: default}', '  spec:', '    <<: *spec', '    nodeName: node-1', '  status: {phase: Pending}', 'kind: List', 'apiVersion: v1', ''].join('\n'), [], { analyzed: ['default/good', 'default/merged'] }),
    // cluster values that try to forge output
    one('escape sequences and bidi characters in names and messages', 'names.json', JSON.stringify(pod('esc', { metadata: { labels: { a: '\u001b[31mred' } }, status: { message: 'line\n\u001b]0;title\u0007\u202eevil\u0085' } })), [], { analyzed: ['default/esc', 'default/good'] }),
    one('a name with a newline', 'nl.json', JSON.stringify(pod('bad\nname')), [], { analyzed: ['default/bad\nname', 'default/good'] }),
    one('a 20 MB event message', 'big-event.json', list([{ apiVersion: 'v1', kind: 'Event', metadata: { name: 'e1', namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'good', namespace: 'default' }, reason: 'BackOff', type: 'Warning', message: `Back-off ${'x'.repeat(20 * 1024 * 1024)}`, count: 3 }]), []),
    one('100,000 labels', 'labels.json', JSON.stringify(pod('labels', { metadata: { labels: Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, 'v'])) } })), [], { analyzed: ['default/good', 'default/labels'] }),
    one('a 1 MB name', 'longname.json', JSON.stringify(pod('n'.repeat(1024 * 1024))), [], { analyzed: ['default/good', `default/${'n'.repeat(1024 * 1024)}`] }),
    one('a credential on a bad line of a dump is not quoted', 'dump.txt', `{\n"kind": "PodList", "items": []\n}\nDB_PASSWORD=${SECRET}\n`, [/dump\.txt:4: .*unexpected text outside a JSON document/]),
    one('a Secret with broken data is never quoted', 'secret.json', JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, data: SECRET }), []),
    one('a million non-JSON lines in a dump', 'dump.txt', `{\n"kind": "PodList", "items": []\n}\n${'not json at all\n'.repeat(1_000_000)}`, [/dump\.txt:4: .*unexpected text/, /dump\.txt: \d+ more problems in this file not shown/]),
    // archives
    one('a truncated .tar.gz', 'bundle.tar.gz', tar([{ path: 'b/cluster-resources/pods/default.json', data: list([pod('intar')]) }]).subarray(0, 60), [/bundle\.tar\.gz/]),
    one('a .tar.gz that is not gzip', 'bundle.tar.gz', 'plain text, not an archive', [/bundle\.tar\.gz/]),
    one('a tar entry with ..', 'bundle.tar.gz', tar([{ path: 'b/../../etc/passwd.json', data: '{}' }, { path: 'b/cluster-resources/pods/default.json', data: list([pod('intar')]) }]), [/bundle\.tar\.gz:b\/\.\.\/\.\.\/etc\/passwd\.json: unsafe path/], { analyzed: ['default/good', 'default/intar'] }),
    one('a tar entry with an absolute path', 'bundle.tar', tar([{ path: '/etc/x.json', data: '{}' }, { path: 'b/cluster-resources/pods/default.json', data: list([pod('intar')]) }], false), [/bundle\.tar:\/etc\/x\.json: unsafe path/], { analyzed: ['default/good', 'default/intar'] }),
    one('a tar symlink entry is not followed', 'bundle.tar.gz', tar([{ path: 'b/cluster-resources/pods/kube-system.json', type: '2', link: '/etc/shadow' }, { path: 'b/cluster-resources/pods/default.json', data: list([pod('intar')]) }]), [], { analyzed: ['default/good', 'default/intar'] }),
    one('gzip inside gzip', 'double.tar.gz', gzipSync(tar([{ path: 'b/cluster-resources/pods/default.json', data: list([pod('double')]) }])), [], { analyzed: ['default/double', 'default/good'] }),
    one('an archive entry name with escape sequences', 'names.tar.gz', tar([{ path: 'b/cluster-resources/pods/\u001b[2Jx\u202e.json', data: '{not json' }]), [/names\.tar\.gz:b\/cluster-resources\/pods\/\\x1b\[2Jx\\u202e\.json(:\d+)?: invalid JSON/]),
    one('a tar of 20,000 empty entries', 'many.tar.gz', tar(Array.from({ length: 20_000 }, (_, i) => ({ path: `b/x/${i}.txt`, data: '' }))), []),
    one('an entry of 50 MB of zeros', 'zeros.tar.gz', tar([{ path: 'b/cluster-resources/pods/default.json', data: Buffer.alloc(50 * 1024 * 1024) }]), [/zeros\.tar\.gz:b\/cluster-resources\/pods\/default\.json: .*binary/]),
    // files, folders and special files
    one('an unknown extension named explicitly is sniffed (JSON)', 'pods.out', list([pod('sniffed')]), [], { analyzed: ['default/good', 'default/sniffed'] }),
    one('an unknown extension named explicitly is sniffed (YAML)', 'pods.dat', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: sniffedyaml\n  namespace: default\nspec:\n  containers:\n  - name: app\n    image: x\nstatus:\n  phase: Pending\n', [], { analyzed: ['default/good', 'default/sniffedyaml'] }),
    one('a folder named like a file', 'pods.json', { dir: true }, [/pods\.json: directory holds no files/]),
    one('a missing file', 'gone.json', '', [/missing\.json: no such file/], { args: [...both, '-f', '{dir}/missing.json'] }),
    one('a glob that matches nothing', 'x.json', '{}', [/nomatch-\*\.json: the pattern matched no files/], { args: [...both, '-f', '{dir}/nomatch-*.json'] }),
    one('/dev/null named explicitly', 'x', '', [/\/dev\/null: is a device/], { args: [...both, '-f', '/dev/null'] }),
    one('/dev/zero named explicitly', 'x', '', [/\/dev\/zero: is a device/], { args: [...both, '-f', '/dev/zero'] }),
    one('a FIFO named explicitly', 'pipe.json', { fifo: JSON.stringify(pod('fromfifo')) }, [], { analyzed: ['default/fromfifo', 'default/good'] }),
    one('a symbolic link named explicitly is followed', 'link.json', { link: 'good.json' }, [], { analyzed: ['default/good'] }),
    {
      name: 'a symbolic link inside a folder is not followed',
      files: { 'bundle/good.json': GOOD, 'bundle/evil.json': { link: '/etc/passwd' } },
      args: ['-f', '{dir}/bundle'],
      analyzed: ['default/good'],
      errors: [],
      code: 1,
    },
    {
      name: 'an unreadable sub-folder',
      files: { 'bundle/good.json': GOOD, 'bundle/locked/pods.json': list([pod('hidden')]) },
      args: ['-f', '{dir}/bundle'],
      analyzed: ['default/good'],
      errors: [/bundle\/locked: .*(permission|cannot read)/i],
      code: 1,
      unprivileged: true,
    },
    {
      name: 'file names with escape sequences in a folder',
      files: { 'bundle/good.json': GOOD, 'bundle/\u001b[2Jevil\u202e.json': '{not json' },
      args: ['-f', '{dir}/bundle'],
      analyzed: ['default/good'],
      errors: [/bundle\/\\x1b\[2Jevil\\u202e\.json(:\d+)?: invalid JSON/],
      code: 1,
    },
    {
      name: 'a folder nested 200 deep',
      files: { [`${'d/'.repeat(200)}good.json`]: GOOD },
      args: ['-f', '{dir}/d'],
      analyzed: ['default/good'],
      errors: [],
      code: 1,
    },
    {
      name: '-f <(cmd): process substitution',
      files: { 'good.json': GOOD },
      args: [],
      shell: '{bin} -o json -f <(cat {dir}/good.json)',
      analyzed: ['default/good'],
      errors: [],
      code: 1,
    },
    { name: 'stdin garbage', files: {}, args: ['-f', '-'], stdin: bytes(10_000, 3), analyzed: [], errors: [/stdin/], code: 2 },
    { name: 'stdin in UTF-16 with a BOM', files: {}, args: ['-f', '-'], stdin: utf16(GOOD, false), analyzed: ['default/good'], errors: [], code: 1 },
    { name: 'stdin empty', files: {}, args: ['-f', '-'], stdin: Buffer.alloc(0), analyzed: [], errors: [/stdin: empty/], code: 2 },
    { name: 'nothing readable at all', files: { 'bad.json': '{' }, args: ['-f', '{dir}/bad.json'], analyzed: [], errors: [/bad\.json(:\d+)?: /], code: 2 },
  ];
  return cases;
}

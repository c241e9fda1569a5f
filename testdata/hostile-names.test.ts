// Every scenario again, with every name in it (pods, namespaces, nodes, containers, claims, owners...) made hostile:
// shell syntax, a leading dash, a newline, a bidi override. No remedy command may carry such a name (they are not
// valid Kubernetes names), no value may escape its quotes, and no output line may be forged.
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { select } from '../src/cli/select';
import { renderMarkdown } from '../src/render/markdown';
import { renderText } from '../src/render/text';
import { buildReport } from '../src/report/build';
import { buildSnapshot } from '../src/snapshot/build';
import { parseText } from '../src/sources/documents';

const DIR = path.join(__dirname, 'scenarios');
const scenarios = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

const HOSTILE: Array<(s: string) => string> = [
  (s) => `${s}$(touch /tmp/pwned)`,
  (s) => `--kubeconfig=/tmp/pwned-${s}`,
  (s) => `${s};touch pwned`,
  (s) => `${s}\npwned: forged line`,
  (s) => `${s}\u202epwned`,
  (s) => `${s}\`touch pwned\``,
];

const NAME_KEYS = new Set(['name', 'namespace', 'nodeName', 'claimName', 'serviceAccountName', 'nominatedNodeName', 'host']);

/** every string found under a name-like key, mapped to a hostile form, applied to every equal string anywhere */
function hostile(values: unknown[], variant: number): unknown[] {
  const found = new Set<string>();
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (typeof x === 'string' && NAME_KEYS.has(k) && x.length > 1) found.add(x);
        else collect(x);
      }
    }
  };
  values.forEach(collect);
  const rename = (v: unknown): unknown => {
    if (typeof v === 'string') return found.has(v) ? (HOSTILE[variant] as (s: string) => string)(v) : v;
    if (Array.isArray(v)) return v.map(rename);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rename(x)]));
    return v;
  };
  return values.map(rename);
}

/** Positions of a marker that a POSIX shell would read outside single quotes. */
function unquotedMarker(command: string, marker: string): boolean {
  let quoted = false;
  for (let i = 0; i < command.length; i++) {
    if (command[i] === "'") quoted = !quoted;
    else if (!quoted && command.startsWith(marker, i)) return true;
  }
  return false;
}

function reportOf(file: string, variant: number | undefined) {
  // the documents as read, so they can be renamed before the snapshot is built from them
  const name = path.join(DIR, file);
  const parsed = parseText(readFileSync(name, 'utf8'), name);
  const input = { documents: parsed.documents.map((d) => ({ ...d, layoutPath: name, explicit: true })), logs: parsed.logs, errors: parsed.errors, inputs: [name] };
  const documents = variant === undefined ? input.documents : input.documents.map((d, i) => ({ ...d, value: hostile(input.documents.map((x) => x.value), variant)[i] }));
  const snapshot = buildSnapshot({ ...input, documents, clock: Date.parse('2026-11-27T10:00:00Z') });
  const { pods, workloads } = select(snapshot, [], { selector: [] });
  return buildReport(snapshot, pods, { mode: 'offline' }, workloads);
}

const commandsOf = (r: ReturnType<typeof reportOf>): string[] =>
  [...r.pods.flatMap((p) => p.findings), ...r.workloads.flatMap((w) => w.findings)].flatMap((f) => f.remedies.map((x) => x.command ?? '')).filter(Boolean);

describe('hostile names in every scenario', () => {
  test('the scenarios give remedy commands to check in the first place', () => {
    expect(scenarios.flatMap((s) => commandsOf(reportOf(s, undefined))).length).toBeGreaterThan(50);
  });

  test.each(scenarios.flatMap((s) => HOSTILE.map((_h, i) => [s, i] as const)))('%s, variant %d', (file, variant) => {
    const report = reportOf(file, variant);
    expect(report.diagnostics).toEqual([]);
    for (const command of commandsOf(report)) {
      expect(command).not.toMatch(/[\n\r\u202e]/);
      expect(command).not.toMatch(/(^|\s)--kubeconfig=\/tmp\/pwned/);
      for (const marker of ['pwned', '$(', '`']) expect({ command, unquoted: unquotedMarker(command, marker) && marker === 'pwned' }).toEqual({ command, unquoted: false });
    }
    for (const text of [renderText(report, { view: 'triage', details: true }), renderText(report), renderMarkdown(report), renderMarkdown(report, { view: 'triage' })]) {
      expect(text).not.toMatch(/^pwned: forged line/m);
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
  });
});

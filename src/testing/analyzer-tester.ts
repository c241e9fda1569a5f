// RuleTester for analyzers: each analyzer's test is a table of cases that must not and must produce findings.
// It rejects unknown message IDs, unfilled placeholders and duplicate case names, and asserts data and evidence.
import { podContext } from '../analyzers/context';
import { workloadContext } from '../analyzers/workloads/lib/context';
import type { WorkloadAnalyzer } from '../analyzers/workloads/lib/types';
import { placeholders, renderMessage, type Analyzer, type Evidence, type RawFinding, type Severity } from '../analyzers/types';
import { buildSnapshot } from '../snapshot/build';
import type { Snapshot } from '../snapshot/types';
import { T0 } from './builders';

export interface Case {
  /** a full sentence saying what the case shows */
  name: string;
  objects: unknown[];
  /** the pod analyzed (default: the pod named "p" if there is one, else the first pod by name) */
  pod?: string;
  now?: string;
  logs?: Array<{ namespace?: string; pod: string; container: string; previous?: boolean; text: string }>;
}

export interface ExpectedFinding {
  messageId: string;
  severity?: Severity;
  data?: Record<string, unknown>;
  /** each entry must match one evidence item (partial match) */
  evidence?: Array<Partial<Evidence>>;
  /** substrings the rendered message must contain */
  messageIncludes?: string[];
  /** substrings some remedy's summary, command or patch must contain */
  remedyIncludes?: string[];
}

export interface InvalidCase extends Case {
  findings: ExpectedFinding[];
}

export function snapshotOf(c: Case): Snapshot {
  return buildSnapshot({
    documents: [{ origin: 'test.json', value: { apiVersion: 'v1', kind: 'List', items: c.objects }, layoutPath: 'test.json', explicit: true }],
    logs: (c.logs ?? []).map((l) => ({ namespace: l.namespace ?? 'default', pod: l.pod, container: l.container, previous: !!l.previous, text: l.text })),
    errors: [],
    inputs: ['test.json'],
    now: Date.parse(c.now ?? T0),
  });
}

function run(analyzer: Analyzer<string>, c: Case): Array<RawFinding<string>> {
  const snap = snapshotOf(c);
  if (snap.inputErrors.length) throw new Error(`case "${c.name}" has invalid objects: ${JSON.stringify(snap.inputErrors)}`);
  const name = c.pod ?? (snap.pods.some((p) => p.metadata.name === 'p') ? 'p' : undefined);
  const pod = name ? snap.pods.find((p) => p.metadata.name === name) : snap.pods[0];
  if (!pod) throw new Error(`case "${c.name}" has no pod ${c.pod ?? ''}`);
  return analyzer.analyze(podContext(pod, snap));
}

function checkRendering(analyzer: Analyzer<string>, f: RawFinding<string>): string {
  const template = analyzer.messages[f.messageId];
  expect(template).toBeDefined();
  for (const name of placeholders(template as string)) {
    if (f.data[name] === undefined) throw new Error(`${analyzer.id}: message ${f.messageId} needs {{${name}}} but the finding's data has none`);
  }
  const text = renderMessage(template as string, f.data);
  expect(text).not.toMatch(/\{\{/);
  if ((f.severity ?? analyzer.severity) !== 'info') expect(f.remedies.length).toBeGreaterThan(0);
  return text;
}

export function testAnalyzer(analyzer: Analyzer<string>, table: { valid: Case[]; invalid: InvalidCase[] }): void {
  const names = [...table.valid, ...table.invalid].map((c) => c.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`${analyzer.id}: duplicate case name "${dup}"`);
  describe(analyzer.id, () => {
    describe('valid', () => {
      for (const c of table.valid) {
        test(c.name, () => {
          const found = run(analyzer, c);
          expect(found.map((f) => ({ messageId: f.messageId, data: f.data }))).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of table.invalid) {
        test(c.name, () => {
          const found = run(analyzer, c);
          expect(found.map((f) => f.messageId)).toEqual(c.findings.map((f) => f.messageId));
          c.findings.forEach((exp, i) => {
            const f = found[i] as RawFinding<string>;
            const text = checkRendering(analyzer, f);
            if (exp.severity) expect(f.severity ?? analyzer.severity).toBe(exp.severity);
            if (exp.data) expect(f.data).toMatchObject(exp.data);
            for (const ev of exp.evidence ?? []) expect(f.evidence).toContainEqual(expect.objectContaining(ev));
            for (const s of exp.messageIncludes ?? []) expect(text).toContain(s);
            for (const s of exp.remedyIncludes ?? []) {
              expect(f.remedies.map((r) => [r.summary, r.command ?? '', r.patch ?? ''].join('\n')).join('\n')).toContain(s);
            }
          });
        });
      }
    });
  });
}

/** The same table discipline for workload analyzers: the workload analyzed is the first one named `workload`. */
export function testWorkloadAnalyzer(analyzer: WorkloadAnalyzer<string>, table: { valid: Array<Case & { workload: string }>; invalid: Array<InvalidCase & { workload: string }> }): void {
  const asPodAnalyzer = (workload: string): Analyzer<string> => ({
    ...analyzer,
    analyze: (ctx) => {
      const w = [...ctx.snapshot.workloads.values()].find((x) => x.metadata.name === workload);
      if (!w) throw new Error(`no workload ${workload}`);
      return analyzer.analyze(workloadContext(w, ctx.snapshot));
    },
  });
  // every case needs a pod for the pod-shaped runner; a placeholder pod that no analyzer looks at
  const withPod = <C extends Case>(c: C): C => ({ ...c, objects: [...c.objects, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'zz-placeholder', namespace: 'zz' }, spec: { containers: [] }, status: {} }] });
  describe(analyzer.id, () => {
    for (const c of table.valid) testAnalyzer(asPodAnalyzer(c.workload), { valid: [withPod(c)], invalid: [] });
    for (const c of table.invalid) testAnalyzer(asPodAnalyzer(c.workload), { valid: [], invalid: [withPod(c)] });
  });
}

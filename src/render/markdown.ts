// Markdown for a ticket: the same triage as the text view (summary table, one section per root cause with its
// evidence, per-node scheduler table and scheduler comparison folded in <details>), or the named pods' detail.
import type { FindingReport, GroupReport, PodReport, Report } from '../../schemas/report';
import { workloadKinds } from '../report/groups';
import { UNICODE, type Glyphs } from './layout';
import { clean, cleanBlock, markdownInline as esc } from './sanitize';

export interface MarkdownOptions {
  glyphs: Glyphs;
  view: 'triage' | 'pods';
}

/** a fenced block: no fence inside can close it early */
const fence = (s: string): string => '```\n' + cleanBlock(s).replace(/`{3,}|~{3,}/g, (m) => m.split('').join(' ')) + '\n```';
const cell = (s: string): string => esc(s).replace(/\n/g, ' ');

function mark(g: Glyphs, severity: FindingReport['severity']): string {
  return g[severity];
}

function evidenceTable(f: FindingReport): string[] {
  if (!f.evidence.length) return [];
  const out = ['| object | path | observed |', '|---|---|---|'];
  for (const e of f.evidence) out.push(`| ${cell(e.ref)} | ${cell(e.path ?? '')} | ${cell(e.observed)} |`);
  out.push('');
  return out;
}

function remedies(f: FindingReport): string[] {
  const out: string[] = [];
  for (const kind of ['fix', 'check'] as const) {
    const list = f.remedies.filter((r) => (r.kind ?? 'fix') === kind);
    if (list.length === 0) continue;
    out.push(kind === 'fix' ? '**Fix**' : '**Check**', '');
    for (const r of list) {
      out.push(`- ${esc(r.summary)}`);
      for (const block of [r.command, r.patch]) if (block) out.push('', fence(block), '');
    }
    out.push('');
  }
  return out;
}

function ruledOut(f: FindingReport): string[] {
  const out = (f.ruledOut ?? []).map((r) => `- not ${esc(r.id)}: ${esc(r.why)}`);
  return out.length ? [...out, ''] : [];
}

function finding(f: FindingReport, level: string, g: Glyphs): string[] {
  return [`${level} ${mark(g, f.severity)} ${f.id}${f.confidence === 'likely' ? ' (likely)' : ''}`, '', esc(f.message), '', ...evidenceTable(f), ...ruledOut(f), ...remedies(f), ''];
}

function scheduling(p: PodReport, g: Glyphs): string[] {
  const s = p.scheduling;
  if (!s) return [];
  const out: string[] = [];
  if (s.nodes?.length) {
    out.push('| node | fits | reasons |', '|---|---|---|');
    for (const n of s.nodes) out.push(`| ${cell(n.name)} | ${n.fits ? g.ok : g.error} | ${cell(n.reasons.join(', '))} |`);
    out.push('');
  }
  if (s.event) out.push(`Scheduler said${s.eventCount && s.eventCount > 1 ? ` (x${s.eventCount})` : ''}: ${esc(s.event)}`, '');
  if (s.simulated) out.push(esc(`podwhy's simulation${s.version ? ` (kube-scheduler ${s.version})` : ''}: ${s.simulated}`), '');
  if (s.agrees === true) out.push(`${g.ok} They agree.`, '');
  else if (s.agrees === false) out.push(`${g.differs} They differ; plausible because ${esc(s.disagreement ?? '')}`, '');
  return out;
}

function statusCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([s, n]) => `${n} ${clean(s)}`)
    .join(', ');
}

function group(gr: GroupReport, i: number, byName: Map<string, PodReport>, g: Glyphs): string[] {
  const rep = byName.get(gr.representative);
  const primary = rep?.findings[0];
  const out = [`## ${i + 1}. ${mark(g, gr.severity)} ${gr.id}: ${esc(gr.key)}`, ''];
  out.push(`${gr.pods.length} ${gr.pods.length === 1 ? 'pod' : 'pods'} of ${esc(gr.workloads.length === 1 ? (gr.workloads[0] ?? '') : workloadKinds(gr.workloads))} (${esc(statusCounts(gr.statuses))}).`, '');
  if (!rep || !primary) return out;
  out.push(`${primary.confidence === 'likely' ? 'Likely: ' : ''}**${esc(primary.message)}**`, '');
  out.push(`Representative pod: \`${clean(gr.representative)}\`${rep.node ? ` on node \`${clean(rep.node)}\`` : ''}${rep.restarts ? `, ${rep.restarts} restarts` : ''}${rep.age ? `, age ${rep.age}` : ''}.`, '');
  out.push('<details><summary>Evidence</summary>', '', ...evidenceTable(primary), ...ruledOut(primary), ...scheduling(rep, g), '</details>', '');
  out.push(...remedies(primary));
  if (gr.pods.length > 1) {
    out.push(`<details><summary>All ${gr.pods.length} pods</summary>`, '', ...gr.pods.map((p) => `- ${esc(p)}`), '', '</details>', '');
  }
  return out;
}

function triage(report: Report, g: Glyphs): string[] {
  const s = report.summary;
  const out = ['# podwhy triage', ''];
  out.push(
    `Analysis time ${report.analysisTime} (${esc(report.analysisTimeSource.detail)}). ${s.pods} pods analyzed: ${s.unhealthy > 0 ? `${s.unhealthy} unhealthy (${esc(statusCounts(s.unhealthyByStatus))})` : 'none unhealthy'}, ${s.healthy} healthy${s.infoOnly ? ` (${s.infoOnly} of them with only informational findings, such as a past restart)` : ''}.`,
    '',
  );
  if (report.suppressed.length) out.push(`Suppressed: ${report.suppressed.map((x) => `${esc(x.rule)} (${x.pods.length} pods)`).join(', ')}.`, '');
  if (report.cluster.length) {
    out.push('## Cluster', '');
    for (const f of report.cluster) out.push(`- ${mark(g, f.severity)} ${f.kind === 'not-collected' ? 'not collected: ' : ''}${esc(f.message)}`);
    out.push('');
  }
  if (report.groups.length) {
    out.push('## Root causes', '', '| # | finding | key | pods | workloads | status |', '|---|---|---|---|---|---|');
    report.groups.forEach((gr, i) => out.push(`| ${i + 1} | ${mark(g, gr.severity)} ${gr.id} | ${cell(gr.key)} | ${gr.pods.length} | ${cell(workloadKinds(gr.workloads))} | ${cell(statusCounts(gr.statuses))} |`));
    out.push('');
  } else out.push(`${g.ok} No pod needs attention.`, '');
  const byName = new Map(report.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
  report.groups.forEach((gr, i) => out.push(...group(gr, i, byName, g)));
  const unexplained = report.pods.filter((p) => !p.healthy && p.findings.length === 0 && !p.suppressed);
  if (unexplained.length) {
    out.push('## No known cause', '', ...unexplained.map((p) => `- ${esc(`${p.namespace}/${p.name}`)}: ${esc(p.status)}; nothing in the snapshot says why`), '');
  }
  return out;
}

function pods(report: Report, g: Glyphs): string[] {
  const out = [`# podwhy report`, '', `Analysis time: ${report.analysisTime}. ${report.summary.pods} pods, ${report.summary.unhealthy} unhealthy.`, ''];
  for (const p of report.pods.filter((x) => !x.healthy || report.pods.length === 1)) {
    out.push(`## ${esc(`${p.namespace}/${p.name}`)}: ${esc(p.status)}`, '', `Node: ${esc(p.node ?? '(none)')} · ready ${p.ready} · restarts ${p.restarts}${p.owner ? ` · ${esc(p.owner)}` : ''}`, '');
    for (const f of p.findings) out.push(...finding(f, '###', g));
    out.push(...scheduling(p, g));
  }
  return out;
}

export function renderMarkdown(report: Report, opts: Partial<MarkdownOptions> = {}): string {
  const g = opts.glyphs ?? UNICODE;
  const out = opts.view === 'triage' && report.pods.length > 1 ? triage(report, g) : pods(report, g);
  for (const w of report.workloads) {
    out.push(`## ${esc(`${w.namespace}/${w.kind}/${w.name}`)}`, '');
    for (const f of w.findings) out.push(...finding(f, '###', g));
  }
  if (report.inputErrors.length) {
    out.push('## Input problems', '');
    for (const e of report.inputErrors) out.push(`- ${esc(e.origin)}: ${esc(e.message)}`);
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

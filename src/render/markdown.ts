import type { FindingReport, Report } from '../../schemas/report';
import { cleanBlock, markdownInline as esc } from './sanitize';

/** a fenced block: no fence inside can close it early */
const fence = (s: string): string => '```\n' + cleanBlock(s).replace(/`{3,}|~{3,}/g, (m) => m.split('').join(' ')) + '\n```';

function finding(f: FindingReport, level: string): string[] {
  const out = [`${level} ${f.severity === 'error' ? '✗' : f.severity === 'warning' ? '!' : 'i'} ${f.id}${f.confidence === 'likely' ? ' (likely)' : ''}`, '', esc(f.message), ''];
  if (f.evidence.length) {
    out.push('| object | path | observed |', '|---|---|---|');
    for (const e of f.evidence) out.push(`| ${esc(e.ref)} | ${esc(e.path ?? '')} | ${esc(e.observed)} |`);
    out.push('');
  }
  for (const r of f.ruledOut ?? []) out.push(`- not ${esc(r.id)}: ${esc(r.why)}`);
  if (f.ruledOut?.length) out.push('');
  for (const r of f.remedies) {
    out.push(`- ${esc(r.summary)}`);
    if (r.command) out.push('', fence(r.command), '');
    if (r.patch) out.push('', fence(r.patch), '');
  }
  out.push('');
  return out;
}

export function renderMarkdown(report: Report): string {
  const out = [`# podwhy report`, '', `Analysis time: ${report.analysisTime}. ${report.summary.pods} pods, ${report.summary.unhealthy} unhealthy.`, ''];
  for (const p of report.pods.filter((x) => !x.healthy || report.pods.length === 1)) {
    out.push(`## ${esc(`${p.namespace}/${p.name}`)}: ${esc(p.status)}`, '', `Node: ${esc(p.node ?? '(none)')} · ready ${p.ready} · restarts ${p.restarts}${p.owner ? ` · ${esc(p.owner)}` : ''}`, '');
    for (const f of p.findings) out.push(...finding(f, '###'));
  }
  for (const w of report.workloads) {
    out.push(`## ${esc(`${w.namespace}/${w.kind}/${w.name}`)}`, '');
    for (const f of w.findings) out.push(...finding(f, '###'));
  }
  if (report.inputErrors.length) {
    out.push('## Input problems', '');
    for (const e of report.inputErrors) out.push(`- ${esc(e.origin)}: ${esc(e.message)}`);
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

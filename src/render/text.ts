// The human report: per unhealthy pod a headline, the primary cause, its proof and what to do. One screen each.
import type { FindingReport, PodReport, Report } from '../../schemas/report';
import { clean, cleanBlock } from './sanitize';

export interface Style {
  bold(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  cyan(s: string): string;
}

export const plainStyle: Style = { bold: (s) => s, red: (s) => s, yellow: (s) => s, green: (s) => s, dim: (s) => s, cyan: (s) => s };

const MARK = { error: '✗', warning: '!', info: 'i' } as const;

function mark(style: Style, f: FindingReport): string {
  const m = MARK[f.severity];
  return f.severity === 'error' ? style.red(m) : f.severity === 'warning' ? style.yellow(m) : style.dim(m);
}

function indent(text: string, pad: string): string[] {
  return text.split('\n').map((l) => pad + l);
}

function renderFinding(f: FindingReport, style: Style, primary: boolean): string[] {
  const out: string[] = [];
  const likely = f.confidence === 'likely' ? `${style.yellow('likely:')} ` : '';
  out.push(`${mark(style, f)} ${likely}${primary ? style.bold(clean(f.message)) : clean(f.message)}  ${style.dim(`[${f.id}]`)}`);
  for (const e of f.evidence) {
    out.push(style.dim(`    ${clean(e.ref)}${e.path ? ` ${clean(e.path)}` : ''}: `) + clean(e.observed));
  }
  for (const r of f.ruledOut ?? []) out.push(style.dim(`    not ${clean(r.id)}: `) + clean(r.why));
  if (f.remedies.length > 0) {
    out.push('  Fix:');
    for (const r of f.remedies) {
      out.push(`    • ${clean(r.summary)}`);
      if (r.command) out.push(...indent(cleanBlock(r.command), '        ').map((l) => style.cyan(l)));
      if (r.patch) out.push(...indent(cleanBlock(r.patch), '        ').map((l) => style.cyan(l)));
    }
  }
  return out;
}

function headline(p: PodReport, style: Style): string {
  const parts = [style.bold(clean(`${p.namespace}/${p.name}`)), clean(p.status)];
  if (p.age) parts.push(style.dim(`age ${p.age}`));
  if (p.owner) parts.push(style.dim(`(${clean(p.owner)})`));
  if (p.node) parts.push(style.dim(`node ${clean(p.node)}`));
  parts.push(style.dim(`ready ${p.ready}`));
  if (p.restarts > 0) parts.push(style.dim(`restarts ${p.restarts}`));
  return parts.join('  ');
}

function renderScheduling(p: PodReport, style: Style): string[] {
  const s = p.scheduling;
  if (!s) return [];
  const out: string[] = [];
  const nodes = s.nodes ?? [];
  if (nodes.length > 0) {
    const shown = nodes.length <= 12 ? nodes : [...nodes.filter((n) => n.fits), ...nodes.filter((n) => !n.fits)].slice(0, 12);
    const width = Math.min(40, Math.max(4, ...shown.map((n) => clean(n.name).length)));
    out.push(style.dim(`    ${'node'.padEnd(width)}  verdict`));
    for (const n of shown) out.push(`    ${clean(n.name).padEnd(width)}  ${n.fits ? style.green('fits') : clean(n.reasons.join(', '))}`);
    if (shown.length < nodes.length) out.push(style.dim(`    ... ${nodes.length - shown.length} more nodes (-o json lists them all)`));
  }
  if (s.event) {
    const when = s.eventCount && s.eventCount > 1 ? ` (x${s.eventCount})` : '';
    out.push(`  Scheduler said${when}: ${clean(s.event)}`);
    if (s.agrees === true) out.push(`  ${style.green('✓')} podwhy's simulation agrees.`);
    else if (s.agrees === false) out.push(`  ${style.yellow('≠')} podwhy's simulation says: ${clean(s.simulated ?? '')}`, style.dim(`    plausible because ${clean(s.disagreement ?? '')}`));
  } else if (s.simulated) {
    out.push(`  Simulated scheduler message: ${clean(s.simulated)}`);
  }
  return out;
}

export function renderPod(p: PodReport, style: Style): string[] {
  const out = [headline(p, style), ''];
  const [primary, ...rest] = p.findings;
  if (!primary) {
    out.push(p.healthy ? `${style.green('✓')} Healthy.` : `${style.yellow('?')} No known cause matched: the pod is ${clean(p.status)} and podwhy found no evidence of why in the snapshot.`);
    return out;
  }
  out.push(...renderFinding(primary, style, true));
  const sched = renderScheduling(p, style);
  if (sched.length) out.push('', ...sched);
  const others = rest.filter((f) => f.severity !== 'info' || !p.healthy);
  if (others.length > 0) {
    out.push('', '  Also:');
    for (const f of others) out.push(...renderFinding(f, style, false).map((l) => `  ${l}`));
  }
  out.push('', style.dim(`  Next:  kubectl podwhy explain ${primary.id}`));
  return out;
}

export function renderText(report: Report, style: Style): string {
  const out: string[] = [];
  const shown = report.pods.filter((p) => !p.healthy || report.pods.length === 1);
  for (const p of shown) {
    out.push(...renderPod(p, style), '');
  }
  for (const w of report.workloads) {
    out.push(style.bold(clean(`${w.namespace}/${w.kind.toLowerCase()}/${w.name}`)), '');
    const [primary, ...rest] = w.findings;
    if (!primary) out.push(`${style.yellow('?')} It has no pods in the snapshot and no event says why (desired replicas 0? a paused rollout?).`);
    else {
      out.push(...renderFinding(primary, style, true));
      for (const f of rest) out.push(...renderFinding(f, style, false).map((l) => `  ${l}`));
      out.push('', style.dim(`  Next:  kubectl podwhy explain ${primary.id}`));
    }
    out.push('');
  }
  const healthy = report.summary.healthy;
  if (report.pods.length > 1 || (report.pods.length === 0 && report.workloads.length === 0)) {
    const groups = report.groups.filter((g) => g.pods.length > 1);
    if (groups.length > 0) {
      out.push(style.bold('Shared root causes:'));
      for (const g of groups) out.push(`  ${g.id} (${clean(g.key)}): ${g.pods.length} pods: ${clean(g.pods.slice(0, 5).join(', '))}${g.pods.length > 5 ? ', ...' : ''}`);
      out.push('');
    }
    out.push(`${report.summary.pods} pods analyzed: ${report.summary.unhealthy} unhealthy, ${healthy} healthy.`);
  }
  for (const s of report.skipped) out.push(style.yellow(`Not checked: ${clean(s.analysis)} (${clean(s.reason)}); with that permission the answer would be certain.`));
  if (report.inputErrors.length > 0) out.push(style.yellow(`${report.inputErrors.length} input problem(s) were reported on stderr; the rest of the input was analyzed.`));
  for (const d of report.diagnostics) out.push(style.yellow(`internal: ${clean(d.message)}`));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

// Pieces of the human report shared by the per-pod view and the triage: findings, evidence, remedies, scheduling.
import type { FindingReport, PodReport, Report } from '../../schemas/report';
import { commandLines, table, UNICODE, wrap, type Glyphs } from './layout';
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

export interface TextOptions {
  style: Style;
  glyphs: Glyphs;
  /** columns to wrap to */
  width: number;
  /** triage of the whole input (no pod named), or the named pods' detail */
  view: 'triage' | 'pods';
  /** with the triage: every unhealthy pod's detail after it */
  details: boolean;
}

export const defaultTextOptions: TextOptions = { style: plainStyle, glyphs: UNICODE, width: 100, view: 'pods', details: false };

type Sev = FindingReport['severity'];

export function mark(o: TextOptions, severity: Sev): string {
  const m = o.glyphs[severity];
  return severity === 'error' ? o.style.red(m) : severity === 'warning' ? o.style.yellow(m) : o.style.dim(m);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function evidenceLines(f: FindingReport, o: TextOptions, indent: number, limit = Infinity): string[] {
  const out: string[] = [];
  const pad = ' '.repeat(indent);
  for (const e of f.evidence.slice(0, limit)) {
    out.push(...wrap(`${o.style.dim(`${clean(e.ref)}${e.path ? ` ${clean(e.path)}` : ''}:`)} ${clean(e.observed)}`, o.width, pad, indent + 2));
  }
  if (f.evidence.length > limit) out.push(o.style.dim(`${pad}... ${plural(f.evidence.length - limit, 'more line')} of evidence (--details)`));
  return out;
}

export function remedyLines(f: FindingReport, o: TextOptions, indent: number, limit = Infinity): string[] {
  const out: string[] = [];
  const pad = ' '.repeat(indent);
  for (const kind of ['fix', 'check'] as const) {
    const all = f.remedies.filter((r) => (r.kind ?? 'fix') === kind);
    if (all.length === 0) continue;
    const list = all.slice(0, limit);
    out.push(`${pad}${kind === 'fix' ? 'Fix:' : 'Check:'}`);
    if (all.length > list.length) out.push(o.style.dim(`${pad}  (${all.length - list.length} more: --details)`));
    for (const r of list) {
      out.push(...wrap(clean(r.summary), o.width, `${pad}  ${o.glyphs.bullet} `, indent + 2 + o.glyphs.bullet.length + 1));
      for (const block of [r.command, r.patch]) if (block) out.push(...commandLines(cleanBlock(block), indent + 6).map((l) => o.style.cyan(l)));
    }
  }
  return out;
}

/** an inferred cause says so */
export const likely = (f: FindingReport, o: TextOptions): string => (f.confidence === 'likely' ? `${o.style.yellow('likely:')} ` : '');

export function renderFinding(f: FindingReport, o: TextOptions, primary: boolean, indent = 0): string[] {
  const pad = ' '.repeat(indent);
  const head = `${mark(o, f.severity)} `;
  const out = wrap(`${likely(f, o)}${primary ? o.style.bold(clean(f.message)) : clean(f.message)}  ${o.style.dim(`[${f.id}]`)}`, o.width, pad + head, indent + 2);
  out.push(...evidenceLines(f, o, indent + 4));
  for (const r of f.ruledOut ?? []) out.push(...wrap(`${o.style.dim(`not ${clean(r.id)}:`)} ${clean(r.why)}`, o.width, ' '.repeat(indent + 4), indent + 6));
  out.push(...remedyLines(f, o, indent + 2));
  return out;
}

export function headline(p: PodReport, style: Style): string {
  const parts = [style.bold(clean(`${p.namespace}/${p.name}`)), clean(p.status)];
  if (p.age) parts.push(style.dim(`age ${p.age}`));
  if (p.owner) parts.push(style.dim(`(${clean(p.owner)})`));
  if (p.node) parts.push(style.dim(`node ${clean(p.node)}`));
  parts.push(style.dim(`ready ${p.ready}`));
  if (p.restarts > 0) parts.push(style.dim(`restarts ${p.restarts}`));
  return parts.join('  ');
}

export function schedulerSaid(p: PodReport, o: TextOptions, indent: number, why = true): string[] {
  const s = p.scheduling;
  if (!s) return [];
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  if (s.event) {
    const when = s.eventCount && s.eventCount > 1 ? ` (x${s.eventCount})` : '';
    out.push(...wrap(`Scheduler said${when}: ${clean(s.event)}`, o.width, pad, indent + 2));
    if (s.agrees === true) out.push(`${pad}${o.style.green(o.glyphs.ok)} podwhy's simulation agrees.`);
    else if (s.agrees === false) {
      out.push(...wrap(`${o.style.yellow(o.glyphs.differs)} podwhy's simulation says: ${clean(s.simulated ?? '')}`, o.width, pad, indent + 2));
      if (why) out.push(...wrap(o.style.dim(`plausible because ${clean(s.disagreement ?? '')}`), o.width, `${pad}  `, indent + 2));
    }
  } else if (s.simulated) {
    out.push(...wrap(`Simulated scheduler message: ${clean(s.simulated)}`, o.width, pad, indent + 2));
  }
  return out;
}

export function renderScheduling(p: PodReport, o: TextOptions, why = true): string[] {
  const s = p.scheduling;
  if (!s) return [];
  const out: string[] = [];
  const nodes = s.nodes ?? [];
  if (nodes.length > 0) {
    const shown = nodes.length <= 12 ? nodes : [...nodes.filter((n) => n.fits), ...nodes.filter((n) => !n.fits)].slice(0, 12);
    const rows = shown.map((n): [string, string] => [clean(n.name), n.fits ? o.style.green('fits') : clean(n.reasons.join(', '))]);
    out.push(...table(rows, o.width, 4, [o.style.dim('node'), o.style.dim('verdict')]));
    if (shown.length < nodes.length) out.push(o.style.dim(`    ... ${nodes.length - shown.length} more nodes (-o json lists them all)`));
  }
  out.push(...schedulerSaid(p, o, 2, why));
  return out;
}

export function renderPod(p: PodReport, o: TextOptions): string[] {
  const out = [...wrap(headline(p, o.style), o.width, '', 2), ''];
  const [primary, ...rest] = p.findings;
  if (!primary) {
    const text = p.healthy
      ? `${o.style.green(o.glyphs.ok)} Healthy.`
      : p.suppressed
        ? `${o.glyphs.info} Every finding is suppressed (${p.suppressed.join(', ')}).`
        : `${o.style.yellow(o.glyphs.unknown)} No known cause matched: the pod is ${clean(p.status)} and podwhy found no evidence of why in the snapshot.`;
    out.push(...wrap(text, o.width, '', 2));
    return out;
  }
  out.push(...renderFinding(primary, o, true));
  const sched = renderScheduling(p, o);
  if (sched.length) out.push('', ...sched);
  const others = rest.filter((f) => f.severity !== 'info' || !p.healthy);
  if (others.length > 0) {
    out.push('', '  Also:');
    for (const f of others) out.push(...renderFinding(f, o, false, 2));
  }
  out.push('', o.style.dim(`  Next:  kubectl podwhy explain ${primary.id}`));
  return out;
}

export function renderWorkloads(report: Report, o: TextOptions): string[] {
  const out: string[] = [];
  for (const w of report.workloads) {
    out.push(o.style.bold(clean(`${w.namespace}/${w.kind.toLowerCase()}/${w.name}`)), '');
    const [primary, ...rest] = w.findings;
    if (!primary) out.push(...wrap(`${o.style.yellow(o.glyphs.unknown)} It has no pods in the snapshot and no event says why (desired replicas 0? a paused rollout?).`, o.width, '', 2));
    else {
      out.push(...renderFinding(primary, o, true));
      for (const f of rest) out.push(...renderFinding(f, o, false, 2));
      out.push('', o.style.dim(`  Next:  kubectl podwhy explain ${primary.id}`));
    }
    out.push('');
  }
  return out;
}

export function footer(report: Report, o: TextOptions): string[] {
  const out: string[] = [];
  for (const s of report.skipped) out.push(...wrap(o.style.yellow(`Not checked: ${clean(s.analysis)} (${clean(s.reason)}); with that permission the answer would be certain.`), o.width, '', 2));
  if (report.inputErrors.length > 0) out.push(...wrap(o.style.yellow(`${plural(report.inputErrors.length, 'input problem')} reported on stderr; the rest of the input was analyzed.`), o.width, '', 2));
  for (const d of report.diagnostics) out.push(...wrap(o.style.yellow(`internal: ${clean(d.message)}`), o.width, '', 2));
  return out;
}


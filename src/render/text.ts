// The human report. With no pod named: a triage of the whole input (cluster facts, then one block per root cause,
// sorted by impact); for named pods, or with --details: per pod a headline, the primary cause, its proof, what to do.
import type { FindingReport, GroupReport, PodReport, Report } from '../../schemas/report';
import { workloadKinds } from '../report/groups';
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

function mark(o: TextOptions, severity: Sev): string {
  const m = o.glyphs[severity];
  return severity === 'error' ? o.style.red(m) : severity === 'warning' ? o.style.yellow(m) : o.style.dim(m);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function evidenceLines(f: FindingReport, o: TextOptions, indent: number, limit = Infinity): string[] {
  const out: string[] = [];
  const pad = ' '.repeat(indent);
  for (const e of f.evidence.slice(0, limit)) {
    out.push(...wrap(`${o.style.dim(`${clean(e.ref)}${e.path ? ` ${clean(e.path)}` : ''}:`)} ${clean(e.observed)}`, o.width, pad, indent + 2));
  }
  if (f.evidence.length > limit) out.push(o.style.dim(`${pad}... ${plural(f.evidence.length - limit, 'more line')} of evidence (--details)`));
  return out;
}

function remedyLines(f: FindingReport, o: TextOptions, indent: number, limit = Infinity): string[] {
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
const likely = (f: FindingReport, o: TextOptions): string => (f.confidence === 'likely' ? `${o.style.yellow('likely:')} ` : '');

function renderFinding(f: FindingReport, o: TextOptions, primary: boolean, indent = 0): string[] {
  const pad = ' '.repeat(indent);
  const head = `${mark(o, f.severity)} `;
  const out = wrap(`${likely(f, o)}${primary ? o.style.bold(clean(f.message)) : clean(f.message)}  ${o.style.dim(`[${f.id}]`)}`, o.width, pad + head, indent + 2);
  out.push(...evidenceLines(f, o, indent + 4));
  for (const r of f.ruledOut ?? []) out.push(...wrap(`${o.style.dim(`not ${clean(r.id)}:`)} ${clean(r.why)}`, o.width, ' '.repeat(indent + 4), indent + 6));
  out.push(...remedyLines(f, o, indent + 2));
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

function schedulerSaid(p: PodReport, o: TextOptions, indent: number, why = true): string[] {
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

function renderScheduling(p: PodReport, o: TextOptions, why = true): string[] {
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

function renderWorkloads(report: Report, o: TextOptions): string[] {
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

function footer(report: Report, o: TextOptions): string[] {
  const out: string[] = [];
  for (const s of report.skipped) out.push(...wrap(o.style.yellow(`Not checked: ${clean(s.analysis)} (${clean(s.reason)}); with that permission the answer would be certain.`), o.width, '', 2));
  if (report.inputErrors.length > 0) out.push(...wrap(o.style.yellow(`${plural(report.inputErrors.length, 'input problem')} reported on stderr; the rest of the input was analyzed.`), o.width, '', 2));
  for (const d of report.diagnostics) out.push(...wrap(o.style.yellow(`internal: ${clean(d.message)}`), o.width, '', 2));
  return out;
}

/** "192 unhealthy (186 Pending, 5 Unknown, 1 Running)" */
function statusCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([s, n]) => `${n} ${clean(s)}`)
    .join(', ');
}

function header(report: Report, o: TextOptions): string[] {
  const s = report.summary;
  const when = `${report.analysisTime} (${clean(report.analysisTimeSource.detail)})`;
  const unhealthy = s.unhealthy > 0 ? `${s.unhealthy} unhealthy (${statusCounts(s.unhealthyByStatus)})` : 'none unhealthy';
  const out = wrap(`${o.style.bold(`${plural(s.pods, 'pod')} analyzed`)} at ${when}: ${unhealthy}, ${s.healthy} healthy.`, o.width, '', 2);
  const infoPods = report.pods.filter((p) => p.healthy && p.findings.length > 0);
  const restarted = infoPods.filter((p) => p.restarts > 0 && p.status === 'Running').length;
  const otherInfo = infoPods.length - restarted;
  const notes = [
    restarted > 0 ? `${plural(restarted, 'pod')} restarted in the past, all running now` : '',
    otherInfo > 0 ? `${plural(otherInfo, 'pod')} with only informational findings (completed attempts, ordinary termination)` : '',
  ].filter(Boolean);
  if (notes.length) out.push(...wrap(o.style.dim(`Not counted as problems: ${notes.join('; ')}.`), o.width, '', 2));
  if (report.suppressed.length > 0) {
    const items = report.suppressed.map((x) => `${clean(x.rule)} (${plural(x.pods.length, 'pod')})`);
    out.push(...wrap(o.style.dim(`Suppressed by --ignore / .podwhyignore: ${items.join(', ')}${s.suppressed ? `; ${plural(s.suppressed, 'pod')} left with no other problem` : ''}.`), o.width, '', 2));
  }
  return out;
}

function clusterLines(report: Report, o: TextOptions): string[] {
  if (report.cluster.length === 0) return [];
  const facts = report.cluster.filter((f) => f.kind !== 'not-collected');
  const missing = report.cluster.filter((f) => f.kind === 'not-collected');
  const out = [o.style.bold('Cluster:')];
  for (const f of facts) out.push(...wrap(clean(f.message), o.width, `  ${mark(o, f.severity)} `, 4));
  if (missing.length > 0) {
    out.push(...wrap(`The bundle could not collect (${plural(missing.length, 'errors file')}):`, o.width, `  ${mark(o, 'warning')} `, 4));
    for (const f of missing.slice(0, 5)) out.push(...wrap(o.style.dim(clean(f.message)), o.width, '      ', 8));
    if (missing.length > 5) out.push(o.style.dim(`      ... ${missing.length - 5} more (-o json lists them all)`));
  }
  return out;
}

/** "default/nginx215-74cd47f945-fvxvb; also nginx216-..., nginx217-... and 183 more" */
function podList(g: GroupReport, rep: string): string {
  const others = g.pods.filter((p) => p !== rep);
  if (others.length === 0) return clean(rep);
  const ns = rep.slice(0, rep.indexOf('/') + 1);
  const short = others.slice(0, 3).map((p) => clean(p.startsWith(ns) ? p.slice(ns.length) : p));
  const more = others.length - short.length;
  return `${clean(rep)}; also ${short.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

function groupTitle(g: GroupReport, o: TextOptions, rep: PodReport | undefined): string {
  const n = g.pods.length;
  const statuses = statusCounts(g.statuses);
  const who =
    g.workloads.length === 1
      ? `${plural(n, 'pod')} of ${clean(g.workloads[0]?.replace(/^(\w+)\/[^/]+\//, '$1 ') ?? '')}`
      : `${plural(n, 'pod')} of ${workloadKinds(g.workloads)}`;
  const key = g.key === `${rep?.namespace}/${rep?.name}` || g.workloads.includes(g.key) ? '' : ` ${o.glyphs.dot} ${clean(g.key)}`;
  return `${mark(o, g.severity)} ${o.style.bold(`${g.id}${key}`)}: ${who} (${statuses})`;
}

function renderGroup(g: GroupReport, report: Report, byName: Map<string, PodReport>, o: TextOptions): string[] {
  const rep = byName.get(g.representative);
  const out = wrap(groupTitle(g, o, rep), o.width, '', 4);
  const primary = rep?.findings[0];
  if (!rep || !primary) return out;
  out.push(...wrap(`${likely(primary, o)}${o.style.bold(clean(primary.message))}`, o.width, '  ', 2));
  const repLine = g.pods.length > 1 ? `Example: ${podList(g, g.representative)}` : `Pod: ${clean(g.representative)}`;
  const facts = [rep.node ? `node ${clean(rep.node)}` : '', rep.restarts > 0 ? `restarts ${rep.restarts}` : '', rep.age ? `age ${rep.age}` : ''].filter(Boolean).join(', ');
  out.push(...wrap(o.style.dim(`${repLine}${facts && g.pods.length === 1 ? ` (${facts})` : ''}`), o.width, '  ', 4));
  out.push(...evidenceLines(primary, o, 4, 3));
  // a small cluster's per-node verdicts are the proof; a large one's are one flag away
  if ((rep.scheduling?.nodes?.length ?? 0) <= 6) out.push(...renderScheduling(rep, o, false));
  else out.push(...schedulerSaid(rep, o, 2, false));
  // other problems these pods share, named once (their detail is one flag away)
  const also = new Map<string, number>();
  for (const name of g.pods) {
    for (const f of (byName.get(name)?.findings ?? []).slice(1)) if (f.severity !== 'info') also.set(f.id, (also.get(f.id) ?? 0) + 1);
  }
  if (also.size > 0) {
    const list = [...also].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).map(([id, n]) => (g.pods.length > 1 ? `${id} (${n})` : id));
    out.push(...wrap(o.style.dim(`Also on ${g.pods.length > 1 ? 'these pods' : 'this pod'}: ${list.join(', ')}`), o.width, '  ', 4));
  }
  out.push(...remedyLines(primary, o, 2, 3));
  return out;
}

function renderTriage(report: Report, o: TextOptions): string[] {
  const out = [...header(report, o), ''];
  const cluster = clusterLines(report, o);
  if (cluster.length) out.push(...cluster, '');
  const byName = new Map(report.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
  for (const g of report.groups) out.push(...renderGroup(g, report, byName, o), '');
  const unexplained = report.pods.filter((p) => !p.healthy && p.findings.length === 0 && !p.suppressed);
  if (unexplained.length > 0) {
    const names = unexplained.slice(0, 5).map((p) => `${clean(`${p.namespace}/${p.name}`)} (${clean(p.status)})`);
    out.push(...wrap(`${o.style.yellow(o.glyphs.unknown)} ${plural(unexplained.length, 'pod')} not healthy with no known cause in the snapshot: ${names.join(', ')}${unexplained.length > 5 ? ` and ${unexplained.length - 5} more` : ''}`, o.width, '', 2), '');
  }
  out.push(...renderWorkloads(report, o));
  if (report.groups.length === 0 && unexplained.length === 0 && report.workloads.length === 0) out.push(`${o.style.green(o.glyphs.ok)} No pod needs attention.`, '');
  if (o.details) {
    const shown = report.pods.filter((p) => !p.healthy);
    if (shown.length > 0) out.push(o.style.bold('Details:'), '');
    for (const p of shown) out.push(...renderPod(p, o), '');
  } else if (report.groups.length > 0) {
    out.push(o.style.dim(`Every pod's detail: --details. Everything: -o json. A finding explained: kubectl podwhy explain ${report.groups[0]?.id ?? 'ID'}`));
  }
  out.push(...footer(report, o));
  return out;
}

function renderPods(report: Report, o: TextOptions): string[] {
  const out: string[] = [];
  const shown = report.pods.filter((p) => !p.healthy || report.pods.length === 1);
  for (const p of shown) out.push(...renderPod(p, o), '');
  out.push(...renderWorkloads(report, o));
  if (report.pods.length > 1 || (report.pods.length === 0 && report.workloads.length === 0)) {
    out.push(`${report.summary.pods} pods analyzed: ${report.summary.unhealthy} unhealthy, ${report.summary.healthy} healthy.`);
  }
  out.push(...footer(report, o));
  return out;
}

export function renderText(report: Report, opts: Partial<TextOptions> = {}): string {
  const o = { ...defaultTextOptions, ...opts };
  const out = o.view === 'triage' && report.pods.length > 1 ? renderTriage(report, o) : renderPods(report, o);
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

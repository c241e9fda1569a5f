// The triage of a whole input (no pod named): a header, cluster facts, then one block per root cause, by impact.
import type { GroupReport, PodReport, Report } from '../../schemas/report';
import { workloadKinds } from '../report/groups';
import { wrap } from './layout';
import { clean } from './sanitize';
import { evidenceLines, footer, likely, mark, plural, remedyLines, renderPod, renderScheduling, renderWorkloads, schedulerSaid, type TextOptions } from './text-parts';

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

export function renderTriage(report: Report, o: TextOptions): string[] {
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
    out.push(...wrap(o.style.dim("Every pod's detail: --details; everything: -o json; the first cause explained:"), o.width, '', 2), o.style.dim(`  kubectl podwhy explain ${report.groups[0]?.id ?? ''}`));
  }
  out.push(...footer(report, o));
  return out;
}


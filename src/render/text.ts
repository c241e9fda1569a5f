// The human report. With no pod named: a triage of the whole input (./triage); for named pods, or with --details:
// per pod a headline, the primary cause, its proof and what to do (./text-parts).
import type { Report } from '../../schemas/report';
import { defaultTextOptions, footer, renderPod, renderWorkloads, type TextOptions } from './text-parts';
import { renderTriage } from './triage';

export { plainStyle, renderPod, type Style, type TextOptions } from './text-parts';

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

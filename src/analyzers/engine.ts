// Runs the analyzers over one pod: renders messages, orders findings (findings[0] is the primary root cause),
// and turns an analyzer that throws into an internal diagnostic while the others still run.
import type { PodContext } from './context';
import { analyzers } from './registry';
import { renderMessage, type Analyzer, type Finding, type RawFinding, type Severity } from './types';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface Diagnostic {
  analyzer: string;
  message: string;
}

interface Ranked {
  finding: Finding;
  rank: number;
}

/** A finding as reported: the message rendered from its template, empty data left out. */
export function toFinding(a: Pick<Analyzer<string>, 'id' | 'severity' | 'messages'>, raw: RawFinding<string>): Finding {
  return {
    id: a.id,
    severity: raw.severity ?? a.severity,
    message: renderMessage(a.messages[raw.messageId] ?? raw.messageId, raw.data),
    data: Object.fromEntries(Object.entries(raw.data).filter((e): e is [string, Finding['data'][string]] => e[1] !== undefined && e[1] !== '')),
    evidence: raw.evidence,
    remedies: raw.remedies,
    ...(raw.key ? { key: raw.key } : {}),
  };
}

function runRanked(a: Analyzer<string>, ctx: PodContext): Ranked[] {
  return a.analyze(ctx).map((raw) => ({ rank: raw.rank ?? a.rank, finding: toFinding(a, raw) }));
}

function compareRanked(x: Ranked, y: Ranked): number {
  const a = x.finding;
  const b = y.finding;
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    x.rank - y.rank ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
    ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0)
  );
}

export function analyzePod(ctx: PodContext, list: ReadonlyArray<Analyzer<string>> = analyzers): { findings: Finding[]; diagnostics: Diagnostic[] } {
  const ranked: Ranked[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const a of list) {
    try {
      ranked.push(...runRanked(a, ctx));
    } catch (e) {
      diagnostics.push({ analyzer: a.id, message: `${ctx.ref}: internal error in ${a.id}: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  ranked.sort(compareRanked);
  return { findings: ranked.map((r) => r.finding), diagnostics };
}

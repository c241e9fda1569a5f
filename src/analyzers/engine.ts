// Runs the analyzers over one pod: renders messages, orders findings (findings[0] is the primary root cause),
// and turns an analyzer that throws into an internal diagnostic while the others still run.
import type { PodContext } from './context';
import { analyzers } from './registry';
import { renderMessage, type Analyzer, type Finding, type Severity } from './types';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface Diagnostic {
  analyzer: string;
  message: string;
}

export function runAnalyzer(a: Analyzer<string>, ctx: PodContext): Finding[] {
  return a.analyze(ctx).map((raw) => ({
    id: a.id,
    severity: raw.severity ?? a.severity,
    message: renderMessage(a.messages[raw.messageId] ?? raw.messageId, raw.data),
    data: Object.fromEntries(Object.entries(raw.data).filter(([, v]) => v !== undefined && v !== '')),
    evidence: raw.evidence,
    remedies: raw.remedies,
    ...(raw.key ? { key: raw.key } : {}),
  }));
}

export function compareFindings(rank: (id: string) => number) {
  return (a: Finding, b: Finding): number =>
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    rank(a.id) - rank(b.id) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
    ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0);
}

const RANKS = new Map<string, number>(analyzers.map((a) => [a.id, a.rank]));
const rankOf = (id: string): number => RANKS.get(id) ?? 1000;

export function analyzePod(ctx: PodContext, list: ReadonlyArray<Analyzer<string>> = analyzers): { findings: Finding[]; diagnostics: Diagnostic[] } {
  const findings: Finding[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const a of list) {
    try {
      findings.push(...runAnalyzer(a, ctx));
    } catch (e) {
      diagnostics.push({ analyzer: a.id, message: `${ctx.ref}: internal error in ${a.id}: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  findings.sort(compareFindings(rankOf));
  return { findings, diagnostics };
}

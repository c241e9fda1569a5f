// Runs the analyzers over one pod: renders messages, orders findings (findings[0] is the primary root cause),
// and turns an analyzer that throws into an internal diagnostic while the others still run.
import type { PodContext } from './context';
import { explanations, orderIndex } from './order';
import { analyzers } from './registry';
import { renderMessage, type Analyzer, type Finding, type RawFinding, type Severity } from './types';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface Diagnostic {
  analyzer: string;
  message: string;
}

export interface Ranked {
  finding: Finding;
  rank: number;
}

/** A finding as reported: the message rendered from its template, empty data left out. */
export function toFinding(a: Pick<Analyzer<string>, 'id' | 'severity' | 'messages' | 'confidence'>, raw: RawFinding<string>): Finding {
  return {
    id: a.id,
    severity: raw.severity ?? a.severity,
    message: renderMessage(a.messages[raw.messageId] ?? raw.messageId, raw.data),
    data: Object.fromEntries(Object.entries(raw.data).filter((e): e is [string, Finding['data'][string]] => e[1] !== undefined && e[1] !== '')),
    evidence: raw.evidence,
    remedies: raw.remedies,
    ...(raw.key ? { key: raw.key } : {}),
    confidence: raw.confidence ?? a.confidence ?? 'certain',
    ...(raw.ruledOut && raw.ruledOut.length > 0 ? { ruledOut: raw.ruledOut } : {}),
  };
}

function runRanked(a: Analyzer<string>, ctx: PodContext): Ranked[] {
  return a.analyze(ctx).map((raw) => ({ rank: raw.rank ?? Number.MAX_SAFE_INTEGER, finding: toFinding(a, raw) }));
}

const UNORDERED = { index: Number.MAX_SAFE_INTEGER, inTier: 0 };

/** Causal order: the place in the registry's order list, then the finding's own rank inside a tier. */
function compareCause(x: Ranked, y: Ranked): number {
  const a = orderIndex.get(x.finding.id) ?? UNORDERED;
  const b = orderIndex.get(y.finding.id) ?? UNORDERED;
  return a.index - b.index || x.rank - y.rank || a.inTier - b.inTier;
}

function compareRanked(x: Ranked, y: Ranked): number {
  const a = x.finding;
  const b = y.finding;
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compareCause(x, y) ||
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
  const kept = foldExplained(ranked);
  kept.sort(compareRanked);
  return { findings: kept.map((r) => r.finding), diagnostics };
}

function explains(e: Finding, f: Finding): boolean {
  return e !== f && explanations.some((x) => x.explainers.includes(e.id) && x.explained.includes(f.id) && (!x.when || x.when(e, f)));
}

/**
 * Folds every finding another finding explains into the explaining one's evidence (the root cause outranks its
 * symptoms whatever their severity). The least fundamental findings are folded first, so chains carry their
 * evidence up to the root.
 */
export function foldExplained(ranked: Ranked[]): Ranked[] {
  const byCause = [...ranked].sort(compareCause);
  const alive = new Set(byCause);
  for (let i = byCause.length - 1; i >= 0; i--) {
    const f = byCause[i] as Ranked;
    const by = byCause.find((e) => e !== f && alive.has(e) && explains(e.finding, f.finding));
    if (!by) continue;
    alive.delete(f);
    const seen = new Set(by.finding.evidence.map((e) => `${e.ref}\u0000${e.path ?? ''}\u0000${e.observed}`));
    const folded = [{ ref: `Finding/${f.finding.id}`, observed: f.finding.message }, ...f.finding.evidence];
    for (const e of folded) {
      const k = `${e.ref}\u0000${e.path ?? ''}\u0000${e.observed}`;
      if (!seen.has(k)) by.finding.evidence.push(e);
      seen.add(k);
    }
  }
  return ranked.filter((r) => alive.has(r));
}

// Accepted findings (--ignore ID[:key], .podwhyignore): taken out of the pods' findings and listed as suppressed.
import type { PodReport, SuppressedReport } from '../../schemas/report';
import { workloadOf } from './groups';

export interface IgnoreRule {
  /** as written: "NodeUnschedulable" or "InsufficientResources:pods" */
  rule: string;
  id: string;
  /** matched against the finding's key, the pod's workload ("Deployment/ns/web") and the pod ("ns/web-0"); * is a wildcard */
  key?: string;
}

export class IgnoreRuleError extends Error {}

const ID = /^[A-Z][A-Za-z0-9]*$|^\*$/;

export function parseIgnoreRule(text: string): IgnoreRule {
  const rule = text.trim();
  const colon = rule.indexOf(':');
  const id = colon < 0 ? rule : rule.slice(0, colon);
  const key = colon < 0 ? undefined : rule.slice(colon + 1);
  if (!ID.test(id)) throw new IgnoreRuleError(`${JSON.stringify(rule)} is not ID or ID:key (a finding ID such as NodeUnschedulable; see kubectl podwhy explain --list)`);
  if (key === '') throw new IgnoreRuleError(`${JSON.stringify(rule)} has an empty key: write ${id} to ignore every ${id} finding`);
  return { rule, id, ...(key !== undefined ? { key } : {}) };
}

/** .podwhyignore: one rule a line; # starts a comment. Errors name the line. */
export function parseIgnoreFile(text: string, origin: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  text.split('\n').forEach((line, i) => {
    const body = line.replace(/#.*$/, '').trim();
    if (!body) return;
    try {
      rules.push(parseIgnoreRule(body));
    } catch (e) {
      throw new IgnoreRuleError(`${origin}:${i + 1}: ${(e as Error).message}`);
    }
  });
  return rules;
}

function matches(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(value);
}

function ruleFor(rules: IgnoreRule[], id: string, candidates: string[]): IgnoreRule | undefined {
  return rules.find((r) => matches(r.id, id) && (r.key === undefined || candidates.some((c) => matches(r.key as string, c))));
}

/** Removes the findings that rules accept; returns the pods as they are reported and what was left out. */
export function applyIgnores(pods: PodReport[], rules: IgnoreRule[]): { pods: PodReport[]; suppressed: SuppressedReport[] } {
  if (rules.length === 0) return { pods, suppressed: [] };
  const suppressed = new Map<string, SuppressedReport>();
  const out = pods.map((p) => {
    const kept: PodReport['findings'] = [];
    const dropped: string[] = [];
    for (const f of p.findings) {
      const r = ruleFor(rules, f.id, [...(f.key !== undefined ? [f.key] : []), workloadOf(p), `${p.namespace}/${p.name}`]);
      if (!r) {
        kept.push(f);
        continue;
      }
      dropped.push(f.id);
      const k = `${r.rule}\u0000${f.id}\u0000${f.key ?? ''}`;
      const s = suppressed.get(k) ?? { rule: r.rule, id: f.id, ...(f.key !== undefined ? { key: f.key } : {}), pods: [] };
      if (!s.pods.includes(`${p.namespace}/${p.name}`)) s.pods.push(`${p.namespace}/${p.name}`);
      suppressed.set(k, s);
    }
    if (dropped.length === 0) return p;
    return { ...p, findings: kept, suppressed: dropped };
  });
  const list = [...suppressed.values()].sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : (a.key ?? '') < (b.key ?? '') ? -1 : 1));
  return { pods: out, suppressed: list };
}

// Diagnostics ("check this") told apart from fixes: a remedy whose commands only read cannot fix anything.
import type { FindingReport } from '../../schemas/report';

type Remedy = FindingReport['remedies'][number];

/** read-only verbs: kubectl get/describe/logs/top/events/explain/auth can-i, and the node-side readers */
const READ_ONLY = [
  /^kubectl\s+(?:(?:-n|--namespace|--context)\s+\S+\s+)*(get|describe|logs|top|events|explain|auth\s+can-i|podwhy|version|cluster-info|api-resources)\b/,
  /^(ssh\s+\S+\s+)?(sudo\s+)?(journalctl|crictl\s+(ps|pods|inspect|inspectp|logs|info|images|stats)|docker\s+(ps|inspect|logs|info|images)|cat|ls|df|du|free|lsattr|lsof|fuser|dmesg|grep|tail|head|stat|findmnt|mount$|ip\s+(a|addr|route)|nslookup|dig|curl\s+-s?I|ctr\s+.*\bls\b)\b/,
];
const CHECK_SUMMARY = /^(check|read|look|see|find|inspect|list|confirm|verify|compare|watch|show|query|test)\b/i;

function readsOnly(command: string): boolean {
  return command
    .split('\n')
    .flatMap((l) => l.split(/\s*(?:\||&&|;)\s*/))
    .map((part) => part.trim())
    .filter((part) => part && !part.startsWith('#'))
    .every((part, i) => i > 0 ? /^(grep|sed -n|head|tail|wc|sort|uniq|awk|jq|cut|less|column)\b/.test(part) || READ_ONLY.some((re) => re.test(part)) : READ_ONLY.some((re) => re.test(part)));
}

const FIX_SUMMARY = /^(smallest fix|fix|the fix)\b/i;

/** An analyzer's own kind wins; else what the summary says it is; else a command that only reads is a check. */
export function remedyKind(r: Remedy): 'fix' | 'check' {
  if (r.kind) return r.kind;
  if (r.patch || FIX_SUMMARY.test(r.summary)) return 'fix';
  if (CHECK_SUMMARY.test(r.summary)) return 'check';
  if (r.command) return readsOnly(r.command) ? 'check' : 'fix';
  return 'fix';
}

export function withRemedyKinds(f: FindingReport): FindingReport {
  return { ...f, remedies: f.remedies.map((r) => ({ ...r, kind: remedyKind(r) })) };
}

import type { PodContext } from './context';

export type Severity = 'error' | 'warning' | 'info';
export type Area = 'scheduling' | 'starting' | 'running' | 'evicted' | 'terminating' | 'workloads';

export interface Evidence {
  /** the object: "Pod/ns/name", "Node/name", "Event/ns/name" */
  ref: string;
  /** JSONPath-like place inside the object */
  path?: string;
  observed: string;
}

export interface Remedy {
  summary: string;
  command?: string;
  patch?: string;
}

/** What an analyzer returns: a message ID and the data its template is filled from. */
export interface RawFinding<M extends string = string> {
  messageId: M;
  data: Record<string, string | number | boolean | string[] | undefined>;
  evidence: Evidence[];
  remedies: Remedy[];
  /** overrides the analyzer's severity (e.g. info for a past crash of a pod that is healthy now) */
  severity?: Severity;
  /** what pods sharing this root cause have in common: the node, image, ConfigMap... */
  key?: string;
  /** overrides the analyzer's rank (scheduling findings order themselves by how many nodes they block) */
  rank?: number;
}

export interface Finding {
  id: string;
  severity: Severity;
  message: string;
  data: RawFinding['data'];
  evidence: Evidence[];
  remedies: Remedy[];
  key?: string;
}

export interface AnalyzerDocs {
  title: string;
  /** what it means, in the user's words */
  summary: string;
  /** how podwhy detects it */
  detection: string;
  /** how to fix it */
  remedy: string;
}

export interface Analyzer<M extends string = string> {
  id: string;
  area: Area;
  severity: Severity;
  /** causal precedence among findings of one severity: lower comes first (is the more root cause) */
  rank: number;
  docs: AnalyzerDocs;
  /** message templates by ID; {{name}} is filled from the finding's data */
  messages: Record<M, string>;
  analyze(ctx: PodContext): Array<RawFinding<M>>;
}

/** Lets the compiler check message IDs while keeping each analyzer a plain object literal. */
export function defineAnalyzer<M extends string>(a: Analyzer<M>): Analyzer<M> {
  return a;
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

export function renderMessage(template: string, data: RawFinding['data']): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const v = data[name];
    if (v === undefined) return `{{${name}}}`;
    return Array.isArray(v) ? v.join(', ') : String(v);
  });
}

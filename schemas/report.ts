// The report podwhy writes (-o json / -o yaml): the public contract of ARCHITECTURE.md §3.
import * as z from 'zod';

export const Severity = z.enum(['error', 'warning', 'info']);

export const Evidence = z.object({ ref: z.string(), path: z.string().optional(), observed: z.string() });

export const Remedy = z.object({ summary: z.string(), command: z.string().optional(), patch: z.string().optional() });

export const Confidence = z.enum(['certain', 'likely']);

export const RuledOut = z.object({ id: z.string(), why: z.string() });

export const Finding = z.object({
  id: z.string(),
  severity: Severity,
  message: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
  evidence: z.array(Evidence),
  remedies: z.array(Remedy),
  key: z.string().optional(),
  /** certain: a status reason, condition or event states it; likely: inferred from timing, counts or corroboration */
  confidence: Confidence,
  /** rival causes the analyzer considered, and why they do not hold */
  ruledOut: z.array(RuledOut).optional(),
});

export const SchedulingNode = z.object({ name: z.string(), fits: z.boolean(), reasons: z.array(z.string()) });

export const Scheduling = z.object({
  simulated: z.string().optional(),
  /** kube-scheduler version whose wording the simulation uses */
  version: z.string().optional(),
  event: z.string().optional(),
  eventTime: z.string().optional(),
  eventCount: z.number().int().optional(),
  agrees: z.boolean().optional(),
  disagreement: z.string().optional(),
  nodes: z.array(SchedulingNode).optional(),
});

export const PodReport = z.object({
  namespace: z.string(),
  name: z.string(),
  node: z.string().optional(),
  owner: z.string().optional(),
  phase: z.string(),
  status: z.string(),
  ready: z.string(),
  restarts: z.number().int(),
  age: z.string().optional(),
  healthy: z.boolean(),
  findings: z.array(Finding),
  scheduling: Scheduling.optional(),
});

export const WorkloadReport = z.object({ kind: z.string(), namespace: z.string(), name: z.string(), findings: z.array(Finding) });

export const Group = z.object({ id: z.string(), key: z.string(), pods: z.array(z.string()) });

export const Report = z.object({
  apiVersion: z.literal('podwhy/v1alpha1'),
  kind: z.literal('Report'),
  analysisTime: z.string(),
  source: z.object({ mode: z.enum(['live', 'offline']), context: z.string().optional(), inputs: z.array(z.string()) }),
  summary: z.object({ pods: z.number().int(), healthy: z.number().int(), unhealthy: z.number().int() }),
  pods: z.array(PodReport),
  workloads: z.array(WorkloadReport),
  groups: z.array(Group),
  inputErrors: z.array(z.object({ origin: z.string(), message: z.string() })),
  skipped: z.array(z.object({ analysis: z.string(), reason: z.string() })),
  diagnostics: z.array(z.object({ analyzer: z.string(), message: z.string() })),
});

export type Report = z.infer<typeof Report>;
export type PodReport = z.infer<typeof PodReport>;
export type Finding = z.infer<typeof Finding>;
export type FindingReport = Finding;
export type Severity = z.infer<typeof Severity>;
export type Evidence = z.infer<typeof Evidence>;
export type Remedy = z.infer<typeof Remedy>;

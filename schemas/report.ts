// The report podwhy writes (-o json / -o yaml): the public contract of ARCHITECTURE.md §3.
import * as z from 'zod';

export const Severity = z.enum(['error', 'warning', 'info']);

export const Evidence = z.object({ ref: z.string(), path: z.string().optional(), observed: z.string() });

export const Remedy = z.object({
  summary: z.string(),
  command: z.string().optional(),
  patch: z.string().optional(),
  /** fix: changes something; check: a diagnostic that only reads (kubectl get/describe/logs, journalctl...) */
  kind: z.enum(['fix', 'check']).optional(),
});

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
  /** false when a warning or error finding remains, or nothing explains why the pod is not running */
  healthy: z.boolean(),
  findings: z.array(Finding),
  /** IDs of the findings --ignore / .podwhyignore took out */
  suppressed: z.array(z.string()).optional(),
  scheduling: Scheduling.optional(),
});

export const WorkloadReport = z.object({ kind: z.string(), namespace: z.string(), name: z.string(), findings: z.array(Finding) });

/** Pods that share a root cause: the same primary finding ID and key (the same node, taint, image, PVC, quota...). */
export const Group = z.object({
  id: z.string(),
  key: z.string(),
  severity: Severity,
  /** the representative pod's primary finding message */
  message: z.string(),
  /** "ns/name", sorted */
  pods: z.array(z.string()),
  /** the pods' controllers, "Kind/ns/name" (a pod without one counts as "Pod/ns/name"), sorted */
  workloads: z.array(z.string()),
  /** what the impact order compares: severity first, then pods, then workloads */
  impact: z.object({ severity: Severity, pods: z.number().int(), workloads: z.number().int() }),
  /** "ns/name" of the pod whose evidence stands for the group */
  representative: z.string(),
  /** STATUS column of the group's pods, counted */
  statuses: z.record(z.string(), z.number().int()),
});

/** Cluster-wide facts that explain many pods at once (node health, control plane, namespaces, what the capture missed). */
export const ClusterFact = z.object({
  kind: z.enum(['node-not-ready', 'node-cordoned', 'node-pressure', 'node-condition-taint', 'control-plane', 'namespace-terminating', 'not-collected']),
  severity: Severity,
  /** the object it is about: "Node/n1", "Namespace/x", a file in the bundle */
  subject: z.string(),
  message: z.string(),
  /** pods of the snapshot bound to the node, when the fact is about one */
  pods: z.number().int().optional(),
});

/** Findings left out by --ignore / .podwhyignore: listed so that nothing disappears silently. */
export const Suppressed = z.object({ rule: z.string(), id: z.string(), key: z.string().optional(), pods: z.array(z.string()) });

export const Report = z.object({
  apiVersion: z.literal('podwhy/v1alpha1'),
  kind: z.literal('Report'),
  analysisTime: z.string(),
  /** how analysisTime was chosen: --now, the capture time the bundle records, its newest timestamp, or the clock */
  analysisTimeSource: z.object({ kind: z.enum(['flag', 'capture', 'newest', 'clock']), detail: z.string() }),
  source: z.object({ mode: z.enum(['live', 'offline']), context: z.string().optional(), inputs: z.array(z.string()) }),
  summary: z.object({
    pods: z.number().int(),
    healthy: z.number().int(),
    unhealthy: z.number().int(),
    /** healthy pods whose only findings are info (a past crash of a pod that runs fine now, an ordinary graceful termination) */
    infoOnly: z.number().int(),
    /** pods whose every problem was suppressed by --ignore / .podwhyignore (not counted unhealthy) */
    suppressed: z.number().int(),
    /** unhealthy pods counted by their STATUS column */
    unhealthyByStatus: z.record(z.string(), z.number().int()),
  }),
  pods: z.array(PodReport),
  workloads: z.array(WorkloadReport),
  groups: z.array(Group),
  cluster: z.array(ClusterFact),
  suppressed: z.array(Suppressed),
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
export type GroupReport = z.infer<typeof Group>;
export type ClusterFactReport = z.infer<typeof ClusterFact>;
export type SuppressedReport = z.infer<typeof Suppressed>;

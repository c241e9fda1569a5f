// From a snapshot and the selected pods to the report document: analysis, health, groups, sorting.
import type { Pod, Workload } from '../../schemas/k8s';
import type { PodReport, Report } from '../../schemas/report';
import { clusterFacts } from './cluster';
import { groupsOf } from './groups';
import { applyIgnores, type IgnoreRule } from './ignore';
import { withRemedyKinds } from './remedies';
import { podContext } from '../analyzers/context';
import { analyzePod, toFinding, type Diagnostic } from '../analyzers/engine';
import { workloadAnalyzers } from '../analyzers/registry';
import { workloadContext } from '../analyzers/workloads/lib/context';
import { objectKey } from '../snapshot/input';
import { ownerText } from '../k8s/owners';
import { formatTime, humanDuration, parseTime } from '../k8s/time';
import type { Snapshot } from '../snapshot/types';

export interface ReportOptions {
  mode: 'live' | 'offline';
  context?: string;
  skipped?: Array<{ analysis: string; reason: string }>;
  /** called as pods are analyzed (for a progress line; the report does not depend on it) */
  progress?: (done: number, total: number) => void;
  /** accepted findings: left out of the pods and listed as suppressed */
  ignore?: IgnoreRule[];
}

/** A failed Job pod whose Job later completed is history, not a problem. */
function supersededBy(pod: Pod, snapshot: Snapshot): string | undefined {
  if (pod.status.phase !== 'Failed') return undefined;
  const job = pod.metadata.ownerReferences?.find((o) => o.kind === 'Job');
  const w = job ? snapshot.workloads.get(objectKey('Job', pod.metadata.namespace, job.name)) : undefined;
  return (w?.status?.conditions ?? []).some((c) => c.type === 'Complete' && c.status === 'True') ? `Job ${job?.name} completed after this attempt failed` : undefined;
}

/**
 * The pod's top controller: a ReplicaSet's own controller when the snapshot has it (pod-template-hash did not
 * always match the ReplicaSet's name suffix, before 1.11); a static pod's node.
 */
function ownerIn(pod: Pod, snapshot: Snapshot): string | undefined {
  const text = ownerText(pod);
  if (text?.startsWith('ReplicaSet ')) {
    const rs = snapshot.workloads.get(objectKey('ReplicaSet', pod.metadata.namespace, text.slice('ReplicaSet '.length)));
    const top = rs?.metadata.ownerReferences?.find((o) => o.controller) ?? rs?.metadata.ownerReferences?.[0];
    if (top) return `${top.kind} ${top.name}`;
  }
  if (!text && pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined && pod.spec.nodeName) return `Node ${pod.spec.nodeName}`;
  return text;
}

function podReport(pod: Pod, snapshot: Snapshot, diagnostics: Diagnostic[]): PodReport {
  const ctx = podContext(pod, snapshot);
  const { findings: raw, diagnostics: d } = analyzePod(ctx);
  diagnostics.push(...d);
  const superseded = supersededBy(pod, snapshot);
  const findings = superseded ? raw.map((f) => ({ ...f, severity: 'info' as const, message: `${f.message} (${superseded})` })) : raw;
  const created = parseTime(pod.metadata.creationTimestamp);
  // a pod whose only findings are info (a past crash, an ordinary graceful termination) is not a problem
  const healthy = (ctx.running || !!superseded || findings.length > 0) && !findings.some((f) => f.severity !== 'info');
  const owner = ownerIn(pod, snapshot);
  const scheduling = schedulingOf(ctx);
  return {
    namespace: ctx.namespace,
    name: ctx.name,
    ...(pod.spec.nodeName ? { node: pod.spec.nodeName } : {}),
    ...(owner ? { owner } : {}),
    phase: pod.status.phase ?? 'Unknown',
    status: ctx.columns.status,
    ready: ctx.columns.ready,
    restarts: ctx.columns.restarts,
    ...(created !== undefined && snapshot.analysisTime >= created ? { age: humanDuration(snapshot.analysisTime - created) } : {}),
    healthy,
    findings: (findings as PodReport['findings']).map(withRemedyKinds),
    ...(scheduling ? { scheduling } : {}),
  };
}

function schedulingOf(ctx: ReturnType<typeof podContext>): PodReport['scheduling'] {
  const view = ctx.scheduling;
  if (!view.unscheduled || (!view.sim && !view.said)) return undefined;
  const out: NonNullable<PodReport['scheduling']> = {};
  if (view.sim) {
    out.simulated = view.sim.message ?? `the pod fits on ${view.sim.fits.length} of ${view.sim.nodeCount} nodes now`;
    out.nodes = view.sim.nodes.map((n) => ({
      name: n.name,
      fits: n.fits,
      reasons: n.absent ? [`left out by ${n.absent.join(', ')} (DaemonSet pod for another node)`] : (n.first?.reasons ?? []).map((r) => r.text),
    }));
    out.version = `1.${view.sim.version.minor} (${view.sim.version.source})`;
  }
  if (view.said) {
    out.event = view.said.message;
    if (view.said.at !== undefined) out.eventTime = formatTime(view.said.at);
    if (view.said.event) out.eventCount = view.said.event.count;
  }
  if (view.agrees !== undefined) out.agrees = view.agrees;
  if (view.disagreement) out.disagreement = view.disagreement;
  return out;
}

function workloadReports(snapshot: Snapshot, workloads: Workload[], diagnostics: Diagnostic[]): Report['workloads'] {
  const out: Report['workloads'] = [];
  for (const w of workloads) {
    const ctx = workloadContext(w, snapshot);
    const findings: Report['workloads'][number]['findings'] = [];
    for (const a of workloadAnalyzers) {
      try {
        for (const r of a.analyze(ctx)) findings.push(withRemedyKinds(toFinding(a, r) as PodReport['findings'][number]));
      } catch (e) {
        diagnostics.push({ analyzer: a.id, message: `${ctx.ref}: internal error in ${a.id}: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
    if (findings.length > 0 || ctx.pods.length === 0) out.push({ kind: ctx.kind, namespace: ctx.namespace, name: ctx.name, findings });
  }
  return out.sort((a, b) => (`${a.namespace}/${a.kind}/${a.name}` < `${b.namespace}/${b.kind}/${b.name}` ? -1 : 1));
}

export function buildReport(snapshot: Snapshot, pods: Pod[], opts: ReportOptions, workloads: Workload[] = []): Report {
  const diagnostics: Diagnostic[] = [];
  const analyzed = pods.map((p, i) => {
    if (opts.progress && i % 1000 === 0) opts.progress(i, pods.length);
    return podReport(p, snapshot, diagnostics);
  });
  analyzed.sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { pods: reports, suppressed } = applyIgnores(analyzed, opts.ignore ?? []);
  const accepted = (p: PodReport): boolean => !p.healthy && !!p.suppressed && !p.findings.some((f) => f.severity !== 'info');
  const healthy = reports.filter((p) => p.healthy).length;
  const acceptedCount = reports.filter(accepted).length;
  const unhealthyByStatus: Record<string, number> = {};
  for (const p of reports) if (!p.healthy && !accepted(p)) unhealthyByStatus[p.status] = (unhealthyByStatus[p.status] ?? 0) + 1;
  const detail = opts.mode === 'live' && snapshot.timeSource === 'capture' ? 'the time of this live run' : snapshot.timeDetail || snapshot.timeSource;
  return {
    apiVersion: 'podwhy/v1alpha1',
    kind: 'Report',
    analysisTime: formatTime(snapshot.analysisTime),
    analysisTimeSource: { kind: snapshot.timeSource, detail },
    source: { mode: opts.mode, ...(opts.context ? { context: opts.context } : {}), inputs: snapshot.inputs },
    summary: {
      pods: reports.length,
      healthy,
      unhealthy: reports.length - healthy - acceptedCount,
      infoOnly: reports.filter((p) => p.healthy && p.findings.length > 0).length,
      suppressed: acceptedCount,
      unhealthyByStatus: Object.fromEntries(Object.entries(unhealthyByStatus).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))),
    },
    pods: reports,
    workloads: workloadReports(snapshot, workloads, diagnostics),
    groups: groupsOf(reports.filter((p) => !accepted(p))),
    cluster: clusterFacts(snapshot),
    suppressed,
    inputErrors: snapshot.inputErrors,
    skipped: opts.skipped ?? [],
    diagnostics,
  };
}

/** 1 when any analyzed pod or workload has a finding at the --fail-on level or above (default: error). */
export function exitCodeOf(report: Report, failOn: 'error' | 'warning' = 'error'): 0 | 1 {
  const all = [...report.pods.flatMap((p) => p.findings), ...report.workloads.flatMap((w) => w.findings)];
  return all.some((f) => f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning')) ? 1 : 0;
}

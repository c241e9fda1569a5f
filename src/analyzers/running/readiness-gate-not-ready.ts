import { defineAnalyzer, type Evidence, type RawFinding } from '../types';
import { sh } from '../../k8s/command';

type Msg = 'gate';

export default defineAnalyzer<Msg>({
  id: 'ReadinessGateNotReady',
  area: 'running',
  reads: [],
  severity: 'error',
  docs: {
    title: "The containers are ready but a readiness gate is not",
    summary: 'spec.readinessGates make a pod Ready only when extra conditions, set by another controller (a load balancer controller, a database operator), are True. If that controller has not set its condition, the pod stays not ready, out of its Services, although every container is fine.',
    detection: 'Ready is False with reason ReadinessGatesNotReady (or ContainersReady is True while Ready is False) and a readiness gate condition is missing or not True.',
    remedy: 'Check the controller that owns the gate\'s condition (its name is in the condition type): is it running, does its log say why it has not marked the pod?',
  },
  messages: {
    gate: "The pod's containers are ready, but readiness gate {{gate}} is {{state}}: the controller that owns it ({{owner}}) has not marked the pod ready.",
  },
  analyze(ctx) {
    const conds = ctx.pod.status.conditions ?? [];
    const ready = conds.find((c) => c.type === 'Ready');
    if (!ready || ready.status === 'True' || ctx.pod.metadata.deletionTimestamp && ready.reason !== 'ReadinessGatesNotReady') return [];
    const containersReady = conds.find((c) => c.type === 'ContainersReady')?.status === 'True';
    if (ready.reason !== 'ReadinessGatesNotReady' && !containersReady) return [];
    const gates = (ctx.pod.spec.readinessGates ?? []).map((g) => g.conditionType);
    const fromMessage = /readiness gate "([^"]+)"/.exec(ready.message ?? '')?.[1];
    const pending = gates.filter((g) => conds.find((c) => c.type === g)?.status !== 'True');
    const list = pending.length ? pending : fromMessage ? [fromMessage] : [];
    if (list.length === 0) return [];
    const out: Array<RawFinding<Msg>> = [];
    for (const gate of list) {
      const cond = conds.find((c) => c.type === gate);
      const evidence: Evidence[] = [{ ref: ctx.ref, path: 'status.conditions[Ready]', observed: `False ${ready.reason ?? ''}${ready.message ? `: ${ready.message}` : ''}` }];
      if (cond) evidence.push({ ref: ctx.ref, path: `status.conditions[${gate}]`, observed: cond.status });
      const owner = gate.includes('/') ? (gate.split('/')[0] as string) : gate;
      out.push({
        messageId: 'gate',
        data: { gate, state: cond ? `"${cond.status}"` : 'missing', owner },
        evidence,
        remedies: [{ summary: `Check the controller behind ${owner} (its pods and log) and why it has not set ${gate} to True` , command: sh`kubectl get pods -A | grep -i -- ${owner.split('.')[0]}` }],
        key: gate,
      });
    }
    return out;
  },
});

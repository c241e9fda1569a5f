import { parseTime } from '../../k8s/time';
import { eventEvidence } from '../context';
import type { Evidence, Remedy } from '../types';
import { defineWorkloadAnalyzer } from './lib/types';
import { name as k8sName, sh } from '../../k8s/command';
import { isName } from '../../k8s/names';

type Msg = 'quota' | 'quotaMustSpecify' | 'limitRange' | 'podSecurity' | 'webhook' | 'serviceAccount' | 'other';

export interface Rejection {
  messageId: Msg;
  data: Record<string, string>;
}

/** Why the API server refused a pod, from the controller's FailedCreate message. */
export function classifyRejection(message: string): Rejection {
  const body = message.replace(/^\(combined from similar events\):\s*/, '');
  let m = /exceeded quota: ([^,]+), requested: (.*?), used: (.*?), limited: (.*)$/.exec(body);
  if (m) return { messageId: 'quota', data: { quota: m[1] as string, requested: m[2] as string, used: m[3] as string, hard: (m[4] as string).trim() } };
  m = /failed quota: ([^:]+): must specify (.+)$/i.exec(body);
  if (m) return { messageId: 'quotaMustSpecify', data: { quota: m[1] as string, missing: (m[2] as string).trim() } };
  m = /(maximum|minimum) (\S+) usage per (Container|Pod) is (\S+?)(?:, but (?:limit|request) is (\S+?))?\.?(?:$|,|\])/i.exec(body);
  if (m) return { messageId: 'limitRange', data: { bound: (m[1] as string).toLowerCase(), resource: m[2] as string, scope: m[3] as string, allowed: m[4] as string, asked: m[5] ?? '?' } };
  m = /violates PodSecurity "([^"]+)": (.*)$/.exec(body);
  if (m) return { messageId: 'podSecurity', data: { level: m[1] as string, violations: (m[2] as string).trim() } };
  m = /admission webhook "([^"]+)" denied the request:?\s*(.*)$/.exec(body);
  if (m) return { messageId: 'webhook', data: { webhook: m[1] as string, reason: (m[2] as string).trim() || '(no reason given)' } };
  m = /serviceaccounts? "([^"]+)" not found/.exec(body);
  if (m) return { messageId: 'serviceAccount', data: { serviceAccount: m[1] as string } };
  return { messageId: 'other', data: { detail: body } };
}

function remedies(r: Rejection, ns: string, kind: string, name: string): Remedy[] {
  switch (r.messageId) {
    case 'quota':
      return [
        { summary: `See quota ${r.data.quota} (hard ${r.data.hard}, used ${r.data.used})`, command: sh`kubectl describe resourcequota ${k8sName(r.data.quota)} -n ${k8sName(ns)}` },
        { summary: 'Raise the quota, free what counts against it (scale down or delete other workloads), or lower the pod template\'s requests/limits' },
      ];
    case 'quotaMustSpecify':
      return [{ summary: `Quota ${r.data.quota} requires ${r.data.missing} on every container: set them in the template, or add a LimitRange with defaults`, patch: `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n  namespace: ${isName(ns) ? ns : '<namespace>'}\nspec:\n  limits:\n  - type: Container\n    defaultRequest: {cpu: 100m, memory: 128Mi}\n    default: {cpu: 500m, memory: 512Mi}` }];
    case 'limitRange':
      return [{ summary: `Keep ${r.data.resource} within the LimitRange (${r.data.bound} ${r.data.allowed} per ${r.data.scope}), or change the LimitRange`, command: sh`kubectl describe limitrange -n ${k8sName(ns)}` }];
    case 'podSecurity':
      return [
        { summary: `Make the pod template meet Pod Security "${r.data.level}": ${r.data.violations}` },
        { summary: 'Or, if the workload really needs it, relax the namespace level', command: sh`kubectl label namespace ${k8sName(ns)} pod-security.kubernetes.io/enforce=baseline --overwrite` },
      ];
    case 'webhook':
      return [{ summary: `Satisfy the policy of webhook ${r.data.webhook} (its message says why), or ask its owners`, command: sh`kubectl get validatingwebhookconfigurations,mutatingwebhookconfigurations | grep -i -- ${(r.data.webhook ?? '').split('.')[0]}` }];
    case 'serviceAccount':
      return [{ summary: `Create service account ${r.data.serviceAccount} or fix serviceAccountName in the template`, command: sh`kubectl create serviceaccount ${k8sName(r.data.serviceAccount)} -n ${k8sName(ns)}` }];
    default:
      return [{ summary: `Read the controller's events`, command: sh`kubectl describe ${kind.toLowerCase()} ${k8sName(name)} -n ${k8sName(ns)}` }];
  }
}

export default defineWorkloadAnalyzer<Msg>({
  id: 'PodCreationRejected',
  area: 'workloads',
  reads: ['owners'],
  severity: 'error',
  docs: {
    title: 'The controller cannot create its pods: the API server refuses them',
    summary: 'A Deployment\'s ReplicaSet, a StatefulSet, DaemonSet or Job creates pods through the API server, and admission can refuse them: a ResourceQuota that is used up or demands requests/limits, a LimitRange bound, Pod Security admission, a validating webhook, a missing service account. Then there is no pod to look at: only the controller\'s FailedCreate events and ReplicaFailure condition tell.',
    detection: 'FailedCreate events of the workload and of the ReplicaSets it owns, and ReplicaFailure conditions; the message is classified (quota exceeded with requested/used/hard, quota requires requests/limits, LimitRange, PodSecurity level and violations, webhook name and reason, missing ServiceAccount).',
    remedy: 'Raise or free the quota, set requests/limits (or a LimitRange with defaults), meet the Pod Security level, satisfy the webhook\'s policy, create the service account: the controller retries by itself.',
  },
  messages: {
    quota: '{{kind}} {{name}} cannot create pods: quota {{quota}} is exceeded (requested {{requested}}, used {{used}}, hard {{hard}}).',
    quotaMustSpecify: '{{kind}} {{name}} cannot create pods: quota {{quota}} requires {{missing}} on every container.',
    limitRange: '{{kind}} {{name}} cannot create pods: the LimitRange allows a {{bound}} {{resource}} of {{allowed}} per {{scope}}, and the pod asks for {{asked}}.',
    podSecurity: '{{kind}} {{name}} cannot create pods: they violate Pod Security "{{level}}": {{violations}}.',
    webhook: '{{kind}} {{name}} cannot create pods: admission webhook {{webhook}} denies them: {{reason}}',
    serviceAccount: '{{kind}} {{name}} cannot create pods: service account {{serviceAccount}} does not exist.',
    other: '{{kind}} {{name}} cannot create pods: {{detail}}',
  },
  analyze(ctx) {
    const failed = ctx.events.filter((e) => e.reason === 'FailedCreate');
    const newest = failed[failed.length - 1];
    const cond = ctx.controllers.flatMap((c) => (c.status?.conditions ?? []).filter((x) => x.type === 'ReplicaFailure' && x.status === 'True').map((x) => ({ c, x })))[0];
    const message = newest?.message ?? cond?.x.message ?? '';
    if (!message) return [];
    // pods created after the last failure mean the problem is over
    const lastCreated = Math.max(0, ...ctx.pods.map((p) => parseTime(p.metadata.creationTimestamp) ?? 0));
    if (newest?.last !== undefined && lastCreated > newest.last && ctx.pods.length > 0) return [];
    const r = classifyRejection(message);
    const evidence: Evidence[] = [];
    if (newest) evidence.push(eventEvidence(newest));
    if (cond) evidence.push({ ref: `${cond.c.kind}/${ctx.namespace}/${cond.c.metadata.name}`, path: 'status.conditions[ReplicaFailure]', observed: `${cond.x.reason ?? ''}: ${cond.x.message ?? ''}` });
    return [{
      messageId: r.messageId,
      data: { kind: ctx.kind, name: ctx.name, cause: r.messageId, ...r.data, attempts: failed.reduce((n, e) => n + e.count, 0) },
      evidence,
      remedies: remedies(r, ctx.namespace, ctx.kind, ctx.name),
      key: r.data.quota ?? r.data.webhook ?? r.messageId,
    }];
  },
});

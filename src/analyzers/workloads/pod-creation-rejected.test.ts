import { at } from '../../testing/builders';
import { testWorkloadAnalyzer } from '../../testing/analyzer-tester';
import analyzer from './pod-creation-rejected';

const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop', uid: 'd1' }, spec: { replicas: 3 } };
const rs = (conditions: object[] = []) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-6597bc46dc', namespace: 'shop', ownerReferences: [{ kind: 'Deployment', name: 'web', controller: true }] }, spec: { replicas: 3 }, status: { replicas: 0, conditions } });
const failedCreate = (message: string, kind = 'ReplicaSet', name = 'web-6597bc46dc') => ({ apiVersion: 'v1', kind: 'Event', metadata: { name: `${name}.1`, namespace: 'shop' }, involvedObject: { kind, name, namespace: 'shop' }, reason: 'FailedCreate', type: 'Warning', message, count: 14, lastTimestamp: at(-60), firstTimestamp: at(-3600) });

testWorkloadAnalyzer(analyzer, {
  valid: [
    { name: 'a Deployment whose ReplicaSet creates its pods is fine', workload: 'web', objects: [deploy, rs()] },
    {
      name: 'a quota failure followed by a pod created later is over',
      workload: 'web',
      objects: [deploy, rs(), failedCreate('Error creating: pods "web-x" is forbidden: exceeded quota: q, requested: pods=1, used: pods=10, limited: pods=10'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-6597bc46dc-abcde', namespace: 'shop', creationTimestamp: at(-10), ownerReferences: [{ kind: 'ReplicaSet', name: 'web-6597bc46dc', controller: true }] }, spec: { containers: [{ name: 'c' }] }, status: { phase: 'Running' } }],
    },
  ],
  invalid: [
    {
      name: 'an exceeded quota on the ReplicaSet is reported at the Deployment with requested, used and hard',
      workload: 'web',
      objects: [deploy, rs(), failedCreate('(combined from similar events): Error creating: pods "allocation-manager-6597bc46dc-2wm8j" is forbidden: exceeded quota: namespace-quota, requested: limits.cpu=1,limits.memory=2Gi, used: limits.cpu=6,limits.memory=12Gi, limited: limits.cpu=6,limits.memory=12Gi')],
      findings: [{ messageId: 'quota', data: { kind: 'Deployment', quota: 'namespace-quota', requested: 'limits.cpu=1,limits.memory=2Gi', used: 'limits.cpu=6,limits.memory=12Gi', hard: 'limits.cpu=6,limits.memory=12Gi', attempts: 14 }, evidence: [{ ref: 'Event/shop/web-6597bc46dc.1' }], remedyIncludes: ['kubectl describe resourcequota namespace-quota -n shop'] }],
    },
    {
      name: 'a StatefulSet whose pods must specify requests for the quota',
      workload: 'es',
      objects: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'es', namespace: 'shop' } }, failedCreate('create Pod es-0 in StatefulSet es failed error: pods "es-0" is forbidden: failed quota: fpl-quota: must specify requests.cpu,requests.memory', 'StatefulSet', 'es')],
      findings: [{ messageId: 'quotaMustSpecify', data: { quota: 'fpl-quota', missing: 'requests.cpu,requests.memory' }, remedyIncludes: ['kind: LimitRange'] }],
    },
    {
      name: 'Pod Security admission names the level and violations',
      workload: 'web',
      objects: [deploy, rs(), failedCreate('Error creating: pods "web-x" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false)')],
      findings: [{ messageId: 'podSecurity', data: { level: 'restricted:latest' } }],
    },
    {
      name: 'a webhook denial and a missing service account from the ReplicaFailure condition',
      workload: 'web',
      objects: [deploy, rs([{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'pods "web-x" is forbidden: error looking up service account shop/builder: serviceaccount "builder" not found' }])],
      findings: [{ messageId: 'serviceAccount', data: { serviceAccount: 'builder' }, evidence: [{ path: 'status.conditions[ReplicaFailure]' }], remedyIncludes: ['kubectl create serviceaccount builder -n shop'] }],
    },
  ],
});

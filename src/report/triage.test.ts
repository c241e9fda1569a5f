// Grouping by root cause, impact order, collapse of identical pods, info-only pods, --ignore, --fail-on.
import type { FindingReport, PodReport, Report } from '../../schemas/report';
import { byImpact, groupKey, groupsOf, workloadKinds, workloadOf } from './groups';
import { applyIgnores, parseIgnoreFile, parseIgnoreRule } from './ignore';
import { exitCodeOf } from './build';
import { remedyKind } from './remedies';

const finding = (id: string, severity: FindingReport['severity'], key?: string): FindingReport => ({ id, severity, message: `${id} message`, data: {}, evidence: [], remedies: [], confidence: 'certain', ...(key !== undefined ? { key } : {}) });

function pod(name: string, findings: FindingReport[], extra: Partial<PodReport> = {}): PodReport {
  return { namespace: 'default', name, phase: 'Pending', status: 'Pending', ready: '0/1', restarts: 0, healthy: findings.every((f) => f.severity === 'info') && findings.length > 0, findings, ...extra };
}

describe('grouping keys', () => {
  test.each([
    ['a finding with a key groups on ID and key', pod('a', [finding('InsufficientResources', 'error', 'pods')], { owner: 'Deployment web' }), { id: 'InsufficientResources', key: 'pods' }],
    ['a finding without a key groups the pods of one workload', pod('web-1', [finding('ContainerExitedWithError', 'error')], { owner: 'Deployment web' }), { id: 'ContainerExitedWithError', key: 'Deployment/default/web' }],
    ['a bare pod without a key is its own group', pod('solo', [finding('OOMKilled', 'error')]), { id: 'OOMKilled', key: 'Pod/default/solo' }],
    ['a healthy pod has no group', pod('ok', [finding('OOMKilled', 'info')], { healthy: true }), undefined],
    ['an unhealthy pod without findings has no group', pod('unknown', [], { healthy: false }), undefined],
    ['only the primary finding decides the group', pod('b', [finding('NodeLost', 'error', 'n1'), finding('NodeUnschedulable', 'error', 'cordoned')]), { id: 'NodeLost', key: 'n1' }],
  ])('%s', (_name, p, expected) => {
    expect(groupKey(p)).toEqual(expected);
  });

  test('a static pod counts as its own workload, named as one', () => {
    expect(workloadOf(pod('kube-apiserver-m1', [], { owner: 'Node m1', namespace: 'kube-system' }))).toBe('StaticPod/kube-system/kube-apiserver-m1');
    expect(workloadKinds(['StaticPod/a/x', 'StaticPod/a/y', 'DaemonSet/a/z'])).toBe('2 static pods and 1 DaemonSet');
    expect(workloadKinds(['Deployment/a/x', 'Pod/a/y'])).toBe('1 Deployment and 1 bare pod');
  });
});

describe('impact order', () => {
  const g = (id: string, severity: FindingReport['severity'], pods: number, workloads: number) => ({ id, key: id, severity, message: '', pods: [], workloads: [], representative: '', statuses: {}, impact: { severity, pods, workloads } });
  test.each([
    ['an error comes before a warning that touches more pods', g('A', 'error', 1, 1), g('B', 'warning', 50, 50)],
    ['among errors, more pods first', g('B', 'error', 10, 1), g('A', 'error', 2, 2)],
    ['with as many pods, more workloads first', g('B', 'error', 5, 5), g('A', 'error', 5, 1)],
    ['a full tie is broken by ID', g('A', 'error', 5, 1), g('B', 'error', 5, 1)],
  ])('%s', (_name, first, second) => {
    expect(byImpact(first, second)).toBeLessThan(0);
    expect(byImpact(second, first)).toBeGreaterThan(0);
  });
});

describe('collapse of identical pods', () => {
  const pods = [
    ...Array.from({ length: 186 }, (_, i) => pod(`nginx${String(i).padStart(3, '0')}-abc`, [finding('InsufficientResources', 'error', 'pods'), finding('NodeUnschedulable', 'error', 'cordoned')], { owner: `Deployment nginx${i}` })),
    ...['x', 'y', 'z'].map((n) => pod(`kube-proxy-${n}`, [finding('NodeLost', 'error', 'master1')], { owner: 'DaemonSet kube-proxy', namespace: 'kube-system', status: 'Unknown' })),
    pod('dns', [finding('LivenessProbeFailure', 'warning', 'kube-system/dnsmasq')], { namespace: 'kube-system', status: 'CrashLoopBackOff' }),
  ];
  const groups = groupsOf(pods);
  test('186 pods with one cause make one group, counted by pods and workloads', () => {
    expect(groups.map((x) => [x.id, x.key, x.pods.length, x.workloads.length])).toEqual([
      ['InsufficientResources', 'pods', 186, 186],
      ['NodeLost', 'master1', 3, 1],
      ['LivenessProbeFailure', 'kube-system/dnsmasq', 1, 1],
    ]);
    expect(workloadKinds(groups[0]?.workloads ?? [])).toBe('186 Deployments');
  });
  test('the representative is the first pod, and the group keeps every pod and its statuses', () => {
    expect(groups[0]?.representative).toBe('default/nginx000-abc');
    expect(groups[1]?.statuses).toEqual({ Unknown: 3 });
    expect(groups[0]?.message).toBe('InsufficientResources message');
  });
});

describe('--ignore', () => {
  test.each([
    ['NodeUnschedulable', { rule: 'NodeUnschedulable', id: 'NodeUnschedulable' }],
    ['InsufficientResources:pods', { rule: 'InsufficientResources:pods', id: 'InsufficientResources', key: 'pods' }],
    ['ImagePullFailure:registry.example.com/app:1.2', { rule: 'ImagePullFailure:registry.example.com/app:1.2', id: 'ImagePullFailure', key: 'registry.example.com/app:1.2' }],
  ])('%s parses', (text, expected) => {
    expect(parseIgnoreRule(text)).toEqual(expected);
  });
  test.each(['oomkilled', 'OOMKilled:', '', '--frobnicate'])('%p is refused', (text) => {
    expect(() => parseIgnoreRule(text)).toThrow();
  });
  test('a .podwhyignore file: comments, blank lines, and errors naming the line', () => {
    expect(parseIgnoreFile('# accepted\nNodeUnschedulable  # masters\n\nOOMKilled:default/app\n', '.podwhyignore').map((r) => r.rule)).toEqual(['NodeUnschedulable', 'OOMKilled:default/app']);
    expect(() => parseIgnoreFile('NodeLost\nnot a rule\n', '.podwhyignore')).toThrow(/^\.podwhyignore:2: /);
  });
  test('suppressed findings leave the pod and are listed with the pods they applied to', () => {
    const pods = [pod('a', [finding('InsufficientResources', 'error', 'pods'), finding('NodeUnschedulable', 'error', 'cordoned')]), pod('b', [finding('OOMKilled', 'error')], { owner: 'Deployment web' })];
    const r = applyIgnores(pods, [parseIgnoreRule('NodeUnschedulable'), parseIgnoreRule('OOMKilled:Deployment/default/web')]);
    expect(r.pods.map((p) => p.findings.map((f) => f.id))).toEqual([['InsufficientResources'], []]);
    expect(r.pods[1]?.suppressed).toEqual(['OOMKilled']);
    expect(r.suppressed).toEqual([
      { rule: 'NodeUnschedulable', id: 'NodeUnschedulable', key: 'cordoned', pods: ['default/a'] },
      { rule: 'OOMKilled:Deployment/default/web', id: 'OOMKilled', pods: ['default/b'] },
    ]);
  });
  test('a key that matches nothing suppresses nothing; * matches within a key', () => {
    const pods = [pod('a', [finding('ImagePullFailure', 'error', 'registry.example.com/app:1.2')])];
    expect(applyIgnores(pods, [parseIgnoreRule('ImagePullFailure:other')]).suppressed).toEqual([]);
    expect(applyIgnores(pods, [parseIgnoreRule('ImagePullFailure:registry.example.com/*')]).suppressed).toHaveLength(1);
  });
});

describe('--fail-on', () => {
  const report = (severities: Array<FindingReport['severity']>): Report => ({ pods: [pod('a', severities.map((s, i) => finding(`F${i}`, s)))], workloads: [] }) as unknown as Report;
  test.each([
    [['error'], 'error', 1],
    [['warning'], 'error', 0],
    [['warning'], 'warning', 1],
    [['info'], 'warning', 0],
    [[], 'warning', 0],
  ] as const)('%p with --fail-on %s exits %d', (severities, failOn, code) => {
    expect(exitCodeOf(report([...severities]), failOn)).toBe(code);
  });
});

describe('fix or check', () => {
  test.each([
    [{ summary: 'Read the last run\'s log', command: 'kubectl logs web-1 -n default -c app --previous --tail=100' }, 'check'],
    [{ summary: 'Uncordon the nodes', command: 'kubectl uncordon n1 n2' }, 'fix'],
    [{ summary: 'Smallest fix: free 1 cpu', command: "kubectl describe node a | sed -n '/Allocated resources/,/Events/p'" }, 'fix'],
    [{ summary: 'See what else runs there', command: 'kubectl get pods -A --field-selector spec.nodeName=n1 --no-headers | wc -l' }, 'check'],
    [{ summary: 'Tolerate the taint', patch: 'tolerations: []' }, 'fix'],
    [{ summary: 'Check the scheduler on the control plane' }, 'check'],
    [{ summary: 'Restart the runtime', command: 'ssh n1 sudo systemctl restart containerd' }, 'fix'],
    [{ summary: 'Look at the kubelet', command: 'ssh n1 sudo journalctl -u kubelet --since -1h' }, 'check'],
  ] as const)('%p is a %s', (remedy, kind) => {
    expect(remedyKind(remedy)).toBe(kind);
  });
});

import { at, node, pod } from '../../testing/builders';
import { testAnalyzer } from '../../testing/analyzer-tester';
import analyzer from './known-daemon-set-controller-bug';

const aff = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'role', operator: 'In', values: ['edge'] }] }] } } };
const dsPod = () => pod('agent-x').ownedBy('DaemonSet', 'agent').set('spec.affinity', aff).deleting(at(-30)).container('agent', (c) => c.running()).build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'a fixed controller-manager version is not the bug', objects: [node('node-1').kubelet('v1.12.3').build(), dsPod()] },
    { name: 'a DaemonSet pod without node affinity is not affected', objects: [node('node-1').kubelet('v1.11.2').build(), pod('agent-x').ownedBy('DaemonSet', 'agent').deleting(at(-30)).container('agent', (c) => c.running()).build()] },
    { name: 'an OnDelete DaemonSet is not affected', objects: [node('node-1').kubelet('v1.11.2').build(), { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default' }, spec: { updateStrategy: { type: 'OnDelete' } } }, dsPod()] },
  ],
  invalid: [
    {
      name: 'a 1.11 cluster deleting a RollingUpdate DaemonSet pod with node affinity',
      objects: [node('node-1').kubelet('v1.11.2').build(), { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default' }, spec: { updateStrategy: { type: 'RollingUpdate' } } }, dsPod()],
      findings: [{ messageId: 'loop', data: { daemonSet: 'agent', minor: 11, strategy: 'RollingUpdate' }, remedyIncludes: ['nodeSelector'] }],
    },
    {
      name: 'the controller-manager pod image decides over the kubelets',
      objects: [node('node-1').kubelet('v1.12.0').build(), pod('kube-controller-manager-cp').ns('kube-system').container('kcm', (c) => c.image('k8s.gcr.io/kube-controller-manager:v1.10.7').running()).build(), dsPod()],
      pod: 'agent-x',
      findings: [{ messageId: 'loop', data: { minor: 10 } }],
    },
  ],
});

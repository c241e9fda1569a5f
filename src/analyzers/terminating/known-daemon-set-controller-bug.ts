import { controllerManagerMinor } from '../../k8s/versions';
import { objectKey } from '../../snapshot/input';
import { defineAnalyzer } from '../types';

type Msg = 'loop';

export default defineAnalyzer<Msg>({
  id: 'KnownDaemonSetControllerBug',
  area: 'terminating',
  reads: ['owners', 'controlPlane'],
  severity: 'error',
  docs: {
    title: 'The DaemonSet controller version has a known bug that matches: its pods loop through Terminating',
    summary: 'In Kubernetes 1.10 and 1.11 the DaemonSet controller reused the scheduler\'s predicates, which sorted the pod\'s nodeAffinity terms in place; the template hash it computed for RollingUpdate then never matched, so it kept deleting and recreating its pods (the runbook\'s "DaemonSet controller bug").',
    detection: 'Matched on the controller-manager version (its pod image, else the kubelets: 1.10 or 1.11) and the symptom: a DaemonSet pod with required nodeAffinity being deleted, owned by a RollingUpdate DaemonSet.',
    remedy: 'Upgrade the control plane; until then use nodeSelector instead of nodeAffinity in the DaemonSet template (or updateStrategy OnDelete).',
  },
  messages: {
    loop: 'DaemonSet {{daemonSet}} keeps deleting and recreating its pods: kube-controller-manager 1.{{minor}} miscomputes the template hash of RollingUpdate DaemonSets with nodeAffinity.',
  },
  analyze(ctx) {
    const owner = ctx.pod.metadata.ownerReferences?.find((o) => o.kind === 'DaemonSet');
    if (!owner || !ctx.pod.metadata.deletionTimestamp || !ctx.pod.spec.affinity?.nodeAffinity) return [];
    const minor = controllerManagerMinor(ctx.snapshot.pods, ctx.snapshot.nodes.values());
    if (minor !== 10 && minor !== 11) return [];
    const ds = ctx.snapshot.workloads.get(objectKey('DaemonSet', ctx.namespace, owner.name));
    const strategy = ((ds?.spec as { updateStrategy?: { type?: string } } | null | undefined)?.updateStrategy?.type) ?? 'RollingUpdate';
    if (strategy !== 'RollingUpdate') return [];
    return [{
      messageId: 'loop',
      data: { daemonSet: owner.name, minor, strategy },
      evidence: [{ ref: ctx.ref, path: 'spec.affinity.nodeAffinity', observed: 'required node affinity' }, { ref: ctx.ref, path: 'metadata.deletionTimestamp', observed: String(ctx.pod.metadata.deletionTimestamp) }, { ref: `DaemonSet/${ctx.namespace}/${owner.name}`, path: 'spec.updateStrategy.type', observed: strategy }],
      remedies: [{ summary: 'Upgrade the control plane past 1.11; until then select nodes with nodeSelector instead of nodeAffinity in the DaemonSet', patch: 'spec:\n  template:\n    spec:\n      nodeSelector:\n        <label>: <value>\n      # and drop affinity.nodeAffinity' }],
      key: `ds-bug:${owner.name}`,
    }];
  },
});

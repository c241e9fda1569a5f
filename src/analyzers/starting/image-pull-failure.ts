import { classifyPullError, registryOf, type PullCause } from '../../k8s/images';
import { eventContainer, eventEvidence, eventsMatching, type ContainerView, type PodContext } from '../context';
import { defineAnalyzer, type Evidence, type RawFinding, type Remedy } from '../types';
import { editRemedy, nsFlag, runtimeCli } from '../shared/util';
import { name, sh, ShellText, ssh } from '../../k8s/command';
import { isName } from '../../k8s/names';

const PULL_REASONS = new Set(['ErrImagePull', 'ImagePullBackOff', 'RegistryUnavailable', 'ImageInspectError', 'ErrImageNeverPull', 'SignatureValidationFailed']);
/** kubelet's follow-up events that only repeat the waiting reason and carry no cause */
const NO_CAUSE = /^(spec\.\S+: )?Error: (ErrImagePull|ImagePullBackOff)\s*$/;

type Msg = 'notFound' | 'unauthorized' | 'network' | 'rateLimited' | 'neverPull' | 'other';
const MESSAGE_OF: Record<PullCause, Msg> = { 'not-found': 'notFound', unauthorized: 'unauthorized', network: 'network', 'rate-limited': 'rateLimited', other: 'other' };

function pullEvents(ctx: PodContext, c: ContainerView, image: string) {
  return eventsMatching(ctx, ['Failed', 'ErrImagePull', 'InspectFailed', 'ErrImageNeverPull']).filter(
    (e) => !NO_CAUSE.test(e.message) && (eventContainer(e) === c.name || e.message.includes(`"${image}"`)),
  );
}

function remedies(ctx: PodContext, c: ContainerView, image: string, cause: PullCause | 'never'): Remedy[] {
  const registry = registryOf(image);
  const node = ctx.pod.spec.nodeName ?? 'the node';
  const host = ctx.pod.spec.nodeName;
  const account = name(ctx.pod.spec.serviceAccountName ?? 'default');
  const fixImage: Remedy = editRemedy(ctx, `point container ${c.name} at an image that exists (its image field, now ${image})`);
  switch (cause) {
    case 'not-found':
      return [
        { summary: `Check that ${image} exists (from a machine logged in to ${registry})`, command: sh`docker manifest inspect ${image}` },
        fixImage,
        { summary: 'If the repository is private, give the pod pull credentials (set REGISTRY_USER and REGISTRY_TOKEN in your shell first)', command: sh`kubectl create secret docker-registry regcred --docker-server=${registry} --docker-username="$REGISTRY_USER" --docker-password="$REGISTRY_TOKEN" ${nsFlag(ctx)} && kubectl patch serviceaccount ${account} ${nsFlag(ctx)} -p '{"imagePullSecrets":[{"name":"regcred"}]}'` },
      ];
    case 'unauthorized':
      return [
        { summary: `Create a pull secret for ${registry} and attach it to the pod's service account (set REGISTRY_USER and REGISTRY_TOKEN in your shell first)`, command: sh`kubectl create secret docker-registry regcred --docker-server=${registry} --docker-username="$REGISTRY_USER" --docker-password="$REGISTRY_TOKEN" ${nsFlag(ctx)} && kubectl patch serviceaccount ${account} ${nsFlag(ctx)} -p '{"imagePullSecrets":[{"name":"regcred"}]}'` },
        { summary: 'If a pull secret is already set, check that it is for this registry and not expired', command: sh`kubectl get pod ${name(ctx.name)} ${nsFlag(ctx)} -o jsonpath='{.spec.imagePullSecrets}'` },
      ];
    case 'network':
      return [
        { summary: `Try the pull on the node itself to see the network or TLS error first-hand`, command: ssh(host, sh`sudo ${new ShellText(runtimeCli(ctx))} pull ${image}`) },
        { summary: `Check DNS, proxy and firewall from the node to ${registry}; for an x509 error, install the registry's CA on the nodes (containerd: /etc/containerd/certs.d/${registry}/ca.crt)` },
      ];
    case 'rate-limited':
      return [
        { summary: `Authenticate pulls from ${registry} (authenticated accounts get a higher limit; set REGISTRY_USER and REGISTRY_TOKEN in your shell first)`, command: sh`kubectl create secret docker-registry regcred --docker-server=${registry} --docker-username="$REGISTRY_USER" --docker-password="$REGISTRY_TOKEN" ${nsFlag(ctx)}` },
        { summary: 'Or mirror the image to a registry you control and point the pod at the mirror' },
      ];
    case 'never':
      return [
        { summary: 'Let the kubelet pull the image', patch: `spec:\n  containers:\n  - name: ${isName(c.name) ? c.name : '<container>'}\n    imagePullPolicy: IfNotPresent` },
        { summary: `Or load the image onto node ${node} before the pod starts` },
      ];
    default:
      return [fixImage, { summary: `Read the full pull error on the node`, command: ssh(host, sh`sudo ${new ShellText(runtimeCli(ctx))} pull ${image}`) }];
  }
}

export default defineAnalyzer<Msg>({
  id: 'ImagePullFailure',
  area: 'starting',
  reads: ['events'],
  severity: 'error',
  docs: {
    title: 'The container image cannot be pulled',
    summary: 'The kubelet on the node could not download the container image, so the container never starts. The pod shows ErrImagePull, then ImagePullBackOff while the kubelet waits longer and longer (10 s doubling to 5 min) between retries.',
    detection: 'A container waits with reason ErrImagePull, ImagePullBackOff, RegistryUnavailable, ImageInspectError, ErrImageNeverPull or SignatureValidationFailed. The cause is read from the newest "Failed to pull image" event for that container (or the waiting message): not-found (manifest unknown, repository does not exist), unauthorized (401/403, no credentials), network (DNS, timeouts, refused connections, untrusted TLS certificates), rate-limited (429, toomanyrequests) or other.',
    remedy: 'not-found: fix the image name or tag (`kubectl set image`). unauthorized: create a docker-registry secret and reference it in imagePullSecrets or the service account. network: test `crictl pull` on the node, fix DNS/proxy/firewall or install the registry CA. rate-limited: authenticate or mirror the image.',
  },
  messages: {
    notFound: 'Container {{container}} cannot start: image {{image}} cannot be pulled because {{explanation}}.',
    unauthorized: 'Container {{container}} cannot start: {{registry}} refused to serve image {{image}}: {{explanation}}.',
    network: 'Container {{container}} cannot start: image {{image}} cannot be pulled because {{explanation}} ({{registry}}).',
    rateLimited: 'Container {{container}} cannot start: {{registry}} is rate-limiting pulls of {{image}}.',
    neverPull: 'Container {{container}} cannot start: imagePullPolicy is Never and image {{image}} is not on node {{node}}.',
    other: 'Container {{container}} cannot start: image {{image}} cannot be pulled ({{reason}}){{note}}.',
  },
  analyze(ctx) {
    const out: Array<RawFinding<Msg>> = [];
    for (const c of ctx.containers) {
      const waiting = c.status?.state?.waiting;
      if (!waiting?.reason || !PULL_REASONS.has(waiting.reason)) continue;
      const image = c.spec.image ?? c.status?.image ?? '';
      const events = pullEvents(ctx, c, image);
      const newest = events[events.length - 1];
      const detail = newest?.message ?? waiting.message ?? '';
      const backoffs = eventsMatching(ctx, ['BackOff'], /Back-off pulling image/).filter((e) => eventContainer(e) === c.name || e.message.includes(`"${image}"`));
      const evidence: Evidence[] = [{ ref: ctx.ref, path: `${c.statusPath}.state.waiting`, observed: `${waiting.reason}${waiting.message ? `: ${waiting.message}` : ''}` }];
      if (newest) evidence.push(eventEvidence(newest));
      const lastBackoff = backoffs[backoffs.length - 1];
      if (lastBackoff) evidence.push(eventEvidence(lastBackoff));
      const attempts = events.reduce((n, e) => n + e.count, 0);
      const note = newest ? '' : '; the snapshot holds no pull error event saying why (run kubectl describe pod, or capture events)';
      const base = { container: c.name, image, registry: registryOf(image), reason: waiting.reason, node: ctx.pod.spec.nodeName ?? '', attempts, detail, note };
      if (waiting.reason === 'ErrImageNeverPull') {
        out.push({ messageId: 'neverPull', data: { ...base, cause: 'other' }, evidence, remedies: remedies(ctx, c, image, 'never'), key: image });
        continue;
      }
      const { cause, explanation } = classifyPullError(detail);
      out.push({ messageId: MESSAGE_OF[cause], data: { ...base, cause, explanation }, evidence, remedies: remedies(ctx, c, image, cause), key: image });
    }
    return out;
  },
});

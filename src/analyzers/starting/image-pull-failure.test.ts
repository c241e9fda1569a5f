import { testAnalyzer } from '../../testing/analyzer-tester';
import { pod, podEvent } from '../../testing/builders';
import analyzer from './image-pull-failure';

const pulling = (reason: string, image: string) => pod('web').ownedBy('ReplicaSet', 'web-7d9c', '7d9c').phase('Pending').container('app', (c) => c.image(image).waiting(reason)).build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'a running container whose image was pulled long ago has no pull problem', objects: [pod('web').container('app', (c) => c.running()).build()] },
    {
      name: 'old pull failures of a container that now runs are not reported',
      objects: [pod('web').container('app', (c) => c.running()).build(), podEvent('web', 'Failed', 'Failed to pull image "registry.example.com/app:1.0": rpc error: code = NotFound desc = not found').container('app').build()],
    },
    { name: 'a container still creating is not a pull failure', objects: [pod('web').phase('Pending').container('app', (c) => c.waiting('ContainerCreating')).build()] },
  ],
  invalid: [
    {
      name: 'a tag that does not exist is classified not-found from the containerd message',
      objects: [
        pulling('ImagePullBackOff', 'nginx:1.99.99'),
        podEvent('web', 'Failed', 'Failed to pull image "nginx:1.99.99": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99.99": failed to resolve reference "docker.io/library/nginx:1.99.99": docker.io/library/nginx:1.99.99: not found').container('app').count(4).build(),
        podEvent('web', 'Failed', 'Error: ErrImagePull').container('app').build(),
      ],
      findings: [{ messageId: 'notFound', data: { cause: 'not-found', image: 'nginx:1.99.99', registry: 'docker.io', attempts: 4 }, evidence: [{ path: 'status.containerStatuses[0].state.waiting' }], remedyIncludes: ['kubectl edit deployment/web -n default', 'docker manifest inspect nginx:1.99.99'] }],
    },
    {
      name: 'a private registry refusing credentials is unauthorized',
      objects: [
        pulling('ErrImagePull', 'ghcr.io/acme/api:2.0'),
        podEvent('web', 'Failed', 'Failed to pull image "ghcr.io/acme/api:2.0": rpc error: code = Unknown desc = failed to pull and unpack image: failed to resolve reference: unexpected status from HEAD request: 401 Unauthorized').container('app').build(),
      ],
      findings: [{ messageId: 'unauthorized', data: { cause: 'unauthorized', registry: 'ghcr.io' }, remedyIncludes: ['docker-registry regcred --docker-server=ghcr.io'] }],
    },
    {
      name: 'the newest kubelet wording starts with the container path and is still read',
      objects: [
        pulling('ErrImagePull', 'registry.internal:5000/api:1'),
        podEvent('web', 'Failed', 'spec.containers{app}: Failed to pull image "registry.internal:5000/api:1": dial tcp: lookup registry.internal on 10.96.0.10:53: no such host').build(),
      ],
      findings: [{ messageId: 'network', data: { cause: 'network', registry: 'registry.internal:5000' }, evidence: [{ observed: expect.stringContaining('no such host') as unknown as string }] }],
    },
    {
      name: 'Docker Hub rate limits are recognised',
      objects: [pod('web').phase('Pending').container('app', (c) => c.image('redis:7').waiting('ImagePullBackOff', 'Back-off pulling image "redis:7"')).build(), podEvent('web', 'Failed', 'Failed to pull image "redis:7": toomanyrequests: You have reached your pull rate limit.').container('app').build()],
      findings: [{ messageId: 'rateLimited', data: { cause: 'rate-limited' } }],
    },
    {
      name: 'an untrusted registry certificate is a network cause with the CA remedy',
      objects: [pulling('ErrImagePull', 'noimage.com/no-such-image'), podEvent('web', 'Failed', 'Failed to pull image "noimage.com/no-such-image": Get "https://noimage.com/v2/": x509: certificate signed by unknown authority').container('app').build()],
      findings: [{ messageId: 'network', data: { cause: 'network' }, remedyIncludes: ['/etc/containerd/certs.d/noimage.com/ca.crt'] }],
    },
    {
      name: 'imagePullPolicy Never with a missing image names the node',
      objects: [pulling('ErrImageNeverPull', 'local/app:dev')],
      findings: [{ messageId: 'neverPull', data: { node: 'node-1', cause: 'other' }, remedyIncludes: ['imagePullPolicy: IfNotPresent'] }],
    },
  ],
});

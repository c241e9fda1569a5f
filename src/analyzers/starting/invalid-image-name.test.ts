import { testAnalyzer } from '../../testing/analyzer-tester';
import { pod, podEvent } from '../../testing/builders';
import analyzer from './invalid-image-name';

testAnalyzer(analyzer, {
  valid: [
    { name: 'a valid image that is pulling is not an invalid name', objects: [pod('web').phase('Pending').container('app', (c) => c.image('nginx:1.27').waiting('ErrImagePull')).build()] },
    { name: 'a running container has a valid image name', objects: [pod('web').container('app', (c) => c.image('Nginx').running()).build()] },
  ],
  invalid: [
    {
      name: 'upper-case letters in the repository are pointed out',
      objects: [
        pod('web').phase('Pending').container('app', (c) => c.image('Acme/Web:1.0').waiting('InvalidImageName', 'Failed to apply default image tag "Acme/Web:1.0": couldn\'t parse image reference "Acme/Web:1.0": invalid reference format: repository name must be lowercase')).build(),
      ],
      findings: [{ messageId: 'invalid', data: { image: 'Acme/Web:1.0', problem: 'the repository name has upper-case letters (it must be lower-case)' }, evidence: [{ path: 'status.containerStatuses[0].state.waiting' }] }],
    },
    {
      name: 'a URL scheme in the image is pointed out, with the InspectFailed event as evidence',
      objects: [
        pod('web').phase('Pending').container('app', (c) => c.image('https://registry.example.com/app:1').waiting('InvalidImageName')).build(),
        podEvent('web', 'InspectFailed', 'Failed to apply default image tag "https://registry.example.com/app:1": couldn\'t parse image reference: invalid reference format').container('app').build(),
      ],
      findings: [{ messageId: 'invalid', data: { problem: 'it starts with a URL scheme (drop "https://")' }, evidence: [{ observed: expect.stringContaining('InspectFailed') as unknown as string }] }],
    },
  ],
});

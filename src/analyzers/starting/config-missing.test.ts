import { testAnalyzer } from '../../testing/analyzer-tester';
import { configMap, pod, podEvent, secret } from '../../testing/builders';
import analyzer from './config-missing';

const waitingOn = (message: string) =>
  pod('web')
    .phase('Pending')
    .container('app', (c) => c.env('DB_PASSWORD', { secret: 'db', key: 'password' }).env('MODE', { configMap: 'app-config', key: 'mode' }).waiting('CreateContainerConfigError', message))
    .build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'a running pod with config references has nothing missing', objects: [pod('web').container('app', (c) => c.env('MODE', { configMap: 'app-config', key: 'mode' }).running()).build()] },
    {
      name: 'an old "not found" event of a pod that runs now is not reported',
      objects: [pod('web').container('app', (c) => c.running()).build(), podEvent('web', 'Failed', 'Error: configmap "app-config" not found').container('app').build()],
    },
    { name: 'a CreateContainerConfigError about runAsNonRoot is not a missing config', objects: [waitingOn('container has runAsNonRoot and image will run as root')] },
  ],
  invalid: [
    {
      name: 'a missing Secret is named with the env var that needs it',
      objects: [waitingOn('secret "db" not found')],
      findings: [{ messageId: 'missingObject', data: { kind: 'Secret', name: 'db', usedBy: 'env DB_PASSWORD of container app (key password)', existsInSnapshot: false }, evidence: [{ path: 'status.containerStatuses[0].state.waiting' }], remedyIncludes: ['kubectl create secret generic db -n default'] }],
    },
    {
      name: 'a missing key lists the keys the snapshot shows, names only',
      objects: [waitingOn("couldn't find key mode in ConfigMap default/app-config"), configMap('app-config', ['MODE', 'level'])],
      findings: [{ messageId: 'missingKey', data: { kind: 'ConfigMap', name: 'app-config', key: 'mode', existsInSnapshot: true }, messageIncludes: ['Its keys are: MODE, level.'], evidence: [{ ref: 'ConfigMap/default/app-config', observed: 'keys: MODE, level' }] }],
    },
    {
      name: 'a Secret that exists in the snapshot was created after the error',
      objects: [waitingOn('secret "db" not found'), secret('db', ['password'])],
      findings: [{ messageId: 'missingObject', data: { existsInSnapshot: true }, messageIncludes: ['created after the error'] }],
    },
    {
      name: 'a FailedMount for a ConfigMap volume is a missing config of a pod stuck creating',
      objects: [
        pod('web').phase('Pending').volume({ name: 'cfg', configMap: { name: 'nginx-conf' } }).container('app', (c) => c.waiting('ContainerCreating')).build(),
        podEvent('web', 'FailedMount', 'MountVolume.SetUp failed for volume "cfg" : configmap "nginx-conf" not found').count(12).build(),
      ],
      findings: [{ messageId: 'missingObject', data: { kind: 'ConfigMap', name: 'nginx-conf', usedBy: 'volume cfg' }, evidence: [{ observed: expect.stringContaining('FailedMount (x12)') as unknown as string }] }],
    },
  ],
});

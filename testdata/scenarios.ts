// Synthetic snapshots, one per finding, written to testdata/scenarios/*.yaml by `make scenarios` and used by the
// golden end-to-end tests. Each is the smallest cluster state that shows its problem the way a real one does.
import { at, configMap, node, nodeEvent, pod, podEvent, pv, pvc, storageClass } from '../src/testing/builders';

export interface Scenario {
  name: string;
  objects: unknown[];
}

const rs = (name: string) => pod(name).ownedBy('ReplicaSet', `${name.split('-')[0]}-7d9c5f`, '7d9c5f');
const n1 = () => node('node-1').build();

export const scenarios: Scenario[] = [
  { name: 'healthy', objects: [n1(), rs('web-7d9c5f-abcde').container('app', (c) => c.running()).build()] },
  {
    name: 'image-pull-not-found',
    objects: [n1(), rs('web-7d9c5f-abcde').phase('Pending').container('app', (c) => c.image('nginx:1.99.99').waiting('ImagePullBackOff', 'Back-off pulling image "nginx:1.99.99"')).build(),
      podEvent('web-7d9c5f-abcde', 'Failed', 'Failed to pull image "nginx:1.99.99": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99.99": failed to resolve reference "docker.io/library/nginx:1.99.99": docker.io/library/nginx:1.99.99: not found').container('app').count(5).build()],
  },
  { name: 'invalid-image-name', objects: [n1(), rs('web-7d9c5f-abcde').phase('Pending').container('app', (c) => c.image('Acme/Web:1.0').waiting('InvalidImageName', 'Failed to apply default image tag "Acme/Web:1.0": couldn\'t parse image reference "Acme/Web:1.0": invalid reference format: repository name must be lowercase')).build()] },
  {
    name: 'config-missing-key',
    objects: [n1(), configMap('app-config', ['LOG_LEVEL', 'mode']), rs('web-7d9c5f-abcde').phase('Pending').container('app', (c) => c.env('MODE', { configMap: 'app-config', key: 'MODE' }).waiting('CreateContainerConfigError', "couldn't find key MODE in ConfigMap default/app-config")).build()],
  },
  {
    name: 'volume-multi-attach',
    objects: [n1(), pod('db-0').ownedBy('StatefulSet', 'db').phase('Pending').container('db', (c) => c.image('postgres:16').waiting('ContainerCreating')).build(),
      podEvent('db-0', 'FailedAttachVolume', 'Multi-Attach error for volume "pvc-7a81d56f-1cf9-11eb-8295-b6961e0a47ed" Volume is already exclusively attached to one node and can\'t be attached to another').count(3).build(),
      podEvent('db-0', 'FailedMount', 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[data kube-api-access-x4rzc]: timed out waiting for the condition').count(9).build()],
  },
  { name: 'sandbox-cni', objects: [n1(), rs('web-7d9c5f-abcde').phase('Pending').container('app', (c) => c.waiting('ContainerCreating')).build(), podEvent('web-7d9c5f-abcde', 'FailedCreatePodSandBox', 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "0f31caad287b": plugin type="calico" failed (add): stat /var/lib/calico/nodename: no such file or directory: check that the calico/node container is running and has mounted /var/lib/calico/').count(14).build()] },
  {
    name: 'init-container-failure',
    objects: [n1(), rs('web-7d9c5f-abcde').phase('Pending').init('wait-db', (c) => c.image('busybox:1.36').waiting('CrashLoopBackOff').lastTerminated({ exitCode: 1, reason: 'Error' }).restarts(6)).container('app', (c) => c.waiting('PodInitializing')).build()],
  },
  { name: 'container-create-error', objects: [n1(), rs('web-7d9c5f-abcde').container('app', (c) => c.waiting('RunContainerError', 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/app/serve": stat /app/serve: no such file or directory: unknown').restarts(2)).build()] },
  {
    name: 'oom-killed',
    objects: [n1(), rs('api-7d9c5f-abcde').container('api', (c) => c.image('acme/api:3.1').limits({ memory: '512Mi', cpu: '1' }).requests({ memory: '256Mi', cpu: '200m' }).waiting('CrashLoopBackOff', 'back-off 5m0s restarting failed container=api').lastTerminated({ exitCode: 137, reason: 'OOMKilled', startedAt: at(-400), finishedAt: at(-330) }).restarts(9)).build()],
  },
  {
    name: 'system-oom-low-reserved',
    objects: [node('node-1').capacity({ memory: '16Gi' }).allocatable({ memory: '16284Mi' }).condition('MemoryPressure', 'True', 'KubeletHasInsufficientMemory', 'kubelet has insufficient memory available').build(),
      rs('cache-7d9c5f-abcde').container('redis', (c) => c.image('redis:7').waiting('CrashLoopBackOff').lastTerminated({ exitCode: 137, reason: 'OOMKilled', startedAt: at(-400), finishedAt: at(-330) }).restarts(4)).build(),
      nodeEvent('node-1', 'SystemOOM', 'System OOM encountered, victim process: redis-server, pid: 31337').first(at(-331)).last(at(-331)).build()],
  },
  {
    name: 'liveness-kills-slow-start',
    objects: [n1(), rs('web-7d9c5f-abcde').container('app', (c) => c.probe('liveness', { initialDelaySeconds: 5, periodSeconds: 5, failureThreshold: 3 }).waiting('CrashLoopBackOff').lastTerminated({ exitCode: 137, reason: 'Error', startedAt: at(-200), finishedAt: at(-175) }).restarts(6)).build(),
      podEvent('web-7d9c5f-abcde', 'Unhealthy', 'Liveness probe failed: Get "http://10.0.171.162:8080/healthz": dial tcp 10.0.171.162:8080: connect: connection refused').container('app').count(18).last(at(-180)).build(),
      podEvent('web-7d9c5f-abcde', 'Killing', 'Container app failed liveness probe, will be restarted').container('app').count(6).last(at(-178)).build()],
  },
  {
    name: 'startup-probe-failure',
    objects: [n1(), rs('web-7d9c5f-abcde').container('app', (c) => c.probe('startup', { periodSeconds: 10, failureThreshold: 6 }).waiting('CrashLoopBackOff').lastTerminated({ exitCode: 137, reason: 'Error', startedAt: at(-200), finishedAt: at(-135) }).restarts(3)).build(),
      podEvent('web-7d9c5f-abcde', 'Unhealthy', 'Startup probe failed: Get "http://10.42.0.181:8080/healthz": EOF').container('app').count(18).last(at(-140)).build(),
      podEvent('web-7d9c5f-abcde', 'Killing', 'Container app failed startup probe, will be restarted').container('app').count(3).last(at(-138)).build()],
  },
  {
    name: 'readiness-failure',
    objects: [n1(), rs('web-7d9c5f-abcde').container('app', (c) => c.probe('readiness', { httpGet: { path: '/ready', port: 8080 } }).running(at(-900), false)).build(),
      podEvent('web-7d9c5f-abcde', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503').container('app').count(88).build()],
  },
  { name: 'exited-with-error', objects: [n1(), rs('web-7d9c5f-abcde').container('app', (c) => c.waiting('CrashLoopBackOff').lastTerminated({ exitCode: 2, reason: 'Error' }).restarts(12)).build()] },
  { name: 'killed-by-signal', objects: [n1(), rs('web-7d9c5f-abcde').container('app', (c) => c.waiting('CrashLoopBackOff').lastTerminated({ exitCode: 139, reason: 'Error' }).restarts(3)).build()] },
  { name: 'completed-restarted', objects: [n1(), rs('web-7d9c5f-abcde').container('app', (c) => c.command('sh', '-c', 'nginx -g daemon on;').waiting('CrashLoopBackOff').lastTerminated({ exitCode: 0, reason: 'Completed' }).restarts(8)).build()] },
  { name: 'evicted', objects: [n1(), rs('web-7d9c5f-abcde').phase('Failed').reason('Evicted', 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 87608Ki. Container app was using 1536Mi, request is 256Mi, has larger consumption of memory. ').container('app', (c) => c.terminated({ exitCode: 137, reason: 'ContainerStatusUnknown' })).build()] },
  { name: 'node-admission-rejected', objects: [n1(), pod('static-web').phase('Failed').reason('OutOfcpu', "Node didn't have enough resource: cpu, requested: 500, used: 3800, capacity: 4000").container('app').build()] },
  {
    name: 'preempted',
    objects: [n1(), rs('batch-7d9c5f-abcde').deleting(at(-20)).condition('DisruptionTarget', 'True', 'PreemptionByScheduler', 'default-scheduler: preempting to accommodate a higher priority pod').container('app', (c) => c.running()).build(),
      podEvent('batch-7d9c5f-abcde', 'Preempted', 'Preempted by pod 3c1f5e9a-1b7e-4cfa-9d55-2f0c8a1d7e21 on node node-1').type('Normal').build()],
  },
  {
    // the runbook's Pending example: tikv-0's zonal disk is in cn-east-1b, where no node has room
    name: 'runbook-volume-zone',
    objects: [
      node('10.0.3.11').resources({ cpu: '8', memory: '32Gi', pods: '110' }).labels({ 'topology.kubernetes.io/zone': 'cn-east-1a' }).build(),
      node('10.0.3.12').resources({ cpu: '8', memory: '32Gi', pods: '110' }).labels({ 'topology.kubernetes.io/zone': 'cn-east-1b' }).build(),
      node('10.0.3.13').resources({ cpu: '8', memory: '32Gi', pods: '110' }).labels({ 'topology.kubernetes.io/zone': 'cn-east-1b' }).build(),
      node('10.0.3.14').resources({ cpu: '8', memory: '32Gi', pods: '110' }).labels({ 'topology.kubernetes.io/zone': 'cn-east-1b' }).build(),
      ...([['10.0.3.12', '6500m', '22Gi'], ['10.0.3.13', '6', '20Gi'], ['10.0.3.14', '3500m', '23Gi']] as const).map(([n, cpu, memory], i) =>
        pod(`tidb-${i}`).ns('tidb').ownedBy('StatefulSet', 'tidb').node(n).container('tidb', (c) => c.requests({ cpu, memory }).running()).build()),
      pvc('data-tikv-0', { volumeName: 'pv-3f2a', storageClassName: 'cbs' }, 'tidb'),
      pv('pv-3f2a', { labels: { 'topology.kubernetes.io/zone': 'cn-east-1b' }, claim: 'data-tikv-0', storageClassName: 'cbs' }),
      storageClass('cbs', 'com.tencent.cloud.csi.cbs', 'WaitForFirstConsumer'),
      pod('tikv-0').ns('tidb').ownedBy('StatefulSet', 'tikv').pending().claim('data', 'data-tikv-0').container('tikv', (c) => c.image('pingcap/tikv:v7.5.1').requests({ cpu: '4', memory: '16Gi' })).build(),
      { ...podEvent('tikv-0', 'FailedScheduling', '0/4 nodes are available: 1 node(s) had no available volume zone, 2 Insufficient cpu, 3 Insufficient memory.', 'tidb').count(106).first(at(-1980)).last(at(-180)).build(), source: { component: 'default-scheduler' } },
    ],
  },
  {
    name: 'taint-special',
    objects: [node('host1').taint('special', 'true', 'NoSchedule').build(), node('host2').taint('special', 'true', 'NoSchedule').build(), node('host3').taint('node-role.kubernetes.io/control-plane', undefined, 'NoSchedule').build(), rs('web-7d9c5f-abcde').pending().container('app').build()],
  },
  { name: 'node-selector-typo', objects: [node('a').labels({ disktype: 'hdd' }).build(), node('b').labels({ disktype: 'ssd' }).build(), rs('web-7d9c5f-abcde').pending().nodeSelector({ disktype: 'SSD' }).container('app').build()] },
  { name: 'unbound-pvc-no-class', objects: [n1(), pvc('data', {}), storageClass('manual', 'kubernetes.io/no-provisioner'), rs('web-7d9c5f-abcde').pending().claim('data', 'data').container('app').build()] },
  { name: 'scheduling-gated', objects: [n1(), rs('web-7d9c5f-abcde').pending().set('spec.schedulingGates', [{ name: 'kueue.x-k8s.io/admission' }]).condition('PodScheduled', 'False', 'SchedulingGated').container('app').build()] },
  { name: 'no-nodes', objects: [{ apiVersion: 'v1', kind: 'NodeList', items: [] }, rs('coredns-7d9c5f-abcde').ns('kube-system').pending().container('coredns').build(), { ...podEvent('coredns-7d9c5f-abcde', 'FailedScheduling', 'no nodes available to schedule pods', 'kube-system').build(), source: { component: 'default-scheduler' } }] },
  {
    name: 'anti-affinity-replicas',
    objects: [n1(), node('node-2').build(),
      ...[0, 1].map((i) => pod(`db-${i}`).ownedBy('StatefulSet', 'db').node(`node-${i + 1}`).labels({ app: 'db' }).set('spec.affinity', { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'db' } } }] } }).container('db', (c) => c.running()).build()),
      pod('db-2').ownedBy('StatefulSet', 'db').pending().labels({ app: 'db' }).set('spec.affinity', { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'db' } } }] } }).container('db').build()],
  },
  {
    name: 'node-lost-statefulset',
    objects: [
      (() => {
        const n = node('node-2').condition('Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.').build() as { spec: Record<string, unknown>; status: { conditions: Array<Record<string, unknown>> } };
        n.spec.taints = [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: at(-2400) }, { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: at(-2400) }];
        (n.status.conditions[0] as Record<string, unknown>).lastHeartbeatTime = at(-2460);
        return n;
      })(),
      { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'node-2', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'node-2', leaseDurationSeconds: 40, renewTime: at(-2460) } },
      pod('tikv-0').ns('tidb').ownedBy('StatefulSet', 'tikv').node('node-2').claim('data', 'data-tikv-0')
        .set('spec.tolerations', [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }, { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }])
        .deleting(at(-2070)).condition('Ready', 'False').container('tikv', (c) => c.image('pingcap/tikv:v7.5.1').running(at(-86400), false)).build(),
    ],
  },
  {
    name: 'finalizer-operator-down',
    objects: [n1(), pod('backup-7c9d').ns('acme').deleting(at(-7200)).set('metadata.finalizers', ['backup.acme.io/snapshot-protection']).phase('Succeeded').container('app', (c) => c.terminated({ exitCode: 0, reason: 'Completed' })).build(),
      pod('acme-backup-operator-5d9f-x2x7q').ns('acme-system').ownedBy('ReplicaSet', 'acme-backup-operator-5d9f', '5d9f').container('manager', (c) => c.waiting('CrashLoopBackOff').lastTerminated({ exitCode: 1, reason: 'Error' }).restarts(31)).build()],
  },
  {
    name: 'terminating-disk-full',
    objects: [node('node-1').condition('DiskPressure', 'True', 'KubeletHasDiskPressure', 'kubelet has disk pressure').build(), rs('apigateway-6dc48bf8b6-clcwk').deleting(at(-54000)).container('apigateway', (c) => c.running(at(-90000))).build(),
      podEvent('apigateway-6dc48bf8b6-clcwk', 'Killing', 'Killing container with id docker://apigateway:Need to kill Pod').type('Normal').count(735).first(at(-54000)).build(),
      podEvent('apigateway-6dc48bf8b6-clcwk', 'FailedKillPod', 'error killing pod: failed to "KillContainer" for "apigateway" with KillContainerError: "rpc error: code = Unknown desc = Error response from daemon: write /var/lib/docker/containers/54922ec8/54922ec8-json.log: no space left on device"').count(120).build()],
  },
  {
    name: 'terminating-immutable-file',
    objects: [n1(), rs('web-7d9c5f-abcde').deleting(at(-3600)).container('app', (c) => c.running(at(-90000))).build(),
      podEvent('web-7d9c5f-abcde', 'FailedKillPod', 'error killing pod: rpc error: code = Unknown desc = failed to remove container "19d837c77a3c": Error response from daemon: container 19d837c77a3c: driver "overlay2" failed to remove root filesystem: remove /data/docker/overlay2/b1aea29c590aa9abda79f7cf3976422073fb3652757f0391db88534027546868/diff/usr/bin/bash: operation not permitted').count(60).build()],
  },
  {
    name: 'terminating-mount-busy',
    objects: [n1(), rs('web-7d9c5f-abcde').deleting(at(-3600)).container('app', (c) => c.running(at(-90000))).build(),
      podEvent('web-7d9c5f-abcde', 'FailedKillPod', 'error killing pod: Error response from daemon: container b62c3796: driver "overlay2" failed to remove root filesystem: remove /data/docker/overlay2/8bde3ec18c5a6915f40dd8adc3b2f296c1e40cc1b2885db4aee0a627ff89ef59/merged: device or resource busy').count(20).build()],
  },
  {
    name: 'terminating-docker17-hang',
    objects: [(() => { const n = node('node-1').build() as { status: { nodeInfo: Record<string, string> } }; n.status.nodeInfo.containerRuntimeVersion = 'docker://17.3.2'; n.status.nodeInfo.kubeletVersion = 'v1.12.4'; return n; })(),
      rs('apigateway-6dc48bf8b6-clcwk').deleting(at(-3600)).container('apigateway', (c) => c.running(at(-90000))).build(),
      podEvent('apigateway-6dc48bf8b6-clcwk', 'FailedSync', 'error determining status: rpc error: code = DeadlineExceeded desc = context deadline exceeded').count(408).build()],
  },
  { name: 'terminating-graceful', objects: [n1(), rs('web-7d9c5f-abcde').deleting(at(20), 30).container('app', (c) => c.running()).build()] },
  {
    name: 'deployment-quota-exceeded',
    objects: [n1(),
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'allocation-manager', namespace: 'shop' }, spec: { replicas: 3 }, status: { replicas: 0, conditions: [{ type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable' }] } },
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'allocation-manager-6597bc46dc', namespace: 'shop', ownerReferences: [{ kind: 'Deployment', name: 'allocation-manager', controller: true }] }, spec: { replicas: 3 }, status: { replicas: 0, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'pods "allocation-manager-6597bc46dc-2wm8j" is forbidden: exceeded quota: namespace-quota, requested: limits.cpu=1,limits.memory=2Gi, used: limits.cpu=6,limits.memory=12Gi, limited: limits.cpu=6,limits.memory=12Gi' }] } },
      { ...podEvent('allocation-manager-6597bc46dc', 'FailedCreate', '(combined from similar events): Error creating: pods "allocation-manager-6597bc46dc-2wm8j" is forbidden: exceeded quota: namespace-quota, requested: limits.cpu=1,limits.memory=2Gi, used: limits.cpu=6,limits.memory=12Gi, limited: limits.cpu=6,limits.memory=12Gi', 'shop').count(23).build(), involvedObject: { kind: 'ReplicaSet', name: 'allocation-manager-6597bc46dc', namespace: 'shop' } },
      pod('other-app-1').ns('shop').container('app', (c) => c.running()).build()],
  },
  {
    name: 'job-retried-and-completed',
    objects: [n1(),
      { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate', namespace: 'default' }, status: { succeeded: 1, failed: 1, conditions: [{ type: 'Complete', status: 'True' }] } },
      pod('migrate-first').ownedBy('Job', 'migrate').phase('Failed').set('spec.restartPolicy', 'Never').container('migrate', (c) => c.terminated({ exitCode: 1, reason: 'Error' })).build(),
      pod('migrate-second').ownedBy('Job', 'migrate').phase('Succeeded').set('spec.restartPolicy', 'Never').container('migrate', (c) => c.terminated({ exitCode: 0, reason: 'Completed' })).build()],
  },
  {
    name: 'node-affinity-zone',
    objects: [node('a').labels({ 'topology.kubernetes.io/zone': 'eu-1a' }).build(), node('b').labels({ 'topology.kubernetes.io/zone': 'eu-1b' }).build(),
      rs('web-7d9c5f-abcde').pending().set('spec.affinity', { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['us-east-1a'] }] }] } } }).container('app').build()],
  },
  {
    name: 'pod-affinity-missing',
    objects: [n1(), rs('web-7d9c5f-abcde').pending().set('spec.affinity', { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'redis' } } }] } }).container('app').build()],
  },
  {
    name: 'topology-spread-full-zone',
    objects: [node('a').labels({ zone: 'z1' }).resources({ pods: '1' }).build(), node('b').labels({ zone: 'z2' }).build(),
      pod('other').node('a').container('c', (c) => c.running()).build(),
      ...[1, 2].map((i) => pod(`web-${i}`).node('b').labels({ app: 'web' }).container('c', (c) => c.running()).build()),
      rs('web-7d9c5f-abcde').pending().labels({ app: 'web' }).set('spec.topologySpreadConstraints', [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }]).container('app').build()],
  },
  { name: 'cordoned-nodes', objects: [node('worker-1').cordon().taint('node.kubernetes.io/unschedulable', undefined, 'NoSchedule').build(), node('worker-2').cordon().taint('node.kubernetes.io/unschedulable', undefined, 'NoSchedule').build(), rs('web-7d9c5f-abcde').pending().container('app').build()] },
  {
    name: 'host-port-taken',
    objects: [n1(), node('node-2').build(), ...[1, 2].map((i) => pod(`ingress-${i}`).node(`node-${i}`).container('nginx', (c) => c.hostPort(443).running()).build()), rs('ingress-7d9c5f-abcde').pending().container('nginx', (c) => c.hostPort(443)).build()],
  },
  { name: 'missing-pvc-statefulset', objects: [n1(), pvc('data-db-1', { volumeName: 'pv-1' }), pod('db-0').ownedBy('StatefulSet', 'db').pending().claim('data', 'data-db-0').container('db').build()] },
  {
    name: 'volume-limit-ebs',
    objects: [n1(), { apiVersion: 'storage.k8s.io/v1', kind: 'CSINode', metadata: { name: 'node-1' }, spec: { drivers: [{ name: 'ebs.csi.aws.com', nodeID: 'i-0abc', allocatable: { count: 2 } }] } },
      ...[1, 2, 3].flatMap((i) => [pvc(`vol-${i}`, { volumeName: `pv-${i}` }), pv(`pv-${i}`, { claim: `vol-${i}`, csi: { driver: 'ebs.csi.aws.com', handle: `vol-0${i}` } })]),
      ...[1, 2].map((i) => pod(`user-${i}`).node('node-1').claim('d', `vol-${i}`).container('c', (c) => c.running()).build()),
      rs('web-7d9c5f-abcde').pending().claim('d', 'vol-3').container('app').build()],
  },
  {
    name: 'known-scheduler-bug-1-5',
    objects: [node('node-1').resources({ cpu: '8', memory: '32Gi', pods: '110' }).kubelet('v1.5.2').build(), rs('web-7d9c5f-abcde').pending().container('app', (c) => c.requests({ cpu: '1' })).build(),
      { ...podEvent('web-7d9c5f-abcde', 'FailedScheduling', 'No nodes are available that match all of the following predicates:: Insufficient cpu (1).').count(40).build(), source: { component: 'default-scheduler' } }],
  },
  {
    name: 'preemption-pending',
    objects: [n1(), pod('batch-1').node('node-1').set('spec.priority', 0).deleting(at(20), 30).container('c', (c) => c.running()).build(),
      rs('critical-7d9c5f-abcde').pending().set('spec.priority', 1000000).set('status.nominatedNodeName', 'node-1').condition('PodScheduled', 'False', 'Unschedulable', '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.').container('app', (c) => c.requests({ cpu: '3' })).build(),
      pod('batch-2').node('node-1').set('spec.priority', 0).container('c', (c) => c.requests({ cpu: '2' }).running()).build()],
  },
  { name: 'node-not-found', objects: [n1(), pod('static-web').node('node-9').phase('Pending').container('app').build()] },
  {
    name: 'kubelet-1-8-missed-deletion',
    objects: [node('node-1').kubelet('v1.8.13').build(), rs('web-7d9c5f-abcde').deleting(at(-3600)).container('app', (c) => c.running(at(-90000))).build()],
  },
  {
    name: 'daemonset-1-11-loop',
    objects: [node('node-1').kubelet('v1.11.2').build(), { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default' }, spec: { updateStrategy: { type: 'RollingUpdate' } } },
      pod('agent-x7k2p').ownedBy('DaemonSet', 'agent').set('spec.affinity', { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'role', operator: 'In', values: ['edge'] }] }] } } }).deleting(at(10), 30).container('agent', (c) => c.running()).build()],
  },
  { name: 'slow-termination', objects: [n1(), pod('postgres-0').ownedBy('StatefulSet', 'postgres').deleting(at(420), 600).container('postgres', (c) => c.running()).build()] },
  {
    name: 'hostile-strings',
    objects: [n1(), rs('web-7d9c5f-abcde').container('app', (c) => c.waiting('CrashLoopBackOff', 'back-off \u001b[31mred\u001b[0m \u202egnp.exe').lastTerminated({ exitCode: 1, reason: 'Error', message: 'boom\u0007\u001b]0;pwned\u0007' }).restarts(1)).build()],
  },
];

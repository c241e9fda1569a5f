import { testAnalyzer } from '../../testing/analyzer-tester';
import { node, pod, podEvent } from '../../testing/builders';
import analyzer from './container-create-error';

testAnalyzer(analyzer, {
  valid: [
    { name: 'a container that exits with an application error is not a start failure', objects: [pod('web').container('app', (c) => c.waiting('CrashLoopBackOff').lastTerminated({ exitCode: 1, reason: 'Error' }).restarts(3)).build()] },
    { name: 'a missing ConfigMap is left to ConfigMissing', objects: [pod('web').phase('Pending').container('app', (c) => c.waiting('CreateContainerConfigError', 'configmap "x" not found')).build()] },
  ],
  invalid: [
    {
      name: 'a command missing from PATH names the binary',
      objects: [
        pod('web').container('app', (c) => c.waiting('RunContainerError', 'failed to start container: exec: "storageos": executable file not found in $PATH: unknown')).build(),
        podEvent('web', 'Failed', 'Error: failed to start container "app": Error response from daemon: OCI runtime create failed: container_linux.go:345: starting container process caused "exec: \\"storageos\\": executable file not found in $PATH": unknown').container('app').build(),
      ],
      findings: [{ messageId: 'notInPath', data: { binary: 'storageos', cause: 'notInPath' }, messageIncludes: ['Container app cannot start'], evidence: [{ path: 'status.containerStatuses[0].state.waiting' }, { observed: expect.stringContaining('Failed: Error: failed to start') as unknown as string }] }],
    },
    {
      name: 'a ContainerCannotRun last state of a crash-looping init container is a start failure worded for the init container',
      objects: [
        pod('web')
          .phase('Pending')
          .init('install', (c) => c.waiting('CrashLoopBackOff').lastTerminated({ exitCode: 128, reason: 'StartError', message: 'exec: "wge": executable file not found in $PATH' }))
          .container('app', (c) => c.waiting('PodInitializing'))
          .build(),
      ],
      findings: [{ messageId: 'notInPath', data: { binary: 'wge' }, messageIncludes: ['Init container install'], evidence: [{ path: 'status.initContainerStatuses[0].lastState.terminated' }], remedyIncludes: ['.spec.initContainers[?(@.name=="install")].command'] }],
    },
    {
      name: 'an exec format error points at the node architecture',
      objects: [pod('web').container('app', (c) => c.waiting('CreateContainerError', 'exec /app/server: exec format error')).build(), node('node-1').build()],
      findings: [{ messageId: 'execFormat', remedyIncludes: ['amd64'] }],
    },
    {
      name: 'a container name still reserved by an earlier attempt points at a slow runtime',
      objects: [pod('web').container('app', (c) => c.waiting('CreateContainerError', 'failed to reserve container name "app_web_default_uid_0": name "app_web_default_uid_0" is reserved for "8a2f"')).build()],
      findings: [{ messageId: 'nameReserved', remedyIncludes: ['journalctl -u containerd'] }],
    },
    {
      name: 'runAsNonRoot against a root image gives the securityContext patch',
      objects: [pod('web').container('app', (c) => c.waiting('CreateContainerConfigError', 'container has runAsNonRoot and image will run as root (pod: "web_default(uid)", container: app)')).build()],
      findings: [{ messageId: 'runAsRoot', remedyIncludes: ['runAsUser: 10001'] }],
    },
  ],
});

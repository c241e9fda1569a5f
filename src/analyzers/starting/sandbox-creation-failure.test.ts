import { testAnalyzer } from '../../testing/analyzer-tester';
import { pod, podEvent } from '../../testing/builders';
import analyzer from './sandbox-creation-failure';

const creating = () => pod('web').phase('Pending').container('app', (c) => c.waiting('ContainerCreating')).build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'a running pod with an old sandbox error is fine', objects: [pod('web').container('app', (c) => c.running()).build(), podEvent('web', 'FailedCreatePodSandBox', 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "abc": plugin type="calico" failed (add): connection is unauthorized: Unauthorized').build()] },
    { name: 'a pod creating its containers with no sandbox events has no sandbox problem', objects: [creating()] },
  ],
  invalid: [
    {
      name: 'a calico failure is a CNI problem naming the plugin',
      objects: [creating(), podEvent('web', 'FailedCreatePodSandBox', 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "cb8a846b": plugin type="calico" failed (add): connection is unauthorized: Unauthorized').count(7).build()],
      findings: [{ messageId: 'network', data: { plugin: 'calico', cause: 'network', occurrences: 7, node: 'node-1' }, remedyIncludes: ['--field-selector spec.nodeName=node-1'] }],
    },
    {
      name: 'a reserved sandbox name means a slow runtime',
      objects: [creating(), podEvent('web', 'FailedCreatePodSandBox', 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to reserve sandbox name "web_default_uid_0": name "web_default_uid_0" is reserved for "ee394b2"').build()],
      findings: [{ messageId: 'nameReserved', data: { cause: 'nameReserved' }, remedyIncludes: ['journalctl -u containerd'] }],
    },
    {
      name: 'a runtime deadline is a timeout',
      objects: [creating(), podEvent('web', 'FailedCreatePodSandBox', 'Failed create pod sandbox: rpc error: code = DeadlineExceeded desc = context deadline exceeded').build()],
      findings: [{ messageId: 'timeout' }],
    },
  ],
});

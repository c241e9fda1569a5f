import { testAnalyzer } from '../../testing/analyzer-tester';
import { at, pod, podEvent } from '../../testing/builders';
import analyzer from './readiness-probe-failure';

const notReady = () => pod('web').container('app', (c) => c.probe('readiness', { httpGet: { path: '/ready', port: 9000 } }).running(at(-600), false)).build();

testAnalyzer(analyzer, {
  valid: [
    { name: 'a ready container is fine despite old readiness failures', objects: [pod('web').container('app', (c) => c.probe('readiness').running()).build(), podEvent('web', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503').container('app').build()] },
    { name: 'a not-ready container without a readiness probe is not a probe failure', objects: [pod('web').container('app', (c) => c.running(at(-600), false)).build()] },
    { name: 'a terminating pod is not reported for readiness', objects: [pod('web').deleting(at(-10)).container('app', (c) => c.probe('readiness').running(at(-600), false)).build()] },
  ],
  invalid: [
    {
      name: 'refused connections on the readiness port are explained',
      objects: [notReady(), podEvent('web', 'Unhealthy', 'Readiness probe failed: Get http://10.1.0.120:9000/ping: dial tcp 10.1.0.120:9000: connect: connection refused').container('app').count(40).build()],
      findings: [{ messageId: 'failing', data: { failureKind: 'refused', failures: 40, target: 'HTTP GET /ready on port 9000' }, evidence: [{ path: 'status.containerStatuses[0].ready', observed: 'false (running)' }] }],
    },
    {
      name: 'failures from before the container started do not count, and the finding says events are gone',
      objects: [notReady(), podEvent('web', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 500').container('app').last(at(-4000)).build()],
      findings: [{ messageId: 'noEvents', data: { failureKind: 'unknown' } }],
    },
  ],
});

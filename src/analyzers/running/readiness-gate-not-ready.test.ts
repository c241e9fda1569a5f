import { pod } from '../../testing/builders';
import { testAnalyzer } from '../../testing/analyzer-tester';
import analyzer from './readiness-gate-not-ready';

const gated = (gateStatus?: string) => {
  const b = pod('p').set('spec.readinessGates', [{ conditionType: 'mysql.oracle.com/ready' }]).condition('ContainersReady', 'True').condition('Ready', 'False', 'ReadinessGatesNotReady', 'corresponding condition of pod readiness gate "mysql.oracle.com/ready" does not exist.');
  return (gateStatus ? b.condition('mysql.oracle.com/ready', gateStatus) : b).container('mysql', (c) => c.running()).build();
};

testAnalyzer(analyzer, {
  valid: [
    { name: 'a ready pod with satisfied gates', objects: [pod('p').set('spec.readinessGates', [{ conditionType: 'x.io/ok' }]).condition('x.io/ok', 'True').container('app', (c) => c.running()).build()] },
    { name: 'a pod not ready because of its containers is a probe matter', objects: [pod('p').condition('ContainersReady', 'False').condition('Ready', 'False', 'ContainersNotReady').container('app', (c) => c.running(undefined, false)).build()] },
  ],
  invalid: [
    {
      name: 'a missing gate condition of the MySQL operator',
      objects: [gated()],
      findings: [{ messageId: 'gate', data: { gate: 'mysql.oracle.com/ready', state: 'missing', owner: 'mysql.oracle.com' }, evidence: [{ path: 'status.conditions[Ready]' }] }],
    },
    {
      name: 'a gate condition that is False',
      objects: [gated('False')],
      findings: [{ messageId: 'gate', data: { state: '"False"' }, evidence: [{ path: 'status.conditions[mysql.oracle.com/ready]', observed: 'False' }] }],
    },
  ],
});

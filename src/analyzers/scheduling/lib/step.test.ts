// The shared step of the scheduling analyzers: which input a filter analyzer gets (the message without nodes,
// the verdicts when every node rejects the pod, nothing otherwise), and findings lowered while preemption waits.
import { snapshotOf } from '../../../testing/analyzer-tester';
import { at, node, pod, podEvent } from '../../../testing/builders';
import { podContext } from '../../context';
import type { RawFinding } from '../../types';
import { filterStep, schedulingStep } from './step';

const finding = (from: string): RawFinding<'x'> => ({ messageId: 'x', data: { from }, evidence: [], remedies: [] });
const probe = filterStep<'x'>({ fromMessage: () => [finding('message')], fromVerdicts: (_ctx, sim) => [finding(`verdicts of ${sim.nodeCount}`)] });

function run(analyze: typeof probe, objects: unknown[]) {
  const snap = snapshotOf({ name: 'x', objects });
  const target = snap.pods.find((p) => p.metadata.name === 'p');
  if (!target) throw new Error('no pod');
  return analyze(podContext(target, snap)).map((f) => ({ from: f.data.from, severity: f.severity }));
}

const small = (name: string) => node(name).resources({ cpu: '2', memory: '4Gi', pods: '110' }).build();
const big = () => pod('p').pending().container('app', (c) => c.requests({ cpu: '4' }));
const victim = () => pod('victim').node('a').deleting(at(-20)).container('c', (c) => c.running()).build();

describe('filterStep', () => {
  test('without nodes in the snapshot a filter analyzer reads the scheduler message', () => {
    expect(run(probe, [big().build(), podEvent('p', 'FailedScheduling', '0/2 nodes are available: 2 Insufficient cpu.').build()])).toEqual([{ from: 'message', severity: undefined }]);
  });

  test('when every node rejects the pod a filter analyzer reads the verdicts', () => {
    expect(run(probe, [small('a'), small('b'), big().build()])).toEqual([{ from: 'verdicts of 2', severity: undefined }]);
  });

  test('a pod that fits somewhere, or is bound, gives a filter analyzer nothing to read', () => {
    expect(run(probe, [node('a').resources({ cpu: '8', memory: '4Gi', pods: '110' }).build(), big().build()])).toEqual([]);
    expect(run(probe, [small('a'), pod('p').node('a').container('app', (c) => c.running()).build()])).toEqual([]);
  });

  test('a filter analyzer that does not apply to the pod is not asked', () => {
    expect(run(filterStep<'x'>({ applies: () => false, fromMessage: () => [finding('message')], fromVerdicts: () => [finding('verdicts')] }), [small('a'), big().build()])).toEqual([]);
  });
});

describe('schedulingStep', () => {
  test('while preemption waits for its victims the findings are info, the past rather than the cause', () => {
    expect(run(probe, [small('a'), victim(), big().set('status.nominatedNodeName', 'a').build()])).toEqual([{ from: 'verdicts of 1', severity: 'info' }]);
  });

  test('a nomination whose victims are gone leaves the findings as they are', () => {
    const step = schedulingStep<'x'>((_ctx, view) => [finding(view.preemption?.node ?? 'none')]);
    expect(run(step, [small('a'), big().set('status.nominatedNodeName', 'a').build()])).toEqual([{ from: 'a', severity: undefined }]);
  });
});

// The per-pod scheduling view: computed once, the scheduler's message chosen and parsed once, compared with the
// simulation, a disagreement explained, and preemption in progress told apart from a nomination without victims.
import { podEvents } from '../analyzers/context';
import { snapshotOf } from '../testing/analyzer-tester';
import { at, node, pod, podEvent } from '../testing/builders';
import { schedulingView } from './view';

function viewOf(objects: unknown[], podName = 'p') {
  const snap = snapshotOf({ name: 'x', objects });
  const target = snap.pods.find((p) => p.metadata.name === podName);
  if (!target) throw new Error('no pod');
  return schedulingView(target, snap, podEvents(target, snap));
}

const small = (name: string) => node(name).resources({ cpu: '2', memory: '4Gi', pods: '110' }).build();
const big = () => pod('p').pending().container('app', (c) => c.requests({ cpu: '4' }));

describe('schedulingView', () => {
  test('a running pod is not unscheduled and nothing is simulated for it', () => {
    const v = viewOf([small('a'), pod('p').node('a').container('app', (c) => c.running()).build()]);
    expect(v).toEqual({ unscheduled: false, preempting: false });
  });

  test('a message that matches the simulation agrees, and both histograms are kept', () => {
    const v = viewOf([small('a'), small('b'), big().build(), podEvent('p', 'FailedScheduling', '0/2 nodes are available: 2 Insufficient cpu.').build()]);
    expect(v.sim?.message).toBe('0/2 nodes are available: 2 Insufficient cpu.');
    expect(v.filterRejection).toBe(v.sim);
    expect(v.said?.histogram).toEqual(new Map([['insufficient:cpu', 2]]));
    expect(v.agrees).toBe(true);
    expect(v.disagreement).toBeUndefined();
  });

  test('a message counting other nodes disagrees and says that nodes joined or left', () => {
    const v = viewOf([small('a'), big().build(), podEvent('p', 'FailedScheduling', '0/3 nodes are available: 3 Insufficient cpu.').build()]);
    expect(v.agrees).toBe(false);
    expect(v.disagreement).toContain('the scheduler saw 3 nodes and the snapshot has 1');
  });

  test('the untruncated PodScheduled condition is preferred over a truncated event of the same time', () => {
    const message = '0/1 nodes are available: 1 Insufficient cpu.';
    const v = viewOf([
      small('a'),
      big().condition('PodScheduled', 'False', 'Unschedulable', message).set('status.conditions.0.lastTransitionTime', at(-30)).build(),
      podEvent('p', 'FailedScheduling', '0/1 nodes are available: 1 Insuff ...').build(),
    ]);
    expect(v.said).toMatchObject({ source: 'condition', message });
    expect(v.agrees).toBe(true);
  });

  test('a pod the filters let onto a node has a simulation but no filter rejection', () => {
    const v = viewOf([node('a').resources({ cpu: '8', memory: '4Gi', pods: '110' }).build(), big().build()]);
    expect(v.sim?.fits).toEqual(['a']);
    expect(v.filterRejection).toBeUndefined();
  });

  test('a gated pod is not simulated: the scheduler does not look at it yet', () => {
    const v = viewOf([small('a'), big().set('spec.schedulingGates', [{ name: 'kueue' }]).build()]);
    expect(v.unscheduled).toBe(true);
    expect(v.sim).toBeUndefined();
  });

  test('a nomination whose victims are still being deleted is preemption in progress', () => {
    const v = viewOf([small('a'), pod('victim').node('a').deleting(at(-20)).container('c', (c) => c.running()).build(), big().set('status.nominatedNodeName', 'a').build()]);
    expect(v.preemption).toEqual({ node: 'a', victims: ['default/victim'] });
    expect(v.preempting).toBe(true);
  });

  test('a nomination whose victims are gone is not preemption in progress', () => {
    const v = viewOf([small('a'), big().set('status.nominatedNodeName', 'a').build()]);
    expect(v.preemption).toEqual({ node: 'a', victims: [] });
    expect(v.preempting).toBe(false);
  });
});

// The causal order is one list and the explains relation is acyclic data; the engine folds explained findings.
import { foldExplained, type Ranked } from './engine';
import { explanations, order, orderIndex } from './order';
import { analyzers } from './registry';
import type { Finding } from './types';

const ids = new Set(analyzers.map((a) => a.id));

const finding = (id: string, data: Finding['data'] = {}, severity: Finding['severity'] = 'error'): Ranked => ({
  rank: Number.MAX_SAFE_INTEGER,
  finding: { id, severity, message: `${id} message`, data, evidence: [{ ref: `Pod/default/p`, observed: `${id} evidence` }], remedies: [], confidence: 'certain' },
});

describe('causal order', () => {
  test('every pod finding has exactly one place in the order', () => {
    const listed = order.flat();
    expect(new Set(listed).size).toBe(listed.length);
    expect([...ids].filter((id) => !orderIndex.has(id))).toEqual([]);
    expect(listed.filter((id) => !ids.has(id))).toEqual([]);
  });

  test('explanations name only known findings, never themselves, and have no cycles', () => {
    const edges = new Map<string, Set<string>>();
    for (const x of explanations) {
      for (const e of [...x.explainers, ...x.explained]) expect(ids.has(e) ? e : `unknown ${e}`).toBe(e);
      for (const e of x.explainers) for (const f of x.explained) {
        expect(e).not.toBe(f);
        edges.set(e, (edges.get(e) ?? new Set()).add(f));
      }
    }
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (id: string, path: string[]): void => {
      if (done.has(id)) return;
      if (visiting.has(id)) throw new Error(`cycle: ${[...path, id].join(' -> ')}`);
      visiting.add(id);
      for (const n of edges.get(id) ?? []) visit(n, [...path, id]);
      visiting.delete(id);
      done.add(id);
    };
    for (const id of edges.keys()) visit(id, []);
  });
});

describe('folding explained findings', () => {
  test('an eviction explains the SIGKILL of its containers: one finding, the kill in its evidence', () => {
    const kept = foldExplained([finding('ContainerKilledBySignal', { container: 'app' }), finding('Evicted', {}, 'warning')]);
    expect(kept.map((r) => r.finding.id)).toEqual(['Evicted']);
    expect(kept[0]?.finding.evidence).toContainEqual({ ref: 'Finding/ContainerKilledBySignal', observed: 'ContainerKilledBySignal message' });
    expect(kept[0]?.finding.evidence).toContainEqual({ ref: 'Pod/default/p', observed: 'ContainerKilledBySignal evidence' });
  });

  test('a cordon explains its mirror taint but not another taint', () => {
    const kept = foldExplained([
      finding('UntoleratedTaint', { key: 'node.kubernetes.io/unschedulable' }),
      finding('UntoleratedTaint', { key: 'gpu' }),
      finding('NodeUnschedulable'),
    ]);
    expect(kept.map((r) => `${r.finding.id}:${String(r.finding.data.key ?? '')}`)).toEqual(['UntoleratedTaint:gpu', 'NodeUnschedulable:']);
  });

  test('an OOM kill explains only its own container', () => {
    const kept = foldExplained([finding('OOMKilled', { container: 'app' }), finding('ContainerKilledBySignal', { container: 'app' }), finding('ContainerKilledBySignal', { container: 'sidecar' })]);
    expect(kept.map((r) => `${r.finding.id}:${String(r.finding.data.container)}`)).toEqual(['OOMKilled:app', 'ContainerKilledBySignal:sidecar']);
  });

  test('the catch-all TerminationStuck never stands next to a specific cause, and a chain carries evidence to its root', () => {
    const kept = foldExplained([finding('TerminationStuck'), finding('ContainerRuntimeHung'), finding('KnownRuntimeBug')]);
    expect(kept.map((r) => r.finding.id)).toEqual(['KnownRuntimeBug']);
    expect(kept[0]?.finding.evidence.map((e) => e.ref)).toEqual(expect.arrayContaining(['Finding/ContainerRuntimeHung', 'Finding/TerminationStuck']));
  });

  test('unrelated findings are all kept', () => {
    const kept = foldExplained([finding('ConfigMissing'), finding('LowSystemReserved', {}, 'warning')]);
    expect(kept.map((r) => r.finding.id)).toEqual(['ConfigMissing', 'LowSystemReserved']);
  });
});

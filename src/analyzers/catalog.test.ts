// The catalog stays whole: every analyzer file is registered, documented, tested, and has remedies when it warns.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { catalog as analyzers } from './registry';

const ROOT = __dirname;
const AREAS = ['evicted', 'running', 'starting', 'scheduling', 'terminating', 'workloads'];
const kebab = (id: string): string => id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/OOM/g, 'Oom').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

function analyzerFiles(): string[] {
  return AREAS.filter((a) => existsSync(path.join(ROOT, a))).flatMap((area) =>
    readdirSync(path.join(ROOT, area))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .filter((f) => /export default (defineAnalyzer|defineWorkloadAnalyzer|restartProbeAnalyzer)/.test(readFileSync(path.join(ROOT, area, f), 'utf8')))
      .map((f) => `${area}/${f.replace(/\.ts$/, '')}`),
  );
}

describe('analyzer catalog', () => {
  test('the registry is sorted by ID and has no duplicates', () => {
    const ids = analyzers.map((a) => a.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every analyzer file is registered', () => {
    expect(analyzerFiles().length).toBe(analyzers.length);
  });

  test.each(analyzers.map((a) => [a.id, a] as const))('%s is documented, tested and well-formed', (id, a) => {
    const file = analyzerFiles().find((f) => f.endsWith(`/${kebab(id)}`));
    expect(file).toBeDefined();
    expect(existsSync(path.join(ROOT, `${file}.test.ts`))).toBe(true);
    for (const text of [a.docs.title, a.docs.summary, a.docs.detection, a.docs.remedy]) expect(text.length).toBeGreaterThan(20);
    expect(Object.keys(a.messages).length).toBeGreaterThan(0);
    for (const template of Object.values(a.messages)) expect(template as string).not.toMatch(/\{\{\s*\}\}/);
    expect(a.id).toMatch(/^[A-Z][A-Za-z]+$/);
    const test = readFileSync(path.join(ROOT, `${file}.test.ts`), 'utf8');
    expect((test.match(/name: ['"]/g) ?? []).length).toBeGreaterThanOrEqual(4);
  });

  test('the architecture catalog IDs delivered so far are all present', () => {
    const delivered = ['ImagePullFailure', 'InvalidImageName', 'ConfigMissing', 'VolumeMountFailure', 'SandboxCreationFailure', 'InitContainerFailure', 'ContainerCreateError', 'OOMKilled', 'SystemOOM', 'LowSystemReserved', 'LivenessProbeFailure', 'StartupProbeFailure', 'ReadinessProbeFailure', 'ContainerExitedWithError', 'ContainerKilledBySignal', 'ContainerCompletedButRestarted', 'Evicted', 'NodeAdmissionRejected', 'Preempted'];
    expect(analyzers.map((a) => a.id)).toEqual(expect.arrayContaining(delivered));
  });
});

// The catalog stays whole: the finding files' default exports and the registry are the same set, each entry is
// documented and tested, and the README's findings table lists exactly the registry's IDs by area.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { catalog as analyzers } from './registry';

const ROOT = __dirname;
const AREAS = ['evicted', 'running', 'starting', 'scheduling', 'terminating', 'workloads'];
const kebab = (id: string): string => id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/OOM/g, 'Oom').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

/** The finding files: every module at the top of an area folder (helpers live in <area>/lib/ or analyzers/shared/). */
function findingFiles(): string[] {
  return AREAS.filter((a) => existsSync(path.join(ROOT, a))).flatMap((area) =>
    readdirSync(path.join(ROOT, area), { withFileTypes: true })
      .filter((e) => e.isFile() && /^[a-z0-9-]+\.ts$/.test(e.name))
      .map((e) => `${area}/${e.name.replace(/\.ts$/, '')}`),
  );
}

/** What each finding file exports by default: the catalog entry it defines (loaded, not grepped). */
const defined = new Map(findingFiles().map((f) => [f, jest.requireActual<{ default?: { id?: unknown; area?: unknown } }>(`./${f}`).default] as const));

describe('analyzer catalog', () => {
  test('the registry is sorted by ID and has no duplicates', () => {
    const ids = analyzers.map((a) => a.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every finding file defines one catalog entry, and the registry holds exactly those', () => {
    // file and ID pairs both ways: a file the registry forgot, an entry without a file, a file named after another ID
    expect([...defined].map(([file, a]) => `${file} ${String(a?.id)}`).sort()).toEqual(analyzers.map((a) => `${a.area}/${kebab(a.id)} ${a.id}`).sort());
    for (const a of analyzers) expect(defined.get(`${a.area}/${kebab(a.id)}`)).toBe(a);
  });

  test.each(analyzers.map((a) => [a.id, a] as const))('%s is documented, tested and well-formed', (id, a) => {
    const file = `${a.area}/${kebab(id)}`;
    expect(defined.has(file)).toBe(true);
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

  test("the README's findings table lists exactly the registry's IDs, by area", () => {
    const README_AREA: Record<string, string> = { Scheduling: 'scheduling', Starting: 'starting', 'Running and restarting': 'running', 'Evicted and rejected': 'evicted', 'Terminating and Unknown': 'terminating', 'Workloads without pods': 'workloads' };
    const readme = readFileSync(path.join(ROOT, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Findings'), readme.indexOf('\n## ', readme.indexOf('## Findings') + 1));
    const rows = [...section.matchAll(/^\| ([^|]+?) \| ([A-Za-z, ]+) \|$/gm)].filter((m) => m[1] !== 'area');
    const listed = rows.flatMap((m) => (m[2] as string).split(',').map((id) => `${README_AREA[m[1] as string] ?? `unknown area "${m[1]}"`} ${id.trim()}`));
    expect(listed.sort()).toEqual(analyzers.map((a) => `${a.area} ${a.id}`).sort());
  });
});

// krew-manifest.yaml follows krew's validation rules (krew's pkg/index/validation and krew-index review practice).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { load } from 'js-yaml';

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: {
    version: string;
    homepage: string;
    shortDescription: string;
    description: string;
    caveats?: string;
    platforms: Array<{ selector: { matchLabels: Record<string, string> }; uri: string; sha256: unknown; bin: string }>;
  };
}

const ROOT = path.resolve(__dirname, '..');
const manifest = load(readFileSync(path.join(ROOT, 'krew-manifest.yaml'), 'utf8')) as Manifest;
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('krew manifest', () => {
  test('identity', () => {
    expect(manifest.apiVersion).toBe('krew.googlecontainertools.github.com/v1alpha2');
    expect(manifest.kind).toBe('Plugin');
    expect(manifest.metadata.name).toMatch(/^[\w-]+$/);
    expect(manifest.metadata.name).toBe('podwhy');
  });

  test('version is a v-prefixed full semver equal to package.json', () => {
    expect(manifest.spec.version).toMatch(/^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
    expect(manifest.spec.version).toBe(`v${pkg.version}`);
  });

  test('descriptions follow krew-index review rules', () => {
    const short = manifest.spec.shortDescription;
    expect(short.length).toBeLessThanOrEqual(50);
    expect(short).not.toMatch(/\n/);
    expect(short).not.toMatch(/kubectl|plugin|kubernetes/i);
    for (const line of manifest.spec.description.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(manifest.spec.description).not.toMatch(/kubectl podwhy /);
    expect(manifest.spec.caveats).toBeUndefined();
    expect(manifest.spec.homepage).toMatch(/^https:\/\//);
  });

  test('platforms are unique os/arch pairs with archives, quoted sha256 and the binary name', () => {
    const pairs = new Set<string>();
    for (const p of manifest.spec.platforms) {
      expect(Object.keys(p.selector.matchLabels).sort()).toEqual(['arch', 'os']);
      const pair = `${p.selector.matchLabels.os}/${p.selector.matchLabels.arch}`;
      expect(pairs.has(pair)).toBe(false);
      pairs.add(pair);
      expect(p.uri).toMatch(/^https:\/\/.+\.(tar\.gz|zip)$/);
      expect(typeof p.sha256).toBe('string');
      expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(p.bin).toBe(p.selector.matchLabels.os === 'windows' ? 'kubectl-podwhy.exe' : 'kubectl-podwhy');
    }
  });

  test('the release template produces the same manifest shape', () => {
    const template = readFileSync(path.join(ROOT, 'plugin', 'krew-manifest.template.yaml'), 'utf8');
    const filled = template.replace(/\{\{VERSION\}\}/g, pkg.version).replace('{{SHA256_LINUX_AMD64}}', 'a'.repeat(64));
    expect((load(filled) as Manifest).spec.shortDescription).toBe(manifest.spec.shortDescription);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { complete } from './complete';

const env = { KUBECTL: '/nonexistent/kubectl', PATH: '' };

describe('completion protocol', () => {
  test('finding IDs after explain, filtered by prefix, no file completion', async () => {
    expect(await complete(['explain', 'OOM'], env)).toBe('OOMKilled\tThe container used more memory than its limit\n:4\n');
  });
  test('output formats after -o', async () => {
    expect(await complete(['-o', 'y'], env)).toBe('yaml\toutput format\n:4\n');
  });
  test('flags for a dash', async () => {
    expect(await complete(['--kube'], env)).toBe('--kubeconfig\tkubeconfig file\n:4\n');
  });
  test('files after -f (directive 0), and no crash without kubectl', async () => {
    expect(await complete(['-f', ''], env)).toBe(':0\n');
    expect(await complete([''], env)).toBe('explain\texplain a finding ID\nsnapshot\tcapture a snapshot for offline analysis\n:4\n');
  });
});

describe('completion from a hostile API server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podwhy-complete-'));
  const kubectl = join(dir, 'kubectl');
  // names no API server may hold: a tab (forges a description), a newline (forges a candidate), escapes, bidi, a flag
  writeFileSync(kubectl, `#!/bin/sh\nprintf 'web-0\\nevil\\tfake description\\n:0\\n\\033]0;title\\007\\nbidi\\342\\200\\256txt\\n--kubeconfig=/tmp/x\\nweb-1\\n'\n`, { mode: 0o755 });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('only valid names become candidates, one a line, with no control or bidi character', async () => {
    expect(await complete(['web'], { KUBECTL: kubectl, PATH: '/usr/bin:/bin' })).toBe('web-0\tpod\nweb-1\tpod\n:4\n');
  });
  test('contexts with whitespace, controls or bidi characters, or that would read as a flag or a directive, are left out', async () => {
    expect(await complete(['--context', ''], { KUBECTL: kubectl, PATH: '/usr/bin:/bin' })).toBe('web-0\tcontext\nweb-1\tcontext\n:4\n');
  });
});

// Test helpers shared by krew.test.ts (small archives, in make test) and release.test.ts (the real release).
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { sha256Hex, tarGz, zip, type ArchiveEntry } from './archive';
import { archiveName, krewInstall, renderManifest, type ReleasedPlatform } from './krew';

export const ROOT = path.resolve(__dirname, '..', '..');
export const TEMPLATE = readFileSync(path.join(ROOT, 'plugin', 'krew-manifest.template.yaml'), 'utf8');
export const LICENSE = readFileSync(path.join(ROOT, 'LICENSE'));
export const BASE = 'https://github.com/podwhy/kubectl-podwhy/releases/download';
export const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p)) ?? (spawnSync('sh', ['-c', 'command -v kubectl']).stdout?.toString().trim() || undefined);

/** a release of small stand-in binaries, or of the given linux/amd64 binary, with its manifest */
export function smallRelease(version: string, linuxBinary: Buffer): { manifest: string; archives: Map<string, Buffer>; platforms: ReleasedPlatform[] } {
  const archives = new Map<string, Buffer>();
  const platforms: ReleasedPlatform[] = [];
  for (const platform of ['linux/amd64', 'darwin/arm64', 'windows/amd64']) {
    const bin = platform.startsWith('windows/') ? 'kubectl-podwhy.exe' : 'kubectl-podwhy';
    const data = platform === 'linux/amd64' ? linuxBinary : Buffer.from(`stand-in for ${platform}\n`);
    const entries: ArchiveEntry[] = [
      { name: bin, data, mode: 0o755 },
      { name: 'LICENSE', data: LICENSE, mode: 0o644 },
    ];
    const name = archiveName(version, platform);
    const archive = platform.startsWith('windows/') ? zip(entries, 1700000000) : tarGz(entries, 1700000000);
    archives.set(name, archive);
    platforms.push({ platform, uri: `${BASE}/${version}/${name}`, sha256: sha256Hex(archive), bin });
  }
  return { manifest: renderManifest(TEMPLATE, version, platforms), archives, platforms };
}

/**
 * krew-like install of a linux/amd64 archive and the real kubectl finding it on PATH. `tools` are the executables
 * the binary needs on PATH besides kubectl (node for the JS bundle); the PATH holds nothing else.
 */
export function installAndRun(manifest: string, archive: Buffer, expectVersion: string, extraTools: Record<string, string> = {}): void {
  if (!KUBECTL) throw new Error('no kubectl');
  const dir = mkdtempSync(path.join(tmpdir(), 'podwhy-krew-'));
  try {
    const root = path.join(dir, 'krew');
    const link = krewInstall(root, manifest, 'linux/amd64', archive);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(statSync(link).mode & 0o111).toBe(0o111);
    // PATH: krew's bin, a directory holding only kubectl (and what the binary needs), nothing else
    const tools = path.join(dir, 'tools');
    mkdirSync(tools);
    for (const [name, target] of Object.entries({ kubectl: KUBECTL, sh: '/bin/sh', ...extraTools })) symlinkSync(target, path.join(tools, name));
    const home = path.join(dir, 'home');
    mkdirSync(home);
    const kubeconfig = path.join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n');
    const env = { PATH: [path.join(root, 'bin'), tools].join(':'), HOME: home, KUBECONFIG: kubeconfig, KUBECACHEDIR: path.join(dir, 'cache'), NO_COLOR: '1' };
    const kubectl = (args: string[]) => {
      const r = spawnSync('kubectl', args, { env, encoding: 'utf8', timeout: 60_000 });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    expect(kubectl(['podwhy', '--version'])).toEqual({ code: 0, stdout: `kubectl-podwhy ${expectVersion}\n`, stderr: '' });
    const snapshot = path.join(ROOT, 'testdata', 'scenarios', 'oom-killed.yaml');
    const diag = kubectl(['podwhy', 'api-7d9c5f-abcde', '-f', snapshot]);
    expect(diag.code).toBe(1); // error-level finding: kubectl passes the plugin's exit code through
    expect(diag.stderr).toBe('');
    expect(diag.stdout).toMatch(/^default\/api-7d9c5f-abcde {2}CrashLoopBackOff/);
    expect(diag.stdout).toContain('[OOMKilled]');
    const json = kubectl(['podwhy', 'api-7d9c5f-abcde', '-f', snapshot, '-o', 'json']);
    expect((JSON.parse(json.stdout) as { pods: Array<{ findings: Array<{ id: string }> }> }).pods[0]?.findings[0]?.id).toBe('OOMKilled');
    // completion: the shim lands beside the link kubectl found (krew's bin), and kubectl runs it
    const shim = path.join(root, 'bin', 'kubectl_complete-podwhy');
    expect(kubectl(['podwhy', 'completion', 'install'])).toEqual({ code: 0, stdout: `wrote ${shim}: kubectl now completes \`kubectl podwhy <TAB>\` (kubectl 1.26+)\n`, stderr: '' });
    const completion = kubectl(['__complete', 'podwhy', 'explain', 'OOMK']);
    expect(completion.stdout.split('\n')[0]).toMatch(/^OOMKilled\t/);
    const list = kubectl(['plugin', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(link);
    expect(`${list.stdout}${list.stderr}`).not.toMatch(/warning|error|not executable|overshadow/i);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}


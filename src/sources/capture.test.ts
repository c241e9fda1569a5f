import { lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { capture, redactObject, redactText } from './capture';
import { Kubectl } from './kubectl';

const CANARY = 'CANARYs3cr3tVALUE';

/** every place in the objects a snapshot keeps that can hold a credential, each holding the canary */
function canaryObjects(): Array<Record<string, unknown>> {
  const container = (name: string) => ({
    name,
    image: 'x',
    env: [{ name: 'DB_PASSWORD', value: CANARY }, { name: 'PLAIN', value: CANARY }],
    command: ['app', `--password=${CANARY}`, `--token=${CANARY}`],
    args: [`--db=postgres://user:${CANARY}@db:5432/x`, `Authorization: Bearer ${CANARY}`],
  });
  const podSpec = { containers: [container('app')], initContainers: [container('init')], ephemeralContainers: [container('debug')] };
  const lastApplied = { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ env: CANARY }), note: `token: ${CANARY}` };
  return [
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', annotations: lastApplied }, spec: podSpec, status: { message: `api_key=${CANARY}` } },
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', annotations: lastApplied }, spec: { template: { spec: podSpec } } },
    { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { jobTemplate: { spec: { template: { spec: podSpec } } } } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { 'app.conf': CANARY }, binaryData: { blob: CANARY } },
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: CANARY }, stringData: { token: CANARY } },
    { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e' }, message: `failed: Authorization: Basic ${CANARY}` },
  ];
}

describe('snapshot redaction', () => {
  test('no canary survives in any field that can hold a secret', () => {
    for (const o of canaryObjects()) expect(JSON.stringify(redactObject(o))).not.toContain(CANARY);
  });
  test('names and non-secret fields are kept', () => {
    const r = redactObject(canaryObjects()[0] as Record<string, unknown>) as { metadata: { name: string }; spec: { containers: Array<{ name: string; env: Array<{ name: string }> }> } };
    expect(r.metadata.name).toBe('p');
    expect(r.spec.containers[0]?.env.map((e) => e.name)).toEqual(['DB_PASSWORD', 'PLAIN']);
  });
  test.each([
    ['Authorization: Basic', `GET / Authorization: Basic dXNlcjpwYXNz${CANARY}`],
    ['Authorization: Bearer', `authorization: bearer ${CANARY}`],
    ['*_PASS=', `DB_PASS=${CANARY} started`],
    ['*_PASSWORD=', `export ADMIN_PASSWORD=${CANARY}`],
    ['*_TOKEN=', `GITHUB_TOKEN=${CANARY}`],
    ['a GitHub token', `using ghp_${'a'.repeat(26)}${CANARY}`],
    ['a fine-grained GitHub token', `github_pat_11ABCDEFG0123456789_${CANARY}`],
    ['a GitLab token', `glpat-${CANARY}xyzxyz`],
    ['a Slack token', `xoxb-123456789012-${CANARY}`],
    ['a Slack webhook', `https://hooks.slack.com/services/T000/B000/${CANARY}`],
    ['a JWT', `token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.${CANARY}`],
    ['a password in a URL', `connecting to mysql://root:${CANARY}@db:3306`],
    ['a private key', `-----BEGIN RSA PRIVATE KEY-----\n${CANARY}\n-----END RSA PRIVATE KEY-----`],
    ['an AWS key', `AKIA${CANARY.toUpperCase().slice(0, 16)}`, CANARY.toUpperCase().slice(0, 16)],
  ])('log lines: %s', (_what, line, secret = CANARY) => {
    expect(redactText(line)).not.toContain(secret);
    expect(redactText(line)).toContain('<redacted>');
  });
  test('ordinary log lines are left alone', () => {
    const line = 'GET /healthz 200 in 3ms; passed all checks; tokens used: none';
    expect(redactText(line)).toBe(line);
  });
});

describe('snapshot file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'podwhy-capture-'));
  const kubectlBin = path.join(dir, 'kubectl');
  const items = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [canaryObjects()[0]] });
  writeFileSync(kubectlBin, `#!/bin/sh\ncase "$*" in\n  *go-template*) printf 'default s password token\\n' ;;\n  "get pods"*) printf '%s' '${items.replace(/'/g, `'\\''`)}' ;;\n  *) printf '{"apiVersion":"v1","kind":"List","items":[]}' ;;\nesac\n`, { mode: 0o755 });
  const kubectl = new Kubectl({ binary: kubectlBin, globalFlags: [], env: { PATH: '/usr/bin:/bin' }, concurrency: 2 });
  const req = { namespace: 'default', allNamespaces: false, force: false, redact: true, logTail: 10, now: Date.parse('2026-11-27T10:00:00Z') };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(['snap.json', 'snap.yaml', 'snap.tar.gz'])('%s holds no canary, and no temp file is left behind', async (file) => {
    const output = path.join(dir, file);
    await capture(kubectl, { ...req, output });
    const raw = readFileSync(output);
    const text = file.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
    expect(text).toContain('DB_PASSWORD');
    expect(text).not.toContain(CANARY);
    expect(lstatSync(output).mode & 0o077).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('a symbolic link planted at the target is replaced, never followed', async () => {
    const victim = path.join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    const output = path.join(dir, 'linked.json');
    symlinkSync(victim, output);
    await capture(kubectl, { ...req, output, force: true });
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(lstatSync(output).isSymbolicLink()).toBe(false);
  });
});

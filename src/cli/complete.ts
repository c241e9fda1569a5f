// Shell completion in the kubectl plugin protocol (kubectl 1.26+ runs kubectl_complete-podwhy): one candidate a
// line, "value<TAB>description", then ":<directive>" (4: no file completion). kubectl does no prefix filtering.
import { catalog } from '../analyzers/registry';
import { isName } from '../k8s/names';
import { hasUnsafe } from '../render/sanitize';
import { Kubectl } from '../sources/kubectl';

const NO_FILE = 4;
const DEFAULT = 0;

const FLAGS: Array<[string, string]> = [
  ['--namespace', 'namespace of the pods'], ['--all-namespaces', 'every namespace'], ['--selector', 'label selector'],
  ['--filename', 'offline input: file, folder, glob, .tar.gz'], ['--output', 'text, json, yaml or markdown'],
  ['--now', 'analysis time (RFC 3339)'], ['--no-color', 'no colors'], ['--kubeconfig', 'kubeconfig file'], ['--context', 'kubeconfig context'],
  ['--cluster', 'kubeconfig cluster'], ['--user', 'kubeconfig user'], ['--request-timeout', 'kubectl request timeout'], ['--help', 'help'],
];

function valueOf(words: string[], names: string[]): string | undefined {
  for (let i = 0; i < words.length - 1; i++) {
    const w = words[i] as string;
    if (names.includes(w)) return words[i + 1];
    const eq = names.map((n) => `${n}=`).find((p) => w.startsWith(p));
    if (eq) return w.slice(eq.length);
  }
  return undefined;
}

async function names(kubectl: Kubectl, args: string[]): Promise<string[]> {
  const r = await kubectl.run(['get', ...args, '-o', 'go-template={{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}']).catch(() => undefined);
  // what the API server sends is untrusted: only valid names become candidates (no tab, newline or escape can forge one)
  return r && r.code === 0 ? r.stdout.split('\n').filter(isName).sort() : [];
}

export async function complete(words: string[], env: Record<string, string | undefined>): Promise<string> {
  const current = words[words.length - 1] ?? '';
  const previous = words[words.length - 2] ?? '';
  const globalFlags: string[] = [];
  for (const f of ['--kubeconfig', '--context', '--cluster', '--user']) {
    const v = valueOf(words, [f]);
    if (v) globalFlags.push(`${f}=${v}`);
  }
  const kubectl = new Kubectl({ binary: env.KUBECTL || 'kubectl', globalFlags, env, concurrency: 2 });
  let candidates: Array<[string, string]> = [];
  let directive = NO_FILE;
  if (previous === '-f' || previous === '--filename') {
    directive = DEFAULT;
  } else if (previous === '-o' || previous === '--output') {
    candidates = ['text', 'json', 'yaml', 'markdown'].map((v) => [v, 'output format']);
  } else if (previous === '-n' || previous === '--namespace') {
    candidates = (await names(kubectl, ['namespaces'])).map((n) => [n, 'namespace']);
  } else if (previous === '--context') {
    const r = await kubectl.run(['config', 'get-contexts', '-o', 'name']).catch(() => undefined);
    candidates = (r?.code === 0 ? r.stdout.split('\n').filter((c) => /^[^-:\s]\S*$/.test(c) && !hasUnsafe(c)) : []).map((c) => [c, 'context']);
  } else if (words[0] === 'explain') {
    candidates = catalog.map((a) => [a.id, a.docs.title]);
  } else if (current.startsWith('-')) {
    candidates = FLAGS;
  } else {
    const ns = valueOf(words, ['-n', '--namespace']);
    candidates = (await names(kubectl, ['pods', ...(ns && isName(ns) ? ['-n', ns] : [])])).map((p) => [p, 'pod']);
    if (words.length === 1) candidates.push(['explain', 'explain a finding ID'], ['snapshot', 'capture a snapshot for offline analysis']);
  }
  const lines = candidates.filter(([v]) => v.startsWith(current)).map(([v, d]) => `${v}\t${d}`);
  return `${[...lines, `:${directive}`].join('\n')}\n`;
}

export const COMPLETION_SHIM = '#!/usr/bin/env sh\n# kubectl (1.26+) runs this to complete `kubectl podwhy ...`\nexec kubectl-podwhy __complete "$@"\n';

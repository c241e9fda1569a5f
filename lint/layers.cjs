// The layering of podwhy, in one table that both ESLint (eslint.config.mjs, rule podwhy/layers) and the
// import-graph test (src/layers.test.ts) read:
//
//   cli, testing (and plugin/, bench/, testdata/)      may import anything
//   sources   → snapshot, k8s, schemas                  (I/O lives here and in cli)
//   render    → report, schemas, k8s                    pure from here down
//   report    → analyzers, scheduler, snapshot, k8s, schemas
//   analyzers → scheduler, snapshot, k8s, schemas
//   scheduler → snapshot, k8s, schemas
//   snapshot  → k8s, schemas
//   k8s       → schemas
//   schemas   → (nothing of ours)
'use strict';
const path = require('node:path');
const { builtinModules } = require('node:module');

const ROOT = path.resolve(__dirname, '..');

/** what each layer may import besides itself; a layer missing here (cli, testing, tools) is unrestricted */
const ALLOWED = {
  schemas: [],
  k8s: ['schemas'],
  snapshot: ['k8s', 'schemas'],
  scheduler: ['snapshot', 'k8s', 'schemas'],
  analyzers: ['scheduler', 'snapshot', 'k8s', 'schemas'],
  report: ['analyzers', 'scheduler', 'snapshot', 'k8s', 'schemas'],
  render: ['report', 'k8s', 'schemas'],
  sources: ['snapshot', 'k8s', 'schemas'],
};

/** the layers that must stay pure: no Node modules, no process, no clock, no randomness, no network */
const PURE = ['schemas', 'k8s', 'snapshot', 'scheduler', 'analyzers', 'report', 'render'];

/** Node's own modules in both spellings ("fs", "node:fs"): none may be imported by a pure layer. */
const NODE_MODULES = [...new Set(builtinModules.flatMap((m) => (m.startsWith('node:') ? [m] : [m, `node:${m}`])))].sort();

/** The layer of a file (absolute or repo-relative path), or undefined outside the layered tree. */
function layerOf(file) {
  const rel = path.relative(ROOT, path.resolve(ROOT, file)).split(path.sep);
  if (rel[0] === 'schemas') return 'schemas';
  if (rel[0] === 'src' && rel.length > 2) return rel[1];
  return undefined;
}

/** Why `from` may not import `to` (both paths), or undefined when the edge is allowed. */
function forbidden(from, to) {
  const a = layerOf(from);
  const b = layerOf(to);
  if (!a || !b || a === b || !(a in ALLOWED)) return undefined;
  if (ALLOWED[a].includes(b)) return undefined;
  return `${a} may not import ${b}: ${a} may import only ${ALLOWED[a].length ? ALLOWED[a].join(', ') : 'nothing of ours'} (lint/layers.cjs)`;
}

/** ESLint rule: every relative import, export-from and import() of a layered file must follow the table. */
const rule = {
  meta: { type: 'problem', docs: { description: 'imports follow the layering in lint/layers.cjs' }, schema: [] },
  create(context) {
    const file = context.filename;
    if (!layerOf(file)) return {};
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      if (!source.value.startsWith('.')) return;
      const why = forbidden(file, path.resolve(path.dirname(file), source.value));
      if (why) context.report({ node: source, message: why });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

module.exports = { ROOT, ALLOWED, PURE, NODE_MODULES, layerOf, forbidden, rule };

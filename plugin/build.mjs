// Bundles plugin/main.ts into dist/kubectl-podwhy: one CommonJS file with a node shebang, every dependency inside,
// heavy modules initialised lazily behind dynamic imports.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const minify = process.argv.includes('--minify');

await build({
  entryPoints: ['plugin/main.ts'],
  outfile: 'dist/kubectl-podwhy',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify,
  legalComments: 'none',
  banner: { js: '#!/usr/bin/env node\nconst __podwhy_import_meta_url = require("url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__podwhy_import_meta_url', PODWHY_VERSION: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
chmodSync('dist/kubectl-podwhy', 0o755);

// Bundles plugin/main.ts into dist/kubectl-podwhy: one CommonJS file with a node shebang, every dependency inside,
// heavy modules initialised lazily behind dynamic imports.
//   --minify            smaller (the standalone binaries use it)
//   --out=FILE          another output file (make release bundles into dist/release/work/)
//   --version=X.Y.Z     the version `--version` prints (default: package.json's)
//   --metafile=FILE     esbuild's metafile (make release lists the bundled packages' licenses from it)
import { build } from 'esbuild';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const minify = process.argv.includes('--minify');
const outfile = arg('out') ?? 'dist/kubectl-podwhy';
const version = (arg('version') ?? pkg.version).replace(/^v/, '');
const metafile = arg('metafile');

const result = await build({
  entryPoints: ['plugin/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify,
  legalComments: 'none',
  metafile: metafile !== undefined,
  banner: { js: '#!/usr/bin/env node\nconst __podwhy_import_meta_url = require("url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__podwhy_import_meta_url', PODWHY_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
if (metafile) writeFileSync(metafile, JSON.stringify(result.metafile));

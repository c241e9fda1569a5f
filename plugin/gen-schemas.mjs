// `make schemas`: writes schemas/*.schema.json from the zod schemas.
import { build } from 'esbuild';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'podwhy-schemas-'));
const out = join(dir, 'generate.cjs');
await build({ entryPoints: ['schemas/generate.ts'], outfile: out, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
const { generateSchemas } = createRequire(import.meta.url)(out);
for (const [name, text] of Object.entries(generateSchemas())) writeFileSync(join('schemas', name), text);
rmSync(dir, { recursive: true, force: true });

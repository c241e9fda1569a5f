// Bundles and runs the benchmarks (make bench).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

mkdirSync('.bench', { recursive: true });
await build({ entryPoints: ['bench/scheduler.ts'], outfile: '.bench/scheduler.cjs', bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
execFileSync(process.execPath, ['--max-old-space-size=8192', '.bench/scheduler.cjs'], { stdio: 'inherit' });

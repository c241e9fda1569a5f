// Bundles and runs the benchmarks (make bench).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

mkdirSync('.bench', { recursive: true });
await build({ entryPoints: ['bench/scheduler.ts'], outfile: '.bench/scheduler.cjs', bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
await build({ entryPoints: ['bench/live.ts'], outfile: '.bench/live.cjs', bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
let failed = false;
try {
  execFileSync(process.execPath, ['--max-old-space-size=8192', '.bench/scheduler.cjs'], { stdio: 'inherit' });
} catch {
  failed = true;
}
execFileSync(process.execPath, ['.bench/live.cjs'], { stdio: 'inherit' });
await build({ entryPoints: ['bench/scale.ts'], outfile: '.bench/scale.cjs', bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
try {
  execFileSync(process.execPath, ['.bench/scale.cjs'], { stdio: 'inherit' });
} catch {
  failed = true;
}
if (failed) process.exit(1);

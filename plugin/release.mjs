// `make release`: bundles the release tool (plugin/release/build.ts) and runs it with this script's arguments.
// postject stays outside the bundle (it loads its WebAssembly LIEF from its own directory).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const out = 'dist/.release-tool/build.cjs';
await build({ entryPoints: ['plugin/release/build.ts'], outfile: out, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['postject'], logLevel: 'warning' });
const r = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);

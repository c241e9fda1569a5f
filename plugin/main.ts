// The executable's entry. --help and --version answer before anything heavy is loaded; the rest is loaded lazily.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isSea } from 'node:sea';
import { HELP, VERSION } from '../src/cli/help';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === 'version')) {
    process.stdout.write(`kubectl-podwhy ${VERSION}\n`);
    return 0;
  }
  if (argv[0] !== '__complete' && (argv.includes('--help') || argv.includes('-h'))) {
    process.stdout.write(HELP);
    return 0;
  }
  const { run } = await import('../src/cli/run');
  return await run(argv, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdin: () => readFileSync(0),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    clock: () => Date.now(),
    // the standalone binary is process.execPath; the JS bundle runs as `node dist/kubectl-podwhy`
    executable: isSea() ? process.execPath : (process.argv[1] ?? process.execPath),
    writeFile: (path, text, force) => {
      if (existsSync(path) && !force) throw new Error(`${path} exists: use --force to overwrite it`);
      writeFileSync(path, text);
      chmodSync(path, 0o755);
    },
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`podwhy: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);

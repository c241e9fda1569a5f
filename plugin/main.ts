// The executable's entry. --help and --version answer before anything heavy is loaded; the rest is loaded lazily.
import { chmodSync, existsSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { isSea } from 'node:sea';
import { HELP, VERSION } from '../src/cli/help';

/**
 * Where kubectl found us: the PATH entry that resolves to this executable (krew's ~/.krew/bin link rather than the
 * store directory it points into, which is not on PATH), else the executable itself. `completion install` writes
 * its shim beside it. The standalone binary is process.execPath; the JS bundle runs as `node dist/kubectl-podwhy`.
 */
function invokedAs(): string {
  const self = isSea() ? process.execPath : (process.argv[1] ?? process.execPath);
  try {
    const real = realpathSync(self);
    const name = process.platform === 'win32' ? 'kubectl-podwhy.exe' : 'kubectl-podwhy';
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate) && realpathSync(candidate) === real) return candidate;
    }
  } catch {
    // an unreadable PATH entry: fall back to the executable
  }
  return self;
}

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
    stdinStream: () => process.stdin,
    stderrIsTTY: process.stderr.isTTY === true,
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    clock: () => Date.now(),
    ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
    platform: process.platform,
    readFile: (path) => (existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined),
    executable: invokedAs(),
    writeFile: (path, text, force) => {
      if (existsSync(path) && !force) throw new Error(`${path} exists: use --force to overwrite it`);
      writeFileSync(path, text);
      chmodSync(path, 0o755);
    },
  });
}

// a reader that quits early (head, grep -m1, less) closes the pipe: stop quietly with the status the run had
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw e;
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

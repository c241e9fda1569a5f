// The purity rules of eslint.config.mjs really bite: code that reads the clock, the process or the file system
// inside an analyzer is rejected, and the same code in the CLI is allowed.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const ESLINT = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

function lint(code: string, file: string): string {
  const r = spawnSync(process.execPath, [ESLINT, '--stdin', '--stdin-filename', file, '--format', 'json'], { cwd: ROOT, input: code, encoding: 'utf8' });
  const results = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string }> }>;
  return results.flatMap((x) => x.messages.map((m) => m.ruleId)).sort().join(',');
}

const IMPURE = "import { readFileSync } from 'node:fs';\nexport async function f(): Promise<number> { console.log(process.env.X, readFileSync('x')); return Date.now(); }\n";

test('an impure analyzer is rejected on every count', () => {
  expect(lint(IMPURE, 'src/analyzers/running/bad.ts')).toBe('no-restricted-globals,no-restricted-globals,no-restricted-imports,no-restricted-syntax,no-restricted-syntax');
});

test('the same code is allowed in the CLI', () => {
  expect(lint(IMPURE, 'src/cli/fine.ts')).toBe('');
});

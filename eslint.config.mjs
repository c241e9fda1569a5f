// Lint: typescript-eslint's recommended rules everywhere, and purity rules for the parts that must be pure
// (analyzers, scheduler, Kubernetes semantics, snapshot building, report and renderers): no I/O, no process,
// no console, no clock, nothing async.
import tseslint from 'typescript-eslint';

const PURE = ['src/analyzers/**/*.ts', 'src/scheduler/**/*.ts', 'src/k8s/**/*.ts', 'src/snapshot/**/*.ts', 'src/report/**/*.ts', 'src/render/**/*.ts'];
const IO_MODULES = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process', 'http', 'node:http', 'https', 'node:https', 'net', 'node:net', 'os', 'node:os', 'worker_threads', 'node:worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: PURE,
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: IO_MODULES.map((name) => ({ name, message: 'analysis code is pure: I/O belongs in src/sources or src/cli' })) }],
      'no-restricted-globals': ['error', { name: 'process', message: 'analysis code is pure: pass what you need in' }, { name: 'console', message: 'analysis code is pure: return data, the CLI prints' }, { name: 'performance', message: 'analysis code reads no clock' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.object.name="Date"][callee.property.name="now"]', message: 'use the snapshot analysis time, not the clock' },
        { selector: 'NewExpression[callee.name="Date"][arguments.length=0]', message: 'use the snapshot analysis time, not the clock' },
        { selector: ':function[async=true]', message: 'analysis code is synchronous' },
        { selector: 'AwaitExpression', message: 'analysis code is synchronous' },
        { selector: 'CallExpression[callee.name="setTimeout"]', message: 'analysis code is synchronous' },
      ],
    },
  },
);

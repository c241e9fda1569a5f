// Lint: typescript-eslint's recommended rules everywhere, the layering of lint/layers.cjs (which layer may import
// which), and purity rules for the layers that must be pure (schemas, Kubernetes semantics, snapshot building,
// scheduler, analyzers, report and renderers): no Node module, no process, no console, no clock, no randomness,
// no network, nothing async. src/layers.test.ts lints probe files to prove every one of these rules still bites.
import tseslint from 'typescript-eslint';
import layers from './lint/layers.cjs';

const PURE_FILES = layers.PURE.map((l) => (l === 'schemas' ? 'schemas/**/*.ts' : `src/${l}/**/*.ts`));
const PURE_MESSAGE = 'analysis code is pure: I/O belongs in src/sources or src/cli';
const CLOCK = 'use the snapshot analysis time, not the clock';
const SYNC = 'analysis code is synchronous';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.mjs', '**/*.js', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    plugins: { podwhy: { rules: { layers: layers.rule } } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'schemas/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'podwhy/layers': 'error' },
  },
  {
    files: PURE_FILES,
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: layers.NODE_MODULES.map((name) => ({ name, message: PURE_MESSAGE })) }],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'analysis code is pure: pass what you need in' },
        { name: 'console', message: 'analysis code is pure: return data, the CLI prints' },
        { name: 'performance', message: 'analysis code reads no clock' },
        { name: 'fetch', message: PURE_MESSAGE },
        { name: 'require', message: 'import what you need (the layering is checked on imports)' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.object.name="Date"][callee.property.name="now"]', message: CLOCK },
        { selector: 'NewExpression[callee.name="Date"][arguments.length=0]', message: CLOCK },
        { selector: 'CallExpression[callee.name="Date"]', message: CLOCK },
        { selector: 'MemberExpression[object.name="Math"][property.name="random"]', message: 'analysis is deterministic: no Math.random' },
        { selector: 'MemberExpression[object.name=/^(globalThis|global|self|window)$/][property.name=/^(process|fetch|console|performance|Date|require)$/]', message: PURE_MESSAGE },
        { selector: ':function[async=true]', message: SYNC },
        { selector: 'AwaitExpression', message: SYNC },
        { selector: 'CallExpression[callee.name=/^(setTimeout|setInterval|setImmediate|queueMicrotask)$/]', message: SYNC },
      ],
    },
  },
);

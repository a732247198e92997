// Lint enforces the engine boundary (STYLE.md): src/engine and src/viewmodel stay pure —
// no React, DOM, state stores, timers, wall-clock time or unseeded randomness.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const impureGlobals = [
  { name: 'Date', message: 'Use the virtual clock (src/engine/core/clock.ts).' },
  { name: 'setTimeout', message: 'Schedule work on the event loop, not a timer.' },
  { name: 'setInterval', message: 'Schedule work on the event loop, not a timer.' },
  { name: 'requestAnimationFrame', message: 'The engine has no frames.' },
  { name: 'window', message: 'The engine runs without a DOM.' },
  { name: 'document', message: 'The engine runs without a DOM.' },
  { name: 'localStorage', message: 'The engine has no storage.' },
  { name: 'performance', message: 'Use the virtual clock.' },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'src/editor/schemas/generated'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/engine/**/*.ts', 'src/viewmodel/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'The engine and view models are framework-free.' },
          { group: ['zustand', 'zustand/*', '@xyflow/*', 'monaco-editor', 'monaco-editor/*', 'monaco-yaml'], message: 'The engine and view models are framework-free.' },
          { group: ['**/ui/**', '**/state/**', '**/editor/**'], message: 'The engine and view models must not import UI code.' },
        ],
      }],
      'no-restricted-globals': ['error', ...impureGlobals],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use the seeded RNG (src/engine/core/rng.ts).' },
      ],
    },
  },
);

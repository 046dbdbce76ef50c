import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/*.tmp.*',
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      'storybook-static/**',
      'demo/dist/**',
      '**/*.d.ts',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  litConfigs['flat/recommended'],
  wcConfigs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: [
      'scripts/**/*.js',
      '*.config.js',
      'rollup.config.js',
      'packages/server/**/*.{js,ts}',
      'packages/*/scripts/**',
      'packages/*/web-test-runner.config.js',
      'test/e2e/**',
      'test/node/**',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
);

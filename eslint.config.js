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
    // Readable templates: no line over 120 characters (Prettier cannot wrap inside a template
    // literal) and no ternary nested in another inside a Lit template: a branch that needs more
    // becomes a renderX() helper or a directive (when, choose, classMap).
    files: ['packages/*/src/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts'],
    rules: {
      'max-len': ['error', { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "TaggedTemplateExpression[tag.name='html'] ConditionalExpression > ConditionalExpression",
          message: 'No nested ternaries in templates: use a renderX() helper or when/choose from lit/directives.',
        },
      ],
    },
  },
  {
    // zod off the first load: what runs in a retailer's page imports values from core's zod-free
    // entries (trade.js, adapter-kit.js, elements.js…); the schemas load with the first validation.
    files: ['packages/*/src/**/*.ts', 'demo/**/*.ts'],
    ignores: ['packages/core/**', 'packages/server/**', 'packages/adapter-testkit/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@clienteling/core',
              allowTypeImports: true,
              message:
                'It loads zod and every schema eagerly: import values from @clienteling/core/adapter-kit.js ' +
                '(adapters) or @clienteling/core/trade.js (elements), and schemas with loadOperation(name).',
            },
          ],
        },
      ],
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

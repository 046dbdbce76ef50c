// The whole test suite: typecheck, lint, browser tests with coverage thresholds, size budgets.
import { ensureChrome } from './chrome.js';
import { run } from './run.js';

const chrome = ensureChrome();
const env = { CHROME_PATH: chrome, STORYBOOK_DISABLE_TELEMETRY: '1' };
run('typecheck (tsc --noEmit)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('lint (eslint)', 'npx', ['eslint', '.']);
run('browser tests (web-test-runner, Chromium)', 'npx', ['web-test-runner', '--coverage'], env);
run('coverage thresholds', 'node', ['scripts/coverage-check.js']);
run('size budgets', 'node', ['scripts/size.js']);

// web-test-runner in headless Chromium (CHROME_PATH honoured), with coverage; extra args pass through
// (e.g. `npm run test:unit -- --files packages/core/test/schemas.test.ts`).
import { ensureChrome } from './chrome.js';
import { run } from './run.js';

const chrome = ensureChrome();
const args = process.argv.slice(2);
run('browser tests (web-test-runner, Chromium)', 'npx', ['web-test-runner', '--coverage', ...args], {
  CHROME_PATH: chrome,
});

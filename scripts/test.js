// `npm test`: the whole suite, the same on a laptop and in CI.
//   typecheck → lint → browser tests (web-test-runner, headless Chromium, coverage) → coverage
//   thresholds → build (ES2019 bundles, declarations, custom-elements.json) → Node tests (shipped
//   syntax, publish checks, reference server on PGlite, and PostgreSQL when TEST_DATABASE_URL is set) →
//   consumer apps on the packed tarballs (test/consumers) → size budgets
//   → Storybook build → every story in Chromium with axe → demo build → end-to-end tests of the built demo.
import { existsSync, readdirSync } from 'node:fs';
import { ensureChrome } from './chrome.js';
import { run } from './run.js';

const chrome = ensureChrome();
const env = { CHROME_PATH: chrome, STORYBOOK_DISABLE_TELEMETRY: '1' };
const nodeTests = ['test/node', 'packages/server/test'].filter(existsSync).flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.test\.[jt]s$/.test(f))
    .map((f) => `${dir}/${f}`),
);

run('typecheck (tsc --noEmit)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
if (existsSync('packages/server/tsconfig.json'))
  run('typecheck of the server (tsc --noEmit)', 'npx', ['tsc', '--noEmit', '-p', 'packages/server/tsconfig.json']);
run('lint (eslint)', 'npx', ['eslint', '.']);
run('formatting (prettier --check)', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
run('browser tests (web-test-runner, Chromium)', 'npx', ['web-test-runner', '--coverage'], env);
if (process.env.TEST_DATABASE_URL) {
  run(
    'adapter-http conformance on PostgreSQL',
    'npx',
    ['web-test-runner', '--config', 'packages/adapter-http/web-test-runner.config.js'],
    env,
  );
}
run('coverage thresholds', 'node', ['scripts/coverage-check.js']);
run('build', 'node', ['scripts/build.js']);
run(
  'Node tests (shipped syntax, reference server)',
  'node',
  ['--import', 'tsx', '--test', '--test-concurrency=1', ...nodeTests],
  env,
);
run(
  'consumer apps: React 19, Vue 3 and a plain page on the packed tarballs',
  'node',
  ['--test', 'test/consumers/consumers.test.js'],
  env,
);
run('size budgets', 'node', ['scripts/size.js']);
run('Storybook build', 'npx', ['storybook', 'build', '--disable-telemetry', '-o', 'storybook-static', '--quiet'], env);
run('every story in Chromium, light and dark, with axe', 'node', ['--test', 'test/storybook/stories.e2e.js'], env);
// The demo is built once for all the end-to-end files (DEMO_BUILT=1; alone, each file builds it), which
// run one at a time: they share demo/dist and each starts its own Chromium.
run('demo build (demo/dist)', 'node', ['scripts/build-demo.js']);
const endToEnd = readdirSync('test/e2e')
  .filter((file) => file.endsWith('.e2e.js'))
  .map((file) => `test/e2e/${file}`);
run('end-to-end tests of the demo', 'node', ['--test', '--test-concurrency=1', ...endToEnd], {
  ...env,
  DEMO_BUILT: '1',
});

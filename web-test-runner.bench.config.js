// Benchmarks (`npm run bench`): the bench files run like tests, in headless Chromium, with Lit's
// production build, one file at a time.
import base from './web-test-runner.config.js';

export default {
  ...base,
  files: ['packages/*/bench/**/*.bench.ts', 'test/bench/**/*.bench.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'production'] },
  concurrency: 1,
  testFramework: { config: { timeout: 120_000 } },
  coverage: false,
};

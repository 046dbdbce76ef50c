import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { tsImport } from 'tsx/esm/api';
import { CHROME_ARGS, findChrome } from './scripts/chrome.js';

// The reference server runs beside the browser tests (on embedded PGlite) so that the conformance
// suite can test adapter-http against it. `npm test` runs that suite once more on PostgreSQL when
// TEST_DATABASE_URL is set.
const { clientelingServerPlugin } = await tsImport('./packages/server/src/wtr-plugin.ts', import.meta.url);

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

/**
 * `/frame/<path>` serves `<path>`: the modules a test's iframe page loads (packages/core/test/frame-page.ts)
 * have URLs of their own, so their coverage is not taken for the test page's (the coverage of two
 * scripts at one URL is not added up: the later one replaces the other), and is left out.
 */
const FRAME_PREFIX = '/frame';
function servedForFrames(context, next) {
  if (context.url.startsWith(`${FRAME_PREFIX}/`)) context.url = context.url.slice(FRAME_PREFIX.length);
  return next();
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: '.',
  files: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', '!packages/server/**', '!test/e2e/**', '!test/node/**'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig, target: 'es2022' }), clientelingServerPlugin()],
  middleware: [servedForFrames],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChrome(), headless: true, args: CHROME_ARGS },
    }),
  ],
  // One page at a time: Chromium pauses animation frames of background pages, which stalls
  // fixture() and the virtualizer when several test files share the browser.
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000 } },
  coverageConfig: {
    include: ['packages/*/src/**/*.ts'],
    exclude: ['**/node_modules/**', '**/*.styles.ts'],
    report: true,
    reportDir: 'coverage',
    reporters: ['lcovonly', 'text-summary'],
  },
};

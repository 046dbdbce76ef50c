// Benchmarks (`npm run bench`): the bench files run like tests, in headless Chromium, with Lit's
// production build, one file at a time. A bench page slows its CPU with the `cpu-throttle` command
// (Chrome DevTools Protocol `Emulation.setCPUThrottlingRate`), see packages/core/bench/kit.ts.
import base from './web-test-runner.config.js';

/** `executeServerCommand('cpu-throttle', { rate })`: 1 is full speed, 4 a mid-range phone. */
function cpuThrottlePlugin() {
  const sessions = new Map();
  return {
    name: 'cpu-throttle',
    async executeCommand({ command, payload, session }) {
      if (command !== 'cpu-throttle') return undefined;
      let cdp = sessions.get(session.id);
      if (!cdp) {
        cdp = await session.browser.getPage(session.id).createCDPSession();
        sessions.set(session.id, cdp);
      }
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(payload?.rate) || 1 });
      return true;
    },
  };
}

export default {
  ...base,
  files: ['packages/*/bench/**/*.bench.ts', 'test/bench/**/*.bench.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'production'] },
  plugins: [...base.plugins, cpuThrottlePlugin()],
  concurrency: 1,
  testFramework: { config: { timeout: 600_000 } },
  testsFinishTimeout: 1_800_000,
  coverage: false,
};

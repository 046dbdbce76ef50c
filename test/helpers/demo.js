// The built demo (demo/dist, on the default adapter) for end-to-end tests: built once per test file,
// served from a loopback port, with one Chromium. `useBuiltDemo()` registers the set-up and the
// tear-down with node:test and returns an object whose `base` and `browser` are set before the tests.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { launchChromium, listenOnLoopback, requestPath, sendFile } from './pages.js';

const root = new URL('../../demo/dist/', import.meta.url).pathname;

export function useBuiltDemo() {
  const demo = { base: '', browser: undefined, server: undefined };
  before(async () => {
    const built = spawnSync('node', ['scripts/build-demo.js'], { stdio: 'inherit' });
    assert.equal(built.status, 0, 'the demo build failed');
    ({ server: demo.server, base: demo.base } = await listenOnLoopback((req, res) => {
      const path = requestPath(req);
      return sendFile(res, join(root, path.endsWith('/') ? `${path}index.html` : path));
    }));
    demo.browser = await launchChromium();
  });
  after(async () => {
    await demo.browser?.close();
    demo.server?.close();
  });
  return demo;
}

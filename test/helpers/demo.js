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

/**
 * The first script of the page's library whose preview shows `{customerName}` as `state` (`filled` with the
 * customer's name, or `unfilled`), paging with "show more"; undefined when no script does.
 */
export async function scriptWithCustomerName(page, state) {
  const library = page.locator('cl-script-library');
  await library.locator('[part~="list"], [part~="empty"], [part~="error"]').first().waitFor();
  const row = library.locator('[part~="script"]', { has: page.locator(`.${state}[data-variable="customerName"]`) });
  for (;;) {
    if (await row.count()) return row.first();
    const more = library.locator('[part~="more"]');
    if (!(await more.count())) return undefined;
    const shown = await library.locator('[part~="script"]').count();
    await more.click();
    await library.locator('[part~="script"]').nth(shown).waitFor();
  }
}

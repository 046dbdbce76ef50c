// The built demo (demo/dist, on the default adapter) for end-to-end tests: built by the test file (or once
// for all of them by `npm test`), served from a loopback port, with one Chromium. `useBuiltDemo()`
// registers the set-up and the tear-down with node:test and returns an object whose `base` and `browser`
// are set before the tests.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { launchChromium, listenOnLoopback, requestPath, sendFile } from './pages.js';

const root = new URL('../../demo/dist/', import.meta.url).pathname;

/**
 * Builds the demo's pages into demo/dist (scripts/build-demo.js), unless DEMO_BUILT=1 says it was just built
 * from this tree: `npm test` builds it once before the end-to-end files.
 */
export function buildDemo() {
  if (process.env.DEMO_BUILT === '1') return;
  const built = spawnSync('node', ['scripts/build-demo.js'], { stdio: 'inherit' });
  assert.equal(built.status, 0, 'the demo build failed');
}

export function useBuiltDemo() {
  const demo = { base: '', browser: undefined, server: undefined };
  before(async () => {
    buildDemo();
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

/** A day (`YYYY-MM-DD`) in words as the demo date's button says it: "2026年12月1日", "1 Dec 2026". */
export function dayInWords(day, locale) {
  const [year, month, date] = day.split('-').map(Number);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return locale === 'zh-CN' ? `${year}年${month}月${date}日` : `${date} ${months[month - 1]} ${year}`;
}

/**
 * The day the Today tab's demo date shows (`YYYY-MM-DD`): its button's value, once the button says that day
 * in words in the page's language.
 */
export async function shownDemoDate(page) {
  const button = page.locator('demo-workspace #demo-date-button');
  const day = await button.getAttribute('value');
  const locale = await page.evaluate(() => document.documentElement.lang);
  assert.equal((await button.textContent()).trim(), dayInWords(day, locale), 'the button says its day in words');
  return day;
}

/**
 * Moves the demo clock to `day` as an associate does: presses the demo date's button, which turns into the date
 * input, and enters the day there; resolves once the page has started again on that day.
 */
export async function moveDemoDate(page, day) {
  await page.locator('demo-workspace #demo-date-button').click();
  const input = page.locator('demo-workspace input#demo-date[type="date"]');
  await Promise.all([page.waitForEvent('load'), input.fill(day)]);
}

// End to end, in real Chromium against the built demo (demo/dist, on the default adapter): tag a
// customer, send a coupon, publish a moment, search a group, reload, and see everything persisted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, ensureChrome } from '../../scripts/chrome.js';

const repo = new URL('../../', import.meta.url).pathname;
const root = `${repo}demo/dist/`;
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
let server;
let browser;
let base;

before(async () => {
  const built = spawnSync('node', ['scripts/build-demo.js'], { stdio: 'inherit' });
  assert.equal(built.status, 0, 'the demo build failed');
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    // /repo/… serves the repository itself (demo/cdn.html and the CDN build next to it).
    const file = path.startsWith('/repo/')
      ? join(repo, path.slice(6))
      : join(root, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: ensureChrome(),
    args: CHROME_ARGS.filter((a) => !a.startsWith('--headless')),
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('an associate tags a customer, sends a coupon, posts a moment, searches a group; all of it survives a reload', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base);

  // The staff card shows the signed-in associate.
  await page.locator('cl-staff-card [part~="name"]').first().waitFor();

  // Tag the selected customer with a tag of a multi-select group.
  const tag = page.locator('cl-tag-editor [role="checkbox"][aria-checked="false"]:not([aria-readonly="true"])').first();
  await tag.waitFor();
  const tagName = (await tag.textContent()).trim();
  await tag.click();
  const chosen = page.locator('cl-tag-editor [role="checkbox"][aria-checked="true"]', { hasText: tagName });
  await chosen.first().waitFor();

  // Send the first coupon that can be sent, through the confirmation step.
  await page.locator('cl-coupon-dispenser [part~="send-button"]:not([disabled])').first().click();
  await page.locator('cl-coupon-dispenser dialog button[data-variant="primary"]').click();
  const codeInDialog = page.locator('cl-coupon-dispenser dialog [part~="code"]');
  await codeInDialog.waitFor();
  const code = (await codeInDialog.textContent()).trim();
  assert.ok(code.length > 3, 'an issued coupon code is shown');
  await page.locator('cl-coupon-dispenser dialog button[data-variant="primary"]').click();
  await page.locator('cl-coupon-dispenser [part~="coupons"] [part~="code"]', { hasText: code }).waitFor();

  // Publish a moment.
  await page.getByRole('button', { name: '发朋友圈' }).click();
  const text = `新品到店，欢迎试穿 ${Date.now()}`;
  await page.locator('cl-moments-composer textarea').fill(text);
  const publish = page.locator('cl-moments-composer [part~="publish-button"]');
  await page.waitForFunction(() => {
    const el = document.querySelector('demo-workspace')?.shadowRoot?.querySelector('cl-moments-composer');
    const button = el?.shadowRoot?.querySelector('[part~="publish-button"]');
    return button && !button.disabled;
  });
  await publish.click();
  await page.locator('cl-moments-composer [part~="status"]').waitFor();
  await page.waitForFunction(() => {
    const el = document.querySelector('demo-workspace')?.shadowRoot?.querySelector('cl-moments-composer');
    return el?.shadowRoot?.querySelector('[part~="publish-button"]')?.disabled === true;
  });

  // Search the first group by the name of one of its members.
  await page.getByRole('button', { name: '我的客户群' }).click();
  const firstName = page.locator('cl-group-member-list [part~="name"]').first();
  await firstName.waitFor();
  const name = (await firstName.textContent()).trim();
  await page.locator('cl-group-member-list input[type="search"]').fill(name.slice(0, 2));
  await page.waitForFunction(
    (q) => {
      const list = document.querySelector('demo-workspace')?.shadowRoot?.querySelector('cl-group-member-list');
      const names = [...(list?.shadowRoot?.querySelectorAll('[part~="name"]') ?? [])].map((n) => n.textContent ?? '');
      return names.length > 0 && names.every((n) => n.includes(q));
    },
    name.slice(0, 2),
  );

  // Reload: the tag, the coupon and the day's post are still there.
  await page.reload();
  await page.getByRole('button', { name: '客户' }).first().click();
  await page.locator('cl-tag-editor [role="checkbox"][aria-checked="true"]', { hasText: tagName }).first().waitFor();
  await page.locator('cl-coupon-dispenser [part~="coupons"] [part~="code"]', { hasText: code }).waitFor();
  await page.getByRole('button', { name: '发朋友圈' }).click();
  await page.locator('cl-moments-composer [part~="quota"]').waitFor();
  const quota = (await page.locator('cl-moments-composer [part~="quota"]').textContent()).trim();
  assert.match(quota, /今天还可发 0 条/, `the day's quota is used up after reload: "${quota}"`);
  assert.equal(await page.locator('cl-moments-composer [part~="publish-button"]').isDisabled(), true);
  assert.deepEqual(errors, [], 'no uncaught errors on the page');
  await context.close();
});

test('demo/cdn.html works from the single-file CDN build and an inline adapter alone', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${base}repo/demo/cdn.html`);
  await page.locator('cl-staff-card [part~="name"]', { hasText: 'Lily Wang' }).waitFor();
  await page.locator('cl-tag-editor [role="radio"][aria-checked="true"]', { hasText: '20-30' }).waitFor();
  await page.locator('cl-coupon-dispenser [part~="send-button"]').first().click();
  await page.locator('cl-coupon-dispenser dialog button[data-variant="primary"]').click();
  await page.locator('cl-coupon-dispenser dialog [part~="code"]').waitFor();
  const scripts = requests.filter((p) => p.endsWith('.js'));
  assert.deepEqual(
    scripts,
    ['/repo/packages/elements/dist/cdn/clienteling-elements.js'],
    'only the CDN file is loaded',
  );
  assert.deepEqual(errors, []);
  await context.close();
});

// End to end, in real Chromium against the built chat-sidebar demo (demo/dist/sidebar, on the default
// adapter and the simulated WeCom client): open the sidebar on a customer's chat, open 话术, send a
// script that says {customerName}, and see it in the chat pane filled in with the customer's name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scriptWithCustomerName, useBuiltDemo } from '../helpers/demo.js';

const repo = new URL('../../', import.meta.url).pathname;
const demo = useBuiltDemo();

/** The customer as the associate knows them (remark first), from the demo's IndexedDB. */
const knownName = (page, customerId) =>
  page.evaluate(async (id) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('clienteling');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const customer = await new Promise((resolve, reject) => {
      const request = db.transaction('customers').objectStore('customers').get(id);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return customer.remark || customer.name;
  }, customerId);

test('in a customer chat, the sidebar’s 话术 tab sends a script filled in with the customer’s name into the chat', async () => {
  const context = await demo.browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'zh-CN' });
  await context.addInitScript(() => {
    localStorage.setItem('demo.locale', 'zh-CN');
    localStorage.setItem('demo.sidebar.mode', 'single');
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${demo.base}sidebar/`);
  await page.locator('cl-customer-profile [part~="header"]').first().waitFor();

  await page.getByRole('tab', { name: '话术' }).click();
  const library = page.locator('cl-script-library');
  await library.waitFor();
  // The library took the customer of the chat from the host (no customer-id was given).
  await page.waitForFunction(() => {
    const sidebar = document.querySelector('demo-sidebar').shadowRoot;
    return !!sidebar.querySelector('cl-script-library')?.customerId;
  });
  const customerId = await library.evaluate((el) => el.customerId);
  const name = await knownName(page, customerId);

  const row = await scriptWithCustomerName(page, 'filled');
  assert.ok(row, 'the seed has a script with {customerName}');
  assert.equal((await row.locator('.filled[data-variable="customerName"]').first().textContent()).trim(), name);
  const preview = (await row.locator('[part~="preview"]').textContent()).trim();
  assert.ok(!preview.includes('{'), `every variable is filled in: ${preview}`);

  const send = row.locator('cl-host-share button');
  await send.click();
  const bubble = page.locator('demo-sidebar .chat .bubble').last();
  await bubble.waitFor();
  assert.equal((await bubble.textContent()).trim(), preview);
  assert.ok(preview.includes(name));
  // The host's answer is announced by the send button's status.
  await row.locator('cl-host-share [part~="status"]', { hasText: '已发送' }).waitFor();
  assert.deepEqual(errors, [], 'no uncaught errors on the page');
  await context.close();
});

test('axe finds no violation on the sidebar’s 话术 / Scripts tab at 375 px, in both languages and themes', async () => {
  const found = [];
  for (const locale of ['zh-CN', 'en']) {
    for (const theme of ['light', 'dark']) {
      const context = await demo.browser.newContext({ viewport: { width: 375, height: 812 } });
      await context.addInitScript(
        (saved) => {
          for (const [key, value] of Object.entries(saved)) localStorage.setItem(key, value);
        },
        { 'demo.locale': locale, 'demo.theme': theme, 'demo.sidebar.mode': 'single' },
      );
      const page = await context.newPage();
      await page.goto(`${demo.base}sidebar/`);
      await page.locator('cl-customer-profile [part~="header"]').first().waitFor();
      await page.getByRole('tab', { name: locale === 'en' ? 'Scripts' : '话术' }).click();
      await page.locator('cl-script-library [part~="list"]').waitFor();
      await page.locator('cl-script-library cl-host-share button').first().waitFor();
      await page.waitForTimeout(400);
      await page.addScriptTag({ path: `${repo}node_modules/axe-core/axe.min.js` });
      const violations = await page.evaluate(async () =>
        (await window.axe.run(document)).violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.flat().join(' > ')).join(', ')}`,
        ),
      );
      found.push(...violations.map((v) => `${locale} ${theme}: ${v}`));
      await context.close();
    }
  }
  assert.deepEqual(found, []);
});

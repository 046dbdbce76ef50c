// End to end, in real Chromium against the built demo (demo/dist, on the default adapter): the
// manager's handover. In the manager's view (signed in as the seed's store manager), hand 250 of a
// departing associate's customers to the manager themselves, resigned (at once), and see them on
// the Customers tab, with the tags they had and their timeline: the handover and the older history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { moveDemoDate, shownDemoDate, useBuiltDemo } from '../helpers/demo.js';

const demo = useBuiltDemo();

/** The seed's associate who leaves, their store's manager (who takes over), and how many customers go. */
const DEPARTING = { id: 'staff-01', name: '王丽' };
const MANAGER = { id: 'staff-16', name: '唐冰丽' };
const TRANSFERRED = 250;

/** From the demo's IndexedDB: the customers, the tag groups and the activity of the given customers. */
const readDemoData = (page, activityOf = []) =>
  page.evaluate(async (customerIds) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('clienteling');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const request = (store, make) =>
      new Promise((resolve, reject) => {
        const asked = make(db.transaction(store).objectStore(store));
        asked.onsuccess = () => resolve(asked.result);
        asked.onerror = () => reject(asked.error);
      });
    const customers = await request('customers', (store) => store.getAll());
    const tagGroups = await request('tagGroups', (store) => store.getAll());
    const meta = await request('meta', (store) => store.get('dataset'));
    const groups = await request('groups', (store) => store.getAll());
    const activity = {};
    for (const id of customerIds)
      activity[id] = await request('activity', (store) => store.index('byCustomer').getAll(id));
    db.close();
    return { customers, tagGroups, groups, activity, customerCap: meta.policy.customerCap };
  }, activityOf);

/** The names of a customer's tags (their own and the rules'), sorted, as the profile shows them. */
const tagNamesOf = (customer, tagGroups) => {
  const names = [];
  for (const group of tagGroups) {
    if (group.deleted) continue;
    for (const tag of group.tags) {
      if (!tag.deleted && (customer.tagIds.includes(tag.id) || customer.ruleTagIds.includes(tag.id))) {
        names.push(tag.name);
      }
    }
  }
  return names.sort();
};

const owned = (customers, staffId) => customers.filter((customer) => customer.ownerStaffId === staffId);

test('the manager hands 250 of a departing associate’s customers to themselves; each shows under them with its tags and timeline', async () => {
  const context = await demo.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
  await context.addInitScript(() => localStorage.setItem('demo.role', 'manager'));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(demo.base);

  // The manager's view: a last tab hands over.
  const nav = page.locator('demo-workspace nav button');
  await page.locator('cl-task-list [part~="list"], cl-task-list [part~="empty"]').first().waitFor();
  assert.equal((await nav.last().textContent()).trim(), '转接');

  const before = await readDemoData(page);
  const departingCustomers = owned(before.customers, DEPARTING.id);
  const managerCount = owned(before.customers, MANAGER.id).length;
  assert.ok(departingCustomers.length > TRANSFERRED, `${DEPARTING.name} has more than ${TRANSFERRED} customers`);

  await nav.last().click();
  const transfer = page.locator('cl-customer-transfer');
  const step = (id) => transfer.locator(`section[aria-labelledby="${id}-title"]`);
  const staffOption = (stepId, name) =>
    step(stepId)
      .locator('[part~="staff"]')
      .filter({ has: page.locator('.name', { hasText: new RegExp(`^${name}$`) }) });

  // Who is leaving: found by name in the staff list.
  await step('from').locator('[part~="search"]').fill(DEPARTING.name);
  await staffOption('from', DEPARTING.name).click();

  // Which groups: exactly those the departing associate owns (listGroups with their staffId).
  const departingGroups = before.groups.filter((group) => group.ownerId === DEPARTING.id).map((group) => group.name);
  assert.ok(departingGroups.length > 0, `${DEPARTING.name} owns groups in the seed`);
  const groupRows = step('groups').locator('[part~="groups"] li');
  await groupRows.first().waitFor();
  assert.equal(await groupRows.count(), departingGroups.length);
  for (const name of departingGroups) assert.ok(await step('groups').getByText(name).count(), `${name} is listed`);

  // Which customers: all of them, then the first 78 rows (two pages) unticked.
  const customersStep = step('customers');
  await customersStep.locator('[part~="customer"]').first().waitFor();
  await customersStep.locator('[part~="select-all"] input').check();
  const count = customersStep.locator('.select-all .count');
  assert.equal((await count.textContent()).trim(), `已选 ${departingCustomers.length} 位`);
  const unticked = departingCustomers.length - TRANSFERRED;
  const rows = customersStep.locator('[part~="customer"]');
  while ((await rows.count()) < unticked) {
    const shown = await rows.count();
    await customersStep.locator('button.more').click();
    await page.waitForFunction((before) => {
      const demo = document.querySelector('demo-workspace').shadowRoot;
      const element = demo.querySelector('cl-customer-transfer').shadowRoot;
      return element.querySelectorAll('[part~="customer"]').length > before;
    }, shown);
  }
  const keptNames = [];
  for (let index = 0; index < unticked; index += 1) {
    const row = rows.nth(index);
    keptNames.push((await row.locator('.name').textContent()).trim());
    await row.locator('input').uncheck();
  }
  assert.equal((await count.textContent()).trim(), `已选 ${TRANSFERRED} 位`);

  // Who takes over: the manager themselves, with room for the 250.
  await staffOption('to', MANAGER.name).click();
  const capacity = (await staffOption('to', MANAGER.name).locator('[part~="capacity"]').textContent()).trim();
  assert.equal(capacity, `还可接 ${before.customerCap - managerCount} 位（上限 ${before.customerCap}）`);
  assert.ok(before.customerCap - managerCount >= TRANSFERRED);

  // Resigned: the takeover completes at once.
  await step('mode').locator('label.option', { hasText: '已离职' }).locator('input').check();

  // Preview: all 250 can go, in 3 requests of at most 100.
  await step('preview').locator('button[type="submit"]').click();
  const summary = step('preview').locator('[part~="preview"] .summary');
  await summary.waitFor();
  assert.equal((await summary.textContent()).trim(), `${TRANSFERRED} 位可以转接，0 位无法转接。`);
  assert.match(await step('preview').locator('[part~="preview"]').textContent(), /将分 3 次提交/);

  // Confirm: every one is done.
  await transfer.locator('[part~="submit-button"]').click();
  assert.equal((await transfer.locator('[part~="submit-button"]').textContent()).trim(), `转接 ${TRANSFERRED} 位客户`);
  await transfer.locator('[part~="dialog"] button[data-variant="primary"]').click();
  const progress = step('progress').locator('[part~="progress"]');
  await progress.waitFor();
  assert.deepEqual(
    (await progress.locator('li[data-status]').allTextContents()).map((text) => text.trim()),
    [`${TRANSFERRED} 位已完成`],
  );

  // The data: 250 more customers for the manager, and the associate keeps exactly the unticked ones.
  const after = await readDemoData(page);
  assert.equal(owned(after.customers, MANAGER.id).length, managerCount + TRANSFERRED);
  const kept = owned(after.customers, DEPARTING.id);
  assert.deepEqual(kept.map((customer) => customer.remark || customer.name).sort(), [...keptNames].sort());
  const movedIds = new Set(
    departingCustomers.filter((customer) => !kept.some((k) => k.id === customer.id)).map((customer) => customer.id),
  );
  assert.equal(movedIds.size, TRANSFERRED);

  // One of them with tags, a name no other customer has and no remark, found on the Customers tab.
  const moved = after.customers.filter((customer) => movedIds.has(customer.id));
  const uniqueName = (customer) => after.customers.filter((other) => other.name === customer.name).length === 1;
  const customer = moved.find((c) => !c.remark && c.tagIds.length && uniqueName(c));
  assert.ok(customer, 'a handed-over customer with tags and a name of their own');
  const beforeCustomer = departingCustomers.find((c) => c.id === customer.id);
  const expectedTags = tagNamesOf(beforeCustomer, before.tagGroups);
  assert.ok(expectedTags.length > 0);
  assert.deepEqual(tagNamesOf(customer, after.tagGroups), expectedTags, 'the tags stayed with the customer');

  await nav.nth(1).click();
  await page.locator('demo-workspace #search').fill(customer.name);
  const option = page.locator('demo-workspace .customers label.customer', { hasText: customer.name });
  await option.waitFor();
  assert.equal(await page.locator('demo-workspace .customers label.customer').count(), 1);
  await option.locator('input').check();
  const profile = page.locator(`cl-customer-profile[customer-id="${customer.id}"]`);
  await profile.locator('[part~="tags"] [part~="tag"]').first().waitFor();
  assert.deepEqual(
    (await profile.locator('[part~="tags"] [part~="tag"]').allTextContents()).map((name) => name.trim()).sort(),
    expectedTags,
  );

  // The timeline: the handover first, then the history from before it.
  const timeline = page.locator(`cl-customer-timeline[customer-id="${customer.id}"]`);
  // The successor is the signed-in manager: "me" on their own screen.
  const headline = `由${DEPARTING.name}转给我`;
  await timeline.locator('[part~="headline"]', { hasText: headline }).waitFor({ timeout: 15_000 });
  const headlines = (await timeline.locator('[part~="headline"]').allTextContents()).map((text) => text.trim());
  assert.equal(headlines[0], headline);
  assert.equal(headlines.filter((text) => text === headline).length, 1);
  const { activity } = await readDemoData(page, [customer.id]);
  const history = activity[customer.id].filter((entry) => entry.kind !== 'transferred');
  const handovers = activity[customer.id].filter((entry) => entry.kind === 'transferred');
  assert.equal(handovers.length, 1);
  assert.equal(handovers[0].fromStaffId, DEPARTING.id);
  assert.equal(handovers[0].toStaffId, MANAGER.id);
  assert.ok(history.length > 0, 'the customer has older history');
  assert.ok(history.every((entry) => entry.at < handovers[0].at));
  assert.ok(
    headlines.slice(1).some((text) => text.includes(DEPARTING.name)),
    `the older history (${DEPARTING.name}'s) shows under the handover`,
  );
  assert.deepEqual(errors, [], 'no uncaught errors on the page');
  await context.close();
});

/** The day `days` after `day` (`YYYY-MM-DD`). */
const addDays = (day, days) => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
};

test('an on-job handover waits 24 hours: two days later on the demo clock the customer is done and under the successor', async () => {
  const context = await demo.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
  await context.addInitScript(() => localStorage.setItem('demo.role', 'manager'));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(demo.base);
  const nav = page.locator('demo-workspace nav button');
  await page.locator('cl-task-list [part~="list"], cl-task-list [part~="empty"]').first().waitFor();
  const today = await shownDemoDate(page);

  await nav.last().click();
  const transfer = page.locator('cl-customer-transfer');
  const step = (id) => transfer.locator(`section[aria-labelledby="${id}-title"]`);
  const staffOption = (stepId, name) =>
    step(stepId)
      .locator('[part~="staff"]')
      .filter({ has: page.locator('.name', { hasText: new RegExp(`^${name}$`) }) });
  await step('from').locator('[part~="search"]').fill(DEPARTING.name);
  await staffOption('from', DEPARTING.name).click();

  // One customer, found by a name no other customer has, the manager takes over, on-job (the default)
  // with the suggested message.
  const { customers } = await readDemoData(page);
  const customer = owned(customers, DEPARTING.id).find(
    (candidate) => !candidate.remark && customers.filter((other) => other.name === candidate.name).length === 1,
  );
  assert.ok(customer, 'a customer of the associate with a name of their own');
  await step('customers').locator('[part~="search"]').fill(customer.name);
  const rows = step('customers').locator('[part~="customer"]');
  await rows.filter({ hasText: customer.name }).waitFor();
  assert.equal(await rows.count(), 1);
  await rows.first().locator('input').check();
  assert.equal((await step('customers').locator('.select-all .count').textContent()).trim(), '已选 1 位');
  await staffOption('to', MANAGER.name).click();
  assert.ok(await step('mode').locator('label.option', { hasText: '仍在职' }).locator('input').isChecked());
  assert.ok((await step('mode').locator('[part~="message"]').inputValue()).length > 0);
  await step('preview').locator('button[type="submit"]').click();
  await step('preview').locator('[part~="preview"] .summary').waitFor();
  assert.equal((await step('preview').locator('.summary').textContent()).trim(), '1 位可以转接，0 位无法转接。');
  await transfer.locator('[part~="submit-button"]').click();
  await transfer.locator('[part~="dialog"] button[data-variant="primary"]').click();
  const statuses = (locator) =>
    locator
      .locator('li[data-status]')
      .allTextContents()
      .then((texts) => texts.map((text) => text.trim()));
  await step('progress').locator('[part~="progress"]').waitFor();
  assert.deepEqual(await statuses(step('progress').locator('[part~="progress"]')), ['1 位等待中（24 小时）']);

  // Still waiting: the customer is not the manager's yet.
  const ownerOf = async () =>
    (await readDemoData(page)).customers.find((other) => other.id === customer.id).ownerStaffId;
  assert.equal(await ownerOf(), DEPARTING.id);

  // Two days later on the demo clock: the history says done, and the customer is the manager's.
  await nav.first().click();
  const later = addDays(today, 2);
  await moveDemoDate(page, later);
  assert.equal(await shownDemoDate(page), later);
  await nav.last().click();
  const history = step('history').locator('.history-item');
  await history.first().waitFor();
  assert.equal(await history.count(), 1);
  assert.deepEqual(await statuses(history.first()), ['1 位已完成']);
  assert.equal(await ownerOf(), MANAGER.id);
  assert.deepEqual(errors, [], 'no uncaught errors on the page');
  await context.close();
});

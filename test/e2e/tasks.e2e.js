// End to end, in real Chromium against the built demo (demo/dist, on the default adapter): the
// associate's day. Move the demo clock to a seeded customer's birthday week, see the birthday task
// come up, send the coupon from it, and see the task done and the coupon on the customer's timeline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { moveDemoDate, shownDemoDate, useBuiltDemo } from '../helpers/demo.js';

const demo = useBuiltDemo();

/** The day `days` after `day` (`YYYY-MM-DD`). */
const addDays = (day, days) => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
};

/**
 * From the demo's IndexedDB: the signed-in associate's customer (reachable, with a birthday) whose
 * next birthday is the soonest at least `leadDays + 1` days after today in the store, so that its
 * task is not there yet and comes up once the clock moves to the birthday week.
 */
const birthdayCustomer = (page, leadDays) =>
  page.evaluate(async (lead) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('clienteling');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const read = (store, key) =>
      new Promise((resolve, reject) => {
        const request = key
          ? db.transaction(store).objectStore(store).get(key)
          : db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const meta = await read('meta', 'dataset');
    const customers = await read('customers');
    db.close();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: meta.policy.timeZone }).format(new Date());
    const year = Number(today.slice(0, 4));
    const dayNumber = (day) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
    const candidates = [];
    for (const customer of customers) {
      if (customer.ownerStaffId !== meta.signedInStaffId || customer.ruleTagIds.includes('rt-unreachable')) continue;
      for (const date of customer.importantDates ?? []) {
        const monthDay = date.date.slice(-5);
        if (date.kind !== 'birthday' || monthDay === '02-29') continue;
        const birthday = `${year}-${monthDay}` >= today ? `${year}-${monthDay}` : `${year + 1}-${monthDay}`;
        const days = dayNumber(birthday) - dayNumber(today);
        if (days > lead) candidates.push({ id: customer.id, name: customer.remark || customer.name, birthday, days });
      }
    }
    candidates.sort((a, b) => a.days - b.days);
    return { today, customer: candidates[0] };
  }, leadDays);

/** The task list's row of `taskId`, paging through the list shown until it is there (or the list ends). */
async function findTask(page, taskId) {
  const list = page.locator('cl-task-list');
  await list.locator('[part~="list"], [part~="empty"]').first().waitFor();
  const row = list.locator(`[data-task="${taskId}"]`);
  for (;;) {
    if (await row.count()) return row;
    const more = list.locator('[part~="more"]');
    if (!(await more.count())) return undefined;
    const shown = await list.locator('[part~="task"]').count();
    await more.click();
    await page.waitForFunction((before) => {
      const el = document.querySelector('demo-workspace').shadowRoot.querySelector('cl-task-list');
      return el.shadowRoot.querySelectorAll('[part~="task"]').length > before;
    }, shown);
  }
}

test('the demo clock moved to a customer’s birthday week brings up the birthday task; sending its coupon completes it and the coupon is on the timeline', async () => {
  const context = await demo.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(demo.base);

  // The Today tab opens first, with the associate's tasks on the real clock.
  const nav = page.locator('demo-workspace nav button');
  assert.equal((await nav.first().textContent()).trim(), '今日');
  assert.equal(await nav.first().getAttribute('aria-current'), 'page');
  await page.locator('cl-task-list [part~="list"], cl-task-list [part~="empty"]').first().waitFor();

  const leadDays = 7;
  const { today, customer } = await birthdayCustomer(page, leadDays);
  assert.ok(customer, 'the seed has a customer of the associate with a birthday more than a week away');
  const taskId = `task-birthday-${customer.id}-${customer.birthday.slice(0, 4)}`;
  assert.equal(await findTask(page, taskId), undefined, `no birthday task for ${customer.name} before the clock moves`);

  // Move the demo clock to three days before the birthday: the page starts again on that day.
  const demoDate = addDays(customer.birthday, -3);
  assert.ok(demoDate > today);
  await moveDemoDate(page, demoDate);
  assert.equal(await shownDemoDate(page), demoDate);
  const row = await findTask(page, taskId);
  assert.ok(row, `the birthday task of ${customer.name} came up on ${demoDate}`);
  // The name shows once the list has read the customer (a placeholder until then).
  await row.locator('[part~="customer"]', { hasText: customer.name }).waitFor();
  assert.equal((await row.locator('[part~="customer"]').textContent()).trim(), customer.name);
  assert.equal((await row.locator('[part~="reason"]').textContent()).trim(), '生日还有 3 天');

  // Its one-tap action opens the coupons of that customer.
  await row.locator('[part~="action"]').click();
  const dispenser = page.locator('cl-coupon-dispenser');
  await dispenser.waitFor();
  assert.equal(await dispenser.getAttribute('customer-id'), customer.id);
  assert.equal(await nav.nth(1).getAttribute('aria-current'), 'page');
  await page.locator('cl-coupon-dispenser [part~="send-button"]:not([disabled])').first().click();
  const stockName = (await page.locator('cl-coupon-dispenser dialog h3').first().textContent()).trim();
  await page.locator('cl-coupon-dispenser dialog button[data-variant="primary"]').click();
  await page.locator('cl-coupon-dispenser dialog [part~="code"]').waitFor();
  await page.locator('cl-coupon-dispenser dialog button[data-variant="primary"]').click();

  // Back on Today: the birthday task is done (sending the coupon completed it).
  await nav.first().click();
  assert.equal(await findTask(page, taskId), undefined, 'the birthday task left today');
  await page.locator('cl-task-list #tab-done').click();
  const done = await findTask(page, taskId);
  assert.ok(done, 'the birthday task is in the done list');
  assert.match((await done.locator('[part~="when"]').textContent()).trim(), /完成$/);

  // The coupon is on the customer's timeline.
  await nav.nth(1).click();
  await page.getByRole('tab', { name: '动态' }).click();
  await page.waitForFunction(
    (name) => {
      const demo = document.querySelector('demo-workspace').shadowRoot;
      const timeline = demo.querySelector('cl-customer-timeline')?.shadowRoot;
      return [...(timeline?.querySelectorAll('[part~="entry"]') ?? [])].some((entry) =>
        entry.textContent.includes(name),
      );
    },
    stockName,
    { timeout: 15_000 },
  );
  assert.deepEqual(errors, [], 'no uncaught errors on the page');
  await context.close();
});

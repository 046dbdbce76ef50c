// End to end, in real Chromium against the built demo (demo/dist, on the default adapter): the story of
// the results (issue 24). The associate shows the QR code of their card (a contact-me code of the channel
// store-card, made once), a customer scans it (the demo's 演示 panel), the associate sends them a coupon,
// the store's till records a purchase after closing that redeems it, and the Results tab's figures move
// by exactly that: one more customer of the channel, one more coupon sent and redeemed, the amount in
// attributed (coupon) sales and in the after-hours share; the customer's timeline shows all of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBuiltDemo } from '../helpers/demo.js';

const demo = useBuiltDemo();

const STATE = 'store-card';
/** What the till charges, in whole yuan (the charts' tables show whole yuan). */
const AMOUNT_YUAN = 888;

/**
 * A figure's text as a number, and how far it may be from the real one: `¥1,234` and `1,234` are exact
 * (to the yuan), `¥12.3万` / `12.3万` to half of 0.1万, `16.2%` (a rate, 0 to 1) to half of 0.1%.
 */
function parseFigure(text) {
  const clean = text.replace(/[¥,\s]/g, '');
  const number = Number.parseFloat(clean);
  assert.ok(Number.isFinite(number), `a number in "${text}"`);
  if (clean.endsWith('%')) return { value: number / 100, precision: 0.0005 };
  if (clean.endsWith('亿')) return { value: number * 1e8, precision: 0.05e8 };
  if (clean.endsWith('万')) return { value: number * 1e4, precision: 0.05e4 };
  return { value: number, precision: 0.5 };
}

/** Asserts that `after` is `before` plus `change`, within what the two texts can say. */
function assertChange(before, after, change, what) {
  const tolerance = before.precision + after.precision;
  const moved = after.value - before.value;
  assert.ok(Math.abs(moved - change) <= tolerance, `${what}: ${before.value} -> ${after.value}, expected +${change}`);
}

/**
 * The Results tab's figures as shown (7 days): each figure's value, its breakdown lines, its channels,
 * and today's row of its table (the last day, written in full).
 */
async function readResults(page) {
  await page.locator('demo-workspace nav button', { hasText: '业绩' }).click();
  await page.locator('cl-staff-results [part~="figures"]').waitFor({ timeout: 15_000 });
  return page.evaluate(() => {
    const results = document.querySelector('demo-workspace').shadowRoot.querySelector('cl-staff-results');
    const figures = {};
    for (const figure of results.shadowRoot.querySelectorAll('[part~="figure"]')) {
      const text = (node) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
      const rows = figure.querySelectorAll('tbody tr');
      figures[figure.dataset.figure] = {
        value: text(figure.querySelector('[part~="value"]')),
        detail: [...figure.querySelectorAll('p[part~="detail"] span')].map(text),
        channels: Object.fromEntries(
          [...figure.querySelectorAll('.channels li')].map((li) => [
            text(li.querySelector('.channel-name')),
            text(li.querySelector('.channel-count')),
          ]),
        ),
        today: text(rows[rows.length - 1]?.querySelector('td')),
      };
    }
    return figures;
  });
}

/** The store-card channel's count in the new customers' breakdown (0 when the channel has none yet). */
const channelCount = (figures) => {
  const entry = Object.entries(figures.customersAdded.channels).find(([name]) => name.includes(STATE));
  return entry ? parseFigure(entry[1]) : { value: 0, precision: 0 };
};

/** The coupon-driven part of the attributed sales ("券带动 ¥1,234"). */
const couponSales = (figures) => {
  const line = figures.attributedSales.detail.find((text) => text.startsWith('券带动'));
  assert.ok(line, 'the attributed sales show their coupon-driven part');
  return parseFigure(line.replace('券带动', ''));
};

/** The demo's contact-me codes of the store-card channel, from its IndexedDB. */
const storeCardCodes = (page) =>
  page.evaluate(async (state) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('clienteling');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const ways = await new Promise((resolve, reject) => {
      const request = db.transaction('contactWays').objectStore('contactWays').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return ways.filter((way) => way.state === state).map((way) => ({ id: way.id, url: way.url }));
  }, STATE);

/** Opens the Customers tab and the card's QR code, and waits until the code is drawn. */
async function showMyQrCode(page) {
  await page.locator('demo-workspace nav button').nth(1).click();
  await page.locator('cl-staff-card [part~="name"]').first().waitFor();
  await page.getByRole('button', { name: '我的二维码' }).click();
  await page.locator('#my-qr svg.qr-code').waitFor({ timeout: 15_000 });
}

/** Waits until the customer's timeline has an entry with each of `texts`. */
async function waitForTimeline(page, texts) {
  await page.getByRole('tab', { name: '动态' }).click();
  await page.waitForFunction(
    (wanted) => {
      const workspace = document.querySelector('demo-workspace').shadowRoot;
      const timeline = workspace.querySelector('cl-customer-timeline')?.shadowRoot;
      const entries = [...(timeline?.querySelectorAll('[part~="entry"]') ?? [])].map((entry) => entry.textContent);
      return wanted.every((text) => entries.some((entry) => entry.includes(text)));
    },
    texts,
    { timeout: 15_000 },
  );
}

test('a customer added by the card’s contact-me code, sent a coupon and buying with it after closing moves the results by exactly that, and the timeline shows it all', async () => {
  const context = await demo.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(demo.base);

  const before = await readResults(page);

  // The card's QR code is the associate's contact-me code of the channel, made once: a reload reuses it.
  await showMyQrCode(page);
  const [code, ...others] = await storeCardCodes(page);
  assert.ok(code, 'the card made a contact-me code of the channel store-card');
  assert.deepEqual(others, [], 'one code of the channel');
  assert.match(code.url, /state=store-card/);
  await page.reload();
  await showMyQrCode(page);
  assert.deepEqual(await storeCardCodes(page), [code], 'the reloaded card shows the same code');

  // A customer scans it (the demo panel): they are added and picked.
  const simulator = page.locator('demo-simulator');
  await simulator.getByRole('button', { name: '顾客扫码添加' }).click();
  const scanned = simulator.getByRole('status').first();
  await scanned.filter({ hasText: '扫码添加了你' }).waitFor();
  const name = (await scanned.textContent()).trim().split(' ')[0];
  await page.locator('cl-customer-profile [part~="name"]', { hasText: name }).waitFor();
  await waitForTimeline(page, [`通过联系我二维码“${STATE}”添加`]);

  // The associate sends them a coupon (the 发券 tab).
  await page.getByRole('tab', { name: '发券' }).click();
  await page.locator('cl-coupon-dispenser [part~="send-button"]:not([disabled])').first().click();
  const stockName = (await page.locator('cl-coupon-dispenser dialog h3').first().textContent()).trim();
  await page.locator('cl-coupon-dispenser dialog button[data-variant="primary"]').click();
  await page.locator('cl-coupon-dispenser dialog [part~="code"]').waitFor();
  const couponCode = (await page.locator('cl-coupon-dispenser dialog [part~="code"]').textContent()).trim();
  await page.locator('cl-coupon-dispenser dialog button[data-variant="primary"]').click();

  // The store's till records a purchase after closing (the default time) that redeems it.
  const coupon = simulator.locator('select[name="coupon"] option', { hasText: couponCode });
  await coupon.waitFor({ state: 'attached' });
  await simulator.locator('select[name="coupon"]').selectOption(await coupon.getAttribute('value'));
  await simulator.locator('input[name="amount"]').fill(String(AMOUNT_YUAN));
  assert.match(await simulator.locator('select[name="time"] option:checked').textContent(), /打烊后/);
  await simulator.getByRole('button', { name: '记录消费' }).click();
  const recorded = simulator.getByRole('status').nth(1);
  await recorded.filter({ hasText: '已记录' }).waitFor();
  assert.equal((await recorded.textContent()).trim(), `已记录 ¥${AMOUNT_YUAN}.00（打烊后），优惠券已核销。`);

  // The timeline: added through the code, the coupon sent, the purchase and the coupon redeemed.
  await waitForTimeline(page, [
    `通过联系我二维码“${STATE}”添加`,
    stockName,
    `消费 ¥${AMOUNT_YUAN}`,
    '客户使用了优惠券',
  ]);

  // The results moved by exactly what happened.
  const after = await readResults(page);
  const amount = AMOUNT_YUAN; // the tables and figures are in yuan
  assertChange(channelCount(before), channelCount(after), 1, 'customers added by the store-card code');
  assertChange(parseFigure(before.customersAdded.value), parseFigure(after.customersAdded.value), 1, 'new customers');
  assertChange(parseFigure(before.customersAdded.today), parseFigure(after.customersAdded.today), 1, 'new today');
  assertChange(parseFigure(before.couponsSent.today), parseFigure(after.couponsSent.today), 1, 'coupons sent today');
  const redeemedBefore = parseFigure(before.couponsRedeemed.value);
  assertChange(redeemedBefore, parseFigure(after.couponsRedeemed.value), 1, 'coupons redeemed');
  assertChange(
    parseFigure(before.couponsRedeemed.today),
    parseFigure(after.couponsRedeemed.today),
    1,
    'redeemed today',
  );
  assertChange(couponSales(before), couponSales(after), amount, 'coupon-driven attributed sales');
  const salesToday = parseFigure(before.attributedSales.today);
  assertChange(salesToday, parseFigure(after.attributedSales.today), amount, 'attributed sales today');

  // Today's after-hours share: the purchase is after hours, so its amount joins the after-hours sales.
  const shareBefore = parseFigure(before.afterHoursShare.today);
  const shareAfter = parseFigure(after.afterHoursShare.today);
  const expected = (shareBefore.value * salesToday.value + amount) / (salesToday.value + amount);
  const tolerance = shareBefore.precision + shareAfter.precision + 0.5 / (salesToday.value + amount);
  assert.ok(
    Math.abs(shareAfter.value - expected) <= tolerance,
    `after-hours share today ${shareBefore.value} -> ${shareAfter.value}, expected ${expected.toFixed(4)}`,
  );
  if (shareBefore.value < 1) assert.ok(shareAfter.value > shareBefore.value, 'the after-hours share rose');
  const weekShareBefore = parseFigure(before.afterHoursShare.value);
  const weekShareAfter = parseFigure(after.afterHoursShare.value);
  if (weekShareBefore.value < 1) assert.ok(weekShareAfter.value > weekShareBefore.value, '7 days: the share rose');

  assert.deepEqual(errors, [], 'no uncaught errors on the page');
  await context.close();
});

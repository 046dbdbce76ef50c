// End to end, in real Chromium against the built demo (demo/dist, on the default adapter): a broadcast (群发,
// issue 21) that respects the cap. The Broadcast tab shows, before sending, whom it reaches and who is skipped
// and why; a customer who already received a message today (the seed's broadcast of this morning) is listed as
// skipped; a script with {customerName} from the library blocks the send until rewritten; the draft survives a
// reload; the broadcast is sent, confirmed in WeCom and followed until done; the customer over the cap is
// skipped in its results and in IndexedDB, never sent to, and exactly the customers the preview counted are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scriptWithCustomerName, useBuiltDemo } from '../helpers/demo.js';

const demo = useBuiltDemo();

/** What the associate writes instead of the script's words: the same for every customer. */
const PLAIN_TEXT = '本周六会员日到店有小礼物，欢迎来逛逛。';
/** The statuses of a recipient that use the customer's quota (core's CAP_COUNTED_STATUSES). */
const COUNTED = ['pending', 'awaiting-confirmation', 'sent'];
/** The rule tag of a customer who can no longer be reached (core's UNREACHABLE_TAG_ID). */
const UNREACHABLE_TAG_ID = 'rt-unreachable';

/**
 * From the demo's IndexedDB: who is signed in, the policy, the customers, the broadcasts and their recipient
 * records, today in the store's time zone and the day each broadcast was created there, and the broadcast
 * composer's saved draft.
 */
const readDemoData = (page) =>
  page.evaluate(async () => {
    const openDatabase = (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
    const request = (db, store, make) =>
      new Promise((resolve, reject) => {
        const asked = make(db.transaction(store).objectStore(store));
        asked.onsuccess = () => resolve(asked.result);
        asked.onerror = () => reject(asked.error);
      });
    const db = await openDatabase('clienteling');
    const meta = await request(db, 'meta', (store) => store.get('dataset'));
    const customers = await request(db, 'customers', (store) => store.getAll());
    const broadcasts = await request(db, 'broadcasts', (store) => store.getAll());
    const recipients = await request(db, 'broadcastRecipients', (store) => store.getAll());
    db.close();
    const drafts = await openDatabase('clienteling-drafts');
    const draft = drafts.objectStoreNames.contains('drafts')
      ? await request(drafts, 'drafts', (store) => store.get(`broadcast:${meta.signedInStaffId}`))
      : undefined;
    drafts.close();
    const storeDay = new Intl.DateTimeFormat('en-CA', { timeZone: meta.policy.timeZone });
    return {
      signedInStaffId: meta.signedInStaffId,
      policy: meta.policy,
      today: storeDay.format(new Date()),
      customers,
      broadcasts: broadcasts.map((record) => record.broadcast),
      recipients: recipients.map((record) => ({
        ...record,
        createdDay: storeDay.format(new Date(record.broadcastCreatedAt)),
      })),
      draftText: draft?.text,
    };
  });

/**
 * What the data implies for a broadcast to all of the associate's customers now, by the rules of the trade:
 * each own customer is skipped as unsubscribed, unreachable, or over the cap (as many company messages of
 * broadcasts created today in the store as the cap allows, counted statuses only), else sent to.
 */
function expectedReach(data) {
  const cap = data.policy.broadcastCap;
  assert.deepEqual(cap, { perCustomer: 1, period: 'day' }, 'the demo’s policy: one company message a day');
  const receivedToday = new Map();
  for (const recipient of data.recipients) {
    if (!COUNTED.includes(recipient.status) || recipient.createdDay !== data.today) continue;
    receivedToday.set(recipient.customerId, (receivedToday.get(recipient.customerId) ?? 0) + 1);
  }
  const reasonOf = (customer) => {
    if (customer.unsubscribedAt) return 'unsubscribed';
    if (customer.ruleTagIds.includes(UNREACHABLE_TAG_ID)) return 'unreachable';
    if ((receivedToday.get(customer.id) ?? 0) >= cap.perCustomer) return 'limit-reached';
    return undefined;
  };
  const sentTo = [];
  const skipped = { 'limit-reached': [], unreachable: [], unsubscribed: [] };
  for (const customer of data.customers) {
    if (customer.ownerStaffId !== data.signedInStaffId) continue;
    const reason = reasonOf(customer);
    if (reason) skipped[reason].push(customer);
    else sentTo.push(customer);
  }
  const skippedCount = Object.values(skipped).reduce((sum, list) => sum + list.length, 0);
  return { sentTo, skipped, skippedCount };
}

/** The broadcast composer's recipients of the open tab, by name with their status and detail, paging to the end. */
async function allRecipientRows(page) {
  const composer = page.locator('cl-broadcast-composer');
  const more = composer.locator('#recipients button', { hasText: '加载更多' });
  await composer.locator('#recipients [part~="recipient"], #recipients p.hint').first().waitFor();
  for (;;) {
    await page.waitForFunction(() => {
      const workspace = document.querySelector('demo-workspace').shadowRoot;
      const panel = workspace.querySelector('cl-broadcast-composer').shadowRoot.querySelector('#recipients');
      return ![...panel.querySelectorAll('p.hint')].some((hint) => hint.textContent.includes('加载中'));
    });
    if (!(await more.count())) break;
    const shown = await composer.locator('[part~="recipient"]').count();
    await more.click();
    await composer.locator('[part~="recipient"]').nth(shown).waitFor();
  }
  return composer.locator('[part~="recipient"]').evaluateAll((rows) =>
    rows.map((row) => ({
      name: row.querySelector('.name').textContent.trim(),
      status: row.dataset.status,
      detail: row.querySelector('.detail')?.textContent.trim() ?? '',
    })),
  );
}

const sortedNames = (customers) => customers.map((customer) => customer.name).sort();
const number = (value) => new Intl.NumberFormat('zh-CN').format(value);

test('a broadcast shows before sending who already received a message today, skips them, and sends exactly the others', async () => {
  const context = await demo.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(demo.base);

  // 1. The Broadcast tab: the reach of a broadcast to all the associate's customers, as the data implies.
  const broadcastTab = page.locator('demo-workspace nav button', { hasText: '群发' });
  await broadcastTab.click();
  const composer = page.locator('cl-broadcast-composer');
  const reachLine = composer.locator('[part~="reach"] .reach-line');
  await reachLine.waitFor({ timeout: 15_000 });
  const before = await readDemoData(page);
  const expected = expectedReach(before);
  const overCap = expected.skipped['limit-reached'];
  assert.ok(overCap.length > 0, 'some of the associate’s customers already received a message today (the seed)');
  assert.ok(expected.sentTo.length > 0, 'some of them can receive one');
  const reasons = [
    overCap.length && `${number(overCap.length)} 位今天已收到消息`,
    expected.skipped.unreachable.length && `${number(expected.skipped.unreachable.length)} 位无法联系`,
    expected.skipped.unsubscribed.length && `${number(expected.skipped.unsubscribed.length)} 位已拒收`,
  ].filter(Boolean);
  const recipientCount = expected.sentTo.length;
  assert.equal(
    (await reachLine.textContent()).trim(),
    `将发送给 ${number(recipientCount)} 位客户；${number(expected.skippedCount)} 位跳过：${reasons.join('，')}`,
  );

  // The skipped list: every customer over the cap, with the reason, among them the one this test follows.
  await composer.getByRole('button', { name: '查看跳过的客户' }).click();
  const skippedList = composer.locator('[part~="skipped"]');
  await skippedList.waitFor();
  const listed = await skippedList.locator('li').evaluateAll((items) =>
    items.map((item) => ({
      reason: item.dataset.reason,
      name: item.querySelector('span').textContent.trim(),
      why: item.querySelector('.hint').textContent.trim(),
    })),
  );
  assert.equal(listed.length, expected.skippedCount, 'every skipped customer is listed');
  const listedOverCap = listed.filter((item) => item.reason === 'limit-reached');
  assert.deepEqual(listedOverCap.map((item) => item.name).sort(), sortedNames(overCap));
  const [followed] = overCap;
  const followedItem = listed.find((item) => item.name === followed.name);
  assert.deepEqual(followedItem, { reason: 'limit-reached', name: followed.name, why: '今天已收到消息' });

  // 2. A script with {customerName}, used in the broadcast: its words go in, and the send is blocked.
  await page.locator('demo-workspace details.scripts summary').click();
  const script = await scriptWithCustomerName(page, 'unfilled');
  assert.ok(script, 'the library has a script with {customerName}');
  // The words as the library shows them, the unfilled variable as written.
  const scriptWords = await script.locator('[part~="preview"]').evaluate((preview) => {
    const copy = preview.cloneNode(true);
    for (const mark of copy.querySelectorAll('mark')) mark.replaceWith(mark.querySelector('[aria-hidden]').textContent);
    return copy.textContent.trim();
  });
  assert.ok(scriptWords.includes('{customerName}'), scriptWords);
  await script.locator('[part~="broadcast"]').click();
  const textarea = composer.locator('textarea[part~="textarea"]');
  assert.equal(await textarea.inputValue(), scriptWords, 'the composer holds the script’s words');
  assert.equal(await page.locator('demo-workspace details.scripts').getAttribute('open'), null, 'the library closed');
  const send = composer.locator('[part~="send-button"]');
  assert.equal(await send.isDisabled(), true, 'the send is blocked');
  assert.equal(
    (await composer.locator('#why').textContent()).trim(),
    '群发时每位客户收到相同的文字，{customerName} 不会被替换，请改写。',
  );
  await textarea.fill(PLAIN_TEXT);
  await composer.locator('[part~="send-button"]:not([disabled])').waitFor();
  assert.equal((await composer.locator('#why').textContent()).trim(), '');

  // 3. Each change is saved at once (core's drafts): a reload straight after typing keeps it.
  await page.reload();
  await broadcastTab.click();
  await reachLine.waitFor({ timeout: 15_000 });
  assert.equal(await textarea.inputValue(), PLAIN_TEXT, 'the draft survived the reload');
  assert.equal((await readDemoData(page)).draftText, PLAIN_TEXT);
  assert.match((await reachLine.textContent()).trim(), new RegExp(`^将发送给 ${number(recipientCount)} 位客户；`));

  // 4. Send, confirm in the dialog, confirm in WeCom, and follow the progress until done.
  await composer.locator('[part~="send-button"]:not([disabled])').click();
  const dialog = composer.locator('dialog[part~="dialog"]');
  await dialog.waitFor();
  assert.equal(
    (await dialog.locator('#dialog-body').textContent()).trim(),
    `将发送给 ${number(recipientCount)} 位客户。`,
  );
  await dialog.locator('button[data-variant="primary"]').click();
  const progress = composer.locator('[part~="progress"]');
  await progress.locator('.state[data-state="awaiting-confirmation"]').waitFor({ timeout: 15_000 });
  await progress.getByRole('button', { name: '已在企业微信确认' }).click();
  // The adapter sends 100 recipients a second after the confirmation; the composer reads it every 3 s.
  const sendingTime = 15_000 + Math.ceil(recipientCount / 100) * 1000;
  await progress.locator('.state[data-state="done"]').waitFor({ timeout: sendingTime });
  assert.equal(
    (await progress.locator('#progress-count').textContent()).trim(),
    `已处理 ${number(recipientCount)}/${number(recipientCount)}`,
  );

  // 5. The skipped tab lists the customer over the cap with the reason.
  await progress.locator('#tab-skipped').click();
  assert.equal(await progress.locator('#tab-skipped').getAttribute('aria-selected'), 'true');
  assert.equal((await progress.locator('#tab-skipped .count').textContent()).trim(), number(expected.skippedCount));
  const skippedRows = await allRecipientRows(page);
  assert.equal(skippedRows.length, expected.skippedCount);
  assert.ok(
    skippedRows.some(
      (row) => row.name === followed.name && row.status === 'skipped' && row.detail === '今天已收到消息',
    ),
    `${followed.name} is skipped: already received a message today`,
  );

  // In IndexedDB: the new broadcast skipped them (limit reached), sent them nothing, and sent exactly the others.
  const after = await readDemoData(page);
  const earlier = new Set(before.broadcasts.map((broadcast) => broadcast.id));
  const made = after.broadcasts.filter((broadcast) => !earlier.has(broadcast.id));
  assert.equal(made.length, 1, 'one broadcast was made');
  const [broadcast] = made;
  assert.equal(broadcast.state, 'done');
  assert.equal(broadcast.content.text, PLAIN_TEXT);
  const recipients = after.recipients.filter((recipient) => recipient.broadcastId === broadcast.id);
  const followedRecords = recipients.filter((recipient) => recipient.customerId === followed.id);
  assert.deepEqual(
    followedRecords.map(({ status, reason }) => ({ status, reason })),
    [{ status: 'skipped', reason: 'limit-reached' }],
  );
  assert.equal(followedRecords.filter((recipient) => recipient.status === 'sent').length, 0);
  const overCapIds = new Set(overCap.map((customer) => customer.id));
  for (const recipient of recipients.filter((r) => overCapIds.has(r.customerId))) {
    assert.deepEqual([recipient.status, recipient.reason], ['skipped', 'limit-reached'], recipient.customerId);
  }
  const sent = recipients.filter((recipient) => recipient.status === 'sent');
  assert.equal(sent.length, recipientCount, 'the number sent is the number the preview said');
  assert.deepEqual(
    sent.map((recipient) => recipient.customerId).sort(),
    expected.sentTo.map((customer) => customer.id).sort(),
  );
  assert.equal(broadcast.counts.sent, recipientCount);

  // 6. No page errors.
  assert.deepEqual(errors, [], 'no uncaught errors on the page');
  await context.close();
});

// <cl-broadcast-composer> on the real default adapter (adapter-local on IndexedDB) with the conformance
// suite's small dataset: the per-customer cap as the backend counts it, not as a stub says.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { CONFORMANCE_START, conformanceDataset, createTestClock } from '@clienteling/adapter-testkit';
import { createLocalAdapter, type LocalAdapter } from '@clienteling/adapter-local';
import '../src/define.js';
import type { BroadcastComposer } from '../src/broadcast-composer.js';

let n = 0;
const opened: Array<[LocalAdapter, string]> = [];
const timers: Array<ReturnType<typeof setInterval>> = [];
afterEach(async () => {
  timers.splice(0).forEach(clearInterval);
  for (const [adapter, name] of opened.splice(0)) {
    adapter.close();
    await deleteDB(name);
  }
});

/** adapter-local on a fresh database with the conformance dataset, on a clock the test moves. */
function localAdapter() {
  const dbName = `broadcast-composer-${Date.now()}-${++n}`;
  const clock = createTestClock(CONFORMANCE_START);
  const adapter = createLocalAdapter({ dbName, clock: () => clock.now(), dataset: conformanceDataset });
  opened.push([adapter, dbName]);
  return { adapter, clock };
}

const q = <E extends Element = HTMLElement>(el: BroadcastComposer, sel: string) =>
  el.shadowRoot!.querySelector<E & HTMLElement>(sel);
const qa = (el: BroadcastComposer, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const reach = (el: BroadcastComposer) => q(el, '[part=reach]')?.textContent!.replace(/\s+/g, ' ').trim() ?? '';
const button = (el: BroadcastComposer, label: string) =>
  qa(el, 'button').find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === label) as HTMLButtonElement;

async function mount(adapter: LocalAdapter, customerIds: string, lang = 'en') {
  const wrap = await fixture<HTMLDivElement>(
    html`<div lang=${lang}
      ><cl-broadcast-composer
        .adapter=${adapter}
        draft-key=${`local-test:${Date.now()}:${++n}`}
        customer-ids=${customerIds}
        refresh-interval="20"
      ></cl-broadcast-composer
    ></div>`,
  );
  const el = wrap.querySelector('cl-broadcast-composer')!;
  await waitUntil(() => q(el, 'textarea') || q(el, '[role=alert]'), 'the composer did not load');
  return el;
}

describe('cl-broadcast-composer on adapter-local', () => {
  it('shows a customer over the cap as skipped before sending, and does not send to them', async () => {
    const { adapter, clock } = localAdapter();
    // 陈静 (c-1) already had today's company message: one a day is the default cap.
    const earlier = await adapter.createBroadcast({
      requestId: 'earlier-today',
      audience: { type: 'customers', customerIds: ['c-1'] },
      content: { text: '早上好，今天有新品到店', attachments: [] },
    });
    await adapter.confirmBroadcast({ broadcastId: earlier.id });
    clock.advance(60_000);

    const el = await mount(adapter, 'c-1 c-2 c-4');
    await waitUntil(() => reach(el).startsWith('Will reach'), `no reach: “${reach(el)}”`);
    expect(reach(el)).to.include('Will reach 1; 2 skipped: 1 already received a message today, 1 not reachable');
    button(el, 'Show who is skipped').click();
    await el.updateComplete;
    const capped = q(el, '#skipped li[data-reason=limit-reached]')!;
    expect(capped.textContent).to.include('陈静').and.include('already received a message today');
    await expect(el).to.be.accessible();

    const area = q<HTMLTextAreaElement>(el, 'textarea')!;
    area.value = '双十一会员日，今晚 8 点直播间见';
    area.dispatchEvent(new Event('input'));
    await waitUntil(() => !q<HTMLButtonElement>(el, '[part=send-button]')!.disabled, 'send stayed disabled');
    q(el, '[part=send-button]')!.click();
    await waitUntil(() => q<HTMLDialogElement>(el, 'dialog')!.open);
    button(el, 'Send').click();
    await waitUntil(() => button(el, 'I confirmed it in WeCom'), 'no confirmation step');
    button(el, 'I confirmed it in WeCom').click();
    // adapter-local sends over time by its clock: move it on while the composer reads the progress.
    timers.push(setInterval(() => clock.advance(1000), 10));
    await waitUntil(() => q(el, '.state[data-state=done]'), 'the broadcast did not finish', { timeout: 5000 });

    const { items: broadcasts } = await adapter.listBroadcasts({});
    const made = broadcasts.find((broadcast) => broadcast.id !== earlier.id)!;
    const { items } = await adapter.listBroadcastRecipients({ broadcastId: made.id });
    const byCustomer = Object.fromEntries(items.map((r) => [r.customerId, [r.status, r.reason]]));
    expect(byCustomer).to.deep.equal({
      'c-1': ['skipped', 'limit-reached'],
      'c-2': ['sent', undefined],
      'c-4': ['skipped', 'unreachable'],
    });
    expect(made.counts).to.deep.include({ sent: 1, skipped: 2 });
  });

  it('counts the cap in the store’s day: the next day the same customer is reached again', async () => {
    const { adapter, clock } = localAdapter();
    const earlier = await adapter.createBroadcast({
      requestId: 'yesterday',
      audience: { type: 'customers', customerIds: ['c-1'] },
      content: { text: '早上好', attachments: [] },
    });
    await adapter.confirmBroadcast({ broadcastId: earlier.id });
    const zh = await mount(adapter, 'c-1 c-2', 'zh-CN');
    await waitUntil(() => reach(zh).includes('将发送给 1 位客户；1 位跳过：1 位今天已收到消息'), `“${reach(zh)}”`);
    zh.parentElement!.remove();
    // 10:00 in Shanghai on the start day; 24 hours later is the next local day.
    clock.advance(24 * 3_600_000);
    const next = await mount(adapter, 'c-1 c-2', 'zh-CN');
    await waitUntil(() => reach(next) === '将发送给 2 位客户', `“${reach(next)}”`);
  });
});

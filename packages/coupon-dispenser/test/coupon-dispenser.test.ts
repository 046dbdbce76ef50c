import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AdapterError, type CouponOffer, type CouponStock, type IssuedCoupon } from '@clienteling/core';
import '../src/define.js';
import type { CouponDispenser, CouponIssuedDetail } from '../src/index.js';
import { deferred, fixtures, stubAdapter, type StubAdapter } from '../../../test/helpers/stub-adapter.js';
import { stubHostBridge } from '@clienteling/host-bridge/testing.js';
import { couponBackend } from '../../../test/helpers/coupon-backend.js';
import { textContrast } from '../../../test/helpers/contrast.js';
import { splitWords, linesOf } from '../../../test/helpers/layout.js';
import { themeStylesheet } from '@clienteling/core/elements.js';

const PIXEL = new URL('/test/helpers/pixel.png', location.href).href;

/** Inside the fixtures' validity window (2026-11-01 to 2026-12-31, Shanghai time). */
const NOW = new Date('2026-11-15T10:00:00+08:00');

const stock = (over: Partial<CouponOffer> = {}): CouponStock => {
  const { held: _held, ...rest } = fixtures.couponOffer(over);
  return rest;
};

/** The shared in-memory coupon backend, behind a recording stub adapter. */
function couponShop(stocks: CouponStock[], held: IssuedCoupon[] = []) {
  const backend = couponBackend(stocks, held, NOW);
  const adapter: StubAdapter = stubAdapter({
    getPolicy: async () => {
      throw new AdapterError('unavailable', 'no policy here');
    },
    getCustomer: async ({ customerId }) =>
      fixtures.customer({ id: customerId, name: customerId === 'cust-1' ? '陈静' : '李娜', avatarUrl: PIXEL }),
    ...backend.operations,
  });
  return { adapter, issued: backend.issued, stocks, control: backend.control };
}

type Shop = ReturnType<typeof couponShop>;

const root = (el: CouponDispenser) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: CouponDispenser, selector: string) =>
  root(el).querySelector<T>(selector);
const $$ = (el: CouponDispenser, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | ShadowRoot | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const dialog = (el: CouponDispenser) => $<HTMLDialogElement>(el, 'dialog')!;
const offer = (el: CouponDispenser, id = 'stock-1') => $(el, `[data-id="${id}"]`)!;
const sendButton = (el: CouponDispenser, id = 'stock-1') => offer(el, id).querySelector('button')!;
const dialogButton = (el: CouponDispenser, label: RegExp) =>
  [...dialog(el).querySelectorAll('button')].find((b) => label.test(b.textContent ?? ''))!;
const issueCalls = (shop: Shop) => shop.adapter.callsTo('issueCoupon') as Array<{ requestId: string }>;

/** The dispenser's send sheet loader (core's `OnDemand`), whose import a test may replace. */
interface SheetLoader {
  part?: unknown;
  importPart: () => Promise<unknown>;
}

/** The loader of `el`'s send sheet, once the sheet has loaded (when the browser was idle), set to load again. */
async function unloadedSheet(el: CouponDispenser): Promise<SheetLoader & { realImport: () => Promise<unknown> }> {
  const loader = (el as unknown as { sendSheet: SheetLoader }).sendSheet;
  await waitUntil(() => loader.part, 'the send sheet did not load when the browser was idle');
  loader.part = undefined;
  return Object.assign(loader, { realImport: loader.importPart });
}

async function mount(shop: Shop, { lang = 'zh-CN', customer = 'cust-1' } = {}) {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}
      ><cl-coupon-dispenser customer-id=${customer} .adapter=${shop.adapter} .now=${NOW}></cl-coupon-dispenser
    ></div>`,
  );
  const el = wrapper.querySelector('cl-coupon-dispenser')!;
  await waitUntil(() => $(el, '[data-id]') || $(el, '.state'), 'offers did not load');
  await waitUntil(() => !$(el, '.coupon .cl-skeleton'), 'coupons did not load');
  return el;
}

async function openConfirm(el: CouponDispenser, id = 'stock-1') {
  sendButton(el, id).click();
  await waitUntil(() => dialog(el).open, 'dialog did not open');
  await el.updateComplete;
}

async function confirmAndWait(el: CouponDispenser, label = /确认发送|Send coupon|重试|Retry/) {
  dialogButton(el, label).click();
  await el.updateComplete;
  await waitUntil(() => dialog(el).querySelector('[role="alert"], [role="status"]'), 'send did not settle');
  await el.updateComplete;
}

describe('cl-coupon-dispenser', () => {
  describe('offers', () => {
    it('shows what each coupon gives, its window, stock, limit and holdings (zh-CN)', async () => {
      const shop = couponShop(
        [
          stock(),
          stock({
            id: 'stock-2',
            name: '会员85折',
            benefit: { kind: 'discount', percentOff: 15, threshold: 0 },
            perCustomerLimit: 3,
          }),
          stock({ id: 'stock-3', name: '满1000赠礼', benefit: { kind: 'gift', gift: '旅行套装', threshold: 100000 } }),
        ],
        [fixtures.issuedCoupon({ stockId: 'stock-2', id: 'c-held' })],
      );
      const el = await mount(shop);
      expect(text($(el, '[data-id="stock-1"] [part="benefit"]'))).to.equal('满¥300减¥50');
      expect(text($(el, '[data-id="stock-2"] [part="benefit"]'))).to.equal('8.5折');
      expect(text($(el, '[data-id="stock-3"] [part="benefit"]'))).to.equal('满¥1,000赠旅行套装');
      const first = text(offer(el));
      expect(first).to.contain('有效期 2026年11月1日 至 2026年12月31日');
      expect(first).to.contain('剩余 40/100 张');
      expect(first).to.contain('每人限领 1 张 · 已领 0 张');
      expect(text(offer(el, 'stock-2'))).to.contain('每人限领 3 张 · 已领 1 张');
      expect(sendButton(el).disabled).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('formats money and dates for English', async () => {
      const shop = couponShop([
        stock(),
        stock({ id: 'stock-2', benefit: { kind: 'discount', percentOff: 15, threshold: 20000 } }),
        stock({ id: 'stock-3', benefit: { kind: 'gift', gift: 'travel kit', threshold: 0 } }),
        stock({ id: 'stock-4', benefit: { kind: 'amount-off', amountOff: 1050, threshold: 0 } }),
      ]);
      const el = await mount(shop, { lang: 'en' });
      expect(text($(el, '[data-id="stock-1"] [part="benefit"]'))).to.equal('¥50 off orders over ¥300');
      expect(text($(el, '[data-id="stock-2"] [part="benefit"]'))).to.equal('15% off orders over ¥200');
      expect(text($(el, '[data-id="stock-3"] [part="benefit"]'))).to.equal('Free travel kit');
      expect(text($(el, '[data-id="stock-4"] [part="benefit"]'))).to.equal('¥10.50 off');
      const first = text(offer(el));
      expect(first).to.contain('Valid Nov 1, 2026 – Dec 31, 2026');
      expect(first).to.contain('40 of 100 left');
      expect(first).to.contain('Limit 1 per customer · holds 0');
      expect(text(sendButton(el))).to.equal('Send');
      await expect(el).to.be.accessible();
    });

    it('keeps every unavailable stock visible and disabled, with its reason', async () => {
      const shop = couponShop(
        [
          stock({ id: 'sold', remaining: 0 }),
          stock({ id: 'limit', perCustomerLimit: 2 }),
          stock({ id: 'later', validFrom: '2026-12-01T00:00:00+08:00' }),
          stock({ id: 'gone', validFrom: '2026-09-01T00:00:00+08:00', validUntil: '2026-10-31T23:59:59+08:00' }),
          stock({ id: 'backend-says', status: 'sold-out' }),
          stock({ id: 'ok' }),
        ],
        [fixtures.issuedCoupon({ stockId: 'limit', id: 'h1' }), fixtures.issuedCoupon({ stockId: 'limit', id: 'h2' })],
      );
      const el = await mount(shop);
      const reason = (id: string) => text(offer(el, id).querySelector('[part="reason"]'));
      expect(reason('sold')).to.equal('已抢光');
      expect(reason('limit')).to.equal('客户已达限领数量');
      expect(reason('later')).to.equal('2026年12月1日 开始');
      expect(reason('gone')).to.equal('已过期');
      expect(reason('backend-says')).to.equal('已抢光');
      expect(offer(el, 'ok').querySelector('[part="reason"]') === null).to.equal(true);
      for (const id of ['sold', 'limit', 'later', 'gone', 'backend-says']) {
        const button = sendButton(el, id);
        expect(button.disabled, id).to.equal(true);
        const described = root(el).getElementById(button.getAttribute('aria-describedby')!);
        expect(text(described), id).to.equal(reason(id));
        expect(offer(el, id).getAttribute('part')).to.equal('offer offer-unavailable');
      }
      expect(sendButton(el, 'ok').disabled).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('words the reasons in English too', async () => {
      const shop = couponShop([
        stock({ id: 'sold', remaining: 0 }),
        stock({ id: 'later', validFrom: '2026-12-01T00:00:00+08:00' }),
      ]);
      const el = await mount(shop, { lang: 'en' });
      expect(text(offer(el, 'sold').querySelector('[part="reason"]'))).to.equal('Sold out');
      expect(text(offer(el, 'later').querySelector('[part="reason"]'))).to.equal('Starts Dec 1, 2026');
    });

    it('hides sending when the adapter cannot issue coupons', async () => {
      const shop = couponShop([stock()]);
      (shop.adapter as { capabilities: object }).capabilities = { ...shop.adapter.capabilities, issueCoupon: false };
      const el = await mount(shop);
      expect(offer(el).querySelector('button') === null).to.equal(true);
      expect(text(offer(el))).to.contain('满¥300减¥50');
    });

    it('shows a skeleton while loading, then the offers', async () => {
      const gate = deferred<CouponOffer[]>();
      const adapter = stubAdapter({ listCouponStocks: () => gate.promise, listCustomerCoupons: async () => [] });
      const el = await fixture<CouponDispenser>(
        html`<cl-coupon-dispenser customer-id="cust-1" .adapter=${adapter} .now=${NOW}></cl-coupon-dispenser>`,
      );
      expect($$(el, '.offer .cl-skeleton').length).to.be.greaterThan(0);
      expect($(el, '[part="offers"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
      gate.resolve([fixtures.couponOffer()]);
      await waitUntil(() => $(el, '[data-id]'));
      expect($(el, '[part="offers"]')!.getAttribute('aria-busy')).to.equal('false');
      expect($$(el, '.offer .cl-skeleton')).to.have.length(0);
    });

    it('shows empty states', async () => {
      const el = await mount(couponShop([]));
      expect(text($(el, '[part="offers"]'))).to.contain('暂时没有可发送的优惠券');
      expect(text($(el, '[part="coupons"]'))).to.contain('该客户还没有领过券');
      await expect(el).to.be.accessible();
    });

    it('asks for a customer, and for an adapter, before loading', async () => {
      const shop = couponShop([stock()]);
      const noCustomer = await fixture<CouponDispenser>(
        html`<cl-coupon-dispenser .adapter=${shop.adapter}></cl-coupon-dispenser>`,
      );
      expect(text(root(noCustomer))).to.contain('请先选择要发券的客户');
      expect(shop.adapter.callsTo('listCouponStocks')).to.have.length(0);
      await expect(noCustomer).to.be.accessible();
      const noAdapter = await fixture<CouponDispenser>(
        html`<cl-coupon-dispenser customer-id="cust-1"></cl-coupon-dispenser>`,
      );
      expect(text(root(noAdapter))).to.contain('未连接');
    });

    it('loads again when the customer changes', async () => {
      const shop = couponShop([stock()], [fixtures.issuedCoupon({ customerId: 'cust-2' })]);
      const el = await mount(shop);
      expect(text(offer(el))).to.contain('已领 0 张');
      el.customerId = 'cust-2';
      await waitUntil(() => text(offer(el)).includes('已领 1 张'));
      expect(shop.adapter.callsTo('listCouponStocks')).to.deep.equal([
        { customerId: 'cust-1' },
        { customerId: 'cust-2' },
      ]);
    });

    it("uses the host page's current customer when no customer-id is given", async () => {
      const shop = couponShop([stock()], [fixtures.issuedCoupon({ customerId: 'cust-42' })]);
      const bridge = stubHostBridge({ entry: 'single-chat', customerId: 'cust-42' });
      const el = await fixture<CouponDispenser>(
        html`<cl-coupon-dispenser .adapter=${shop.adapter} .bridge=${bridge} .now=${NOW}></cl-coupon-dispenser>`,
      );
      await waitUntil(() => $(el, '[data-id]'));
      expect(el.customerId).to.equal('cust-42');
      expect(text(offer(el))).to.contain('已领 1 张');
      // A given customer-id wins over the host's.
      const own = await fixture<CouponDispenser>(
        html`<cl-coupon-dispenser
          customer-id="cust-1"
          .adapter=${shop.adapter}
          .bridge=${bridge}
          .now=${NOW}
        ></cl-coupon-dispenser>`,
      );
      await waitUntil(() => $(own, '[data-id]'));
      await aTimeout(0);
      expect(own.customerId).to.equal('cust-1');
    });

    it('shows a load error in associate words with a retry', async () => {
      let fail = true;
      const adapter = stubAdapter({
        listCouponStocks: async () => {
          if (fail) throw new AdapterError('unavailable', 'offline');
          return [fixtures.couponOffer()];
        },
        listCustomerCoupons: async () => [],
      });
      const el = await fixture<CouponDispenser>(
        html`<cl-coupon-dispenser customer-id="cust-1" .adapter=${adapter} .now=${NOW}></cl-coupon-dispenser>`,
      );
      await waitUntil(() => $(el, '[part="offers"] [role="alert"]'));
      expect(text($(el, '[part="offers"] [role="alert"]'))).to.equal('服务暂不可用，请检查网络后重试。');
      await expect(el).to.be.accessible();
      fail = false;
      $<HTMLButtonElement>(el, '[part="offers"] .state button')!.click();
      await waitUntil(() => $(el, '[data-id]'));
    });

    it('offers no retry for a load error that repeating cannot fix', async () => {
      const adapter = stubAdapter({
        listCouponStocks: async () => {
          throw new AdapterError('forbidden', 'nope');
        },
        listCustomerCoupons: async () => [],
      });
      const el = await fixture<CouponDispenser>(
        html`<cl-coupon-dispenser customer-id="cust-1" .adapter=${adapter}></cl-coupon-dispenser>`,
      );
      await waitUntil(() => $(el, '[part="offers"] [role="alert"]'));
      expect(text($(el, '[part="offers"] [role="alert"]'))).to.equal('你没有权限进行此操作。');
      expect($(el, '[part="offers"] .state button') === null).to.equal(true);
    });
  });

  describe("the customer's coupons", () => {
    it('groups them as unused, redeemed and expired (an unused coupon past its window counts as expired)', async () => {
      const shop = couponShop(
        [stock()],
        [
          fixtures.issuedCoupon({ id: 'a', code: 'UNUSED-1' }),
          fixtures.issuedCoupon({
            id: 'b',
            code: 'REDEEMED-1',
            status: 'redeemed',
            redeemedAt: '2026-11-10T12:00:00+08:00',
          }),
          fixtures.issuedCoupon({
            id: 'c',
            code: 'EXPIRED-1',
            status: 'expired',
            validUntil: '2026-11-05T23:59:59+08:00',
          }),
          fixtures.issuedCoupon({ id: 'd', code: 'LAPSED-1', validUntil: '2026-11-10T23:59:59+08:00' }),
        ],
      );
      const el = await mount(shop);
      const section = $(el, '[part="coupons"]')!;
      const headings = [...section.querySelectorAll('h3')].map(text);
      expect(headings).to.deep.equal(['未使用（1）', '已核销（1）', '已过期（2）']);
      const lists = [...section.querySelectorAll('ul')].map((ul) =>
        [...ul.querySelectorAll('[part="code"]')].map(text),
      );
      expect(lists).to.deep.equal([['UNUSED-1'], ['REDEEMED-1'], ['EXPIRED-1', 'LAPSED-1']]);
      expect(text(section)).to.contain('有效期至 2026年12月31日');
      expect(text(section)).to.contain('2026年11月10日 已核销');
      expect(text(section)).to.contain('2026年11月5日 已过期');
      await expect(el).to.be.accessible();
    });

    it('words them in English', async () => {
      const shop = couponShop(
        [stock()],
        [fixtures.issuedCoupon({ status: 'redeemed', redeemedAt: '2026-11-10T12:00:00+08:00' })],
      );
      const el = await mount(shop, { lang: 'en' });
      const section = text($(el, '[part="coupons"]'));
      expect(section).to.contain('Redeemed (1)');
      expect(section).to.contain('Redeemed Nov 10, 2026');
    });
  });

  describe('sending', () => {
    it('asks for confirmation in a dialog; Escape cancels without sending and focus returns', async () => {
      const shop = couponShop([stock()]);
      const el = await mount(shop);
      sendButton(el).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialog(el).open);
      expect(text(dialog(el))).to.contain('确认发送这张优惠券？');
      expect(text(dialog(el))).to.contain('满¥300减¥50');
      // An irreversible action: focus starts on Cancel.
      expect(root(el).activeElement?.textContent?.trim()).to.equal('取消');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog(el).open);
      await waitUntil(() => root(el).activeElement === sendButton(el), 'focus did not return to the send button');
      expect(issueCalls(shop)).to.have.length(0);
    });

    it('issues the coupon, shows its code and validity, emits cl-coupon-issued and updates the lists', async () => {
      const shop = couponShop([stock()]);
      const el = await mount(shop);
      await openConfirm(el);
      const issued = oneEvent(el, 'cl-coupon-issued');
      dialogButton(el, /确认发送/).click();
      const event = (await issued) as CustomEvent<CouponIssuedDetail>;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.coupon.code).to.equal('CODE-1');
      expect(event.detail.stock.id).to.equal('stock-1');
      await el.updateComplete;
      const done = text(dialog(el));
      expect(done).to.contain('发送成功');
      expect(done).to.contain('券码 CODE-1');
      expect(done).to.contain('发给 陈静');
      // The validity shows once.
      expect(done.match(/有效期/g)).to.have.length(1);
      expect(done).to.contain('有效期 2026年11月1日 至 2026年12月31日');
      expect(root(el).activeElement?.textContent?.trim()).to.equal('完成');
      await expect(el).to.be.accessible();
      // The lists update at once: the offer is now at its limit and the coupon is held.
      expect(text(offer(el).querySelector('[part="reason"]'))).to.equal('客户已达限领数量');
      expect(text(offer(el))).to.contain('剩余 39/100 张');
      expect(text($(el, '[part="coupons"]'))).to.contain('CODE-1');
      dialogButton(el, /完成/).click();
      await waitUntil(() => !dialog(el).open);
      // The stock cannot be sent any more and moved to the collapsed list: focus goes to its summary.
      const summary = $(el, '[part="unavailable"] summary')!;
      await waitUntil(() => root(el).activeElement === summary, 'focus did not go to the unavailable list');
      expect(text(summary)).to.equal('暂不可用（1）');
      // A brief, visible status confirms the send next to the list, announced to screen readers.
      const feedback = $(el, '[part="feedback"][role="status"] .cl-feedback-message')!;
      expect(text(feedback)).to.equal('已发送：满300减50');
      expect(feedback.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(issueCalls(shop)).to.have.length(1);
      expect(shop.issued).to.have.length(1);
    });

    it('never issues twice on a double click while pending', async () => {
      const shop = couponShop([stock({ perCustomerLimit: 5 })]);
      const gate = deferred<void>();
      shop.control.gate = gate.promise;
      const el = await mount(shop);
      await openConfirm(el);
      const confirm = dialogButton(el, /确认发送/);
      confirm.click();
      await el.updateComplete;
      const pending = dialogButton(el, /发送中/);
      expect(pending.getAttribute('aria-disabled')).to.equal('true');
      pending.click();
      pending.click();
      expect(dialogButton(el, /取消/).disabled).to.equal(true);
      await expect(el).to.be.accessible();
      // Escape cannot drop a pending send: should the browser close the dialog anyway, the outcome reopens it.
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'Escape' });
      gate.resolve();
      await waitUntil(() => dialog(el).open && text(dialog(el)).includes('发送成功'));
      expect(issueCalls(shop)).to.have.length(1);
      expect(shop.issued).to.have.length(1);
      expect(text(offer(el))).to.contain('已领 1 张');
    });

    it('retries a lost response with the same request id, and never issues twice', async () => {
      const shop = couponShop([stock({ perCustomerLimit: 5 })]);
      shop.control.loseNextResponse = true;
      const el = await mount(shop);
      await openConfirm(el);
      await confirmAndWait(el, /确认发送/);
      const alert = dialog(el).querySelector('[role="alert"]');
      expect(text(alert)).to.equal('网络异常，券可能未发出。重试不会重复发券。');
      expect(root(el).activeElement?.textContent?.trim()).to.equal('重试');
      await expect(el).to.be.accessible();
      await confirmAndWait(el, /重试/);
      expect(text(dialog(el))).to.contain('发送成功');
      const calls = issueCalls(shop);
      expect(calls).to.have.length(2);
      expect(calls[1]!.requestId).to.equal(calls[0]!.requestId);
      expect(shop.issued).to.have.length(1);
    });

    it('starts a new intent, with a new request id, after the user cancels', async () => {
      const shop = couponShop([stock({ perCustomerLimit: 5 })]);
      shop.control.failWith = new AdapterError('unavailable', 'offline');
      const el = await mount(shop);
      await openConfirm(el);
      await confirmAndWait(el, /确认发送/);
      dialogButton(el, /关闭/).click();
      await waitUntil(() => !dialog(el).open);
      shop.control.failWith = undefined;
      await openConfirm(el);
      await confirmAndWait(el, /确认发送/);
      const calls = issueCalls(shop);
      expect(calls).to.have.length(2);
      expect(calls[1]!.requestId).not.to.equal(calls[0]!.requestId);
      expect(shop.issued).to.have.length(1);
    });

    it('lets two dispensers for one customer on one page never exceed the limit together', async () => {
      const shop = couponShop([stock({ perCustomerLimit: 1 })]);
      const gate = deferred<void>();
      const page = await fixture<HTMLElement>(
        html`<div>
          <cl-coupon-dispenser id="a" customer-id="cust-1" .adapter=${shop.adapter} .now=${NOW}></cl-coupon-dispenser>
          <cl-coupon-dispenser id="b" customer-id="cust-1" .adapter=${shop.adapter} .now=${NOW}></cl-coupon-dispenser>
        </div>`,
      );
      const [a, b] = [...page.querySelectorAll('cl-coupon-dispenser')];
      await waitUntil(() => $(a!, '[data-id]') && $(b!, '[data-id]'));
      // Both see the stock as available and confirm before either answer arrives.
      shop.control.gate = gate.promise;
      await openConfirm(a!);
      dialogButton(a!, /确认发送/).click();
      await openConfirm(b!);
      dialogButton(b!, /确认发送/).click();
      gate.resolve();
      await waitUntil(() => [a!, b!].every((el) => dialog(el).querySelector('[role="alert"], [role="status"]')));
      await Promise.all([a!.updateComplete, b!.updateComplete]);
      expect(issueCalls(shop)).to.have.length(2);
      expect(shop.issued).to.have.length(1);
      const outcomes = [a!, b!].map((el) => text(dialog(el)));
      expect(outcomes.filter((t) => t.includes('发送成功'))).to.have.length(1);
      expect(outcomes.filter((t) => t.includes('该客户已领满这张券的限领数量'))).to.have.length(1);
      // Both lists now show the limit as reached.
      await waitUntil(() => [a!, b!].every((el) => sendButton(el).disabled));
      await waitUntil(() => [a!, b!].every((el) => text($(el, '[part="coupons"]')).includes('CODE-1')));
    });

    it('refreshes another dispenser of the same customer after a send', async () => {
      const shop = couponShop([stock({ perCustomerLimit: 1 })]);
      const page = await fixture<HTMLElement>(
        html`<div>
          <cl-coupon-dispenser customer-id="cust-1" .adapter=${shop.adapter} .now=${NOW}></cl-coupon-dispenser>
          <cl-coupon-dispenser customer-id="cust-1" .adapter=${shop.adapter} .now=${NOW}></cl-coupon-dispenser>
          <cl-coupon-dispenser customer-id="cust-2" .adapter=${shop.adapter} .now=${NOW}></cl-coupon-dispenser>
        </div>`,
      );
      const [a, b, other] = [...page.querySelectorAll('cl-coupon-dispenser')];
      await waitUntil(() => [a!, b!, other!].every((el) => $(el, '[data-id]')));
      await openConfirm(a!);
      await confirmAndWait(a!, /确认发送/);
      await waitUntil(() => sendButton(b!).disabled);
      expect(text(offer(b!).querySelector('[part="reason"]'))).to.equal('客户已达限领数量');
      expect(sendButton(other!).disabled).to.equal(false);
      expect(
        shop.adapter.callsTo('listCouponStocks').filter((i) => (i as { customerId: string }).customerId === 'cust-2'),
      ).to.have.length(1);
    });

    const failures: Array<[string, AdapterError, string, string]> = [
      ['sold-out', new AdapterError('sold-out', 'x'), '这张券刚刚被领完了。', 'This coupon just ran out.'],
      [
        'limit-reached',
        new AdapterError('limit-reached', 'x'),
        '该客户已领满这张券的限领数量。',
        'The customer already holds as many of this coupon as allowed.',
      ],
      ['expired', new AdapterError('expired', 'x'), '这张券已过期。', 'This coupon has expired.'],
      [
        'not-started',
        new AdapterError('expired', 'x', { reason: 'not-started' }),
        '这张券尚未开始，暂不能发送。',
        'This coupon cannot be sent before it starts.',
      ],
      [
        'customer unreachable',
        new AdapterError('forbidden', 'x', { reason: 'customer-unreachable' }),
        '暂时无法给该客户发券（客户可能已将你删除）。',
        'The customer cannot receive coupons from you (they may have removed you).',
      ],
      [
        'forbidden',
        new AdapterError('forbidden', 'x'),
        '你没有权限进行此操作。',
        'You do not have permission to do this.',
      ],
      [
        'not-found',
        new AdapterError('not-found', 'x'),
        '找不到该内容，可能已被删除。',
        'This could not be found. It may have been removed.',
      ],
      [
        'invalid',
        new AdapterError('invalid', 'x'),
        '部分信息不正确，请检查后重试。',
        'Some information is not valid. Check and try again.',
      ],
      [
        'conflict',
        new AdapterError('conflict', 'x'),
        '其他人同时修改了该内容，请刷新后重试。',
        'Someone else changed this at the same time. Refresh and try again.',
      ],
    ];
    for (const [name, error, zh, en] of failures) {
      it(`explains a ${name} failure, offers no retry, and reloads the offers`, async () => {
        for (const lang of ['zh-CN', 'en']) {
          const shop = couponShop([stock({ perCustomerLimit: 5 })]);
          shop.control.failWith = error;
          const el = await mount(shop, { lang });
          await openConfirm(el);
          await confirmAndWait(el, /确认发送|Send coupon/);
          expect(text(dialog(el).querySelector('[role="alert"]'))).to.equal(lang === 'en' ? en : zh);
          expect(dialog(el).querySelectorAll('button')).to.have.length(1);
          expect(root(el).activeElement?.textContent?.trim()).to.equal(lang === 'en' ? 'Close' : '关闭');
          await waitUntil(() => shop.adapter.callsTo('listCouponStocks').length === 2, 'offers were not reloaded');
          if (lang === 'en') await expect(el).to.be.accessible();
          // What the user chose is kept: the dialog still names the coupon.
          expect(text(dialog(el))).to.contain(lang === 'en' ? 'off orders over' : '满¥300减¥50');
        }
      });
    }

    it('shows the new state of a stock that sold out meanwhile', async () => {
      const shop = couponShop([stock()]);
      const el = await mount(shop);
      await openConfirm(el);
      shop.stocks[0]!.remaining = 0;
      await confirmAndWait(el, /确认发送/);
      expect(text(dialog(el).querySelector('[role="alert"]'))).to.equal('这张券刚刚被领完了。');
      await waitUntil(() => sendButton(el).disabled);
      expect(text(offer(el).querySelector('[part="reason"]'))).to.equal('已抢光');
    });

    it('opens the dialog once the sheet has loaded, never empty', async () => {
      const shop = couponShop([stock()]);
      const el = await mount(shop);
      const sheet = await unloadedSheet(el);
      const loading = deferred<void>();
      sheet.importPart = () => loading.promise.then(sheet.realImport);
      sendButton(el).click();
      await aTimeout(50);
      expect(dialog(el).open).to.equal(false);
      loading.resolve();
      await waitUntil(() => dialog(el).open, 'dialog did not open');
      expect(text(dialog(el))).to.contain('确认发送这张优惠券？');
      expect(root(el).activeElement?.textContent?.trim()).to.equal('取消');
    });

    it('says so when the sheet cannot load, keeps the send, and Retry shows its confirmation', async () => {
      const shop = couponShop([stock()]);
      const el = await mount(shop);
      const sheet = await unloadedSheet(el);
      sheet.importPart = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      sendButton(el).click();
      await waitUntil(() => dialog(el).open, 'dialog did not open');
      expect(text(dialog(el).querySelector('[role="alert"] p'))).to.equal('这部分未能加载，请检查网络后重试。');
      expect(root(el).activeElement?.textContent?.trim()).to.equal('重试');
      await expect(el).to.be.accessible();
      sheet.importPart = sheet.realImport;
      dialogButton(el, /重试/).click();
      await waitUntil(() => text(dialog(el)).includes('确认发送这张优惠券？'), 'Retry did not show the confirmation');
      expect(text(dialog(el))).to.contain('满¥300减¥50');
      // Focus moves into the sheet, on Cancel as always.
      expect(root(el).activeElement?.textContent?.trim()).to.equal('取消');
      await confirmAndWait(el, /确认发送/);
      expect(text(dialog(el))).to.contain('发送成功');
      expect(issueCalls(shop)).to.have.length(1);
    });

    it('keeps the send going and shows its outcome when the dialog is forced shut while pending', async () => {
      const shop = couponShop([stock()]);
      const gate = deferred<void>();
      shop.control.gate = gate.promise;
      const el = await mount(shop);
      await openConfirm(el);
      dialogButton(el, /确认发送/).click();
      await el.updateComplete;
      dialog(el).close();
      expect(dialog(el).open).to.equal(false);
      gate.resolve();
      await waitUntil(() => dialog(el).open && text(dialog(el)).includes('发送成功'));
      expect(shop.issued).to.have.length(1);
    });
  });

  describe('as an associate finds it', () => {
    it('lists sendable stocks first and the others apart, collapsed, with their reasons', async () => {
      const shop = couponShop([
        stock({ id: 'sold', name: '已抢光的券', remaining: 0 }),
        stock({ id: 'ok-1', name: '可发券一' }),
        stock({ id: 'later', name: '未开始的券', validFrom: '2026-12-01T00:00:00+08:00' }),
        stock({ id: 'ok-2', name: '可发券二' }),
      ]);
      const el = await mount(shop);
      const ids = (selector: string) => $$(el, selector).map((node) => node.dataset.id);
      expect(ids('[part="offers"] > ul > .offer')).to.deep.equal(['ok-1', 'ok-2']);
      const unavailable = $<HTMLDetailsElement>(el, '[part="unavailable"]')!;
      expect(unavailable.open).to.equal(false);
      expect(text(unavailable.querySelector('summary'))).to.equal('暂不可用（2）');
      expect(ids('[part="unavailable"] .offer')).to.deep.equal(['sold', 'later']);
      // Collapsed: the unavailable stocks take no room until asked for.
      expect(offer(el, 'sold').checkVisibility()).to.equal(false);
      unavailable.querySelector('summary')!.click();
      await el.updateComplete;
      expect(text(offer(el, 'sold').querySelector('[part="reason"]'))).to.equal('已抢光');
      expect(text(offer(el, 'later').querySelector('[part="reason"]'))).to.equal('2026年12月1日 开始');
      await expect(el).to.be.accessible();
    });

    it("leads to the customer's coupons from the top, past every stock", async () => {
      const stocks = Array.from({ length: 12 }, (_, i) => stock({ id: `s-${i}`, name: `券 ${i}` }));
      const shop = couponShop(stocks, [fixtures.issuedCoupon({ id: 'h-1' }), fixtures.issuedCoupon({ id: 'h-2' })]);
      const el = await mount(shop);
      const link = $<HTMLButtonElement>(el, '[part="held-link"]')!;
      expect(text(link)).to.equal('客户已有的券（2）');
      expect(link.getBoundingClientRect().top).to.be.below(offer(el, 's-0').getBoundingClientRect().top);
      link.focus();
      await sendKeys({ press: 'Enter' });
      expect(root(el).activeElement).to.equal($(el, '#coupons'));
      await expect(el).to.be.accessible();
    });

    it('adds no landmark, so two dispensers on one page stay accessible', async () => {
      const shop = couponShop([stock({ id: 'a', name: '满300减50' })]);
      const page = await fixture<HTMLElement>(
        html`<div>
          <cl-coupon-dispenser customer-id="cust-1" .adapter=${shop.adapter} .now=${NOW}></cl-coupon-dispenser>
          <cl-coupon-dispenser customer-id="cust-1" .adapter=${shop.adapter} .now=${NOW}></cl-coupon-dispenser>
        </div>`,
      );
      const [first, second] = page.querySelectorAll<CouponDispenser>('cl-coupon-dispenser');
      await waitUntil(() => offer(first!, 'a') && offer(second!, 'a'));
      expect(root(first!).querySelectorAll('section[aria-labelledby], section[aria-label]')).to.have.length(0);
      await expect(page).to.be.accessible();
    });

    it('names each send button after its coupon', async () => {
      const shop = couponShop([stock({ id: 'a', name: '满300减50' }), stock({ id: 'b', name: '会员85折' })]);
      for (const lang of ['zh-CN', 'en']) {
        const el = await mount(shop, { lang });
        const accessibleName = (button: HTMLElement) =>
          button
            .getAttribute('aria-labelledby')!
            .split(' ')
            .map((id) => text(root(el).getElementById(id)))
            .join(' ');
        const send = lang === 'en' ? 'Send' : '发送';
        expect(accessibleName(sendButton(el, 'a'))).to.equal(`${send} 满300减50`);
        expect(accessibleName(sendButton(el, 'b'))).to.equal(`${send} 会员85折`);
      }
    });

    it('names the customer, with their avatar, in the confirmation', async () => {
      const shop = couponShop([stock()]);
      const el = await mount(shop, { lang: 'en' });
      await openConfirm(el);
      await waitUntil(() => dialog(el).querySelector('[part="recipient"]'), 'the customer was not named');
      const recipient = dialog(el).querySelector('[part="recipient"]')!;
      expect(text(recipient)).to.equal('To 陈静');
      expect(recipient.querySelector('img')!.getAttribute('src')).to.equal(PIXEL);
      expect(root(el).activeElement?.textContent?.trim()).to.equal('Cancel');
      await expect(el).to.be.accessible();
    });

    it('never puts an avatar URL the policy refuses into <img src>', async () => {
      const shop = couponShop([stock()]);
      shop.adapter.getCustomer = async () => fixtures.customer({ avatarUrl: 'tel:10086' as never });
      const el = await mount(shop);
      await openConfirm(el);
      await waitUntil(() => dialog(el).querySelector('[part="recipient"]'));
      expect(dialog(el).querySelector('[part="recipient"] img')).to.equal(null);
      expect(text(dialog(el).querySelector('[part="recipient"] .avatar'))).to.equal('陈');
    });

    it('keeps "已领 0 张" and every count with its unit on one line at any width', async () => {
      const shop = couponShop([stock()]);
      const el = await mount(shop);
      const counts = $(el, '.counts')!;
      for (let width = 140; width <= 375; width += 3) {
        el.style.width = `${width}px`;
        for (const phrase of ['已领 0 张', '每人限领 1 张', '剩余 40/100 张']) {
          expect(linesOf(counts, phrase), `${phrase} at ${width}px`).to.equal(1);
        }
      }
    });

    it('uses one money format within a benefit', async () => {
      const shop = couponShop([stock({ benefit: { kind: 'amount-off', amountOff: 1050, threshold: 30000 } })]);
      const zh = await mount(shop);
      expect(text($(zh, '[part="benefit"]'))).to.equal('满¥300.00减¥10.50');
      const en = await mount(shop, { lang: 'en' });
      expect(text($(en, '[part="benefit"]'))).to.equal('¥10.50 off orders over ¥300.00');
    });

    it('shows a send that never settles as not confirmed after the timeout, with a retry of the same request', async () => {
      const shop = couponShop([stock({ perCustomerLimit: 5 })]);
      shop.control.gate = new Promise(() => {});
      const el = await mount(shop);
      el.timeout = 60;
      await el.updateComplete;
      await waitUntil(() => $(el, '[data-id]'));
      await openConfirm(el);
      await confirmAndWait(el, /确认发送/);
      const sheet = text(dialog(el));
      expect(sheet).to.contain('未确认是否发出');
      expect(text(dialog(el).querySelector('[role="alert"]'))).to.equal(
        '等待超时，券可能已发出也可能未发出。重试即可确认，不会重复发券。',
      );
      // The associate is not trapped: Close works, and Escape too.
      expect(dialogButton(el, /关闭/).disabled).to.equal(false);
      expect(root(el).activeElement?.textContent?.trim()).to.equal('重试');
      await expect(el).to.be.accessible();
      shop.control.gate = undefined;
      await confirmAndWait(el, /重试/);
      expect(text(dialog(el))).to.contain('发送成功');
      const calls = issueCalls(shop);
      expect(calls).to.have.length(2);
      expect(calls[1]!.requestId).to.equal(calls[0]!.requestId);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog(el).open);
    });

    it('says so when the browser is offline', async () => {
      const shop = couponShop([stock()]);
      const el = await mount(shop, { lang: 'en' });
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        dispatchEvent(new Event('offline'));
        await el.updateComplete;
        expect(text($(el, '[part="offline"]'))).to.contain('You are offline');
        await expect(el).to.be.accessible();
      } finally {
        delete (navigator as { onLine?: boolean }).onLine;
        dispatchEvent(new Event('online'));
      }
    });

    it('paints its own surface: readable in dark on a white page', async () => {
      const style = document.createElement('style');
      style.textContent = themeStylesheet();
      document.head.append(style);
      try {
        const shop = couponShop([stock(), stock({ id: 'sold', remaining: 0 })], [fixtures.issuedCoupon()]);
        const wrapper = await fixture<HTMLElement>(
          html`<div data-cl-theme="dark" lang="zh-CN" style="background: #fff"
            ><cl-coupon-dispenser customer-id="cust-1" .adapter=${shop.adapter} .now=${NOW}></cl-coupon-dispenser
          ></div>`,
        );
        const el = wrapper.querySelector('cl-coupon-dispenser')!;
        await waitUntil(() => $(el, '[data-id]') && $(el, '.coupon'));
        $<HTMLDetailsElement>(el, '[part="unavailable"]')!.open = true;
        await el.updateComplete;
        const texts = ['h2', '.benefit', 'h3', '.meta', '.reason', '.coupon span', '[part="held-link"]'];
        for (const selector of texts) {
          for (const node of $$(el, selector)) expect(textContrast(node), selector).to.be.at.least(4.5);
        }
      } finally {
        style.remove();
      }
    });

    it('never breaks an English label mid-word at 320 px', async () => {
      const shop = couponShop(
        [stock(), stock({ id: 'limit', perCustomerLimit: 1 })],
        [fixtures.issuedCoupon({ stockId: 'limit' })],
      );
      const el = await mount(shop, { lang: 'en' });
      el.style.width = '320px';
      $<HTMLDetailsElement>(el, '[part="unavailable"]')!.open = true;
      await el.updateComplete;
      for (const node of $$(el, 'button, summary, .reason, h2')) {
        for (const word of splitWords(node)) expect(linesOf(node, word), `"${word}" in ${text(node)}`).to.equal(1);
      }
    });
  });
});

// A demo tool (演示 / Demo), not part of the library: it plays the two sides the associate's page
// never sees, so that a visitor can follow the story of the results. A customer scans the staff
// card's contact-me code (adapter-local's `addCustomerByContactWay`; a real backend hears it from
// WeCom), and the store's till sends an order (`recordPurchase`; in production the POS does, with
// its own credential): an amount, a time after closing (by default) or within opening hours, and
// one of the customer's unused coupons if wanted.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LocalAdapter } from '@clienteling/adapter-local';
import {
  addDays,
  createRequestId,
  dayKey,
  isAfterHours,
  openingHoursOf,
  startOfDay,
  type ContactWay,
  type Customer,
  type IssuedCoupon,
  type Policy,
  type Purchase,
} from '@clienteling/core/adapter-kit.js';
import type { DemoLocale } from './settings.js';

/** Detail of `demo-customer-added`: the customer who scanned the code. */
export interface SimulatedCustomerDetail {
  customer: Customer;
}

/** Detail of `demo-purchase-recorded`: the order the till sent, as the adapter recorded it. */
export interface SimulatedPurchaseDetail {
  purchase: Purchase;
}

type PurchaseTime = 'after-hours' | 'opening-hours';

const words = {
  'zh-CN': {
    badge: '演示',
    title: '模拟顾客与门店',
    hint: '仅供演示：真实环境中，顾客扫码由企业微信告知后台，消费由门店收银系统发送。',
    scanTitle: '顾客扫码',
    scanHint: (state: string) => `用「我的二维码」的联系我码（渠道 ${state}）添加一位新顾客。`,
    scanNeedsCode: '先打开「我的二维码」。',
    scan: '顾客扫码添加',
    scanned: (name: string) => `${name} 扫码添加了你，已选为当前顾客。`,
    tillTitle: '门店收银：记录一笔消费',
    buyer: (name: string) => `顾客：${name}`,
    noBuyer: '先选择一位顾客。',
    amount: '金额（元）',
    time: '时间',
    afterHours: (time: string) => `打烊后 · ${time}`,
    openingHours: (time: string) => `营业时间 · ${time}`,
    coupon: '使用优惠券',
    noCoupon: '不用券',
    record: '记录消费',
    recorded: (amount: string, afterHours: boolean, coupon: boolean) =>
      `已记录 ${amount}${afterHours ? '（打烊后）' : ''}${coupon ? '，优惠券已核销' : ''}。`,
    failed: (message: string) => `没能完成：${message}`,
    badAmount: '请输入大于 0 的金额。',
    today: '今天',
    yesterday: '昨天',
  },
  en: {
    badge: 'Demo',
    title: 'Play the customer and the store',
    hint: "For the demo only: in production WeCom tells the backend of a scan, and the store's till sends the orders.",
    scanTitle: 'Customer scans',
    scanHint: (state: string) => `A new customer adds you with the contact-me code of My QR code (channel ${state}).`,
    scanNeedsCode: 'Open My QR code first.',
    scan: 'Scan my code',
    scanned: (name: string) => `${name} added you by your code, and is now picked.`,
    tillTitle: 'Store till: record a purchase',
    buyer: (name: string) => `Customer: ${name}`,
    noBuyer: 'Pick a customer first.',
    amount: 'Amount (yuan)',
    time: 'Time',
    afterHours: (time: string) => `After closing · ${time}`,
    openingHours: (time: string) => `Opening hours · ${time}`,
    coupon: 'Coupon',
    noCoupon: 'No coupon',
    record: 'Record purchase',
    recorded: (amount: string, afterHours: boolean, coupon: boolean) =>
      `Recorded ${amount}${afterHours ? ' after closing' : ''}${coupon ? ', coupon redeemed' : ''}.`,
    failed: (message: string) => `Could not do it: ${message}`,
    badAmount: 'Enter an amount above 0.',
    today: 'today',
    yesterday: 'yesterday',
  },
} as const;

const NAMES = {
  'zh-CN': ['林晓雨', '周子涵', '吴思远', '郑可欣', '孙嘉怡', '何明轩'],
  en: ['Ava Lin', 'Noah Zhou', 'Mia Wu', 'Leo Zheng', 'Zoe Sun', 'Max He'],
} as const;

const MINUTE = 60_000;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * The latest minute up to `now` that is after hours (or within them) for `storeId`: now itself when it
 * is, else before opening this morning or after closing last night (or an hour before closing).
 */
export function purchaseTime(kind: PurchaseTime, now: Date, storeId: string, policy: Policy): Date {
  const hours = openingHoursOf(storeId, policy);
  const today = dayKey(now, hours.timeZone);
  const at = (day: string, minutes: number) => new Date(startOfDay(day, hours.timeZone).getTime() + minutes * MINUTE);
  const open = minutesOf(hours.open);
  const close = minutesOf(hours.close);
  const nowMinute = new Date(Math.floor(now.getTime() / MINUTE) * MINUTE);
  const candidates =
    kind === 'after-hours'
      ? [nowMinute, at(today, open - 30), at(addDays(today, -1), close + 30)]
      : [nowMinute, at(today, close - 60), at(addDays(today, -1), close - 60)];
  const wanted = kind === 'after-hours';
  const found = candidates.find(
    (candidate) => candidate <= now && isAfterHours(candidate.toISOString(), storeId, policy) === wanted,
  );
  return found ?? nowMinute;
}

/**
 * `<demo-simulator>`: the demo's 演示 panel. Set `adapter` (adapter-local), `clock`, `locale`, the staff
 * card's `contactWay` and the picked `customerId`. Dispatches `demo-customer-added` and
 * `demo-purchase-recorded` (bubbling, composed) for the page to show what changed.
 */
@customElement('demo-simulator')
export class DemoSimulator extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    section {
      margin: 8px;
      padding: 12px;
      border: 2px dashed var(--cl-color-border, #d5d9df);
      border-radius: 12px;
      background: var(--cl-color-surface, #fff);
    }
    h2,
    h3 {
      margin: 0 0 4px;
      font-size: 15px;
    }
    h3 {
      margin-top: 12px;
      font-size: 14px;
    }
    .badge {
      display: inline-block;
      margin-inline-end: 6px;
      padding: 0 6px;
      border-radius: 4px;
      background: var(--cl-color-warning, #a14b00);
      color: var(--cl-color-background, #f5f6f7);
      font-size: 12px;
      line-height: 20px;
      vertical-align: 1px;
    }
    p {
      margin: 4px 0;
      color: var(--cl-color-text-secondary, #575e69);
      font-size: 13px;
    }
    form {
      display: grid;
      gap: 8px;
    }
    label {
      display: grid;
      gap: 4px;
      font-size: 14px;
    }
    button,
    input,
    select {
      font: inherit;
      min-height: 44px;
      box-sizing: border-box;
      border: 1px solid var(--cl-color-border, #d5d9df);
      border-radius: 8px;
      background: var(--cl-color-surface, #fff);
      color: inherit;
    }
    input,
    select {
      width: 100%;
      padding: 0 8px;
    }
    button {
      padding: 0 12px;
      background: var(--cl-color-primary, #0a7d3e);
      border-color: transparent;
      color: var(--cl-color-on-primary, #fff);
      font-weight: 600;
    }
    button:disabled {
      background: var(--cl-color-surface-muted, #f2f3f5);
      border-color: var(--cl-color-border, #d5d9df);
      color: var(--cl-color-text-secondary, #575e69);
    }
    button:active:not(:disabled) {
      filter: brightness(0.9);
    }
    .status {
      min-height: 1.4em;
      color: inherit;
    }
  `;

  @property({ attribute: false }) adapter?: LocalAdapter;
  /** The demo clock: the purchase times are counted from it. */
  @property({ attribute: false }) clock: () => Date = () => new Date();
  @property() locale: DemoLocale = 'zh-CN';
  /** The staff card's contact-me code (its `cl-contact-way-ready`); none until the card shows it. */
  @property({ attribute: false }) contactWay?: ContactWay;
  /** The customer the till sells to (the page's picked customer). */
  @property({ attribute: false }) customerId = '';

  @state() private customer?: Customer;
  @state() private coupons: IssuedCoupon[] = [];
  @state() private policy?: Policy;
  @state() private storeId = '';
  @state() private busy = false;
  @state() private scanStatus = '';
  @state() private tillStatus = '';
  @state() private amount = '399';
  @state() private time: PurchaseTime = 'after-hours';
  @state() private couponId = '';

  /** Counts the customer loads, so that the answer for a customer no longer picked is dropped. */
  private customerLoads = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    // A coupon sent on the page can be redeemed at the till at once.
    document.addEventListener('cl-coupon-issued', this.handleCouponIssued);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('cl-coupon-issued', this.handleCouponIssued);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('adapter') && this.adapter) void this.loadStore(this.adapter);
    if (changed.has('customerId') || changed.has('adapter')) void this.loadCustomer();
  }

  private async loadStore(adapter: LocalAdapter): Promise<void> {
    const [policy, staff] = await Promise.all([adapter.getPolicy({}), adapter.getCurrentStaff({})]);
    this.policy = policy;
    this.storeId = staff.store?.id ?? '';
  }

  /** The picked customer and their unused coupons. */
  private async loadCustomer(): Promise<void> {
    const load = ++this.customerLoads;
    const { adapter, customerId } = this;
    if (!adapter || !customerId) {
      this.customer = undefined;
      this.coupons = [];
      return;
    }
    const [customer, coupons] = await Promise.all([
      adapter.getCustomer({ customerId }),
      adapter.listCustomerCoupons({ customerId }),
    ]).catch(() => [undefined, []] as const);
    if (load !== this.customerLoads) return;
    this.customer = customer;
    this.coupons = coupons.filter((coupon) => coupon.status === 'unused');
    if (!this.coupons.some((coupon) => coupon.id === this.couponId)) this.couponId = '';
  }

  private readonly handleCouponIssued = () => void this.loadCustomer();

  private async handleScanClick(): Promise<void> {
    const { adapter, contactWay } = this;
    if (!adapter || !contactWay) return;
    const text = words[this.locale];
    const names = NAMES[this.locale];
    this.busy = true;
    try {
      const name = names[Math.floor(Math.random() * names.length)]!;
      const customer = await adapter.addCustomerByContactWay({ contactWayId: contactWay.id, name });
      this.scanStatus = text.scanned(customer.name);
      this.dispatchEvent(
        new CustomEvent<SimulatedCustomerDetail>('demo-customer-added', {
          detail: { customer },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      this.scanStatus = text.failed((error as Error).message);
    } finally {
      this.busy = false;
    }
  }

  private async handleRecordSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const { adapter, customer, policy, storeId } = this;
    if (!adapter || !customer || !policy || !storeId) return;
    const text = words[this.locale];
    const amount = Math.round(Number(this.amount) * 100);
    if (!(amount > 0)) {
      this.tillStatus = text.badAmount;
      return;
    }
    this.busy = true;
    try {
      const at = purchaseTime(this.time, this.clock(), storeId, policy).toISOString();
      const purchase = await adapter.recordPurchase({
        orderId: `demo-order-${createRequestId()}`,
        customerId: customer.id,
        storeId,
        amount,
        at,
        ...(this.couponId ? { couponId: this.couponId } : {}),
      });
      this.tillStatus = text.recorded(this.formatYuan(purchase.amount), purchase.afterHours, !!purchase.couponId);
      this.dispatchEvent(
        new CustomEvent<SimulatedPurchaseDetail>('demo-purchase-recorded', {
          detail: { purchase },
          bubbles: true,
          composed: true,
        }),
      );
      await this.loadCustomer();
    } catch (error) {
      this.tillStatus = text.failed((error as Error).message);
    } finally {
      this.busy = false;
    }
  }

  private formatYuan(fen: number): string {
    const locale = this.locale === 'zh-CN' ? 'zh-CN' : 'en';
    return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' }).format(fen / 100);
  }

  /** A purchase time as the till's option shows it: "today 09:30". */
  private formatTime(at: Date): string {
    const text = words[this.locale];
    const timeZone = this.policy?.timeZone ?? 'Asia/Shanghai';
    const day = dayKey(at, timeZone) === dayKey(this.clock(), timeZone) ? text.today : text.yesterday;
    const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(at);
    return `${day} ${time}`;
  }

  override render() {
    const text = words[this.locale];
    return html`<section aria-labelledby="simulator-title">
      <h2 id="simulator-title"><span class="badge">${text.badge}</span>${text.title}</h2>
      <p>${text.hint}</p>
      ${this.renderScan()} ${this.renderTill()}
    </section>`;
  }

  private renderScan() {
    const text = words[this.locale];
    const { contactWay } = this;
    return html`<h3>${text.scanTitle}</h3>
      <p>${contactWay ? text.scanHint(contactWay.state) : text.scanNeedsCode}</p>
      <button type="button" ?disabled=${!contactWay || this.busy} @click=${this.handleScanClick}>${text.scan}</button>
      <p class="status" role="status">${this.scanStatus}</p>`;
  }

  private renderTill() {
    const text = words[this.locale];
    const { customer, policy, storeId } = this;
    const ready = !!customer && !!policy && !!storeId;
    return html`<h3>${text.tillTitle}</h3>
      <p>${customer ? text.buyer(customer.remark || customer.name) : text.noBuyer}</p>
      <form @submit=${this.handleRecordSubmit}>
        <label
          >${text.amount}
          <input
            name="amount"
            inputmode="decimal"
            autocomplete="off"
            .value=${this.amount}
            @input=${(e: Event) => (this.amount = (e.target as HTMLInputElement).value)}
        /></label>
        ${ready ? this.renderTimeChoice(storeId, policy!) : nothing} ${this.renderCouponChoice()}
        <button type="submit" ?disabled=${!ready || this.busy}>${text.record}</button>
      </form>
      <p class="status" role="status">${this.tillStatus}</p>`;
  }

  private renderTimeChoice(storeId: string, policy: Policy) {
    const text = words[this.locale];
    const now = this.clock();
    const afterHours = this.formatTime(purchaseTime('after-hours', now, storeId, policy));
    const openingHours = this.formatTime(purchaseTime('opening-hours', now, storeId, policy));
    return html`<label
      >${text.time}
      <select name="time" @change=${(e: Event) => (this.time = (e.target as HTMLSelectElement).value as PurchaseTime)}>
        <option value="after-hours" ?selected=${this.time === 'after-hours'}>${text.afterHours(afterHours)}</option>
        <option value="opening-hours" ?selected=${this.time === 'opening-hours'}>
          ${text.openingHours(openingHours)}
        </option>
      </select></label
    >`;
  }

  private renderCouponChoice() {
    const text = words[this.locale];
    return html`<label
      >${text.coupon}
      <select name="coupon" @change=${(e: Event) => (this.couponId = (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!this.couponId}>${text.noCoupon}</option>
        ${this.coupons.map(
          (coupon) =>
            html`<option value=${coupon.id} ?selected=${coupon.id === this.couponId}>
              ${coupon.stockName} · ${coupon.code}
            </option>`,
        )}
      </select></label
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-simulator': DemoSimulator;
  }
  interface HTMLElementEventMap {
    'demo-customer-added': CustomEvent<SimulatedCustomerDetail>;
    'demo-purchase-recorded': CustomEvent<SimulatedPurchaseDetail>;
  }
}

import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  DEFAULT_POLICY,
  couponUnavailableReason,
  createRequestId,
  toAdapterError,
  type AdapterError,
  type ClientelingAdapter,
  type CouponBenefit,
  type CouponOffer,
  type IssuedCoupon,
} from '@clienteling/core';
import { ClientelingElement, LocalizeController, baseStyles, emit } from '@clienteling/core/elements.js';
import { styles } from './coupon-dispenser.styles.js';
import { messages } from './coupon-dispenser.messages.js';

/** Detail of `cl-coupon-issued`: the coupon the customer received and the stock it came from. */
export interface CouponIssuedDetail {
  coupon: IssuedCoupon;
  stock: CouponOffer;
}

type Phase = 'confirm' | 'pending' | 'error' | 'done';

/** One intended send: the request id lives as long as the intent, across retries. */
interface SendIntent {
  offer: CouponOffer;
  customerId: string;
  requestId: string;
  phase: Phase;
  error?: AdapterError;
  coupon?: IssuedCoupon;
}

interface Loaded<T> {
  value?: T;
  error?: AdapterError;
}

type Key = keyof (typeof messages)['en'];
const STATUSES = ['unused', 'redeemed', 'expired'] as const;

/**
 * Lists the coupon stocks an associate may send to one customer, sends one after a confirmation
 * step, and shows the coupons the customer already holds.
 *
 * Each send carries a request id created once per intended send (offer and customer) and kept
 * across retries, so a double click or a retry after a network failure never issues two coupons.
 * Stocks that cannot be sent (sold out, limit reached, not yet started, expired) stay visible,
 * disabled, with the reason.
 *
 * @summary Pick a coupon from the available stocks and send it to a customer.
 *
 * @csspart offers - The section of coupon stocks that can be sent.
 * @csspart offer - One coupon stock (also `offer-unavailable` when it cannot be sent).
 * @csspart benefit - What the coupon gives, e.g. "满¥300减¥50".
 * @csspart reason - Why a stock cannot be sent.
 * @csspart send-button - The button that opens the confirmation of one stock.
 * @csspart coupons - The section of the customer's coupons.
 * @csspart coupon - One coupon the customer holds.
 * @csspart code - A coupon code.
 * @csspart dialog - The confirmation dialog (a bottom sheet on phones).
 * @csspart error - An error message.
 *
 * @cssproperty --cl-coupon-dispenser-accent - Colour of the benefit and of the offer's edge. Defaults to `--cl-color-danger` (coupon red).
 * @cssproperty --cl-coupon-dispenser-card-background - Background of an offer. Defaults to `--cl-color-surface`.
 * @cssproperty --cl-coupon-dispenser-card-border - Border colour of offers and coupon rows. Defaults to `--cl-color-border`.
 * @cssproperty --cl-coupon-dispenser-radius - Corner radius of offers and of the dialog. Defaults to `--cl-radius`.
 * @cssproperty --cl-coupon-dispenser-backdrop - The backdrop behind the dialog.
 *
 * @event cl-coupon-issued - A coupon was issued to the customer. Detail: `{ coupon, stock }`.
 */
export class CouponDispenser extends ClientelingElement {
  static override styles = [baseStyles, styles];

  /**
   * The id of the customer who receives coupons. When empty, the host page's current customer (the
   * customer of the WeCom chat, through the `bridge`) fills it where the host knows one.
   */
  @property({ attribute: 'customer-id' }) customerId = '';

  /** The time that decides whether a stock has started or expired; the current time when unset. */
  @property({ attribute: false }) now?: Date;

  @state() private offers: Loaded<CouponOffer[]> = {};
  @state() private coupons: Loaded<IssuedCoupon[]> = {};
  @state() private send?: SendIntent;
  @state() private timeZone = DEFAULT_POLICY.timeZone;
  @query('dialog') private dialog!: HTMLDialogElement;

  private readonly l = new LocalizeController(this, messages);
  private stale = false;
  private busy = false;
  private token = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('cl-coupon-issued', this.onIssuedElsewhere);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('cl-coupon-issued', this.onIssuedElsewhere);
  }

  /** Loads the offers and the customer's coupons again, keeping what is shown until they arrive. */
  reload(): void {
    this.load(true);
  }

  protected override apiChanged(api: ClientelingAdapter | undefined): void {
    this.stale = true;
    api?.getPolicy({}).then(
      (p) => (this.timeZone = p.timeZone),
      () => {},
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.customerId) this.askHost('customer', (id) => (this.customerId ||= id));
    if (this.stale || changed.has('customerId')) {
      this.stale = false;
      this.load();
    }
  }

  private load(keep = false): void {
    const api = this.api;
    const customerId = this.customerId;
    const token = ++this.token;
    if (!keep) this.offers = this.coupons = {};
    if (!api || !customerId) return;
    const settle = <T>(request: Promise<T>, set: (value: Loaded<T>) => void) =>
      request.then(
        (value) => token === this.token && set({ value }),
        (error) => token === this.token && !keep && set({ error: toAdapterError(error) }),
      );
    settle(api.listCouponStocks({ customerId }), (v) => (this.offers = v));
    settle(api.listCustomerCoupons({ customerId }), (v) => (this.coupons = v));
  }

  /** Another dispenser on the page sent a coupon to the same customer: show the new counts. */
  private onIssuedElsewhere = (event: Event) => {
    if (
      event.composedPath()[0] !== this &&
      (event as CustomEvent<CouponIssuedDetail>).detail.coupon.customerId === this.customerId
    )
      this.load(true);
  };

  private async open(offer: CouponOffer) {
    if (this.busy) return;
    this.send = { offer, customerId: this.customerId, requestId: createRequestId(), phase: 'confirm' };
    this.show();
  }

  /** Sends (or retries) the current intent with its one request id. Ignored while a send is pending. */
  private async confirm() {
    const intent = this.send;
    const api = this.api;
    if (!intent || !api || this.busy) return;
    this.busy = true;
    this.send = { ...intent, phase: 'pending', error: undefined };
    let next: SendIntent;
    try {
      const coupon = await api.issueCoupon({
        requestId: intent.requestId,
        stockId: intent.offer.id,
        customerId: intent.customerId,
      });
      next = { ...intent, phase: 'done', coupon };
      if (intent.customerId === this.customerId) {
        // Show the new counts at once; the reload below confirms them.
        this.offers = {
          value: this.offers.value?.map((o) =>
            o.id === coupon.stockId ? { ...o, held: o.held + 1, remaining: o.remaining - 1 } : o,
          ),
        };
        this.coupons = { value: [coupon, ...(this.coupons.value ?? []).filter((c) => c.id !== coupon.id)] };
      }
      emit(this, 'cl-coupon-issued', { coupon, stock: intent.offer });
    } catch (error) {
      next = { ...intent, phase: 'error', error: toAdapterError(error) };
    }
    this.busy = false;
    // After any outcome the counts may have changed (sold out, limit reached, or a lost response).
    this.load(true);
    this.send = next;
    this.show();
  }

  /** Opens the dialog (again, if it was closed while pending) and focuses its main button. */
  private async show() {
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.dialog.querySelector<HTMLElement>('[data-focus]')?.focus();
  }

  private close() {
    this.dialog.close();
  }

  private onCancel(event: Event) {
    if (this.busy) event.preventDefault();
  }

  /** The dialog closed: the intent ends (a later send gets a new request id) and focus goes back. */
  private async onClose() {
    const intent = this.send;
    // Closed while pending (Escape pressed twice): the outcome reopens it. Reopened meanwhile: keep it.
    if (!intent || this.busy || this.dialog.open) return;
    this.send = undefined;
    await this.updateComplete;
    const card = this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(intent.offer.id)}"]`);
    const button = card?.querySelector('button');
    (button && !button.disabled ? button : card)?.focus();
  }

  /** A message by a key built at run time. */
  private t(key: string, ...args: unknown[]): string {
    return (this.l.t as (key: string, ...args: unknown[]) => string).call(this.l, key, ...args);
  }

  /** Dispenser wording for an adapter error, falling back to the shared words. */
  private errorText(error: AdapterError): string {
    for (const key of [`couponDispenser.error.${error.code}.${error.reason}`, `couponDispenser.error.${error.code}`]) {
      const text = this.t(key);
      if (text !== key) return text;
    }
    return this.l.error(error);
  }

  private date(iso: string): string {
    return this.l.date(iso, false, this.timeZone);
  }

  /** What a coupon gives, in the locale's words: "满¥300减¥50", "15% off", "赠…". */
  private benefit(b: CouponBenefit): string {
    const over = b.threshold ? this.l.money(b.threshold) : '';
    if (b.kind === 'amount-off') return this.l.t('couponDispenser.amountOff', this.l.money(b.amountOff), over);
    if (b.kind === 'discount') return this.l.t('couponDispenser.discount', b.percentOff, over);
    return this.l.t('couponDispenser.gift', b.gift, over);
  }

  /** The benefit, name and validity of an offer (in the list and in the dialog). */
  private summary(o: CouponOffer) {
    return html`<p part="benefit" class="benefit">${this.benefit(o.benefit)}</p
      ><h3>${o.name}</h3>${o.description ? html`<p class="meta">${o.description}</p>` : nothing}<p class="meta"
        >${this.l.t('couponDispenser.validity', this.date(o.validFrom), this.date(o.validUntil))}</p
      >`;
  }

  private renderError(error: AdapterError) {
    return html`<div class="state"
      ><p role="alert" part="error" class="error">${this.l.error(error)}</p
      >${error.retryable ? html`<button class="cl-button" @click=${() => this.load()}>${this.l.t('common.retry')}</button>` : nothing}</div
    >`;
  }

  private renderSkeleton(className: string) {
    const item = html`<li class=${className}
      ><div class="body"><div class="cl-skeleton"></div><div class="cl-skeleton"></div></div
    ></li>`;
    return html`<ul aria-hidden="true"
      >${item}${item}</ul
    >`;
  }

  private renderOffer(o: CouponOffer, index: number, now: Date, canSend: boolean) {
    const reason = couponUnavailableReason(o, o.held, now) ?? (o.status === 'active' ? null : o.status);
    const n = (v: number) => this.l.number(v);
    return html`<li
      class="offer"
      part=${reason ? 'offer offer-unavailable' : 'offer'}
      data-id=${o.id}
      ?data-off=${!!reason}
      tabindex="-1"
      ><div class="body"
        >${this.summary(o)}<p class="meta"
          >${this.l.t('couponDispenser.stock', n(o.remaining), n(o.total))} ·
          ${this.l.t('couponDispenser.limit', n(o.perCustomerLimit), n(o.held))}</p
        ></div
      ><div class="actions"
        >${reason ? html`<span part="reason" class="reason" id="reason-${index}">${this.t(`couponDispenser.reason.${reason}`, this.date(o.validFrom))}</span>` : nothing}${canSend ? html`<button class="cl-button" data-variant="primary" part="send-button" ?disabled=${!!reason} aria-describedby=${reason ? `reason-${index}` : nothing} @click=${() => this.open(o)}>${this.l.t('couponDispenser.send')}</button>` : nothing}</div
      ></li
    >`;
  }

  private renderOffers(now: Date) {
    const { value, error } = this.offers;
    if (error) return this.renderError(error);
    if (!value) return this.renderSkeleton('offer');
    if (!value.length) return html`<p class="state">${this.l.t('couponDispenser.noOffers')}</p>`;
    const canSend = this.api?.capabilities.issueCoupon !== false;
    return html`<ul
      >${value.map((o, i) => this.renderOffer(o, i, now, canSend))}</ul
    >`;
  }

  private renderCoupons(now: Date) {
    const { value, error } = this.coupons;
    if (error) return this.renderError(error);
    if (!value) return this.renderSkeleton('coupon');
    if (!value.length) return html`<p class="state">${this.l.t('couponDispenser.noCoupons')}</p>`;
    // An unused coupon past its validity is expired, whatever the last answer said.
    const status = (c: IssuedCoupon) =>
      c.status === 'unused' && Date.parse(c.validUntil) < +now ? 'expired' : c.status;
    return STATUSES.map((s) => {
      const list = value.filter((c) => status(c) === s);
      return list.length
        ? html`<h3>${this.t(`couponDispenser.status.${s}`, this.l.number(list.length))}</h3
            ><ul
              >${list.map(
                (c) =>
                  html`<li class="coupon" part="coupon"
                    ><span>${c.stockName}</span><span part="code" class="code">${c.code}</span
                    ><span class="meta"
                      >${s === 'redeemed' && c.redeemedAt ? this.l.t('couponDispenser.redeemedOn', this.date(c.redeemedAt)) : this.t(s === 'expired' ? 'couponDispenser.expiredOn' : 'couponDispenser.validUntil', this.date(c.validUntil))}</span
                    ></li
                  >`,
              )}</ul
            >`
        : nothing;
    });
  }

  private renderSend(s: SendIntent) {
    const t = (key: Key) => this.t(key);
    if (s.coupon)
      return html`<div role="status"
          ><h2 id="title">${t('couponDispenser.sentTitle')}</h2>${this.summary(s.offer)}<p
            >${t('couponDispenser.code')} <strong part="code" class="code">${s.coupon.code}</strong></p
          ><p class="meta">${this.l.t('couponDispenser.validUntil', this.date(s.coupon.validUntil))}</p
          >${this.chat(s)}</div
        ><div class="buttons"
          ><button class="cl-button" data-variant="primary" data-focus @click=${this.close}
            >${t('couponDispenser.done')}</button
          ></div
        >`;
    const pending = s.phase === 'pending';
    const error = s.error;
    const retry = !error || error.retryable || error.code === 'unavailable';
    return html`<h2 id="title">${t(error ? 'couponDispenser.failedTitle' : 'couponDispenser.confirmTitle')}</h2
      >${this.summary(s.offer)}${error ? html`<p role="alert" part="error" class="error">${this.errorText(error)}</p>` : html`<p class="meta">${t('couponDispenser.confirmHint')}</p>`}<div
        class="buttons"
        ><button class="cl-button" ?disabled=${pending} ?data-focus=${!retry} @click=${this.close}
          >${t(error ? 'common.close' : 'common.cancel')}</button
        >${retry ? html`<button class="cl-button" data-variant="primary" data-focus aria-disabled=${pending} @click=${this.confirm}>${t(pending ? 'couponDispenser.sending' : error ? 'common.retry' : 'couponDispenser.confirmSend')}</button>` : nothing}</div
      >`;
  }

  /** "Send to chat" for the issued coupon, where the host page (WeCom sidebar) can send. */
  private chat(s: SendIntent) {
    const text = `${s.offer.name} · ${this.t('couponDispenser.code')} ${s.coupon!.code} · ${this.t('couponDispenser.validUntil', this.date(s.coupon!.validUntil))}`;
    return this.hostShare({ message: { type: 'text', text } });
  }

  protected override render() {
    const now = this.now ?? new Date();
    const message = !this.api ? 'common.noAdapter' : !this.customerId ? 'couponDispenser.noCustomer' : '';
    return html`${
        message
          ? html`<p class="state">${this.t(message)}</p>`
          : html`<section part="offers" aria-labelledby="offers" aria-busy=${!this.offers.value && !this.offers.error}
                ><h2 id="offers">${this.l.t('couponDispenser.offers')}</h2>${this.renderOffers(now)}</section
              ><section
                part="coupons"
                class="coupons"
                aria-labelledby="coupons"
                aria-busy=${!this.coupons.value && !this.coupons.error}
                ><h2 id="coupons">${this.l.t('couponDispenser.held')}</h2>${this.renderCoupons(now)}</section
              >`
      }<dialog part="dialog" aria-labelledby="title" @cancel=${this.onCancel} @close=${this.onClose}
        >${this.send ? this.renderSend(this.send) : nothing}</dialog
      >`;
  }
}

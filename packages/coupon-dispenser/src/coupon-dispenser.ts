import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type {
  ClientelingAdapter,
  CouponBenefit,
  CouponOffer,
  Customer,
  IssuedCoupon,
} from '@clienteling/core/trade.js';
import { couponUnavailableReason } from '@clienteling/core/coupon-rules.js';
import { DEFAULT_TIME_ZONE } from '@clienteling/core/default-time-zone.js';
import { createRequestId } from '@clienteling/core/request-id.js';
import { toAdapterError, type AdapterError } from '@clienteling/core/errors.js';
import {
  ClientelingElement,
  FeedbackController,
  LocalizeController,
  OnDemand,
  baseStyles,
  sheetStyles,
  emit,
} from '@clienteling/core/elements.js';
import { styles } from './coupon-dispenser.styles.js';
import { messages } from './coupon-dispenser.messages.js';

/** Detail of `cl-coupon-issued`: the coupon the customer received and the stock it came from. */
export interface CouponIssuedDetail {
  coupon: IssuedCoupon;
  stock: CouponOffer;
}

/** Where one intended send stands: awaiting confirmation, pending, failed or done. */
type SendPhase = 'confirm' | 'pending' | 'error' | 'done';

/** One intended send: the request id lives as long as the intent, across retries. */
export interface SendIntent {
  offer: CouponOffer;
  customerId: string;
  requestId: string;
  phase: SendPhase;
  error?: AdapterError;
  coupon?: IssuedCoupon;
}

/** A list read from the adapter: empty while loading, then its value or the error that stopped it. */
interface Loaded<T> {
  value?: T;
  error?: AdapterError;
}

type CouponStatus = IssuedCoupon['status'];

/** The groups of the customer's coupons, in the order they are shown. */
const COUPON_STATUSES: readonly CouponStatus[] = ['unused', 'redeemed', 'expired'];

/**
 * Lists the coupon stocks an associate may send to one customer, sends one after a confirmation
 * step, and shows the coupons the customer already holds.
 *
 * Each send carries a request id created once per intended send (offer and customer) and kept
 * across retries, so a double click or a retry after a network failure never issues two coupons.
 * Stocks that can be sent come first; those that cannot (sold out, limit reached, not yet started,
 * expired) are listed apart, collapsed, each with its reason. The confirmation names the customer
 * and starts on Cancel; a send that gets no answer within the adapter timeout shows as "not
 * confirmed", with a retry that reuses its request id. A link at the top leads to the coupons the
 * customer already holds.
 *
 * @summary Pick a coupon from the available stocks and send it to a customer.
 *
 * @csspart offers - The section of coupon stocks that can be sent.
 * @csspart offer - One coupon stock (also `offer-unavailable` when it cannot be sent).
 * @csspart unavailable - The collapsed list of stocks that cannot be sent now.
 * @csspart held-link - The link to the customer's coupons.
 * @csspart recipient - The customer named in the confirmation, with their avatar.
 * @csspart offline - The notice shown while the browser is offline.
 * @csspart feedback - The brief status after a coupon was sent.
 * @csspart benefit - What the coupon gives, e.g. "满¥300减¥50".
 * @csspart reason - Why a stock cannot be sent.
 * @csspart send-button - The button that opens the confirmation of one stock.
 * @csspart coupons - The section of the customer's coupons.
 * @csspart coupon - One coupon the customer holds.
 * @csspart code - A coupon code.
 * @csspart dialog - The confirmation dialog (a bottom sheet on phones).
 * @csspart error - An error message.
 *
 * @cssproperty --cl-coupon-dispenser-accent - Colour of the benefit and of the offer's edge.
 *   Defaults to `--cl-color-danger` (coupon red).
 * @cssproperty --cl-coupon-dispenser-background - Background of the element. Defaults to `--cl-color-surface`.
 * @cssproperty --cl-coupon-dispenser-card-background - Background of an offer. Defaults to `--cl-color-surface`.
 * @cssproperty --cl-coupon-dispenser-card-border - Border colour of offers and coupon rows.
 *   Defaults to `--cl-color-border`.
 * @cssproperty --cl-coupon-dispenser-radius - Corner radius of offers and of the dialog. Defaults to `--cl-radius`.
 * @cssproperty --cl-coupon-dispenser-backdrop - The backdrop behind the dialog.
 *
 * @event {CustomEvent<CouponIssuedDetail>} cl-coupon-issued - A coupon was issued to the customer.
 *   Detail: `{ coupon, stock }`.
 */
export class CouponDispenser extends ClientelingElement {
  static override styles = [baseStyles, sheetStyles, styles];

  /**
   * The id of the customer who receives coupons. When empty, the host page's current customer (the
   * customer of the WeCom chat, through the `bridge`) fills it where the host knows one.
   */
  @property({ attribute: 'customer-id' }) customerId = '';

  /** The time that decides whether a stock has started or expired; the current time when unset. */
  @property({ attribute: false }) now?: Date;

  /** The coupon stocks this customer may be sent. */
  @state() private offers: Loaded<CouponOffer[]> = {};

  /** The coupons this customer already holds. */
  @state() private coupons: Loaded<IssuedCoupon[]> = {};

  /** The customer, named in the confirmation (left out when it cannot be loaded). */
  @state() private customer?: Customer;

  /** The send the dialog shows, from the click on Send until the dialog closes. */
  @state() private sendIntent?: SendIntent;

  /** The store's time zone, which dates are shown in. */
  @state() private timeZone = DEFAULT_TIME_ZONE;

  private readonly localize = new LocalizeController(this, messages);
  private readonly feedback = new FeedbackController(this);

  /**
   * What the dialog shows (`send-sheet.ts`) and its strings, loaded on demand: the sheet reads them
   * through a controller of its own on the dispenser, made as it arrives, so an English dispenser
   * renders the sheet once its English strings are there too.
   */
  private readonly sendSheet = new OnDemand(this, () =>
    import('./send-sheet.js').then(({ renderSendSheet, sendSheetMessages }) => ({
      renderSendSheet,
      localize: new LocalizeController(this, sendSheetMessages),
    })),
  );

  /** A send is pending: a second confirmation, a new send and Escape are ignored until it settles. */
  private isSending = false;

  /** Counts the loads, so the answers of a superseded load are dropped. */
  private loadToken = 0;

  /** The dialog of a send, always rendered. */
  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('cl-coupon-issued', this.handleIssuedElsewhere);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('cl-coupon-issued', this.handleIssuedElsewhere);
  }

  protected override apiChanged(api: ClientelingAdapter | undefined): void {
    api?.getPolicy({}).then(
      (policy) => (this.timeZone = policy.timeZone),
      () => {},
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.shouldLoad('customer', changed)) this.load();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The sheet replaced what had focus (it loaded after Retry, or a send settled): focus moves into it.
    if (this.dialog.open && !this.dialog.contains(this.shadowRoot!.activeElement)) this.focusSheet();
  }

  /** Loads the offers and the customer's coupons again, keeping what is shown until they arrive. */
  reload(): void {
    this.load(true);
  }

  /**
   * Loads the offers and the customer's coupons. With `keepShown`, what is on screen stays until the
   * answers arrive, and a failure leaves it as it is.
   */
  private load(keepShown = false): void {
    const api = this.api;
    const customerId = this.customerId;
    const loadToken = ++this.loadToken;
    if (!keepShown) this.offers = this.coupons = {};
    if (this.customer?.id !== customerId) this.customer = undefined;
    if (!api || !customerId) return;
    const settle = <T>(request: Promise<T>, set: (loaded: Loaded<T>) => void) =>
      request.then(
        (value) => loadToken === this.loadToken && set({ value }),
        (error) => loadToken === this.loadToken && !keepShown && set({ error: toAdapterError(error) }),
      );
    settle(api.listCouponStocks({ customerId }), (loaded) => (this.offers = loaded));
    settle(api.listCustomerCoupons({ customerId }), (loaded) => (this.coupons = loaded));
    if (!this.customer) {
      api.getCustomer({ customerId }).then(
        (customer) => loadToken === this.loadToken && (this.customer = customer),
        () => {},
      );
    }
  }

  /** Shows a coupon just issued to this customer at once; the reload that follows confirms the counts. */
  private showIssued(coupon: IssuedCoupon): void {
    this.offers = {
      value: this.offers.value?.map((offer) =>
        offer.id === coupon.stockId ? { ...offer, held: offer.held + 1, remaining: offer.remaining - 1 } : offer,
      ),
    };
    const others = (this.coupons.value ?? []).filter((held) => held.id !== coupon.id);
    this.coupons = { value: [coupon, ...others] };
  }

  /** Opens the dialog (again, if it was closed while pending) and focuses its main button. */
  private async showDialog() {
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.focusSheet();
  }

  /** Focuses the sheet's main button: Cancel on a confirmation, Retry after a failure, Done once sent. */
  private focusSheet() {
    this.dialog.querySelector<HTMLElement>('[data-focus]')?.focus();
  }

  /** Another dispenser on the page sent a coupon to the same customer: show the new counts. */
  private handleIssuedElsewhere = (event: Event) => {
    const { coupon } = (event as CustomEvent<CouponIssuedDetail>).detail;
    if (event.composedPath()[0] !== this && coupon.customerId === this.customerId) this.load(true);
  };

  /**
   * Send on an offer: a new intent, with a new request id, awaiting confirmation. The dialog opens
   * once the sheet's code is there, or shows why it is not (with Retry), the intent kept.
   */
  private async handleSendClick(offer: CouponOffer) {
    if (this.isSending) return;
    this.sendIntent = { offer, customerId: this.customerId, requestId: createRequestId(), phase: 'confirm' };
    await this.sendSheet.load().catch(() => {});
    this.showDialog();
  }

  /** Sends (or retries) the current intent with its one request id. Ignored while a send is pending. */
  private async handleConfirmClick() {
    const intent = this.sendIntent;
    const api = this.api;
    if (!intent || !api || this.isSending) return;
    this.isSending = true;
    this.sendIntent = { ...intent, phase: 'pending', error: undefined };
    let outcome: SendIntent;
    try {
      const coupon = await api.issueCoupon({
        requestId: intent.requestId,
        stockId: intent.offer.id,
        customerId: intent.customerId,
      });
      outcome = { ...intent, phase: 'done', coupon };
      if (intent.customerId === this.customerId) this.showIssued(coupon);
      emit(this, 'cl-coupon-issued', { coupon, stock: intent.offer });
    } catch (error) {
      outcome = { ...intent, phase: 'error', error: toAdapterError(error) };
    }
    this.isSending = false;
    // After any outcome the counts may have changed (sold out, limit reached, or a lost response).
    this.load(true);
    this.sendIntent = outcome;
    this.showDialog();
  }

  private handleCloseClick() {
    this.dialog.close();
  }

  /** Escape: ignored while a send is pending. */
  private handleDialogCancel(event: Event) {
    if (this.isSending) event.preventDefault();
  }

  /**
   * The dialog closed: the intent ends (a later send gets a new request id), a sent coupon is
   * confirmed by a brief status next to the list, and focus goes back.
   */
  private async handleDialogClose() {
    const intent = this.sendIntent;
    // Closed while pending (Escape pressed twice): the outcome reopens it. Reopened meanwhile: keep it.
    if (!intent || this.isSending || this.dialog.open) return;
    this.sendIntent = undefined;
    if (intent.coupon) this.feedback.show(this.localize.t('couponDispenser.sentFeedback', intent.offer.name));
    await this.updateComplete;
    const offerId = CSS.escape(intent.offer.id);
    const card = this.renderRoot.querySelector<HTMLElement>(`[data-id="${offerId}"]`);
    const button = card?.querySelector('button');
    if (button && !button.disabled) return button.focus();
    // The stock cannot be sent any more and moved to the collapsed list: focus that list's summary.
    const unavailable = card?.closest('details');
    (unavailable && !unavailable.open ? unavailable.querySelector('summary') : card)?.focus();
  }

  /** The link to the customer's coupons: scrolls to them and moves focus to their heading. */
  private handleHeldLinkClick() {
    const heading = this.renderRoot.querySelector<HTMLElement>('#coupons')!;
    heading.scrollIntoView({ block: 'start' });
    heading.focus();
  }

  /** A message by a key built at run time. */
  private messageByKey(key: string, ...args: unknown[]): string {
    const translate = this.localize.t as (key: string, ...args: unknown[]) => string;
    return translate.call(this.localize, key, ...args);
  }

  private formatDate(iso: string): string {
    return this.localize.date(iso, false, this.timeZone);
  }

  /**
   * What a coupon gives, in the locale's words: "满¥300减¥50", "15% off", "赠…". The amounts of one
   * benefit share one format: with fen (¥300.00, ¥10.50) as soon as one of them has fen.
   */
  private benefitText(benefit: CouponBenefit): string {
    const amounts = benefit.kind === 'amount-off' ? [benefit.threshold, benefit.amountOff] : [benefit.threshold];
    const withFen = amounts.some((fen) => fen % 100 !== 0);
    const money = (fen: number) => this.localize.money(fen, withFen);
    const over = benefit.threshold ? money(benefit.threshold) : '';
    if (benefit.kind === 'amount-off') {
      return this.localize.t('couponDispenser.amountOff', money(benefit.amountOff), over);
    }
    if (benefit.kind === 'discount') return this.localize.t('couponDispenser.discount', benefit.percentOff, over);
    return this.localize.t('couponDispenser.gift', benefit.gift, over);
  }

  /** Why an offer cannot be sent, or null when it can. */
  private unavailableReason(offer: CouponOffer, now: Date) {
    return couponUnavailableReason(offer, offer.held, now) ?? (offer.status === 'active' ? null : offer.status);
  }

  /** The status a held coupon is listed under: an unused coupon past its validity is expired. */
  private couponStatus(coupon: IssuedCoupon, now: Date): CouponStatus {
    const lapsed = coupon.status === 'unused' && Date.parse(coupon.validUntil) < +now;
    return lapsed ? 'expired' : coupon.status;
  }

  /** The date line of a held coupon: when it was redeemed, when it expired, or until when it is valid. */
  private couponDateText(coupon: IssuedCoupon, status: CouponStatus): string {
    if (status === 'redeemed' && coupon.redeemedAt) {
      return this.localize.t('couponDispenser.redeemedOn', this.formatDate(coupon.redeemedAt));
    }
    const validUntil = this.formatDate(coupon.validUntil);
    if (status === 'expired') return this.localize.t('couponDispenser.expiredOn', validUntil);
    return this.localize.t('couponDispenser.validUntil', validUntil);
  }

  /** Why nothing can be shown yet (no adapter, no customer), or undefined when the lists can load. */
  private missingSetupMessage(): string | undefined {
    if (!this.api) return this.localize.t('common.noAdapter');
    if (!this.customerId) return this.localize.t('couponDispenser.noCustomer');
    return undefined;
  }

  protected override render() {
    const now = this.now ?? new Date();
    const missingSetup = this.missingSetupMessage();
    const lists = missingSetup ? html`<p class="state">${missingSetup}</p>` : this.renderLists(now);
    return html`${this.renderOfflineNotice()}${lists}<dialog
        class="cl-sheet"
        part="dialog"
        aria-labelledby="title"
        @cancel=${this.handleDialogCancel}
        @close=${this.handleDialogClose}
        >${this.sendIntent ? this.renderSendSheet(this.sendIntent) : nothing}</dialog
      >${this.feedback.render()}`;
  }

  /**
   * The offers to send and the coupons the customer holds. The sections carry headings but no
   * accessible name, so they are not landmarks: a page may show several dispensers.
   */
  private renderLists(now: Date) {
    return html`<section part="offers" aria-busy=${!this.offers.value && !this.offers.error}
        ><div class="heading"
          ><h2 id="offers">${this.localize.t('couponDispenser.offers')}</h2>${this.renderHeldLink()}</div
        >${this.renderOffers(now)}</section
      ><section part="coupons" class="coupons" aria-busy=${!this.coupons.value && !this.coupons.error}
        ><h2 id="coupons" tabindex="-1">${this.localize.t('couponDispenser.held')}</h2
        >${this.renderCoupons(now)}</section
      >`;
  }

  /** At the top: how many coupons the customer holds, leading to them past the list of stocks. */
  private renderHeldLink() {
    const held = this.coupons.value;
    if (!held?.length) return nothing;
    const label = this.localize.t('couponDispenser.heldLink', this.localize.number(held.length));
    return html`<button class="link" part="held-link" @click=${this.handleHeldLinkClick}>${label}</button>`;
  }

  /** A load error, with Retry when repeating may help. */
  private renderLoadError(error: AdapterError) {
    const retryButton = html`<button class="cl-button" @click=${() => this.load()}
      >${this.localize.t('common.retry')}</button
    >`;
    return html`<div class="state"
      ><p role="alert" part="error" class="error">${this.localize.error(error)}</p
      >${error.retryable ? retryButton : nothing}</div
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

  /** The benefit, name and validity of an offer (in the list, `nameId` naming its send button, and in the dialog). */
  private renderSummary(offer: CouponOffer, nameId?: string) {
    const validFrom = this.formatDate(offer.validFrom);
    const validUntil = this.formatDate(offer.validUntil);
    const description = offer.description ? html`<p class="meta">${offer.description}</p>` : nothing;
    return html`<p part="benefit" class="benefit">${this.benefitText(offer.benefit)}</p
      ><h3 id=${nameId ?? nothing}>${offer.name}</h3>${description}<p class="meta"
        >${this.localize.t('couponDispenser.validity', validFrom, validUntil)}</p
      >`;
  }

  private renderOffers(now: Date) {
    const { value, error } = this.offers;
    if (error) return this.renderLoadError(error);
    if (!value) return this.renderSkeleton('offer');
    if (!value.length) return html`<p class="state">${this.localize.t('couponDispenser.noOffers')}</p>`;
    const canSend = this.api?.capabilities.issueCoupon !== false;
    const offers = value.map((offer, index) => ({ offer, index, reason: this.unavailableReason(offer, now) }));
    const sendable = offers.filter(({ reason }) => !reason);
    const unavailable = offers.filter(({ reason }) => reason);
    const sendableList = sendable.length
      ? html`<ul
          >${sendable.map(({ offer, index }) => this.renderOffer(offer, index, null, canSend))}</ul
        >`
      : html`<p class="state">${this.localize.t('couponDispenser.noneSendable')}</p>`;
    return html`${sendableList}${this.renderUnavailable(unavailable, canSend)}`;
  }

  /** The stocks that cannot be sent now, apart and collapsed, each with its reason. */
  private renderUnavailable(
    unavailable: Array<{ offer: CouponOffer; index: number; reason: string | null }>,
    canSend: boolean,
  ) {
    if (!unavailable.length) return nothing;
    const summary = this.localize.t('couponDispenser.unavailable', this.localize.number(unavailable.length));
    return html`<details class="unavailable" part="unavailable"
      ><summary>${summary}</summary
      ><ul
        >${unavailable.map(({ offer, index, reason }) => this.renderOffer(offer, index, reason, canSend))}</ul
      ></details
    >`;
  }

  private renderOffer(offer: CouponOffer, index: number, reason: string | null, canSend: boolean) {
    const reasonId = `reason-${index}`;
    const reasonText = reason ? this.renderReason(offer, reason, reasonId) : nothing;
    const sendButton = canSend ? this.renderSendButton(offer, index, reason ? reasonId : undefined) : nothing;
    return html`<li
      class="offer"
      part=${reason ? 'offer offer-unavailable' : 'offer'}
      data-id=${offer.id}
      ?data-off=${!!reason}
      tabindex="-1"
      ><div class="body">${this.renderSummary(offer, `name-${index}`)}${this.renderCounts(offer)}</div
      ><div class="actions">${reasonText}${sendButton}</div></li
    >`;
  }

  /** Stock left, the limit per customer and how many the customer holds; no figure parts from its unit. */
  private renderCounts(offer: CouponOffer) {
    const count = (value: number) => this.localize.number(value);
    const stock = this.localize.t('couponDispenser.stock', count(offer.remaining), count(offer.total));
    const limit = this.localize.t('couponDispenser.limit', count(offer.perCustomerLimit));
    const held = this.localize.t('couponDispenser.heldCount', count(offer.held));
    return html`<p class="meta counts"
      ><span class="nowrap">${stock}</span> · <span class="nowrap">${limit}</span> ·
      <span class="nowrap">${held}</span></p
    >`;
  }

  /** Why an offer cannot be sent: sold out, limit reached, not yet started (with the date), expired. */
  private renderReason(offer: CouponOffer, reason: string, id: string) {
    const text = this.messageByKey(`couponDispenser.reason.${reason}`, this.formatDate(offer.validFrom));
    return html`<span part="reason" class="reason" id=${id}>${text}</span>`;
  }

  /**
   * Send on an offer, named "Send" and the coupon's name for screen readers; given the id of the
   * offer's reason, disabled and described by it.
   */
  private renderSendButton(offer: CouponOffer, index: number, reasonId: string | undefined) {
    return html`<button
      class="cl-button"
      data-variant="primary"
      part="send-button"
      id=${`send-${index}`}
      aria-labelledby=${`send-${index} name-${index}`}
      ?disabled=${!!reasonId}
      aria-describedby=${reasonId ?? nothing}
      @click=${() => this.handleSendClick(offer)}
      >${this.localize.t('couponDispenser.send')}</button
    >`;
  }

  private renderCoupons(now: Date) {
    const { value, error } = this.coupons;
    if (error) return this.renderLoadError(error);
    if (!value) return this.renderSkeleton('coupon');
    if (!value.length) return html`<p class="state">${this.localize.t('couponDispenser.noCoupons')}</p>`;
    return COUPON_STATUSES.map((status) => {
      const group = value.filter((coupon) => this.couponStatus(coupon, now) === status);
      return this.renderCouponGroup(status, group);
    });
  }

  /** One group of held coupons (unused, redeemed or expired), with its count; nothing when empty. */
  private renderCouponGroup(status: CouponStatus, coupons: IssuedCoupon[]) {
    if (!coupons.length) return nothing;
    const heading = this.messageByKey(`couponDispenser.status.${status}`, this.localize.number(coupons.length));
    return html`<h3>${heading}</h3
      ><ul
        >${coupons.map((coupon) => this.renderCoupon(coupon, status))}</ul
      >`;
  }

  private renderCoupon(coupon: IssuedCoupon, status: CouponStatus) {
    return html`<li class="coupon" part="coupon"
      ><span>${coupon.stockName}</span><span part="code" class="code">${coupon.code}</span
      ><span class="meta">${this.couponDateText(coupon, status)}</span></li
    >`;
  }

  /** The dialog's content, once its code has loaded (until then a loading status; after a failure, Retry). */
  private renderSendSheet(intent: SendIntent) {
    const customer = this.customer;
    return this.sendSheet.render(this.localize, (sheet) =>
      sheet.renderSendSheet(intent, {
        localize: sheet.localize,
        recipient: customer?.id === intent.customerId ? customer : undefined,
        summary: this.renderSummary(intent.offer),
        formatDate: (iso) => this.formatDate(iso),
        shareToChat: (text) => this.hostShare({ message: { type: 'text', text } }),
        confirm: () => this.handleConfirmClick(),
        close: () => this.handleCloseClick(),
      }),
    );
  }
}

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type {
  ClientelingAdapter,
  ContactWay,
  ExternalAttribute,
  StaffProfile,
  Store,
} from '@clienteling/core/trade.js';
import { createRequestId } from '@clienteling/core/request-id.js';
import { isContactState } from '@clienteling/core/contact-state.js';
import { toAdapterError, type AdapterError } from '@clienteling/core/errors.js';
import {
  copyText,
  ClientelingElement,
  LocalizeController,
  baseStyles,
  emit,
  parseLater,
  safeImageUrl,
} from '@clienteling/core/elements.js';
import { styles } from './staff-card.styles.js';
import { staffCardMessages } from './staff-card.messages.js';
import { safeHref } from './safe-href.js';
import { DEFAULT_MAP_URL_TEMPLATE, dialable, initials, mapUrl, maskPhone } from './format.js';
import type { QrCode } from './qr.js';

/** How the card is laid out: the full profile, a chat-header line, or an inline chip for lists. */
export type StaffCardLayout = 'card' | 'compact' | 'chip';

/**
 * Detail of `cl-staff-contact`: the associate to add, the add-me URL when known (the contact-me code's with
 * `contact-state`, else the profile's), and the contact-me code when the card shows one.
 */
export interface StaffContactDetail {
  staff: StaffProfile;
  contactUrl: string | undefined;
  contactWay?: ContactWay;
}

/** Detail of `cl-contact-way-ready`: the contact-me code the card shows, and whether the card just made it. */
export interface ContactWayReadyDetail {
  contactWay: ContactWay;
  created: boolean;
}

/** Detail of `cl-phone-copy`: the number, and whether it reached the clipboard. */
export interface PhoneCopyDetail {
  phone: string;
  ok: boolean;
}

/** Detail of `cl-miniprogram-open`: the mini-program page the host page should open. */
export interface MiniprogramOpenDetail {
  appId: string;
  pagePath: string;
  title: string;
}

/** Where the profile is: not asked for (no adapter or profile), on its way, shown, or failed. */
type LoadState =
  | { status: 'idle' | 'loading'; staff?: undefined; problem?: undefined }
  | { status: 'ready'; staff: StaffProfile; problem?: undefined }
  | { status: 'error'; staff?: undefined; problem: AdapterError };

/** The QR code of a contact URL: being encoded (no `code` yet), drawn, or impossible to encode. */
interface QrState {
  text: string;
  code?: QrCode;
  failed?: boolean;
}

/** The contact-me code of `key` (associate and state): being found or made, found, or failed. */
type ContactWayState =
  | { key: string; status: 'loading'; way?: undefined; problem?: undefined }
  | { key: string; status: 'ready'; way: ContactWay; problem?: undefined }
  | { key: string; status: 'error'; way?: undefined; problem: AdapterError };

/** The add-me URL a card shows: known, on its way, or failed (with a retry). */
interface ContactUrl {
  url?: string;
  pending?: boolean;
  problem?: AdapterError;
  way?: ContactWay;
}

/** Codes listed per page while looking for an associate's code of a state. */
const CONTACT_WAYS_PAGE = 50;

/**
 * The request id of making each associate's code of a state (key `staffId state`), kept for the page's life:
 * a retry after a timeout, or two cards of the same associate, never make a second code.
 */
const contactWayRequestIds = new Map<string, string>();

/**
 * The associate's contact-me code of `state`: one already made for them alone (`listContactWays`, every
 * page), else a new one (`createContactWay` with the request id kept for that associate and state).
 */
async function getOrCreateContactWay(
  api: ClientelingAdapter,
  staffId: string,
  state: string,
): Promise<{ contactWay: ContactWay; created: boolean }> {
  let cursor: string | undefined;
  do {
    const page = await api.listContactWays({ staffId, limit: CONTACT_WAYS_PAGE, ...(cursor ? { cursor } : {}) });
    const found = page.items.find(
      (way) => way.state === state && way.staffIds.length === 1 && way.staffIds[0] === staffId,
    );
    if (found) return { contactWay: found, created: false };
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const key = `${staffId} ${state}`;
  let requestId = contactWayRequestIds.get(key);
  if (!requestId) contactWayRequestIds.set(key, (requestId = createRequestId()));
  const contactWay = await api.createContactWay({ requestId, staffIds: [staffId], state });
  return { contactWay, created: true };
}

/** The QR encoder's module, loaded the first time a card shows a QR code. */
let qrEncoder: Promise<typeof import('./qr.js')> | undefined;

/** Ideographic spaces, which take the room of typical text in the loading skeleton. */
const blank = (length: number) => '\u3000'.repeat(length);

/** What the loading skeleton is drawn from. */
const PLACEHOLDER_PROFILE: StaffProfile = {
  id: '-',
  name: blank(3),
  companyName: blank(3),
  position: blank(5),
  phone: '00000000000',
  verified: false,
  store: { id: '-', name: blank(6), address: blank(14) },
  externalAttributes: [],
  contactUrl: '-',
};

/** The verified badge's icon: a shield, with a tick cut out of it. */
const BADGE_SHIELD_PATH = 'M8 1 2 3.3v4.2c0 3.6 2.5 6.6 6 7.5 3.5-.9 6-3.9 6-7.5V3.3L8 1Z';
const BADGE_TICK_PATH = 'm-1 10L4.3 8.3l1-1L7 9l3.7-3.7 1 1L7 11Z';

/** The `tel:` link of a phone number, when it has digits to dial. */
const telHref = (phone: string | undefined) => phone && dialable(phone) && safeHref('tel:' + dialable(phone));

/**
 * The associate's verified identity card: avatar, name with the highlighted `@Company` suffix, the
 * verified (实名) badge when the backend says so, position, phone, store and address, the extra
 * attributes of the external profile, an add-me QR code and the call / copy / add actions.
 *
 * Data comes from the `profile` property when given (validated), else from the adapter:
 * `getStaff({ staffId })` for `staff-id`, or the signed-in associate (`getCurrentStaff`).
 * Only `https:`, `http:`, `tel:` and `weixin:` URLs become links; all adapter text is rendered as text.
 *
 * The add-me QR code and action use the profile's `contactUrl`, or with `contact-state` (card layout) a
 * contact-me code of that channel, so that a customer added through it carries where they came from: the
 * associate's code of that `state` already made (`listContactWays`), else a new one (`createContactWay`,
 * its request id kept, so a retry or a second card never makes two). Meanwhile the QR code is a skeleton
 * and the add action is disabled; a failure that may pass shows in the QR code's place with Retry; an
 * adapter without the capability `createContactWay`, an invalid state, or a code the adapter refuses
 * (another associate's, not `retryable`) fall back to the profile's `contactUrl`.
 *
 * @summary The associate's verified identity card, in card, compact and chip layouts.
 *
 * @slot actions - Extra actions after the built-in ones (card and compact layouts).
 *
 * @csspart card - The outer box of every layout and state.
 * @csspart skeleton - The wrapper of the loading skeleton (the same layout drawn without data).
 * @csspart message - The outer box of the not-found, error, invalid and not-connected states (with `card`).
 * @csspart retry - The retry button of a retryable error.
 * @csspart avatar - The avatar picture or initials.
 * @csspart name - The line with the name, company suffix and badge.
 * @csspart company - The `@Company` suffix.
 * @csspart badge - The verified badge.
 * @csspart position - The position (职务); in the compact layout, position and store.
 * @csspart details - The list of phone, store and extra attributes.
 * @csspart phone - The phone number (a `tel:` link).
 * @csspart store - The store name.
 * @csspart address - The store address (a map link).
 * @csspart attribute - The value of each extra attribute (text, link or mini-program button).
 * @csspart qr - The QR code figure.
 * @csspart qr-retry - The retry button shown in the QR code's place when its contact-me code could not be loaded.
 * @csspart actions - The row of actions.
 * @csspart action - Each action; also `call`, `copy` and `add`.
 * @csspart feedback - The copy feedback line (announced to screen readers).
 * @csspart offline - The notice shown while the browser is offline (card and compact layouts).
 *
 * @cssproperty --cl-staff-card-background - Background of the card (default `--cl-color-surface`).
 * @cssproperty --cl-staff-card-border-color - Border of the card (default `--cl-color-border`).
 * @cssproperty --cl-staff-card-radius - Corner radius of the card (default `--cl-radius`).
 * @cssproperty --cl-staff-card-padding - Inner spacing of the card (default `--cl-space-4`).
 * @cssproperty --cl-staff-card-company-color - Colour of the `@Company` suffix (default `--cl-color-company`,
 *   the platform's gold).
 * @cssproperty --cl-staff-card-verified-color - Colour of the verified badge (default `--cl-color-verified`).
 * @cssproperty --cl-staff-card-avatar-size - Avatar size (default 56px in card, 40px in compact, 24px in chip).
 * @cssproperty --cl-staff-card-avatar-background - Background of the initials avatar (default `--cl-color-primary`).
 * @cssproperty --cl-staff-card-avatar-color - Colour of the initials (default `--cl-color-on-primary`).
 * @cssproperty --cl-staff-card-chip-background - Background of the chip layout (default `--cl-color-surface-muted`).
 * @cssproperty --cl-staff-card-qr-size - Size of the QR code (default 168px).
 * @cssproperty --cl-staff-card-qr-foreground - Colour of the QR modules (default: the light theme's text colour,
 *   in both themes, so that scanners read it).
 * @cssproperty --cl-staff-card-qr-background - Colour behind the QR code (default: the light theme's surface,
 *   in both themes).
 *
 * @event {CustomEvent<StaffContactDetail>} cl-staff-contact - The add-me action. Cancelable: unless cancelled,
 *   a safe contact URL is opened.
 * @event {CustomEvent<ContactWayReadyDetail>} cl-contact-way-ready - The contact-me code of `contact-state` was
 *   found or made (`created`), and is shown.
 * @event {CustomEvent<PhoneCopyDetail>} cl-phone-copy - After copying the phone number (`ok`: it reached the
 *   clipboard).
 * @event {CustomEvent<MiniprogramOpenDetail>} cl-miniprogram-open - A mini-program attribute was chosen: the host
 *   page opens it.
 */
export class StaffCard extends ClientelingElement {
  static override styles = [baseStyles, styles];

  /**
   * Id of the staff member to load through the adapter. Without it (and without `profile`), the signed-in
   * associate is shown.
   */
  @property({ attribute: 'staff-id' }) staffId?: string;

  /** A staff profile given directly, instead of loading one. Validated: an invalid one shows the invalid state. */
  @property({ attribute: false }) profile?: StaffProfile;

  /** `card` (full profile, default), `compact` (a chat-header line) or `chip` (inline, for lists). */
  @property({ reflect: true }) layout: StaffCardLayout = 'card';

  /** Shows the phone number with its middle digits hidden (138****8000); the full number is dialled and copied. */
  @property({ type: Boolean, attribute: 'mask-phone' }) maskPhone = false;

  /**
   * URL of the store address's map link, with `{address}`, `{name}`, `{lat}` and `{lng}` placeholders (each
   * URL-encoded). Defaults to an Amap search.
   */
  @property({ attribute: 'map-url-template' }) mapUrlTemplate: string = DEFAULT_MAP_URL_TEMPLATE;

  /** Shows the add-me QR code of the profile's contact URL (card layout only). The encoder loads only then. */
  @property({ type: Boolean, attribute: 'show-qr' }) showQr = false;

  /**
   * The channel (`state`, 1 to 30 of `A-Z a-z 0-9 _ -`, e.g. `store-card`) of a contact-me code the card's QR
   * code and add action use instead of the profile's contact URL (card layout): found or made through the
   * adapter. Empty: the profile's `contactUrl`.
   */
  @property({ attribute: 'contact-state' }) contactState = '';

  /** The profile being loaded, shown, or why it could not be. */
  @state() private loadState: LoadState = { status: 'idle' };
  /** The avatar picture failed to load: initials are shown instead. */
  @state() private avatarFailed = false;
  /** Whether the last copy of the phone number worked; undefined before any copy. */
  @state() private copied?: boolean;
  /** The QR code of the contact URL shown (card layout with `show-qr`). */
  @state() private qrState?: QrState;
  /** The contact-me code of `contact-state` for the associate shown. */
  @state() private contactWayState?: ContactWayState;

  private readonly localize = new LocalizeController(this, staffCardMessages);
  /** Counts loads, so that the answer to an older one is ignored. */
  private loadToken = 0;
  /** The adapter of the last load (the element itself before the first load). */
  private loadedWith?: unknown = this;

  /* ------------------------------------------------------------------ loading */

  /** Loads the profile again (what the retry button does). */
  reload(): void {
    const token = ++this.loadToken;
    const { profile, api, staffId } = this;
    this.avatarFailed = false;
    this.copied = undefined;
    this.contactWayState = undefined;
    const show = (staff: StaffProfile) => {
      if (token === this.loadToken) this.loadState = { status: 'ready', staff };
    };
    const fail = (error: unknown) => {
      if (token === this.loadToken) this.loadState = { status: 'error', problem: toAdapterError(error) };
    };
    if (profile) {
      // The schemas load with validation, on first use (see ClientelingElement).
      this.loadState = { status: 'loading' };
      parseLater('StaffProfileSchema', profile, 'profile').then(show, fail);
    } else if (api) {
      this.loadState = { status: 'loading' };
      (staffId ? api.getStaff({ staffId }) : api.getCurrentStaff({})).then(show, fail);
    } else {
      this.loadState = { status: 'idle' };
    }
  }

  /* ------------------------------------------------------------------ lifecycle */

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Load on the first update, and again when the adapter, staff id or profile changes.
    if (this.api !== this.loadedWith || changed.has('staffId') || changed.has('profile')) {
      this.loadedWith = this.api;
      this.reload();
    }
    this.updateContactWay();
    this.updateQrCode();
  }

  /** The layout drawn: an unknown `layout` falls back to the card. */
  private get shownLayout(): StaffCardLayout {
    return this.layout === 'chip' || this.layout === 'compact' ? this.layout : 'card';
  }

  /** The associate and state of the contact-me code the card shows, or undefined when it uses the profile's URL. */
  private contactWayKey(staff: StaffProfile): string | undefined {
    const { api, contactState } = this;
    if (!contactState || this.shownLayout !== 'card' || !api || !api.capabilities.createContactWay) return undefined;
    return isContactState(contactState) ? `${staff.id} ${contactState}` : undefined;
  }

  /** Finds or makes the contact-me code of `contact-state` when the associate or the state changed. */
  private updateContactWay(): void {
    const { staff } = this.loadState;
    const key = staff && this.contactWayKey(staff);
    if (!staff || !key) {
      this.contactWayState = undefined;
      return;
    }
    if (this.contactWayState?.key !== key) this.loadContactWay(staff, key);
  }

  /** Finds or makes the code of `key`; the answer for an associate or state no longer shown is dropped. */
  private loadContactWay(staff: StaffProfile, key: string): void {
    this.contactWayState = { key, status: 'loading' };
    const settle = (next: ContactWayState) => {
      if (this.contactWayState?.key === key) this.contactWayState = next;
    };
    getOrCreateContactWay(this.api!, staff.id, this.contactState).then(
      ({ contactWay, created }) => {
        settle({ key, status: 'ready', way: contactWay });
        emit(this, 'cl-contact-way-ready', { contactWay, created });
      },
      (error: unknown) => settle({ key, status: 'error', problem: toAdapterError(error) }),
    );
  }

  /** The add-me URL of `staff`: the contact-me code's, on its way, failed, or the profile's. */
  private contactUrlOf(staff: StaffProfile): ContactUrl {
    const key = this.contactWayKey(staff);
    if (!key) return { url: staff.contactUrl };
    const found = this.contactWayState;
    if (!found || found.key !== key || found.status === 'loading') return { pending: true };
    if (found.status === 'ready') return { url: found.way.url, way: found.way };
    // A code the adapter refuses for good (another associate's) leaves the profile's URL.
    return found.problem.retryable ? { problem: found.problem } : { url: staff.contactUrl };
  }

  /** Encodes the contact URL's QR code when the card shows one and it is not encoded yet. */
  private updateQrCode(): void {
    const { staff } = this.loadState;
    const text = this.showQr && this.shownLayout === 'card' && staff ? this.contactUrlOf(staff).url : undefined;
    if (!text || (this.qrState && this.qrState.text === text)) return;
    this.qrState = { text };
    // The answer for an older URL is dropped.
    const settle = (result: Omit<QrState, 'text'>) => {
      if (this.qrState && this.qrState.text === text) this.qrState = { text, ...result };
    };
    (qrEncoder ||= import('./qr.js'))
      .then((encoder) => settle({ code: encoder.encodeQr(text) }))
      .catch(() => settle({ failed: true }));
  }

  /* ------------------------------------------------------------------ event handlers */

  private async handleCopyClick(phone: string): Promise<void> {
    const ok = await copyText(phone);
    // The feedback stays until the next copy or load, so that nobody misses it.
    this.copied = ok;
    emit(this, 'cl-phone-copy', { phone, ok });
  }

  private handleAddClick(staff: StaffProfile): void {
    const { url: contactUrl, way: contactWay } = this.contactUrlOf(staff);
    const detail = contactWay ? { staff, contactUrl, contactWay } : { staff, contactUrl };
    if (!emit(this, 'cl-staff-contact', detail, { cancelable: true })) return;
    const href = safeHref(contactUrl);
    if (href) window.open(href, '_blank', 'noopener');
  }

  private handleMiniprogramClick({ appId, pagePath, title }: MiniprogramOpenDetail): void {
    emit(this, 'cl-miniprogram-open', { appId, pagePath, title });
  }

  /** Asks again for the contact-me code that could not be loaded (the request id is kept). */
  private handleContactWayRetryClick(): void {
    const { staff } = this.loadState;
    const key = staff && this.contactWayKey(staff);
    if (staff && key) this.loadContactWay(staff, key);
  }

  private handleAvatarError(): void {
    this.avatarFailed = true;
  }

  /* ------------------------------------------------------------------ rendering */

  protected override render() {
    // An inline chip has no room for a notice; the card and the compact line say when offline.
    const offline = this.shownLayout === 'chip' ? nothing : this.renderOfflineNotice();
    return html`${offline}${this.renderState()}`;
  }

  /** The profile, its skeleton while loading, or why there is none. */
  private renderState(): TemplateResult {
    const { status, staff, problem } = this.loadState;
    if (status === 'ready' || status === 'loading') return staff ? this.renderLayout(staff) : this.renderSkeleton();
    return this.renderMessage(problem);
  }

  /** The profile in the layout asked for. */
  private renderLayout(staff: StaffProfile): TemplateResult {
    switch (this.shownLayout) {
      case 'chip':
        return this.renderChip(staff);
      case 'compact':
        return this.renderCompact(staff);
      default:
        return this.renderCard(staff);
    }
  }

  /**
   * The skeleton is the same layout drawn from a placeholder profile, so that nothing moves when the
   * data arrives; it is inert and hidden from assistive technology, which hears "Loading".
   */
  private renderSkeleton(): TemplateResult {
    return html`<span class="cl-visually-hidden" role="status">${this.localize.t('common.loading')}</span
      ><div part="skeleton" class="skeleton" inert aria-hidden="true">${this.renderLayout(PLACEHOLDER_PROFILE)}</div>`;
  }

  /** The not-connected, not-found, invalid and error states. */
  private renderMessage(problem: AdapterError | undefined): TemplateResult {
    // A failure that may pass is announced at once; a missing or invalid card is simply stated.
    const retryable = !!problem && problem.retryable;
    const text = problem ? this.localize.error(problem) : this.localize.t('common.noAdapter');
    return html`<div part="card message" class="${this.shownLayout} message">
      <span role=${retryable ? 'alert' : 'status'}>${text}</span>
      ${retryable ? this.renderRetry() : nothing}
    </div>`;
  }

  private renderRetry(): TemplateResult {
    return html`<button part="retry" class="cl-button" type="button" @click=${this.reload}
      >${this.localize.t('common.retry')}</button
    >`;
  }

  private renderChip(staff: StaffProfile): TemplateResult {
    return html`<span part="card" class="chip">${this.renderAvatar(staff)}${this.renderName(staff)}</span>`;
  }

  private renderCompact(staff: StaffProfile): TemplateResult {
    const subtitle = [staff.position, staff.store && staff.store.name].filter(Boolean).join(' · ');
    return html`<div part="card" class="compact">
      ${this.renderAvatar(staff)}
      <div class="identity">${this.renderName(staff)}${this.renderPosition(subtitle)}</div>
      <slot name="actions"></slot>
    </div>`;
  }

  private renderCard(staff: StaffProfile): TemplateResult {
    return html`<article part="card" class="card" aria-labelledby="name">
      <div class="header">
        ${this.renderAvatar(staff)}
        <div class="identity">${this.renderName(staff)}${this.renderPosition(staff.position)}</div>
      </div>
      ${this.renderDetails(staff)} ${this.renderQr(staff)}
      <div part="actions" class="actions">
        ${this.renderCallAction(staff)} ${this.renderCopyAction(staff)} ${this.renderAddAction(staff)}
        <slot name="actions"></slot>
      </div>
      <p part="feedback" class="feedback ${this.copied === false ? 'failed' : ''}" role="status"
        >${this.renderCopyFeedback()}</p
      >
    </article>`;
  }

  private renderAvatar(staff: StaffProfile): TemplateResult {
    const src = this.avatarFailed ? undefined : safeImageUrl(staff.avatarUrl);
    const picture = src
      ? html`<img src=${src} alt="" referrerpolicy="no-referrer" @error=${this.handleAvatarError} />`
      : initials(staff.name);
    return html`<span part="avatar" class="avatar" aria-hidden="true">${picture}</span>`;
  }

  /** The name, the `@Company` suffix and the verified badge. */
  private renderName(staff: StaffProfile): TemplateResult {
    return html`<span part="name" class="name" id="name"
      ><span class="person">${staff.name}</span
      ><span part="company" class="company">@${staff.companyName}</span
      >${staff.verified ? this.renderBadge() : nothing}</span
    >`;
  }

  private renderBadge(): TemplateResult {
    const label = this.localize.t('staffCard.verified');
    return html`<span part="badge" class="badge" role="img" aria-label=${label}
      ><svg viewBox="0 0 16 16" aria-hidden="true"><path d=${BADGE_SHIELD_PATH + BADGE_TICK_PATH} /></svg
      ><span class="badge-text">${label}</span></span
    >`;
  }

  private renderPosition(text: string | undefined) {
    return text ? html`<span part="position" class="position">${text}</span>` : nothing;
  }

  /** The phone, store and extra attributes, as a description list. */
  private renderDetails(staff: StaffProfile) {
    const rows: TemplateResult[] = [];
    if (staff.phone) rows.push(this.renderRow(this.localize.t('staffCard.phone'), this.renderPhone(staff.phone)));
    if (staff.store) rows.push(this.renderRow(this.localize.t('staffCard.store'), this.renderStore(staff.store)));
    for (const attribute of staff.externalAttributes) {
      rows.push(this.renderRow(attribute.name, this.renderAttribute(attribute)));
    }
    return rows.length ? html`<dl part="details">${rows}</dl>` : nothing;
  }

  private renderRow(label: string, value: unknown): TemplateResult {
    return html`<div class="row"><dt>${label}</dt><dd>${value}</dd></div>`;
  }

  /** The number (masked when asked), dialled by its link. */
  private renderPhone(phone: string): TemplateResult {
    return this.renderLink(this.maskPhone ? maskPhone(phone) : phone, telHref(phone), 'phone');
  }

  /**
   * A link when `href` is safe, else the same text as text. With `newWindowHint` the link opens in a
   * new window, and screen readers hear the hint after the text.
   */
  private renderLink(
    text: string,
    href: string | undefined | '',
    part: string,
    newWindowHint?: string,
  ): TemplateResult {
    if (!href) return html`<span part=${part}>${text}</span>`;
    const hint = newWindowHint ? html`<span class="cl-visually-hidden">${newWindowHint}</span>` : nothing;
    return html`<a
      part=${part}
      class="link"
      href=${href}
      target=${newWindowHint ? '_blank' : nothing}
      rel="noopener noreferrer"
      >${text}${hint}</a
    >`;
  }

  private renderStore(store: Store): TemplateResult {
    return html`<span part="store" class="store">${store.name}</span> ${this.renderAddress(store)}`;
  }

  /** The store's address, linked to a map. */
  private renderAddress(store: Store) {
    if (!store.address) return nothing;
    const href = safeHref(mapUrl(this.mapUrlTemplate, store));
    return this.renderLink(store.address, href, 'address', this.localize.t('staffCard.newWindow'));
  }

  /** An extra attribute of the external profile: text, a web link, or a mini-program the host page opens. */
  private renderAttribute(attribute: ExternalAttribute): TemplateResult {
    if (attribute.type === 'text') return html`<span part="attribute">${attribute.value}</span>`;
    if (attribute.type === 'web') {
      return this.renderLink(
        attribute.title,
        safeHref(attribute.url),
        'attribute',
        this.localize.t('staffCard.newWindow'),
      );
    }
    return html`<button
      part="attribute"
      class="link"
      type="button"
      @click=${() => this.handleMiniprogramClick(attribute)}
    >
      ${attribute.title}<span class="cl-visually-hidden">${this.localize.t('staffCard.miniprogram')}</span>
    </button>`;
  }

  private renderQr(staff: StaffProfile) {
    const contact = this.contactUrlOf(staff);
    if (!this.showQr || !(contact.url || contact.pending || contact.problem)) return nothing;
    return html`<figure part="qr" class="qr">
      ${this.renderQrImage(staff, contact)}
      <figcaption>${this.localize.t('staffCard.qrCaption')}</figcaption>
    </figure>`;
  }

  /** The QR code, its placeholder while the code or its drawing is on its way, or why it cannot be shown. */
  private renderQrImage(staff: StaffProfile, contact: ContactUrl): TemplateResult {
    if (contact.problem) return this.renderQrProblem(contact.problem);
    const qr: Partial<QrState> = contact.url && this.qrState && this.qrState.text === contact.url ? this.qrState : {};
    return qr.code ? this.renderQrCode(qr.code, staff) : this.renderQrPlaceholder(!!qr.failed);
  }

  /** The contact-me code could not be loaded: why (announced), and Retry. */
  private renderQrProblem(problem: AdapterError): TemplateResult {
    return html`<span class="qr-code qr-failed qr-problem"
      ><span role="alert">${this.localize.t('staffCard.qrLoadFailed', this.localize.error(problem))}</span
      ><button part="qr-retry" class="cl-button" type="button" @click=${this.handleContactWayRetryClick}
        >${this.localize.t('common.retry')}</button
      ></span
    >`;
  }

  /** The QR code as one SVG path, with a quiet zone of 4 modules. */
  private renderQrCode(code: QrCode, staff: StaffProfile): TemplateResult {
    const box = code.size + 8;
    return html`<svg
      class="qr-code"
      viewBox="-4 -4 ${box} ${box}"
      role="img"
      aria-label=${this.localize.t('staffCard.qrLabel', staff.name)}
    >
      <path d=${code.path} />
    </svg>`;
  }

  /** A box of the QR code's size: a skeleton while encoding, a message when the URL cannot be encoded. */
  private renderQrPlaceholder(failed: boolean): TemplateResult {
    return html`<span class="qr-code ${failed ? 'qr-failed' : 'cl-skeleton'}"
      >${failed ? this.localize.t('staffCard.qrFailed') : ''}</span
    >`;
  }

  private renderCallAction(staff: StaffProfile) {
    const href = telHref(staff.phone);
    if (!href) return nothing;
    return html`<a part="action call" class="cl-button" href=${href}>${this.localize.t('staffCard.call')}</a>`;
  }

  private renderCopyAction(staff: StaffProfile) {
    const { phone } = staff;
    if (!phone) return nothing;
    return html`<button part="action copy" class="cl-button" type="button" @click=${() => this.handleCopyClick(phone)}>
      ${this.localize.t('staffCard.copy')}
    </button>`;
  }

  private renderAddAction(staff: StaffProfile) {
    const { url, pending } = this.contactUrlOf(staff);
    if (!url && !pending) return nothing;
    return html`<button
      part="action add"
      class="cl-button add"
      data-variant="primary"
      type="button"
      ?disabled=${pending}
      @click=${() => this.handleAddClick(staff)}
    >
      ${this.localize.t('staffCard.add')}
    </button>`;
  }

  /** What the feedback line says after a copy ('' before any). */
  private renderCopyFeedback(): string {
    if (this.copied === undefined) return '';
    return this.localize.t(this.copied ? 'staffCard.copied' : 'staffCard.copyFailed');
  }
}

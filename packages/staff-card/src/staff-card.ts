import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  StaffProfileSchema,
  parseOrInvalid,
  toAdapterError,
  type AdapterError,
  type ExternalAttribute,
  type StaffProfile,
  type Store,
} from '@clienteling/core';
import { ClientelingElement, LocalizeController, baseStyles, emit } from '@clienteling/core/elements.js';
import { styles } from './staff-card.styles.js';
import { staffCardMessages } from './staff-card.messages.js';
import { safeHref } from './safe-href.js';
import { DEFAULT_MAP_URL_TEMPLATE, dialable, initials, mapUrl, maskPhone } from './format.js';
import type { QrCode } from './qr.js';

/** How the card is laid out: the full profile, a chat-header line, or an inline chip for lists. */
export type StaffCardLayout = 'card' | 'compact' | 'chip';

/** Detail of `cl-staff-contact`: the associate to add, and the add-me contact URL when known. */
export interface StaffContactDetail {
  staff: StaffProfile;
  contactUrl: string | undefined;
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

type Status = 'idle' | 'loading' | 'ready' | 'error';

let qrModule: Promise<typeof import('./qr.js')> | undefined;
/** The QR encoder, loaded once, only when a card shows a QR code (a lazy chunk). */
const loadQrModule = () =>
  (qrModule ??= import('./qr.js').catch((error: unknown) => {
    qrModule = undefined;
    throw error;
  }));

const isWeb = (href: string | undefined): href is string => !!href && /^https?:/i.test(href);

const verifiedIcon = svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 .8 1.8 3.2v4.3c0 3.7 2.6 6.8 6.2 7.7 3.6-.9 6.2-4 6.2-7.7V3.2L8 .8Zm-1 10.4L4.2 8.4l1.1-1.1L7 9l3.8-3.8 1.1 1.1L7 11.2Z"/></svg>`;
const phoneIcon = svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3.6 1.5h2.3l1.2 3.3-1.6 1.1a8.7 8.7 0 0 0 4.6 4.6l1.1-1.6 3.3 1.2v2.3c0 .9-.7 1.6-1.6 1.6A12.9 12.9 0 0 1 2 3.1c0-.9.7-1.6 1.6-1.6Z"/></svg>`;

/**
 * The associate's verified identity card: avatar, name with the highlighted `@Company` suffix, the
 * verified (实名) badge when the backend says so, position, phone, store and address, the extra
 * attributes of the external profile, an add-me QR code and the call / copy / add actions.
 *
 * Data comes from the `profile` property when given (validated), else from the adapter:
 * `getStaff({ staffId })` for `staff-id`, or the signed-in associate (`getCurrentStaff`).
 * Only `https:`, `http:`, `tel:` and `weixin:` URLs become links; all adapter text is rendered as text.
 *
 * @summary The associate's verified identity card, in card, compact and chip layouts.
 *
 * @slot actions - Extra actions after the built-in ones (card and compact layouts).
 *
 * @csspart card - The outer box of every layout and state.
 * @csspart skeleton - The outer box while loading (together with `card`).
 * @csspart message - The outer box of the not-found, error, invalid and not-connected states (with `card`).
 * @csspart retry - The retry button of a retryable error.
 * @csspart avatar - The avatar picture or initials.
 * @csspart name - The line with the name, company suffix and badge.
 * @csspart company - The `@Company` suffix.
 * @csspart badge - The verified badge.
 * @csspart position - The position (职务).
 * @csspart details - The list of phone, store and extra attributes.
 * @csspart phone - The phone number (a `tel:` link).
 * @csspart store - The store name.
 * @csspart address - The store address (a map link when the template gives one).
 * @csspart attribute - The value of each extra attribute (text, link or mini-program button).
 * @csspart qr - The QR code figure.
 * @csspart actions - The row of actions.
 * @csspart action - Each action (call, copy, add); also `call`, `copy` and `add`.
 * @csspart feedback - The copy feedback line (announced to screen readers).
 *
 * @cssproperty --cl-staff-card-background - Background of the card (default `--cl-color-surface`).
 * @cssproperty --cl-staff-card-border-color - Border of the card (default `--cl-color-border`).
 * @cssproperty --cl-staff-card-radius - Corner radius of the card (default `--cl-radius`).
 * @cssproperty --cl-staff-card-padding - Inner spacing of the card (default `--cl-space-4`).
 * @cssproperty --cl-staff-card-company-color - Colour of the `@Company` suffix (default `--cl-color-company`, the platform's gold).
 * @cssproperty --cl-staff-card-verified-color - Colour of the verified badge (default `--cl-color-verified`).
 * @cssproperty --cl-staff-card-avatar-size - Avatar size (default 56px in card, 40px in compact, 24px in chip).
 * @cssproperty --cl-staff-card-avatar-background - Background of the initials avatar (default `--cl-color-primary`).
 * @cssproperty --cl-staff-card-avatar-color - Colour of the initials (default `--cl-color-on-primary`).
 * @cssproperty --cl-staff-card-chip-background - Background of the chip layout (default `--cl-color-surface-muted`).
 * @cssproperty --cl-staff-card-qr-size - Size of the QR code (default 168px).
 * @cssproperty --cl-staff-card-qr-foreground - Colour of the QR modules (default: the light theme's text colour, in both themes, so that scanners read it).
 * @cssproperty --cl-staff-card-qr-background - Colour behind the QR code (default: the light theme's surface, in both themes).
 *
 * @event cl-staff-contact - The add-me action. Detail `{ staff, contactUrl }`. Cancelable: unless cancelled, a safe contact URL is opened.
 * @event cl-phone-copy - After copying the phone number. Detail `{ phone, ok }`.
 * @event cl-miniprogram-open - A mini-program attribute was chosen: the host page opens it. Detail `{ appId, pagePath, title }`.
 */
export class StaffCard extends ClientelingElement {
  static override styles = [baseStyles, styles];

  /** Id of the staff member to load through the adapter. Without it (and without `profile`), the signed-in associate is shown. */
  @property({ attribute: 'staff-id', reflect: true }) staffId?: string;

  /** A staff profile given directly, instead of loading one. It is validated; an invalid one shows the invalid state. */
  @property({ attribute: false }) profile?: StaffProfile;

  /** `card` (full profile, default), `compact` (a chat-header line) or `chip` (inline, for lists). */
  @property({ reflect: true }) layout: StaffCardLayout = 'card';

  /** Shows the phone number with its middle digits hidden (138****8000); the full number is still dialled and copied. */
  @property({ type: Boolean, reflect: true, attribute: 'mask-phone' }) maskPhone = false;

  /** URL of the map link of the store address, with `{address}`, `{name}`, `{lat}` and `{lng}` placeholders (each URL-encoded). Defaults to an Amap search. */
  @property({ attribute: 'map-url-template' }) mapUrlTemplate: string = DEFAULT_MAP_URL_TEMPLATE;

  /** Shows the add-me QR code of the profile's contact URL (card layout only). The encoder loads only then. */
  @property({ type: Boolean, reflect: true, attribute: 'show-qr' }) showQr = false;

  @state() private status: Status = 'idle';
  @state() private staff?: StaffProfile;
  @state() private problem?: AdapterError;
  @state() private avatarFailed = false;
  @state() private copyResult: '' | 'copied' | 'failed' = '';
  @state() private qr?: { text: string; code?: QrCode; failed?: boolean };

  private readonly l = new LocalizeController(this, staffCardMessages);
  private loadToken = 0;
  private apiDirty = false;
  private copyTimer?: ReturnType<typeof setTimeout>;

  /** The profile shown now, once loaded (or given) and valid. */
  get shownProfile(): StaffProfile | undefined {
    return this.status === 'ready' ? this.staff : undefined;
  }

  /** Loads the profile again (what the retry button does). */
  reload(): void {
    this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.copyTimer);
  }

  protected override apiChanged(): void {
    this.apiDirty = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.hasUpdated || this.apiDirty || changed.has('staffId') || changed.has('profile')) {
      this.apiDirty = false;
      this.load();
    }
    const qrText = this.showQr && this.cardLayout === 'card' && this.status === 'ready' ? this.staff?.contactUrl : undefined;
    if (qrText && this.qr?.text !== qrText) this.loadQr(qrText);
  }

  private get cardLayout(): StaffCardLayout {
    return this.layout === 'compact' || this.layout === 'chip' ? this.layout : 'card';
  }

  private load(): void {
    const token = ++this.loadToken;
    this.problem = undefined;
    this.staff = undefined;
    this.avatarFailed = false;
    this.copyResult = '';
    if (this.profile !== undefined) {
      try {
        this.staff = parseOrInvalid(StaffProfileSchema, this.profile, 'profile');
        this.status = 'ready';
      } catch (error) {
        this.fail(error);
      }
      return;
    }
    const api = this.api;
    if (!api) {
      this.status = 'idle';
      return;
    }
    this.status = 'loading';
    const request = this.staffId ? api.getStaff({ staffId: this.staffId }) : api.getCurrentStaff({});
    request.then(
      (staff) => {
        if (token !== this.loadToken) return;
        this.staff = staff;
        this.status = 'ready';
      },
      (error: unknown) => {
        if (token === this.loadToken) this.fail(error);
      },
    );
  }

  private fail(error: unknown): void {
    this.problem = toAdapterError(error);
    this.status = 'error';
  }

  private loadQr(text: string): void {
    this.qr = { text };
    loadQrModule()
      .then((m) => {
        if (this.qr?.text === text) this.qr = { text, code: m.encodeQr(text) };
      })
      .catch(() => {
        if (this.qr?.text === text) this.qr = { text, failed: true };
      });
  }

  private async copyPhone(): Promise<void> {
    const phone = this.staff?.phone;
    if (!phone) return;
    let ok: boolean;
    try {
      await navigator.clipboard.writeText(phone);
      ok = true;
    } catch {
      ok = fallbackCopy(phone);
    }
    this.copyResult = ok ? 'copied' : 'failed';
    emit(this, 'cl-phone-copy', { phone, ok });
    clearTimeout(this.copyTimer);
    this.copyTimer = setTimeout(() => (this.copyResult = ''), 5000);
  }

  private addContact(): void {
    const staff = this.staff;
    if (!staff) return;
    const contactUrl = staff.contactUrl;
    if (!emit(this, 'cl-staff-contact', { staff, contactUrl }, { cancelable: true })) return;
    const href = safeHref(contactUrl);
    if (isWeb(href)) window.open(href, '_blank', 'noopener');
    else if (href) window.location.assign(href);
  }

  private openMiniprogram(attribute: Extract<ExternalAttribute, { type: 'miniprogram' }>): void {
    emit(this, 'cl-miniprogram-open', { appId: attribute.appId, pagePath: attribute.pagePath, title: attribute.title });
  }

  /* ------------------------------------------------------------------ rendering */

  protected override render() {
    const staff = this.staff;
    if (this.status === 'ready' && staff) {
      const layout = this.cardLayout;
      return layout === 'chip' ? this.renderChip(staff) : layout === 'compact' ? this.renderCompact(staff) : this.renderCard(staff);
    }
    if (this.status === 'loading') return this.renderSkeleton();
    return this.renderMessage();
  }

  private renderCard(s: StaffProfile): TemplateResult {
    return html`<article part="card" class="card" aria-labelledby="name">
      <div class="header">
        ${this.renderAvatar(s)}
        <div class="identity">
          ${this.renderName(s)}
          ${s.position ? html`<span part="position" class="position">${s.position}</span>` : nothing}
        </div>
      </div>
      ${this.renderDetails(s)} ${this.renderQr(s)} ${this.renderActions(s)}
    </article>`;
  }

  private renderCompact(s: StaffProfile): TemplateResult {
    const meta = [s.position, s.store?.name].filter(Boolean).join(' · ');
    return html`<div part="card" class="compact">
      ${this.renderAvatar(s)}
      <div class="identity">
        ${this.renderName(s)} ${meta ? html`<span part="position" class="meta">${meta}</span>` : nothing}
      </div>
      <slot name="actions"></slot>
    </div>`;
  }

  private renderChip(s: StaffProfile): TemplateResult {
    return html`<span part="card" class="chip">${this.renderAvatar(s)}${this.renderName(s)}</span>`;
  }

  private renderAvatar(s: StaffProfile): TemplateResult {
    const href = this.avatarFailed ? undefined : safeHref(s.avatarUrl);
    return html`<span part="avatar" class="avatar" aria-hidden="true"
      >${isWeb(href)
        ? html`<img src=${href} alt="" referrerpolicy="no-referrer" decoding="async" @error=${() => (this.avatarFailed = true)} />`
        : initials(s.name)}</span
    >`;
  }

  private renderName(s: StaffProfile): TemplateResult {
    return html`<span part="name" class="name" id="name"
      ><span class="person">${s.name}</span><span part="company" class="company">${this.l.t('staffCard.company', s.companyName)}</span
      >${s.verified
        ? html`<span part="badge" class="badge" role="img" aria-label=${this.l.t('staffCard.verifiedLabel')}
            >${verifiedIcon}<span class="badge-text">${this.l.t('staffCard.verified')}</span></span
          >`
        : nothing}</span
    >`;
  }

  private renderDetails(s: StaffProfile): TemplateResult | typeof nothing {
    const rows = [
      s.phone ? this.row(this.l.t('staffCard.phone'), this.renderPhone(s.phone)) : nothing,
      s.store ? this.row(this.l.t('staffCard.store'), this.renderStore(s.store)) : nothing,
      ...s.externalAttributes.map((a) => this.row(a.name, this.renderAttribute(a))),
    ];
    if (rows.every((r) => r === nothing)) return nothing;
    return html`<dl part="details" class="details">${rows}</dl>`;
  }

  private row(label: string, value: TemplateResult): TemplateResult {
    return html`<div class="row"><dt>${label}</dt><dd>${value}</dd></div>`;
  }

  private renderPhone(phone: string): TemplateResult {
    const shown = this.maskPhone ? maskPhone(phone) : phone;
    const href = dialable(phone) ? safeHref(`tel:${dialable(phone)}`) : undefined;
    return href
      ? html`<a part="phone" class="link" href=${href}>${shown}</a>`
      : html`<span part="phone">${shown}</span>`;
  }

  private renderStore(store: Store): TemplateResult {
    const href = safeHref(mapUrl(this.mapUrlTemplate, store));
    const address = store.address || this.l.t('staffCard.openMap');
    return html`<span part="store" class="store">${store.name}</span>
      ${href
        ? html`<a part="address" class="link address" href=${href} target="_blank" rel="noopener noreferrer"
            >${address}<span class="cl-visually-hidden">${store.address ? `, ${this.l.t('staffCard.openMap')}` : ''}
              ${this.l.t('staffCard.newWindow')}</span
            ></a
          >`
        : store.address
          ? html`<span part="address" class="address">${store.address}</span>`
          : nothing}`;
  }

  private renderAttribute(a: ExternalAttribute): TemplateResult {
    if (a.type === 'text') return html`<span part="attribute">${a.value}</span>`;
    if (a.type === 'miniprogram') {
      return html`<button part="attribute" class="link-button" type="button" @click=${() => this.openMiniprogram(a)}>
        ${a.title}<span class="cl-visually-hidden">(${this.l.t('staffCard.miniprogram')})</span>
      </button>`;
    }
    const href = safeHref(a.url);
    return href
      ? html`<a part="attribute" class="link" href=${href} target="_blank" rel="noopener noreferrer"
          >${a.title}<span class="cl-visually-hidden">${this.l.t('staffCard.newWindow')}</span></a
        >`
      : html`<span part="attribute">${a.title}</span>`;
  }

  private renderQr(s: StaffProfile): TemplateResult | typeof nothing {
    if (!this.showQr || !s.contactUrl) return nothing;
    const qr = this.qr?.text === s.contactUrl ? this.qr : undefined;
    const label = this.l.t('staffCard.qrLabel', s.name, s.companyName);
    let body: TemplateResult;
    if (qr?.code) {
      const box = qr.code.size + 8;
      body = html`<svg class="qr-code" viewBox="0 0 ${box} ${box}" role="img" aria-label=${label} shape-rendering="crispEdges">
        <rect class="qr-bg" width=${box} height=${box}></rect>
        <path class="qr-fg" transform="translate(4 4)" d=${qr.code.path}></path>
      </svg>`;
    } else if (qr?.failed) {
      body = html`<span class="qr-code qr-unavailable">${this.l.t('staffCard.qrUnavailable')}</span>`;
    } else {
      body = html`<span class="qr-code cl-skeleton"><span class="cl-visually-hidden">${this.l.t('common.loading')}</span></span>`;
    }
    return html`<figure part="qr" class="qr">
      ${body}
      <figcaption>${this.l.t('staffCard.qrCaption')}</figcaption>
    </figure>`;
  }

  private renderActions(s: StaffProfile): TemplateResult {
    const dial = s.phone ? dialable(s.phone) : '';
    const tel = dial ? safeHref(`tel:${dial}`) : undefined;
    const feedback =
      this.copyResult === 'copied' ? this.l.t('staffCard.copied') : this.copyResult === 'failed' ? this.l.t('staffCard.copyFailed') : '';
    return html`<div part="actions" class="actions">
        ${tel
          ? html`<a part="action call" class="cl-button" href=${tel}>${phoneIcon}${this.l.t('staffCard.call')}</a>`
          : nothing}
        ${s.phone
          ? html`<button part="action copy" class="cl-button" type="button" @click=${this.copyPhone}>
              ${this.l.t('staffCard.copyPhone')}
            </button>`
          : nothing}
        ${s.contactUrl
          ? html`<button part="action add" class="cl-button add" data-variant="primary" type="button" @click=${this.addContact}>
              ${this.l.t('staffCard.add')}
            </button>`
          : nothing}
        <slot name="actions"></slot>
      </div>
      <p part="feedback" class="feedback" role="status" data-state=${this.copyResult || nothing}>${feedback}</p>`;
  }

  private renderSkeleton(): TemplateResult {
    const bar = (cls: string) => html`<span class="cl-skeleton bar ${cls}"></span>`;
    const loading = html`<span class="cl-visually-hidden">${this.l.t('staffCard.loading')}</span>`;
    const layout = this.cardLayout;
    if (layout === 'chip') {
      return html`<span part="card skeleton" class="chip" aria-busy="true"
        ><span class="avatar cl-skeleton"></span><span class="name">${bar('w6')}</span>${loading}</span
      >`;
    }
    if (layout === 'compact') {
      return html`<div part="card skeleton" class="compact" aria-busy="true">
        <span class="avatar cl-skeleton"></span>
        <div class="identity"><span class="name">${bar('w8')}</span><span class="meta">${bar('w10')}</span></div>
        ${loading}
      </div>`;
    }
    return html`<div part="card skeleton" class="card" aria-busy="true">
      ${loading}
      <div class="header">
        <span class="avatar cl-skeleton"></span>
        <div class="identity"><span class="name">${bar('w8')}</span><span class="position">${bar('w5')}</span></div>
      </div>
      <div class="details">
        <div class="row"><span class="dt">${bar('w3')}</span><span class="dd"><span class="link">${bar('w8')}</span></span></div>
        <div class="row">
          <span class="dt">${bar('w3')}</span>
          <span class="dd"><span class="store">${bar('w6')}</span><span class="link address">${bar('w12')}</span></span>
        </div>
      </div>
      ${this.showQr
        ? html`<div class="qr"><span class="qr-code cl-skeleton"></span><span class="figcaption">${bar('w10')}</span></div>`
        : nothing}
      <div class="actions">
        <span class="cl-button cl-skeleton"></span><span class="cl-button cl-skeleton"></span
        ><span class="cl-button cl-skeleton add"></span>
      </div>
      <p class="feedback"></p>
    </div>`;
  }

  private renderMessage(): TemplateResult {
    const problem = this.problem;
    const text = !problem
      ? this.l.t('common.noAdapter')
      : problem.code === 'not-found'
        ? this.l.t('staffCard.notFound')
        : problem.code === 'invalid'
          ? this.l.t('staffCard.invalid')
          : this.l.error(problem);
    const alert = problem && problem.code !== 'not-found' && problem.code !== 'invalid';
    const layout = this.cardLayout;
    const tag = layout === 'chip' ? 'chip' : layout === 'compact' ? 'compact' : 'card';
    return html`<div part="card message" class="${tag} message" data-code=${problem?.code ?? 'no-adapter'}>
      <span class="message-text" role=${alert ? 'alert' : 'status'}>${text}</span>
      ${problem?.retryable
        ? html`<button part="retry" class="cl-button" type="button" @click=${this.reload}>${this.l.t('common.retry')}</button>`
        : nothing}
    </div>`;
  }
}

/** Copies with a hidden textarea and `execCommand`, for browsers without the async clipboard. */
function fallbackCopy(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;top:0;left:0;opacity:0;';
  document.body.append(area);
  area.select();
  let ok: boolean;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

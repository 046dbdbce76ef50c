import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  toAdapterError,
  type AdapterError,
  type ExternalAttribute,
  type StaffProfile,
  type Store,
} from '@clienteling/core';
import { ClientelingElement, LocalizeController, baseStyles, emit, parseLater } from '@clienteling/core/elements.js';
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

type View =
  | { status: 'idle' | 'loading'; staff?: undefined; problem?: undefined }
  | { status: 'ready'; staff: StaffProfile; problem?: undefined }
  | { status: 'error'; staff?: undefined; problem: AdapterError };

let qrModule: Promise<typeof import('./qr.js')> | undefined;

/** What the loading skeleton is drawn from: ideographic spaces take the room of typical text. */
const blank = (n: number) => '\u3000'.repeat(n);
const placeholder: StaffProfile = {
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

const position = (text: string | undefined) =>
  text ? html`<span part="position" class="position">${text}</span>` : nothing;
const tel = (phone: string | undefined) => phone && dialable(phone) && safeHref('tel:' + dialable(phone));

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
 * @csspart actions - The row of actions.
 * @csspart action - Each action; also `call`, `copy` and `add`.
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

  // Reactive properties are declared here rather than with decorators: it keeps the element within
  // its size budget (each decorator call costs bytes); each one is documented at its field below.
  static override properties = {
    staffId: { attribute: 'staff-id' },
    profile: { attribute: false },
    layout: { reflect: true },
    maskPhone: { type: Boolean, attribute: 'mask-phone' },
    mapUrlTemplate: { attribute: 'map-url-template' },
    showQr: { type: Boolean, attribute: 'show-qr' },
    view: { state: true },
    avatarFailed: { state: true },
    copied: { state: true },
    qr: { state: true },
  };

  /** Id of the staff member to load through the adapter. Without it (and without `profile`), the signed-in associate is shown. */
  staffId?: string;

  /** A staff profile given directly, instead of loading one. It is validated; an invalid one shows the invalid state. */
  profile?: StaffProfile;

  /** `card` (full profile, default), `compact` (a chat-header line) or `chip` (inline, for lists). */
  layout: StaffCardLayout = 'card';

  /** Shows the phone number with its middle digits hidden (138****8000); the full number is still dialled and copied. */
  maskPhone = false;

  /** URL of the store address's map link, with `{address}`, `{name}`, `{lat}` and `{lng}` placeholders (each URL-encoded). Defaults to an Amap search. */
  mapUrlTemplate: string = DEFAULT_MAP_URL_TEMPLATE;

  /** Shows the add-me QR code of the profile's contact URL (card layout only). The encoder loads only then. */
  showQr = false;

  private view: View = { status: 'idle' };
  private avatarFailed = false;
  private copied?: boolean;
  private qr?: { text: string; code?: QrCode; failed?: boolean };

  private readonly l = new LocalizeController(this, staffCardMessages);
  private loads = 0;
  private loadedWith?: unknown = this;

  /** Loads the profile again (what the retry button does). */
  reload(): void {
    const token = ++this.loads;
    const { profile, api, staffId } = this;
    this.avatarFailed = false;
    this.copied = undefined;
    const fail = (error: unknown) => {
      if (token == this.loads) this.view = { status: 'error', problem: toAdapterError(error) };
    };
    if (profile) {
      // The schemas load with validation, on first use (see ClientelingElement).
      this.view = { status: 'loading' };
      parseLater('StaffProfileSchema', profile, 'profile').then((staff) => {
        if (token == this.loads) this.view = { status: 'ready', staff };
      }, fail);
    } else if (api) {
      this.view = { status: 'loading' };
      (staffId ? api.getStaff({ staffId }) : api.getCurrentStaff({})).then((staff) => {
        if (token == this.loads) this.view = { status: 'ready', staff };
      }, fail);
    } else {
      this.view = { status: 'idle' };
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Load on the first update, and again when the adapter, staff id or profile changes.
    if (this.api !== this.loadedWith || changed.has('staffId') || changed.has('profile')) {
      this.loadedWith = this.api;
      this.reload();
    }
    const layout = this.layout;
    const text =
      this.showQr && layout != 'chip' && layout != 'compact' && this.view.staff
        ? this.view.staff.contactUrl
        : undefined;
    if (text && (!this.qr || this.qr.text != text)) {
      this.qr = { text };
      const settle = (qr: { code?: QrCode; failed?: boolean }) => {
        if (this.qr && this.qr.text == text) this.qr = { text, ...qr };
      };
      (qrModule ||= import('./qr.js'))
        .then((m) => settle({ code: m.encodeQr(text) }))
        .catch(() => settle({ failed: true }));
    }
  }

  private async copyPhone(phone: string): Promise<void> {
    let ok = true;
    try {
      await navigator.clipboard.writeText(phone);
    } catch {
      // Older WebViews: select a hidden, fixed text area (no scroll) and use the legacy command.
      const area = document.body.appendChild(document.createElement('textarea'));
      area.value = phone;
      area.style.cssText = 'position:fixed;opacity:0';
      area.select();
      ok = document.execCommand('copy');
      area.remove();
    }
    // The feedback stays until the next copy or load, so that nobody misses it.
    this.copied = ok;
    emit(this, 'cl-phone-copy', { phone, ok });
  }

  private addContact(staff: StaffProfile): void {
    const { contactUrl } = staff;
    if (!emit(this, 'cl-staff-contact', { staff, contactUrl }, { cancelable: true })) return;
    const href = safeHref(contactUrl);
    if (href) window.open(href, '_blank', 'noopener');
  }

  /* ------------------------------------------------------------------ rendering */

  protected override render() {
    const { status, staff, problem } = this.view;
    const layout = this.layout == 'chip' || this.layout == 'compact' ? this.layout : 'card';
    if (status == 'ready' || status == 'loading') {
      const s = staff || placeholder;
      const name = this.renderName(s);
      const view =
        layout == 'chip'
          ? html`<span part="card" class="chip">${this.renderAvatar(s)}${name}</span>`
          : layout == 'compact'
            ? html`<div part="card" class="compact">
                ${this.renderAvatar(s)}
                <div class="identity"
                  >${name}${position([s.position, s.store && s.store.name].filter(Boolean).join(' · '))}</div
                >
                <slot name="actions"></slot>
              </div>`
            : this.renderCard(s, name);
      // The skeleton is the same layout drawn from a placeholder profile, so that nothing moves
      // when the data arrives; it is inert and hidden from assistive technology, which hears "Loading".
      return staff
        ? view
        : html`<span class="cl-visually-hidden" role="status">${this.l.t('common.loading')}</span
            ><div part="skeleton" class="skeleton" inert aria-hidden="true">${view}</div>`;
    }
    // A failure that may pass is announced at once; a missing or invalid card is simply stated.
    return html`<div part="card message" class="${layout} message">
      <span role=${problem && problem.retryable ? 'alert' : 'status'}
        >${problem ? this.l.error(problem) : this.l.t('common.noAdapter')}</span
      >
      ${
        problem && problem.retryable
          ? html`<button part="retry" class="cl-button" type="button" @click=${this.reload}
              >${this.l.t('common.retry')}</button
            >`
          : nothing
      }
    </div>`;
  }

  private renderCard(s: StaffProfile, name: TemplateResult): TemplateResult {
    const phone = tel(s.phone);
    const rows = [
      s.phone
        ? this.renderRow(
            this.l.t('staffCard.phone'),
            this.renderLink(this.maskPhone ? maskPhone(s.phone) : s.phone, phone, 'phone'),
          )
        : '',
      s.store ? this.renderRow(this.l.t('staffCard.store'), this.renderStore(s.store)) : '',
      ...s.externalAttributes.map((a) => this.renderRow(a.name, this.renderAttribute(a))),
    ].filter(Boolean);
    return html`<article part="card" class="card" aria-labelledby="name">
      <div class="header">
        ${this.renderAvatar(s)}
        <div class="identity">${name}${position(s.position)}</div>
      </div>
      ${rows.length ? html`<dl part="details">${rows}</dl>` : nothing} ${this.renderQr(s)}
      <div part="actions" class="actions">
        ${phone ? html`<a part="action call" class="cl-button" href=${phone}>${this.l.t('staffCard.call')}</a>` : nothing}
        ${
          s.phone
            ? html`<button part="action copy" class="cl-button" type="button" @click=${() => this.copyPhone(s.phone!)}>
                ${this.l.t('staffCard.copy')}
              </button>`
            : nothing
        }
        ${
          s.contactUrl
            ? html`<button
                part="action add"
                class="cl-button add"
                data-variant="primary"
                type="button"
                @click=${() => this.addContact(s)}
              >
                ${this.l.t('staffCard.add')}
              </button>`
            : nothing
        }
        <slot name="actions"></slot>
      </div>
      <p part="feedback" class="feedback ${this.copied === false ? 'failed' : ''}" role="status"
        >${this.copied == undefined ? '' : this.l.t(this.copied ? 'staffCard.copied' : 'staffCard.copyFailed')}</p
      >
    </article>`;
  }

  private renderAvatar(s: StaffProfile): TemplateResult {
    const src = this.avatarFailed ? undefined : safeHref(s.avatarUrl);
    return html`<span part="avatar" class="avatar" aria-hidden="true"
      >${
        src
          ? html`<img src=${src} alt="" referrerpolicy="no-referrer" @error=${() => (this.avatarFailed = true)} />`
          : initials(s.name)
      }</span
    >`;
  }

  private renderName(s: StaffProfile): TemplateResult {
    return html`<span part="name" class="name" id="name"
      ><span class="person">${s.name}</span><span part="company" class="company">@${s.companyName}</span>${
        s.verified
          ? html`<span part="badge" class="badge" role="img" aria-label=${this.l.t('staffCard.verified')}
              ><svg viewBox="0 0 16 16" aria-hidden="true">
                <path
                  d="M8 1 2 3.3v4.2c0 3.6 2.5 6.6 6 7.5 3.5-.9 6-3.9 6-7.5V3.3L8 1Zm-1 10L4.3 8.3l1-1L7 9l3.7-3.7 1 1L7 11Z"
                /></svg
              ><span class="badge-text">${this.l.t('staffCard.verified')}</span></span
            >`
          : nothing
      }</span
    >`;
  }

  private renderRow(label: string, value: unknown): TemplateResult {
    return html`<div class="row"><dt>${label}</dt><dd>${value}</dd></div>`;
  }

  /** A link when `href` is safe, else the same text as text. */
  private renderLink(text: string, href: string | undefined | '', part: string, hint?: string): TemplateResult {
    return href
      ? html`<a part=${part} class="link" href=${href} target=${hint ? '_blank' : nothing} rel="noopener noreferrer"
          >${text}${hint ? html`<span class="cl-visually-hidden">${hint}</span>` : nothing}</a
        >`
      : html`<span part=${part}>${text}</span>`;
  }

  private renderStore(store: Store): TemplateResult {
    return html`<span part="store" class="store">${store.name}</span> ${
        store.address
          ? this.renderLink(
              store.address,
              safeHref(mapUrl(this.mapUrlTemplate, store)),
              'address',
              this.l.t('staffCard.newWindow'),
            )
          : nothing
      }`;
  }

  private renderAttribute(a: ExternalAttribute): TemplateResult {
    if (a.type == 'text') return html`<span part="attribute">${a.value}</span>`;
    if (a.type == 'web') return this.renderLink(a.title, safeHref(a.url), 'attribute', this.l.t('staffCard.newWindow'));
    const { appId, pagePath, title } = a;
    return html`<button
      part="attribute"
      class="link"
      type="button"
      @click=${() => emit(this, 'cl-miniprogram-open', { appId, pagePath, title })}
    >
      ${title}<span class="cl-visually-hidden">${this.l.t('staffCard.miniprogram')}</span>
    </button>`;
  }

  private renderQr(s: StaffProfile) {
    if (!this.showQr || !s.contactUrl) return nothing;
    const qr: { code?: QrCode; failed?: boolean } = this.qr && this.qr.text == s.contactUrl ? this.qr : {};
    const box = qr.code ? qr.code.size + 8 : 0;
    return html`<figure part="qr" class="qr">
      ${
        qr.code
          ? html`<svg
              class="qr-code"
              viewBox="-4 -4 ${box} ${box}"
              role="img"
              aria-label=${this.l.t('staffCard.qrLabel', s.name)}
            >
              <path d=${qr.code.path} />
            </svg>`
          : html`<span class="qr-code ${qr.failed ? 'qr-failed' : 'cl-skeleton'}"
              >${qr.failed ? this.l.t('staffCard.qrFailed') : ''}</span
            >`
      }
      <figcaption>${this.l.t('staffCard.qrCaption')}</figcaption>
    </figure>`;
  }
}

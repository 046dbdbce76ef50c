// The send sheet of <cl-coupon-dispenser>: what its dialog shows from the tap on Send until it closes
// (whom the coupon goes to, the confirmation, pending, a failure or "not confirmed" with a retry, the
// coupon sent). Loaded on demand (`OnDemand`), so the dispenser's first load carries only its lists.
// The send itself (the intent, its request id, issueCoupon) and the dialog stay in the element. Its
// strings (send-sheet.messages.ts) load with it.
import { html, nothing } from 'lit';
import { maySendAgain, type AdapterError } from '@clienteling/core/errors.js';
import type { Customer, IssuedCoupon } from '@clienteling/core/trade.js';
import { safeImageUrl, type LocalizeController, type MessagesOf } from '@clienteling/core/elements.js';
import type { SendIntent } from './coupon-dispenser.js';
import type { sendSheetMessages } from './send-sheet.messages.js';

export { sendSheetMessages } from './send-sheet.messages.js';

/** What the sheet reads from its dispenser, and the dispenser's handlers it calls. */
export interface SendSheetContext {
  /** The sheet's strings and the dispenser's, on the dispenser (see `sendSheetMessages`). */
  localize: LocalizeController<MessagesOf<typeof sendSheetMessages>>;
  /** The customer the coupon goes to, once known. */
  recipient?: Customer;
  /** The offer's benefit, name and validity, as the list shows them. */
  summary: unknown;
  formatDate(iso: string): string;
  /** "Send to chat" with `text`, where the host page can send. */
  shareToChat(text: string): unknown;
  confirm(): void;
  close(): void;
}

/** The sheet of one send: the confirmation (pending, failed) until a coupon is issued, then the coupon. */
export function renderSendSheet(intent: SendIntent, context: SendSheetContext) {
  return intent.coupon ? renderSent(intent, intent.coupon, context) : renderConfirm(intent, context);
}

/** The issued coupon: whom it went to, its code (its validity once, in the summary), "Send to chat". */
function renderSent(intent: SendIntent, coupon: IssuedCoupon, context: SendSheetContext) {
  const { localize } = context;
  return html`<div role="status"
      ><h2 id="title">${localize.t('couponDispenser.sentTitle')}</h2>${renderRecipient(context)}${context.summary}<p
        >${localize.t('couponDispenser.code')} <strong part="code" class="code">${coupon.code}</strong></p
      >${renderShareToChat(intent, coupon, context)}</div
    ><div class="cl-sheet-buttons"
      ><button class="cl-button" data-variant="primary" data-focus @click=${context.close}
        >${localize.t('couponDispenser.done')}</button
      ></div
    >`;
}

/** The customer the coupon goes to: avatar (or initial) and name; nothing until the customer is known. */
function renderRecipient({ recipient, localize }: SendSheetContext) {
  if (!recipient) return nothing;
  const avatarUrl = safeImageUrl(recipient.avatarUrl);
  const avatar = avatarUrl
    ? html`<img class="avatar" src=${avatarUrl} alt="" />`
    : html`<span class="avatar" aria-hidden="true">${[...recipient.name][0]}</span>`;
  return html`<p class="recipient" part="recipient"
    >${avatar}<span>${localize.t('couponDispenser.to')} <strong>${recipient.name}</strong></span></p
  >`;
}

/** The dialog's title: a question, then why the send failed or that its outcome is unknown. */
function confirmTitle(error: AdapterError | undefined, { localize }: SendSheetContext): string {
  if (!error) return localize.t('couponDispenser.confirmTitle');
  // No answer (timeout, lost response): the coupon may have been issued.
  if (error.code === 'unavailable') return localize.t('couponDispenser.unconfirmedTitle');
  return localize.t('couponDispenser.failedTitle');
}

/** The label of the dialog's main button: confirm, sending, or retry after a failure. */
function confirmButtonText(intent: SendIntent, { localize }: SendSheetContext): string {
  if (intent.phase === 'pending') return localize.t('couponDispenser.sending');
  if (intent.error) return localize.t('common.retry');
  return localize.t('couponDispenser.confirmSend');
}

/** Dispenser wording for an adapter error, falling back to the shared words. */
function errorMessage(error: AdapterError, { localize }: SendSheetContext): string {
  const translate = localize.t as (key: string) => string;
  const keys = [`couponDispenser.error.${error.code}.${error.reason}`, `couponDispenser.error.${error.code}`];
  for (const key of keys) {
    const text = translate.call(localize, key);
    if (text !== key) return text;
  }
  return localize.error(error);
}

/**
 * The confirmation of a send, and its failure: whom it goes to, the offer, a hint or the error, and
 * the buttons. Focus starts on Cancel (the send cannot be undone), after a failure on Retry.
 */
function renderConfirm(intent: SendIntent, context: SendSheetContext) {
  const { localize } = context;
  const { error } = intent;
  const pending = intent.phase === 'pending';
  const canRetry = maySendAgain(error);
  const hint = error
    ? html`<p role="alert" part="error" class="error">${errorMessage(error, context)}</p>`
    : html`<p class="meta">${localize.t('couponDispenser.confirmHint')}</p>`;
  const confirmButton = html`<button
    class="cl-button"
    data-variant="primary"
    ?data-focus=${!!error}
    aria-disabled=${pending}
    @click=${context.confirm}
    >${confirmButtonText(intent, context)}</button
  >`;
  return html`<h2 id="title">${confirmTitle(error, context)}</h2
    >${renderRecipient(context)}${context.summary}${hint}<div class="cl-sheet-buttons"
      ><button class="cl-button" ?disabled=${pending} ?data-focus=${!error || !canRetry} @click=${context.close}
        >${localize.t(error ? 'common.close' : 'common.cancel')}</button
      >${canRetry ? confirmButton : nothing}</div
    >`;
}

/** "Send to chat" for the issued coupon, where the host page (WeCom sidebar) can send. */
function renderShareToChat(intent: SendIntent, coupon: IssuedCoupon, context: SendSheetContext) {
  const { localize } = context;
  const code = `${localize.t('couponDispenser.code')} ${coupon.code}`;
  const validUntil = localize.t('couponDispenser.validUntil', context.formatDate(coupon.validUntil));
  return context.shareToChat(`${intent.offer.name} · ${code} · ${validUntil}`);
}

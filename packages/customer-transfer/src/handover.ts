// What <cl-customer-transfer> shows once a preview is asked for: the preview's answer (who can go and
// why the others cannot), the Hand over button, the confirmation in the dialog and, after handing
// over, the transfer's status. Loaded on demand (`OnDemand`) with its strings (handover.messages.ts),
// so the element's first load carries only the form's steps. The preview request, the intent with its
// request id, the send and the dialog itself stay in the element.
import { html, nothing } from 'lit';
import { LIMITS, type Transfer, type TransferPreview } from '@clienteling/core/trade.js';
import { maySendAgain } from '@clienteling/core/errors.js';
import type { LocalizeController, MessagesOf } from '@clienteling/core/elements.js';
import type { TransferIntent } from './customer-transfer.js';
import type { handoverMessages } from './handover.messages.js';

export { handoverMessages } from './handover.messages.js';

/** The reasons a customer cannot go, in the order the preview lists them. */
const BLOCKED_REASONS = ['too-frequent', 'successor-over-cap', 'not-owned', 'in-transfer'] as const;

/** What the part reads from its element, and the element's handlers it calls. */
export interface HandoverContext {
  /** The part's strings and the element's, on the element (see `handoverMessages`). */
  localize: LocalizeController<MessagesOf<typeof handoverMessages>>;
  /** A count in the page's language. */
  count(value: number): string;
  /** A colleague's name. */
  nameOf(staffId: string): string;
  /** A customer's name as the list shows it, when the list holds them. */
  customerName(customerId: string): string | undefined;
  /** A transfer's status counts, as the history shows them. */
  renderStatusCounts(transfer: Transfer): unknown;
  /** The statuses are read again while customers wait (`refresh-interval` above 0). */
  following: boolean;
  handOver(): void;
  confirm(): void;
  cancel(): void;
  newTransfer(): void;
}

/** The groups a transfer would move (or move later): all but those the associate no longer owns. */
function movableGroups(preview: TransferPreview | undefined): number {
  return preview?.groups.filter((group) => group.status !== 'not-owned').length ?? 0;
}

/** The preview's answer, in the element's live region: how many can go, the groups, the batches, who cannot. */
export function renderPreviewAnswer(preview: TransferPreview, context: HandoverContext) {
  const { localize, count } = context;
  const blocked = preview.customers.length - preview.counts.ok;
  const summary = localize.t('transfer.previewSummary', count(preview.counts.ok), count(blocked));
  const limitedGroups = preview.groups.filter((group) => group.status === 'limited').length;
  const okGroups = preview.groups.filter((group) => group.status === 'ok').length;
  const groups = preview.groups.length
    ? html`<p>${localize.t('transfer.previewGroups', count(okGroups), count(limitedGroups))}</p>`
    : nothing;
  const batches = preview.batches
    ? html`<p class="meta">${localize.t('transfer.previewBatches', count(preview.batches))}</p>`
    : nothing;
  return html`<p class="summary">${summary}</p>${groups}${batches}${renderBlocked(preview, context)}`;
}

/** Who cannot go, by reason, with a few names. */
function renderBlocked(preview: TransferPreview, context: HandoverContext) {
  const reasons = BLOCKED_REASONS.filter((reason) => preview.counts[reason] > 0);
  if (!reasons.length) return nothing;
  return html`<ul class="blocked"
    >${reasons.map((reason) => {
      const who = preview.customers
        .filter((customer) => customer.status === reason)
        .map((customer) => context.customerName(customer.customerId))
        .filter(Boolean)
        .slice(0, 5)
        .join('、');
      return html`<li
        ><strong>${context.count(preview.counts[reason])}</strong> ${reasonText(reason, context)}${
          who ? html`<span class="meta"> · ${who}</span>` : nothing
        }</li
      >`;
    })}</ul
  >`;
}

/** Why customers cannot go, with the platform's numbers where the reason has them. */
function reasonText(reason: (typeof BLOCKED_REASONS)[number], { localize, count }: HandoverContext) {
  if (reason !== 'too-frequent') return localize.t(`transfer.reason.${reason}`);
  return localize.t(
    'transfer.reason.too-frequent',
    count(LIMITS.onJobTransfersMax),
    count(LIMITS.onJobTransferWindowDays),
  );
}

/** "Hand over N customers" (or only the groups), when the preview lets anything go. */
export function renderHandOverButton(preview: TransferPreview, { localize, count, handOver }: HandoverContext) {
  const groups = movableGroups(preview);
  if (!preview.counts.ok && !groups) return nothing;
  const label = preview.counts.ok
    ? localize.t('transfer.submit', count(preview.counts.ok))
    : localize.t('transfer.submitGroupsOnly', count(groups));
  return html`<button
    type="button"
    class="cl-button submit"
    data-variant="primary"
    part="submit-button"
    @click=${handOver}
    >${label}</button
  >`;
}

/**
 * The confirmation: what goes where, what the customers are told; after a failure, why, and Retry.
 * Focus starts on Cancel, after a failure on Retry (`data-focus`).
 */
export function renderConfirm(intent: TransferIntent, preview: TransferPreview | undefined, context: HandoverContext) {
  const { localize, count, nameOf } = context;
  const { error, sending, input } = intent;
  let title = localize.t('transfer.confirmTitle');
  if (error) title = localize.t(error.code === 'unavailable' ? 'transfer.unconfirmedTitle' : 'transfer.failedTitle');
  const body = localize.t(
    'transfer.confirmBody',
    count(preview?.counts.ok ?? 0),
    count(movableGroups(preview)),
    nameOf(input.fromStaffId),
    nameOf(input.toStaffId),
  );
  const modeText = localize.t(input.mode === 'on-job' ? 'transfer.confirmOnJob' : 'transfer.confirmResigned');
  const message = input.message ? html`<blockquote class="quote">${input.message}</blockquote>` : nothing;
  const problem = error
    ? html`<p role="alert" part="error" class="error">${localize.error(error)}</p
        ><p class="meta">${localize.t('transfer.retryHint')}</p>`
    : nothing;
  const canRetry = maySendAgain(error);
  let confirmLabel = localize.t('transfer.confirm');
  if (sending) confirmLabel = localize.t('transfer.sending');
  else if (error) confirmLabel = localize.t('common.retry');
  const confirm = html`<button
    type="button"
    class="cl-button"
    data-variant="primary"
    ?data-focus=${!!error}
    aria-disabled=${sending ? 'true' : 'false'}
    @click=${context.confirm}
    >${confirmLabel}</button
  >`;
  return html`<h2 id="dialog-title">${title}</h2><p>${body}</p><p class="meta">${modeText}</p>${message}${problem}<div
      class="cl-sheet-buttons"
      ><button type="button" class="cl-button" ?disabled=${sending} ?data-focus=${!error} @click=${context.cancel}
        >${localize.t(error ? 'common.close' : 'common.cancel')}</button
      >${canRetry ? confirm : nothing}</div
    >`;
}

/** The transfer just made: each status with its count, followed while customers wait. */
export function renderProgress(transfer: Transfer, context: HandoverContext) {
  const { localize, nameOf } = context;
  const following =
    transfer.counts.waiting > 0 && context.following
      ? html`<p class="meta">${localize.t('transfer.refreshing')}</p>`
      : nothing;
  return html`<section class="step" part="step" aria-labelledby="progress-title"
    ><h3 id="progress-title" tabindex="-1">${localize.t('transfer.done')}</h3
    ><p>${localize.t('transfer.fromTo', nameOf(transfer.fromStaffId), nameOf(transfer.toStaffId))}</p
    >${context.renderStatusCounts(transfer)}${following}<button
      type="button"
      class="cl-button"
      @click=${context.newTransfer}
      >${localize.t('transfer.newTransfer')}</button
    ></section
  >`;
}

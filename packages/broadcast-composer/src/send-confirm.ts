// The confirmation of <cl-broadcast-composer>, in its dialog from the tap on Send until the broadcast is
// made: how many it goes to, that WeCom asks for a confirmation next, the send exactly once, a failure
// or "not confirmed" with Retry. A module of its own, which the element loads on demand (core's
// `OnDemand`, awaited when Send is tapped), so that its first load carries only the form. Its strings
// load with it (send-confirm.messages.ts); the dialog itself and its look stay the element's.
import { html, nothing, type ReactiveElement } from 'lit';
import type {
  Broadcast,
  BroadcastAttachment,
  BroadcastAudience,
  BroadcastContent,
  ClientelingAdapter,
} from '@clienteling/core/trade.js';
import { maySendAgain, toAdapterError, type AdapterError } from '@clienteling/core/errors.js';
import { LocalizeController, type MessagesOf } from '@clienteling/core/elements.js';
import { cardOf, isVideoMedia, type DraftMedia } from '@clienteling/moments-composer/attachments.js';
import type { BroadcastComposerDraft, DraftCard } from './broadcast-composer.js';
import { sendConfirmMessages } from './send-confirm.messages.js';

/** What the confirmation needs of its element. */
export interface SendConfirmLink {
  /** The element's adapter, when it has one. */
  api(): ClientelingAdapter | undefined;
  /** The draft to send, with its request id. */
  draft(): BroadcastComposerDraft;
  /** Whom the draft goes to (Send is only tapped when it names someone). */
  audience(): BroadcastAudience | undefined;
  /** How many customers the preview says it reaches. */
  recipientCount(): number;
  /** Saves the draft now. */
  saveDraft(): Promise<void>;
  /** The adapter made the broadcast (the dialog has closed). */
  created(broadcast: Broadcast): void;
}

/** An uploaded file as a broadcast attachment. */
function attachmentOfMedia(item: DraftMedia): BroadcastAttachment {
  if (isVideoMedia(item))
    return { kind: 'video', video: { url: item.url!, durationMs: item.durationMs!, size: item.size } };
  const { url, width, height, size } = item;
  return { kind: 'image', image: { url: url!, width, height, size } };
}

/** A complete card as a broadcast attachment. */
function attachmentOfCard({ kind, fields }: DraftCard): BroadcastAttachment {
  if (kind === 'link') return { kind, link: cardOf(kind, fields) };
  return { kind: 'miniprogram', miniprogram: cardOf('miniprogram', fields) };
}

/** The draft's text and attachments as the adapter takes them. */
function contentOf({ text, given, media, cards }: BroadcastComposerDraft): BroadcastContent {
  return { text, attachments: [...given, ...media.map(attachmentOfMedia), ...cards.map(attachmentOfCard)] };
}

/**
 * The confirmation in the element's dialog, and the broadcast being created: made once per element
 * when its code arrives.
 */
export class SendConfirm {
  /** The broadcast is being created, and why it failed. */
  private creating = false;
  private createError?: AdapterError;

  /** Its strings and the element's, on the element: an English element waits for them to render. */
  private readonly localize: LocalizeController<MessagesOf<typeof sendConfirmMessages>>;

  constructor(
    private readonly host: ReactiveElement,
    private readonly link: SendConfirmLink,
  ) {
    this.localize = new LocalizeController(host, sendConfirmMessages);
  }

  private get dialog() {
    return this.host.renderRoot.querySelector('dialog');
  }

  /** Opens the confirmation, Cancel focused. */
  async open(): Promise<void> {
    this.createError = undefined;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const { dialog } = this;
    if (!dialog?.isConnected) return; // the element left the page meanwhile
    if (!dialog.open) dialog.showModal();
    this.focusButton();
  }

  /** Escape: ignored while the broadcast is being created. */
  handleDialogCancel(event: Event): void {
    if (this.creating) event.preventDefault();
  }

  /** Focuses the dialog's first button: Cancel, or Retry after a failure. */
  private focusButton() {
    this.dialog?.querySelector<HTMLElement>('[data-focus]')?.focus();
  }

  /**
   * Creates the broadcast once: ignored while a request is pending; a retry after a failure or a lost
   * answer sends the draft's same request id, so the adapter never makes a second broadcast.
   */
  private handleConfirmClick = async () => {
    const api = this.link.api();
    if (!api || this.creating) return;
    const audience = this.link.audience()!;
    const draft = this.link.draft();
    this.creating = true;
    this.createError = undefined;
    this.host.requestUpdate();
    try {
      await this.link.saveDraft();
      const broadcast = await api.createBroadcast({ requestId: draft.requestId, audience, content: contentOf(draft) });
      this.creating = false;
      this.dialog?.close();
      this.link.created(broadcast);
    } catch (error) {
      this.creating = false;
      this.createError = toAdapterError(error);
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.focusButton();
    }
  };

  private handleCancelClick = () => {
    this.dialog?.close();
  };

  /** The confirmation: how many it goes to, that WeCom asks for a confirmation next; after a failure, why and Retry. */
  render() {
    const { createError, creating } = this;
    const { localize } = this;
    const recipients = localize.number(this.link.recipientCount());
    const title = createError?.code === 'unavailable' ? 'broadcast.unconfirmedTitle' : 'broadcast.confirmTitle';
    const problem = createError
      ? html`<p role="alert" part="error" class="bad">${localize.error(createError)}</p
          ><p class="hint">${localize.t('broadcast.retryHint')}</p>`
      : nothing;
    const canSend = maySendAgain(createError);
    let confirmLabel = localize.t('broadcast.confirm');
    if (creating) confirmLabel = localize.t('broadcast.creating');
    else if (createError) confirmLabel = localize.t('common.retry');
    const confirm = html`<button
      type="button"
      class="cl-button"
      data-variant="primary"
      ?data-focus=${!!createError}
      aria-disabled=${creating ? 'true' : 'false'}
      @click=${this.handleConfirmClick}
      >${confirmLabel}</button
    >`;
    return html`<h2 id="dialog-title">${localize.t(title)}</h2>
      <p id="dialog-body">${localize.t('broadcast.confirmBody', recipients)}</p>
      <p class="hint">${localize.t('broadcast.confirmNext')}</p>
      ${problem}
      <div class="cl-sheet-buttons"
        ><button
          type="button"
          class="cl-button"
          ?disabled=${creating}
          ?data-focus=${!createError}
          @click=${this.handleCancelClick}
          >${localize.t(createError ? 'common.close' : 'common.cancel')}</button
        >${canSend ? confirm : nothing}</div
      >`;
  }
}

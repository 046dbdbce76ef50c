import { html, css, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ChatMessage, HostMomentShare } from './host.js';
import { ClientelingElement } from './element.js';
import { LocalizeController, defineMessages } from './localize.js';
import { baseStyles } from './tokens.js';
import { emit } from './events.js';

const zhCN = {
  'hostShare.chat': '发送到聊天',
  'hostShare.moments': '通过企业微信发表',
  'hostShare.sent': '已发送。',
  'hostShare.shared': '已分享。',
};

/** Their keys and arguments, which the English module translates. */
export type HostShareStrings = typeof zhCN;

/**
 * Strings of `<cl-host-share>`:
 * zh-CN, and English on demand (`defineMessages`); `setMessages` overrides any.
 */
const messages = defineMessages(zhCN, () => import('./host-share.messages.en.js'));

/** What `cl-host-share` carries: the message sent into the chat, or the post shared to moments. */
export interface HostShareDetail {
  message?: ChatMessage;
  moment?: HostMomentShare;
}

/**
 * A button that sends something into the host page's chat (WeCom's `sendChatMessage`, or the Web
 * Share API in a browser) or shares a post to customers' moments through WeCom. Elements render it
 * only where the host is capable, and load it on demand (`@clienteling/core/host-share.js`).
 *
 * @summary Sends a message to the current chat, or a post to moments, through the host page.
 * @csspart button - The button.
 * @csspart status - The result, announced politely.
 * @event {CustomEvent<HostShareDetail>} cl-host-share - After the host accepted it, with `{ message }` or `{ moment }`.
 */
export class HostShare extends ClientelingElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline-flex;
        align-items: center;
        gap: var(--_cl-space-2);
        flex-wrap: wrap;
      }
      .error {
        color: var(--_cl-danger);
      }
    `,
  ];

  /** What to send into the current chat. */
  @property({ attribute: false }) message?: ChatMessage;

  /** What to share to moments (used when no `message` is given). */
  @property({ attribute: false }) moment?: HostMomentShare;

  @state() private status?: { ok: boolean; text: string };
  @state() private busy = false;

  private readonly localize = new LocalizeController(this, messages);

  override connectedCallback(): void {
    super.connectedCallback();
    // WeCom reports what it can do once it knows how the page was entered.
    void this.updateComplete.then(() =>
      this.host?.getEntry().then(
        () => this.requestUpdate(),
        () => {},
      ),
    );
  }

  private async share(): Promise<void> {
    const host = this.host;
    if (!host || this.busy) return;
    this.busy = true;
    this.status = undefined;
    try {
      if (this.message) await host.sendToChat(this.message);
      else if (this.moment) await host.shareToMoments(this.moment);
      this.status = { ok: true, text: this.localize.t(this.message ? 'hostShare.sent' : 'hostShare.shared') };
      emit(this, 'cl-host-share', this.message ? { message: this.message } : { moment: this.moment });
    } catch (error) {
      this.status = { ok: false, text: this.localize.error(error as { code: string }) };
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const capable = this.message ? this.host?.capabilities.sendToChat : this.host?.capabilities.shareToMoments;
    if (!capable) return nothing;
    return html`<button part="button" class="cl-button" ?disabled=${this.busy} @click=${this.share}>
        ${this.localize.t(this.message ? 'hostShare.chat' : 'hostShare.moments')}
      </button>
      <span part="status" role="status" class=${this.status?.ok === false ? 'error' : ''}
        >${this.status?.text ?? ''}</span
      >`;
  }
}

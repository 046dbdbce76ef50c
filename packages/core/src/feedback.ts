/**
 * Brief feedback after an action ("Tag added", "Member removed", "Could not publish"): a small
 * toast-like status inside the element, announced to screen readers, that goes away by itself.
 */
import { css, html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { keyed } from 'lit/directives/keyed.js';

/** How a feedback message reads: a success (the default), a failure, or neutral information. */
export type FeedbackTone = 'success' | 'error' | 'info';

export interface FeedbackOptions {
  /** `success` (default), `error` or `info`: the colour of the message. */
  tone?: FeedbackTone;
  /** How long the message stays, in milliseconds (default 4,000). */
  duration?: number;
}

/** How long a message stays when `show` is not told otherwise. */
export const FEEDBACK_DURATION = 4_000;

/**
 * Shows brief feedback in an element, in a polite live region (`role="status"`) that is always in
 * the element so that screen readers announce each message; the same message shown twice is
 * announced twice. One message at a time: a new one replaces the old.
 *
 * ```ts
 * class TagEditor extends ClientelingElement {
 *   static styles = [baseStyles, styles]; // baseStyles carries the feedback styles
 *   private readonly feedback = new FeedbackController(this);
 *
 *   private async handleToggle() {
 *     try {
 *       await this.api!.markTags(…);
 *       this.feedback.show(this.localize.t('tagEditor.saved'));
 *     } catch (error) {
 *       this.feedback.show(this.localize.error(toAdapterError(error)), { tone: 'error' });
 *     }
 *   }
 *
 *   render() {
 *     return html`…${this.feedback.render()}`; // last in the template
 *   }
 * }
 * ```
 *
 * The status sits at the end of the element and sticks to the bottom of the viewport (or of the
 * element's own scroll container) while the element is on screen; `--cl-feedback-offset` lifts it
 * above a page's fixed tab bar. Its part is `feedback`.
 */
export class FeedbackController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private text = '';
  private tone: FeedbackTone = 'success';
  /** Counts the messages, so the same text shown again is a new node and announced again. */
  private count = 0;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  /** The message shown now, or the empty string. */
  get message(): string {
    return this.text;
  }

  /** Shows `message` (replacing the one shown) and hides it after `duration`. */
  show(message: string, options: FeedbackOptions = {}): void {
    clearTimeout(this.timer);
    this.text = message;
    this.tone = options.tone ?? 'success';
    this.count++;
    this.timer = setTimeout(() => this.clear(), options.duration ?? FEEDBACK_DURATION);
    this.host.requestUpdate();
  }

  /** Hides the message now. */
  clear(): void {
    clearTimeout(this.timer);
    if (!this.text) return;
    this.text = '';
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.text = '';
  }

  /** The live region with the current message; render it in every state, last in the template. */
  render() {
    const message = this.text
      ? keyed(this.count, html`<p class="cl-feedback-message" data-tone=${this.tone}>${this.text}</p>`)
      : '';
    return html`<div class="cl-feedback" part="feedback" role="status" aria-live="polite">${message}</div>`;
  }
}

/** The styles of {@link FeedbackController}'s status; part of `baseStyles`. */
export const feedbackStyles = css`
  .cl-feedback {
    position: sticky;
    bottom: var(--cl-feedback-offset, 16px);
    z-index: 2;
    height: 0;
    display: flex;
    justify-content: center;
    align-items: flex-end;
    pointer-events: none;
  }
  .cl-feedback-message {
    margin: 0 var(--_cl-space-4);
    max-width: 100%;
    padding: var(--_cl-space-2) var(--_cl-space-4);
    border-radius: var(--_cl-radius);
    background: var(--_cl-text);
    color: var(--_cl-surface);
    box-shadow: 0 2px 8px rgb(0 0 0 / 24%);
    text-align: center;
    pointer-events: auto;
    animation: cl-feedback-in 0.16s ease-out;
  }
  .cl-feedback-message[data-tone='error'] {
    background: var(--_cl-danger);
    color: var(--_cl-on-danger);
  }
  @keyframes cl-feedback-in {
    from {
      opacity: 0;
      transform: translateY(8px);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .cl-feedback-message {
      animation: none;
    }
  }
`;

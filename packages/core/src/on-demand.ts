// A part of an element whose code loads on demand: a form or a dialog that opens on a tap, so that
// what a page loads first carries only what the element's first screen shows. In a module of its own,
// so that an element that does not use it pays nothing.
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PanelLocalize } from './list-states.js';

/** How long the browser may stay busy before the part starts loading anyway (ms). */
const IDLE_TIMEOUT_MS = 2_000;

type IdleHandle = { cancel(): void };

/** Runs `task` once the browser is idle (within `IDLE_TIMEOUT_MS`); a task later where there is no idle callback. */
function whenIdle(task: () => void): IdleHandle {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
    return { cancel: () => cancelIdleCallback(id) };
  }
  const id = setTimeout(task, 200);
  return { cancel: () => clearTimeout(id) };
}

/**
 * Loads one part of an element (`() => import('./task-form.js')`) and renders it once it is there.
 *
 * The part starts loading when the browser is idle after the element connects, so that by the time
 * it is opened it is usually there; `load()` (or `render()`) asks for it at once. Until it arrives,
 * `render()` shows a loading status; after a failure (offline, say), a message with Retry. A failed
 * load is forgotten, so the next ask tries again. The host updates when the part arrives or fails.
 */
export class OnDemand<Part> implements ReactiveController {
  /** The part's module, once loaded. */
  part?: Part;

  /** The last load failed (and no other has started since). */
  failed = false;

  private loading?: Promise<Part>;
  private idle?: IdleHandle;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly importPart: () => Promise<Part>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.part || this.idle) return;
    this.idle = whenIdle(() => {
      this.idle = undefined;
      this.load().catch(() => {});
    });
  }

  hostDisconnected(): void {
    this.cancelIdleLoad();
  }

  /** Loads the part (once: a load under way is shared; a failed one is tried again). */
  load(): Promise<Part> {
    if (this.part) return Promise.resolve(this.part);
    if (this.loading) return this.loading;
    this.cancelIdleLoad(); // asked for before the browser was idle: no second load then
    this.failed = false;
    this.loading = this.importPart().then(
      (part) => {
        this.part = part;
        this.loading = undefined;
        this.host.requestUpdate();
        return part;
      },
      (error: unknown) => {
        this.loading = undefined;
        this.failed = true;
        this.host.requestUpdate();
        throw error;
      },
    );
    return this.loading;
  }

  /**
   * The part, rendered by `renderPart`; while it loads, a loading status (`.cl-on-demand`); after a
   * failure, why and a Retry button.
   */
  render(localize: PanelLocalize, renderPart: (part: Part) => unknown): unknown {
    if (this.part) return renderPart(this.part);
    if (this.failed) return this.renderFailure(localize);
    this.load().catch(() => {});
    return html`<p class="cl-on-demand" role="status">${localize.t('common.loading')}</p>`;
  }

  private cancelIdleLoad(): void {
    this.idle?.cancel();
    this.idle = undefined;
  }

  private renderFailure(localize: PanelLocalize): TemplateResult {
    return html`<div class="cl-on-demand" role="alert">
      <p>${localize.t('common.partFailed')}</p>
      <button class="cl-button" type="button" @click=${() => this.load().catch(() => {})}>
        ${localize.t('common.retry')}
      </button>
    </div>`;
  }
}

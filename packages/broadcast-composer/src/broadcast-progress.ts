// What <cl-broadcast-composer> shows once a broadcast is made: its state and counts, the confirmation in
// WeCom, each recipient's result by status tab, followed until done. A module of its own, which the
// element loads on demand (core's `OnDemand`, asked for when Send is tapped), so that its first load
// carries only the form. Its strings load with it (broadcast-progress.messages.ts), its look is in the
// element's styles.
import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import {
  LIMITS,
  type Broadcast,
  type BroadcastRecipient,
  type BroadcastSkipReason,
  type ClientelingAdapter,
} from '@clienteling/core/trade.js';
import { toAdapterError, type AdapterError } from '@clienteling/core/errors.js';
import { LocalizeController, tabKeyTarget, type MessagesOf } from '@clienteling/core/elements.js';
import type { BroadcastComposer, RecipientTab } from './broadcast-composer.js';
import { broadcastProgressMessages } from './broadcast-progress.messages.js';

/** The recipients of the current tab, read page by page. */
interface RecipientList {
  tab: RecipientTab;
  items: BroadcastRecipient[];
  nextCursor: string | null;
  loading: boolean;
  error?: AdapterError;
}

/** The element, whose `refresh-interval` and `page-size` the progress reads. */
type ProgressHost = ReactiveElement & Pick<BroadcastComposer, 'refreshInterval' | 'pageSize'>;

/** What the progress needs of its element. */
export interface BroadcastProgressLink {
  /** The recipients' tabs in their order (the element's `RECIPIENT_TABS`). */
  readonly tabs: readonly RecipientTab[];
  /** The element's adapter, when it has one. */
  api(): ClientelingAdapter | undefined;
  /** The broadcast the draft was sent as, if any. */
  broadcastId(): string | undefined;
  /** Why a recipient was skipped, in words. */
  reasonWords(reason: BroadcastSkipReason): string;
  /** The element's error box with Retry when `error` is retryable. */
  renderError(error: AdapterError, retry: () => void): TemplateResult;
  /** The adapter no longer knows the broadcast: back to the draft, with a new intent. */
  forget(): void;
  /** The broadcast is done (once per broadcast): the element clears its draft and says so. */
  done(broadcast: Broadcast): void;
  /** "New broadcast": a new draft. */
  newDraft(): void;
}

/**
 * The broadcast made from the draft, read again every `refresh-interval` ms until done, and its recipients
 * by status; made once per element when its code arrives. It follows the draft's broadcast at once when
 * the draft names one (a reload, or a broadcast made before the code arrived).
 */
export class BroadcastProgress implements ReactiveController {
  /** The broadcast as last read. */
  private broadcast?: Broadcast;
  private broadcastError?: AdapterError;
  /** "I confirmed it in WeCom" is being sent, and why it failed. */
  private confirming = false;
  private confirmError?: AdapterError;
  private recipients?: RecipientList;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  /** Counts requests of each kind, so that only the answer to the latest is taken. */
  private tokens = { recipients: 0, broadcast: 0 };
  /** The broadcast whose end was announced (`done` once). */
  private doneId?: string;

  /** Its strings and the element's, on the element: an English element waits for them to render. */
  private readonly localize: LocalizeController<MessagesOf<typeof broadcastProgressMessages>>;

  constructor(
    private readonly host: ProgressHost,
    private readonly link: BroadcastProgressLink,
  ) {
    host.addController(this);
    this.localize = new LocalizeController(host, broadcastProgressMessages);
    if (link.broadcastId()) this.follow();
  }

  hostConnected(): void {
    if (this.broadcast) this.scheduleRefresh();
  }

  hostDisconnected(): void {
    clearTimeout(this.refreshTimer);
  }

  /** Shows a broadcast just made and reads its recipients. */
  start(broadcast: Broadcast): void {
    this.show(broadcast);
    this.loadRecipients('all');
  }

  /** Reads the draft's broadcast (after a reload) and follows it. */
  async follow(): Promise<void> {
    const broadcastId = this.link.broadcastId();
    if (!broadcastId) return;
    const token = ++this.tokens.broadcast;
    this.broadcastError = undefined;
    try {
      const broadcast = await this.link.api()!.getBroadcast({ broadcastId });
      if (token !== this.tokens.broadcast) return;
      this.show(broadcast);
      if (!this.recipients) this.loadRecipients('all');
    } catch (error) {
      if (token !== this.tokens.broadcast) return;
      const problem = toAdapterError(error);
      if (problem.code === 'not-found') this.link.forget();
      else this.broadcastError = problem;
      this.host.requestUpdate();
      if (problem.retryable) this.scheduleRefresh();
    }
  }

  /** Forgets the broadcast followed (a new draft). */
  stop(): void {
    clearTimeout(this.refreshTimer);
    this.tokens.broadcast++;
    this.tokens.recipients++;
    this.broadcast = this.recipients = this.broadcastError = this.confirmError = undefined;
    this.host.requestUpdate();
  }

  /* ------------------------------------------------------------------ following the broadcast */

  /** Shows the broadcast as read; once done, announces it and stops reading. */
  private show(broadcast: Broadcast) {
    this.broadcast = broadcast;
    this.broadcastError = undefined;
    this.host.requestUpdate();
    if (broadcast.state !== 'done') {
      this.scheduleRefresh();
      return;
    }
    clearTimeout(this.refreshTimer);
    if (this.doneId === broadcast.id) return;
    this.doneId = broadcast.id;
    this.link.done(broadcast);
  }

  private showRecipients(list: RecipientList) {
    this.recipients = list;
    this.host.requestUpdate();
  }

  private scheduleRefresh() {
    clearTimeout(this.refreshTimer);
    const { refreshInterval, isConnected } = this.host;
    if (!(refreshInterval > 0) || !isConnected || !this.link.broadcastId()) return;
    this.refreshTimer = setTimeout(() => this.refresh(), refreshInterval);
  }

  /** Reads the broadcast and the recipients shown again. */
  private refresh() {
    if (!this.link.broadcastId()) return;
    void this.follow();
    if (this.recipients) this.loadRecipients(this.recipients.tab, { keep: true });
  }

  /**
   * Reads the first page of a tab's recipients; `more` reads the next page, `keep` reads as many as
   * are shown again (a refresh). An answer for a tab left since is dropped.
   */
  private async loadRecipients(tab: RecipientTab, how: { more?: boolean; keep?: boolean } = {}) {
    const broadcastId = this.link.broadcastId();
    if (!broadcastId) return;
    const token = ++this.tokens.recipients;
    const current = this.recipients?.tab === tab ? this.recipients : undefined;
    const shown = current?.items ?? [];
    const { pageSize } = this.host;
    const limit = how.keep ? Math.min(LIMITS.pageSizeMax, Math.max(pageSize, shown.length)) : pageSize;
    const cursor = how.more ? current?.nextCursor : undefined;
    this.showRecipients({ tab, items: how.more || how.keep ? shown : [], nextCursor: null, loading: true });
    try {
      const status = tab === 'all' ? undefined : tab;
      const page = await this.link.api()!.listBroadcastRecipients({ broadcastId, status, cursor, limit });
      if (token !== this.tokens.recipients) return;
      const items = how.more ? [...shown, ...page.items] : page.items;
      this.showRecipients({ tab, items, nextCursor: page.nextCursor, loading: false });
    } catch (error) {
      if (token !== this.tokens.recipients) return;
      const nextCursor = current?.nextCursor ?? null;
      this.showRecipients({ tab, items: shown, nextCursor, loading: false, error: toAdapterError(error) });
    }
  }

  /* ------------------------------------------------------------------ event handlers */

  /** "I confirmed it in WeCom": the recipients go out. */
  private handleConfirmedInClient = async () => {
    const { broadcast } = this;
    if (!broadcast || this.confirming) return;
    this.confirming = true;
    this.confirmError = undefined;
    this.host.requestUpdate();
    try {
      this.show(await this.link.api()!.confirmBroadcast({ broadcastId: broadcast.id }));
      this.loadRecipients(this.recipients?.tab ?? 'all');
    } catch (error) {
      this.confirmError = toAdapterError(error);
    }
    this.confirming = false;
    this.host.requestUpdate();
  };

  /** Arrows, Home and End move between the recipients' tabs (and show that tab). */
  private handleTabKeydown = (e: KeyboardEvent) => {
    if (!this.broadcast) return;
    const tabs = this.visibleTabs(this.broadcast);
    const index = tabs.indexOf(this.recipients?.tab ?? 'all');
    const next = tabKeyTarget(e.key, index, tabs.length);
    if (next === undefined) return;
    e.preventDefault();
    const tab = tabs[next]!;
    this.loadRecipients(tab);
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  };

  /* ------------------------------------------------------------------ render */

  private count(value: number) {
    return this.localize.number(value);
  }

  /** The broadcast made: its state and counts, the confirmation in WeCom, each recipient's result. */
  render(): unknown {
    const { broadcast } = this;
    const { localize } = this;
    if (!broadcast) {
      if (this.broadcastError) return this.link.renderError(this.broadcastError, () => this.refresh());
      return html`<p class="hint" aria-busy="true">${localize.t('common.loading')}</p>`;
    }
    const { counts, state: broadcastState } = broadcast;
    const total = counts.pending + counts['awaiting-confirmation'] + counts.sent + counts.failed;
    const handled = counts.sent + counts.failed;
    const following =
      broadcastState !== 'done' && this.host.refreshInterval > 0
        ? html`<p class="hint">${localize.t('broadcast.refreshing')}</p>`
        : nothing;
    const again =
      broadcastState === 'done'
        ? html`<button type="button" class="cl-button" @click=${this.link.newDraft}
            >${localize.t('broadcast.new')}</button
          >`
        : nothing;
    return html`<section part="progress" class="progress" aria-labelledby="progress-title">
      <h3 id="progress-title" tabindex="-1">${localize.t('broadcast.progressTitle')}</h3>
      <p class="state" data-state=${broadcastState}>${localize.t(`broadcast.state.${broadcastState}`)}</p>
      ${broadcastState === 'awaiting-confirmation' ? this.renderAwaiting(total) : nothing}
      <progress max=${Math.max(total, 1)} .value=${handled} aria-labelledby="progress-count"></progress>
      <p id="progress-count">${localize.t('broadcast.progress', this.count(handled), this.count(total))}</p>
      ${following} ${this.broadcastError ? html`<p class="bad">${localize.error(this.broadcastError)}</p>` : nothing}
      ${this.renderRecipients(broadcast)} ${again}
    </section>`;
  }

  /** WeCom asks the associate to confirm a mass message in the client; then the button says so. */
  private renderAwaiting(total: number) {
    const { confirmError } = this;
    const { localize } = this;
    const problem = confirmError
      ? html`<p role="alert" part="error" class="bad">${localize.error(confirmError)}</p>`
      : nothing;
    return html`<div class="awaiting">
      <h4>${localize.t('broadcast.awaitingTitle')}</h4>
      <p>${localize.t('broadcast.awaitingText', this.count(total))}</p>
      ${problem}
      <button
        type="button"
        class="cl-button"
        data-variant="primary"
        aria-disabled=${this.confirming ? 'true' : 'false'}
        @click=${this.handleConfirmedInClient}
        >${localize.t(this.confirming ? 'broadcast.confirming' : 'broadcast.confirmedInClient')}</button
      >
    </div>`;
  }

  /** "All", each status that has recipients, and the open tab. */
  private visibleTabs(broadcast: Broadcast) {
    const current = this.recipients?.tab ?? 'all';
    return this.link.tabs.filter((tab) => tab === 'all' || tab === current || broadcast.counts[tab] > 0);
  }

  /** The recipients by status: tabs with counts, the current tab's rows, "Show more". */
  private renderRecipients(broadcast: Broadcast) {
    const current = this.recipients?.tab ?? 'all';
    return html`<div
        role="tablist"
        part="tabs"
        class="tabs"
        aria-label=${this.localize.t('broadcast.tabs')}
        @keydown=${this.handleTabKeydown}
      >
        ${this.visibleTabs(broadcast).map((tab) => this.renderTab(tab, current === tab, broadcast))}
      </div>
      <div role="tabpanel" id="recipients" aria-labelledby=${`tab-${current}`}>${this.renderRecipientList()}</div>`;
  }

  private renderTab(tab: RecipientTab, selected: boolean, broadcast: Broadcast) {
    const { counts } = broadcast;
    const count = tab === 'all' ? Object.values(counts).reduce((sum, value) => sum + value, 0) : counts[tab];
    return html`<button
      type="button"
      role="tab"
      id=${`tab-${tab}`}
      aria-selected=${selected ? 'true' : 'false'}
      aria-controls="recipients"
      tabindex=${selected ? 0 : -1}
      @click=${() => this.loadRecipients(tab)}
      >${this.localize.t(`broadcast.tab.${tab}`)} <span class="count">${this.count(count)}</span></button
    >`;
  }

  private renderRecipientList() {
    const list = this.recipients;
    if (!list) return nothing;
    const { localize } = this;
    const error = list.error
      ? html`<p part="error" class="bad">${localize.error(list.error)}</p
          ><button
            type="button"
            class="cl-button"
            @click=${() => this.loadRecipients(list.tab, { more: list.items.length > 0 })}
            >${localize.t('common.retry')}</button
          >`
      : nothing;
    const empty =
      !list.loading && !list.error && !list.items.length
        ? html`<p class="hint">${localize.t('broadcast.noRecipients')}</p>`
        : nothing;
    const more =
      list.nextCursor && !list.loading
        ? html`<button type="button" class="cl-button" @click=${() => this.loadRecipients(list.tab, { more: true })}
            >${localize.t('broadcast.more')}</button
          >`
        : nothing;
    const loading = list.loading ? html`<p class="hint">${localize.t('common.loading')}</p>` : nothing;
    return html`<ul class="recipients">
        ${list.items.map((recipient) => this.renderRecipient(recipient))}
      </ul>
      ${empty}${loading}${error}${more}`;
  }

  private renderRecipient(recipient: BroadcastRecipient) {
    const { localize } = this;
    let detail = '';
    if (recipient.status === 'skipped' && recipient.reason) detail = this.link.reasonWords(recipient.reason);
    if (recipient.status === 'failed' && recipient.failureReason) detail = recipient.failureReason;
    const name = recipient.name || localize.t('broadcast.unknownCustomer', recipient.customerId);
    return html`<li part="recipient" class="recipient" data-status=${recipient.status}
      ><span class="name">${name}</span
      ><span class="status">${localize.t(`broadcast.status.${recipient.status}`)}</span
      >${detail ? html`<span class="hint detail">${detail}</span>` : nothing}</li
    >`;
  }
}

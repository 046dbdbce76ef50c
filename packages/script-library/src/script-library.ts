import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import {
  LIMITS,
  type BroadcastContent,
  type Customer,
  type Script,
  type ScriptCategory,
  type ScriptUseChannel,
  type ScriptValues,
  type ScriptVariable,
  type StaffProfile,
} from '@clienteling/core/trade.js';
import { createRequestId } from '@clienteling/core/request-id.js';
import { toAdapterError, type AdapterError } from '@clienteling/core/errors.js';
import {
  copyText,
  ClientelingElement,
  FeedbackController,
  LocalizeController,
  OnDemand,
  baseStyles,
  emit,
  emptyStyles,
  inlineFormStyles,
  listStyles,
  panelStyles,
  renderEmpty,
  renderListState,
  renderMore,
  tabStyles,
  safeImageUrl,
  tabKeyTarget,
} from '@clienteling/core/elements.js';
import { scriptLibraryMessages } from './script-library.messages.js';
import { styles } from './script-library.styles.js';
import { broadcastContentOf, chatMessageOf, copyTextOf, previewPieces, unfilledVariables } from './script-parts.js';
import type { ScriptForm, ScriptFormHost } from './script-form.js';

/** Detail of `cl-script-use`: the script put into a broadcast, as a broadcast's content. */
export interface ScriptUseDetail {
  script: Script;
  /** The script as a broadcast's content, `{staffName}` and `{storeName}` filled in. */
  content: BroadcastContent;
  /**
   * Variables left as written in `content.text`: `customerName` whenever the text has it (a broadcast has
   * many customers), and any other the library has no value for.
   */
  unfilled: ScriptVariable[];
}

/** What the associate did to one of their own scripts. */
export type ScriptChangeKind = 'create' | 'update' | 'delete';

/** Detail of `cl-script-change`: the script as the adapter saved it (or as it was, when deleted). */
export interface ScriptChangeDetail {
  script: Script;
  change: ScriptChangeKind;
}

/** The tab of the library: every script, the associate's own, or one category (its id). */
export type ScriptTab = 'all' | 'own' | (string & {});

/** How long the search waits after the last keystroke before it asks, in ms (to save requests only). */
export const SEARCH_DELAY = 250;

/** Scripts whose id starts so are being created (shown at once, before the adapter answers). */
const PENDING_PREFIX = 'pending:';

/**
 * The store's approved words and materials for the chat (话术库), in tabs: all, the associate's own
 * (我的) and each category, most used first (the adapter's order), searched by title and words, a
 * page at a time ("show more").
 *
 * Each script is shown as the customer will get it: `{customerName}` (their remark first),
 * `{staffName}` and `{storeName}` filled in for the current customer (`customer-id`, else the host's
 * current chat) and the signed-in associate; a variable without a value is marked, and then the
 * script is not sent as it is. Images, link and mini-program cards are previewed as cards.
 *
 * Actions per script: send into the current chat through the host (WeCom's `sendChatMessage`;
 * shown only where the host can), copy (with a polite status), and use in a broadcast where the
 * adapter has the capability `broadcast` (`cl-script-use`, cancelable, with the script as a
 * broadcast's content). Each one is recorded
 * (`recordScriptUse`, channel `chat`, `copy` or `broadcast`), which moves the most used up.
 *
 * Where the adapter has the capability `manageScripts`, the associate writes their own scripts: a
 * category, a title (at most 30 characters) and words (at most 1,000), with the variables to insert
 * and any unknown `{name}` explained before saving; edits and deletes (after a confirmation) of
 * their own. Changes show at once and are taken back, with the reason, when the adapter refuses; a
 * new script saved again after a failure reuses its request id, so it is never made twice.
 *
 * @summary Approved words and materials for the chat, filled in for the customer; send, copy, broadcast.
 *
 * @csspart search - The search field.
 * @csspart tabs - The row of tabs (all, mine, the categories).
 * @csspart tab - Each tab; also `tab-selected` for the one shown.
 * @csspart list - The list of scripts.
 * @csspart script - A script; also `script-own` for the associate's own, `script-pending` while it is saved.
 * @csspart title - A script's title.
 * @csspart category - A script's category (in the All tab and search results).
 * @csspart preview - The script as the customer will get it.
 * @csspart unfilled - A variable that has no value (marked).
 * @csspart card - The preview of an image, a link or a mini-program card.
 * @csspart usage - How often the associate used it.
 * @csspart actions - The script's actions.
 * @csspart copy - The copy button.
 * @csspart broadcast - The "use in broadcast" button.
 * @csspart edit - The edit button of an own script.
 * @csspart delete - The delete button of an own script.
 * @csspart confirm - The confirmation of a delete.
 * @csspart add - The button that opens the form for a new script.
 * @csspart form - The form of an own script.
 * @csspart counter - A character counter of the form.
 * @csspart more - The button that loads the next page.
 * @csspart empty - The message of an empty tab or a search without results.
 * @csspart error - Why the scripts could not be loaded, with Retry when it may work.
 * @csspart skeleton - The loading placeholder.
 * @csspart feedback - The brief confirmation or failure after an action.
 * @csspart offline - The notice that the network is gone.
 *
 * @cssproperty --cl-script-library-background - Background of the element (default `--cl-color-surface`).
 * @cssproperty --cl-script-library-gap - Space between the scripts (default `--cl-space-2`).
 * @cssproperty --cl-script-library-script-background - Background of a script (default `--cl-color-surface`).
 * @cssproperty --cl-script-library-tab-color - Colour of the selected tab (default `--cl-color-primary`).
 * @cssproperty --cl-script-library-unfilled-background - Background of an unfilled variable, which also has a
 *   dashed `--cl-color-warning` outline (default `--cl-color-surface-muted`).
 *
 * @event {CustomEvent<ScriptUseDetail>} cl-script-use - The associate chose "use in broadcast": the page opens
 *   its broadcast composer with `content`. Cancelable: `preventDefault()` says it did not, and the use is not
 *   recorded.
 * @event {CustomEvent<ScriptChangeDetail>} cl-script-change - The adapter saved a new, changed or deleted own
 *   script.
 */
export class ScriptLibrary extends ClientelingElement {
  static override styles = [baseStyles, panelStyles, tabStyles, listStyles, emptyStyles, inlineFormStyles, styles];

  /* ---------------------------------------------------------------- public properties */

  /** The customer the scripts are filled in for; without it, the host page's current customer (a chat sidebar). */
  @property({ attribute: 'customer-id' }) customerId = '';

  /** The tab shown: `all`, `own` (the associate's own scripts) or a category's id. */
  @property({ reflect: true }) category: ScriptTab = 'all';

  /** The search applied (title and words); typing in the search field sets it after a short pause. */
  @property() query = '';

  /** Scripts fetched per request (1 to 500). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** The moment "last used 3 days ago" is counted from (default: now). */
  @property({ attribute: false }) now?: Date;

  /** Loads the scripts shown again from their first page (those shown stay until it arrives). */
  refresh(): void {
    void this.loadScripts(true);
  }

  /* ---------------------------------------------------------------- private state */

  @state() private categories?: ScriptCategory[];
  /** The scripts of the tab and search shown; undefined while loading. */
  @state() private scripts?: Script[];
  @state() private nextCursor: string | null = null;
  @state() private loadError?: AdapterError;
  @state() private loadingMore = false;
  @state() private moreError?: AdapterError;
  /** What the search field holds (applied to `query` after a pause). */
  @state() private searchText = '';
  @state() private staff?: StaffProfile;
  @state() private customer?: Customer;
  /** Scripts with a change on its way (their buttons wait). */
  @state() private busy = new Set<string>();
  @state() private form?: ScriptForm;
  @state() private formError?: string;
  /** The script whose delete waits for a confirmation. */
  @state() private confirmingDelete?: string;

  private readonly localize = new LocalizeController(this, scriptLibraryMessages);
  private readonly feedback = new FeedbackController(this);
  /**
   * The form of an own script and its strings: they load when the browser is idle, or when the form
   * opens. The form reads them through a controller of its own on the library, made as they arrive,
   * so that an English library renders the form once its English strings are there too.
   */
  private readonly formPart = new OnDemand(this, () =>
    import('./script-form.js').then(({ renderScriptForm, scriptFormMessages }) => ({
      renderScriptForm,
      host: { ...this.formHost, localize: new LocalizeController(this, scriptFormMessages) },
    })),
  );
  /** What the form reads and changes here (its strings come with it). */
  private readonly formHost: Omit<ScriptFormHost, 'localize'> = {
    element: this,
    feedback: this.feedback,
    api: () => this.api,
    staffId: () => this.staff?.id,
    now: () => this.now ?? new Date(),
    pendingId: (requestId) => `${PENDING_PREFIX}${requestId}`,
    form: () => this.form,
    variableName: (variable) => this.variableName(variable),
    setForm: (form, error) => {
      this.form = form;
      this.formError = error;
    },
    showSaving: (shown, before) => this.showSaving(shown, before),
    showSaved: (shown, saved) => this.showSaved(shown, saved),
    takeBack: (shown, before) => this.takeBack(shown, before),
  };
  private needsLoad = true;
  /** Counts loads of the list, so that answers to an older one are dropped. */
  private loadGeneration = 0;
  private customerGeneration = 0;
  private searchTimer?: ReturnType<typeof setTimeout>;

  /* ---------------------------------------------------------------- lifecycle */

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  protected override apiChanged(): void {
    this.needsLoad = true;
    this.categories = this.staff = undefined;
    this.loadSupport();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.shouldLoad('customer', changed)) void this.loadCustomer();
    if (changed.has('query') && this.query !== this.searchText) this.searchText = this.query;
    if (this.needsLoad || changed.has('category') || changed.has('query') || changed.has('pageSize')) {
      // A new search keeps the scripts shown until its answer arrives (no skeleton between keystrokes).
      const searchOnly = !this.needsLoad && !changed.has('category') && !changed.has('pageSize');
      this.needsLoad = false;
      void this.loadScripts(searchOnly);
    }
  }

  /* ---------------------------------------------------------------- loading */

  /** The categories (the tabs) and the signed-in associate (their name and store fill the scripts in). */
  private loadSupport(): void {
    const { api } = this;
    if (!api) return;
    api.listScriptCategories({}).then(
      (categories) => {
        if (api === this.api) this.categories = [...categories].sort((a, b) => a.order - b.order);
      },
      () => {
        if (api === this.api) this.categories = [];
      },
    );
    api.getCurrentStaff({}).then(
      (staff) => {
        if (api === this.api) this.staff = staff;
      },
      () => {},
    );
  }

  private async loadCustomer(): Promise<void> {
    const generation = ++this.customerGeneration;
    const { api, customerId } = this;
    this.customer = undefined;
    if (!api || !customerId) return;
    try {
      const customer = await api.getCustomer({ customerId });
      if (generation === this.customerGeneration) this.customer = customer;
    } catch {
      // The scripts stay usable: the customer's name is then marked as not filled in.
    }
  }

  /** What the tab and the search ask the adapter for. */
  private listQuery() {
    const { category } = this;
    const query = this.query.trim();
    return {
      ...(query ? { query } : {}),
      ...(category === 'own' ? { scope: 'own' as const } : {}),
      ...(category !== 'own' && category !== 'all' ? { categoryId: category } : {}),
      limit: Math.min(Math.max(1, this.pageSize | 0), LIMITS.pageSizeMax),
    };
  }

  /** The first page of the tab and search shown. `keepShown`: no skeleton meanwhile (a search, a refresh). */
  private async loadScripts(keepShown: boolean): Promise<void> {
    const generation = ++this.loadGeneration;
    const { api } = this;
    if (!keepShown) this.scripts = undefined;
    this.loadError = this.moreError = undefined;
    this.loadingMore = false;
    this.confirmingDelete = undefined;
    if (!api) return;
    try {
      const page = await api.listScripts(this.listQuery());
      if (generation !== this.loadGeneration) return;
      this.scripts = page.items;
      this.nextCursor = page.nextCursor;
    } catch (error) {
      if (generation === this.loadGeneration) this.loadError = toAdapterError(error);
    }
  }

  /** The next page (keyset). */
  private async loadMore(): Promise<void> {
    const { api, nextCursor, scripts } = this;
    if (!api || !nextCursor || !scripts || this.loadingMore) return;
    const generation = this.loadGeneration;
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      const page = await api.listScripts({ ...this.listQuery(), cursor: nextCursor });
      if (generation !== this.loadGeneration) return;
      const shown = new Set(this.scripts!.map((script) => script.id));
      this.scripts = [...this.scripts!, ...page.items.filter((script) => !shown.has(script.id))];
      this.nextCursor = page.nextCursor;
    } catch (error) {
      if (generation === this.loadGeneration) this.moreError = toAdapterError(error);
    } finally {
      if (generation === this.loadGeneration) this.loadingMore = false;
    }
  }

  /* ---------------------------------------------------------------- derived state */

  /** The values of the variables: the customer as the associate knows them (remark first), the associate and store. */
  private get values(): ScriptValues {
    const { customer, staff } = this;
    const shown = customer && customer.id === this.customerId ? customer : undefined;
    return {
      ...(shown ? { customerName: shown.remark || shown.name } : {}),
      ...(staff ? { staffName: staff.name } : {}),
      ...(staff?.store ? { storeName: staff.store.name } : {}),
    };
  }

  private get canManage(): boolean {
    return !!this.api?.capabilities.manageScripts;
  }

  /** The tabs in order: all, mine (where the associate may have their own), then the categories. */
  private get tabs(): ScriptTab[] {
    return ['all', ...(this.canManage ? ['own'] : []), ...(this.categories ?? []).map((category) => category.id)];
  }

  private tabName(tab: ScriptTab): string {
    if (tab === 'all') return this.localize.t('scriptLibrary.all');
    if (tab === 'own') return this.localize.t('scriptLibrary.own');
    return this.categoryName(tab) ?? tab;
  }

  private categoryName(categoryId: string): string | undefined {
    return this.categories?.find((category) => category.id === categoryId)?.name;
  }

  private variableName(variable: ScriptVariable): string {
    return this.localize.t(`scriptLibrary.variable.${variable}`);
  }

  /** Whether the script is the associate's own (they may edit and delete it). */
  private isOwn(script: Script): boolean {
    return script.scope === 'own' && this.canManage;
  }

  /** Whether the tab shown lists `script`. */
  private tabLists(script: Script): boolean {
    const { category } = this;
    return category === 'all' || (category === 'own' && script.scope === 'own') || category === script.categoryId;
  }

  /* ---------------------------------------------------------------- using a script */

  /** Records a use (send, copy, broadcast); the list keeps its order until it loads again. */
  private recordUse(script: Script, channel: ScriptUseChannel): void {
    const api = this.api;
    if (!api || script.id.startsWith(PENDING_PREFIX)) return;
    const customerId = this.customerId || undefined;
    api.recordScriptUse({ scriptId: script.id, channel, ...(customerId ? { customerId } : {}) }).then(
      (saved) => this.replace(saved),
      () => {},
    );
  }

  private async copy(script: Script): Promise<void> {
    const text = copyTextOf(script, this.values);
    if (text === undefined) return;
    const copied = await copyText(text);
    if (!copied) {
      this.feedback.show(this.localize.t('scriptLibrary.copyFailed'), { tone: 'error' });
      return;
    }
    this.feedback.show(this.localize.t('scriptLibrary.copied'));
    this.recordUse(script, 'copy');
  }

  private useInBroadcast(script: Script): void {
    const content = broadcastContentOf(script, this.values);
    const unfilled = unfilledVariables(script, { ...this.values, customerName: undefined });
    if (emit(this, 'cl-script-use', { script, content, unfilled }, { cancelable: true })) {
      this.recordUse(script, 'broadcast');
    }
  }

  /* ---------------------------------------------------------------- own scripts */

  private replace(script: Script): void {
    if (this.scripts) this.scripts = this.scripts.map((shown) => (shown.id === script.id ? script : shown));
  }

  private setBusy(scriptId: string, busy: boolean): void {
    const next = new Set(this.busy);
    if (busy) next.add(scriptId);
    else next.delete(scriptId);
    this.busy = next;
  }

  private openForm(editing?: Script): void {
    const { category } = this;
    const tabCategory = category !== 'all' && category !== 'own' ? category : undefined;
    this.formError = undefined;
    const requestId = createRequestId();
    this.form = editing
      ? {
          editing,
          categoryId: editing.categoryId,
          title: editing.title,
          text: editing.content.kind === 'text' ? editing.content.text : '',
          requestId,
        }
      : { categoryId: tabCategory ?? this.categories?.[0]?.id ?? '', title: '', text: '', requestId };
  }

  private closeForm(): void {
    this.form = undefined;
    this.formError = undefined;
  }

  /** A script being saved shows at once: in place of the one it changes, else first where the tab lists it. */
  private showSaving(shown: Script, before?: Script): void {
    if (before) this.replace(shown);
    else if (this.scripts && this.tabLists(shown)) this.scripts = [shown, ...this.scripts];
    this.setBusy(shown.id, true);
  }

  private showSaved(shown: Script, saved: Script): void {
    if (this.scripts) this.scripts = this.scripts.map((script) => (script.id === shown.id ? saved : script));
    this.setBusy(shown.id, false);
  }

  /** A refused save: the script as it was comes back, or the new one leaves. */
  private takeBack(shown: Script, before?: Script): void {
    if (this.scripts) {
      this.scripts = before
        ? this.scripts.map((script) => (script.id === shown.id ? before : script))
        : this.scripts.filter((script) => script.id !== shown.id);
    }
    this.setBusy(shown.id, false);
  }

  /** Deletes a confirmed own script: it leaves at once and comes back where it was when the adapter refuses. */
  private async delete(script: Script): Promise<void> {
    const { api, scripts } = this;
    this.confirmingDelete = undefined;
    if (!api || !scripts) return;
    const index = scripts.findIndex((shown) => shown.id === script.id);
    this.scripts = scripts.filter((shown) => shown.id !== script.id);
    try {
      await api.deleteScript({ scriptId: script.id });
      this.feedback.show(this.localize.t('scriptLibrary.deleted', script.title));
      emit(this, 'cl-script-change', { script, change: 'delete' });
    } catch (error) {
      if (this.scripts && !this.scripts.some((shown) => shown.id === script.id)) {
        const at = Math.max(index, 0);
        this.scripts = [...this.scripts.slice(0, at), script, ...this.scripts.slice(at)];
      }
      const reason = this.localize.error(toAdapterError(error));
      this.feedback.show(this.localize.t('scriptLibrary.notDeleted', reason), { tone: 'error' });
    }
  }

  /* ---------------------------------------------------------------- event handlers */

  private handleTabClick(tab: ScriptTab): void {
    this.category = tab;
  }

  /** Arrows, Home and End move between the tabs (one tab stop); the tab gets the focus. */
  private async handleTabKeydown(e: KeyboardEvent): Promise<void> {
    const { tabs } = this;
    const target = tabKeyTarget(e.key, Math.max(tabs.indexOf(this.category), 0), tabs.length);
    if (target === undefined) return;
    e.preventDefault();
    this.category = tabs[target]!;
    await this.updateComplete;
    const tab = this.renderRoot.querySelector<HTMLElement>(`#tab-${target}`);
    tab?.focus();
    tab?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }

  private handleSearchInput(e: Event): void {
    this.searchText = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.query = this.searchText), SEARCH_DELAY);
  }

  /** Enter searches at once. */
  private handleSearchKeydown(e: KeyboardEvent): void {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    clearTimeout(this.searchTimer);
    this.query = this.searchText;
  }

  /** The host accepted a script sent into the chat. */
  private handleSent(script: Script): void {
    this.recordUse(script, 'chat');
  }

  private handleCopyClick(script: Script): void {
    void this.copy(script);
  }

  private handleBroadcastClick(script: Script): void {
    this.useInBroadcast(script);
  }

  private async handleAddClick(): Promise<void> {
    if (this.form && !this.form.editing) {
      this.closeForm();
      return;
    }
    this.openForm();
    await this.focusForm();
  }

  private async handleEditClick(script: Script): Promise<void> {
    this.openForm(script);
    await this.focusForm();
  }

  /** Once the form's code is there and the form shown, its title field gets the focus. */
  private async focusForm(): Promise<void> {
    await this.formPart.load().catch(() => {}); // where it cannot load, the failure shows with Retry
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#script-title')?.focus();
  }

  private async handleDeleteClick(script: Script): Promise<void> {
    this.confirmingDelete = script.id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="confirm"] [data-variant="danger"]')?.focus();
  }

  private handleDeleteConfirm(script: Script): void {
    void this.delete(script);
  }

  private async handleDeleteCancel(script: Script): Promise<void> {
    this.confirmingDelete = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-script="${CSS.escape(script.id)}"] [part~="delete"]`)?.focus();
  }

  private handleConfirmKeydown(script: Script, e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    void this.handleDeleteCancel(script);
  }

  private handleMoreClick(): void {
    void this.loadMore();
  }

  private handleRetryClick(): void {
    void this.loadScripts(false);
  }

  /* ---------------------------------------------------------------- rendering */

  protected override render() {
    return [
      this.renderOfflineNotice(),
      this.renderSearch(),
      this.renderTabs(),
      this.renderAdd(),
      this.renderPanel(),
      this.feedback.render(),
    ];
  }

  private renderSearch() {
    return html`<div class="search">
      <label class="cl-visually-hidden" for="script-search">${this.localize.t('scriptLibrary.search')}</label>
      <input
        id="script-search"
        part="search"
        type="search"
        autocomplete="off"
        enterkeyhint="search"
        placeholder=${this.localize.t('scriptLibrary.searchPlaceholder')}
        .value=${live(this.searchText)}
        @input=${this.handleSearchInput}
        @keydown=${this.handleSearchKeydown}
      />
    </div>`;
  }

  private renderTabs() {
    return html`<div part="tabs" class="tabs" role="tablist" aria-label=${this.localize.t('scriptLibrary.label')}>
      ${this.tabs.map((tab, index) => this.renderTab(tab, index))}
    </div>`;
  }

  private renderTab(tab: ScriptTab, index: number) {
    const selected = tab === this.category;
    return html`<button
      part=${selected ? 'tab tab-selected' : 'tab'}
      class="tab"
      role="tab"
      id="tab-${index}"
      data-tab=${tab}
      aria-selected=${selected ? 'true' : 'false'}
      aria-controls="panel"
      tabindex=${selected ? 0 : -1}
      @click=${() => this.handleTabClick(tab)}
      @keydown=${this.handleTabKeydown}
      >${this.tabName(tab)}</button
    >`;
  }

  private renderPanel() {
    const index = this.tabs.indexOf(this.category);
    return html`<div
      role="tabpanel"
      id="panel"
      class="panel"
      aria-labelledby=${index >= 0 ? `tab-${index}` : nothing}
      aria-label=${index >= 0 ? nothing : this.localize.t('scriptLibrary.label')}
      >${this.renderState()}</div
    >`;
  }

  /** The list, its skeleton while loading, or why there is none. */
  private renderState() {
    return renderListState({
      localize: this.localize,
      connected: !!this.api,
      items: this.scripts,
      loadError: this.loadError,
      onRetry: this.handleRetryClick,
      skeletonRow: html`<li class="script skeleton-script" aria-hidden="true"
        ><div class="cl-skeleton line short"></div><div class="cl-skeleton line"></div
        ><div class="cl-skeleton line"></div
      ></li>`,
      renderEmpty: () => this.renderEmpty(),
      keyOf: (script) => script.id,
      renderItem: (script) => this.renderScript(script),
      renderAfter: () => this.renderMore(),
    });
  }

  private renderEmpty() {
    const query = this.query.trim();
    let title = this.localize.t('scriptLibrary.empty');
    let hint = this.localize.t('scriptLibrary.emptyHint');
    if (query) {
      title = this.localize.t('scriptLibrary.noMatch', query);
      hint = this.localize.t('scriptLibrary.noMatchHint');
    } else if (this.category === 'own') {
      title = this.localize.t('scriptLibrary.emptyOwn');
      hint = this.localize.t('scriptLibrary.emptyOwnHint');
    }
    return renderEmpty(title, hint, true);
  }

  private renderScript(script: Script) {
    const own = this.isOwn(script);
    const pending = this.busy.has(script.id);
    const parts = ['script', own ? 'script-own' : '', pending ? 'script-pending' : ''].filter(Boolean).join(' ');
    return html`<li
      part=${parts}
      class="script"
      data-script=${script.id}
      aria-busy=${pending ? 'true' : 'false'}
      @cl-host-share=${() => this.handleSent(script)}
    >
      <div class="script-head">
        <h3 part="title" class="title">${script.title}</h3>
        ${this.renderBadges(script, own, pending)}
      </div>
      ${this.renderPreview(script)} ${this.renderUsage(script)} ${pending ? nothing : this.renderActions(script, own)}
      ${this.confirmingDelete === script.id ? this.renderConfirm(script) : nothing}
    </li>`;
  }

  private renderBadges(script: Script, own: boolean, pending: boolean) {
    const category = this.category === 'all' || this.query.trim() ? this.categoryName(script.categoryId) : undefined;
    return html`<span class="badges">
      ${category ? html`<span part="category" class="badge">${category}</span>` : nothing}
      ${own ? html`<span class="badge own">${this.localize.t('scriptLibrary.ownBadge')}</span>` : nothing}
      ${pending ? html`<span class="badge">${this.localize.t('scriptLibrary.savingMark')}</span>` : nothing}
    </span>`;
  }

  /** The script as the customer will get it. */
  private renderPreview(script: Script) {
    const { content } = script;
    switch (content.kind) {
      case 'text':
        return this.renderTextPreview(script, content.text);
      case 'image':
        return html`<div part="preview card" class="card image-card">
          ${this.renderImage(content.image.url, script.title)}
          <span class="card-kind">${this.localize.t('scriptLibrary.image')}</span>
        </div>`;
      case 'link':
        return html`<div part="preview card" class="card link-card">
          <div class="card-text">
            <strong>${content.link.title}</strong>
            <small class="card-kind">${this.localize.t('scriptLibrary.link')} · ${hostOf(content.link.url)}</small>
          </div>
          ${this.renderImage(content.link.coverUrl, '')}
        </div>`;
      case 'miniprogram':
        return html`<div part="preview card" class="card miniprogram-card">
          <small class="card-kind">${this.localize.t('scriptLibrary.miniprogram')}</small>
          <strong>${content.miniprogram.title}</strong>
          ${this.renderImage(content.miniprogram.coverUrl, '')}
        </div>`;
    }
  }

  private renderImage(url: string | undefined, alt: string) {
    const src = safeImageUrl(url);
    return src ? html`<img src=${src} alt=${alt} loading="lazy" decoding="async" />` : nothing;
  }

  /** The words with the variables filled in; one without a value marked, and a note under them. */
  private renderTextPreview(script: Script, text: string) {
    const pieces = previewPieces(text, this.values);
    const unfilled = unfilledVariables(script, this.values);
    const note = unfilled.length
      ? html`<p class="unfilled-note">${this.localize.t('scriptLibrary.unfilledNote')}</p>`
      : nothing;
    return html`<p part="preview" class="preview">${pieces.map((piece) => this.renderPiece(piece))}</p> ${note}`;
  }

  private renderPiece(piece: { text: string; variable?: ScriptVariable; filled?: boolean }) {
    if (!piece.variable) return piece.text;
    if (piece.filled) return html`<span class="filled" data-variable=${piece.variable}>${piece.text}</span>`;
    return html`<mark part="unfilled" class="unfilled" data-variable=${piece.variable}
      ><span aria-hidden="true">${piece.text}</span
      ><span class="cl-visually-hidden"
        >${this.localize.t('scriptLibrary.unfilled', this.variableName(piece.variable))}</span
      ></mark
    >`;
  }

  private renderUsage(script: Script) {
    if (!script.useCount) return nothing;
    const last = script.lastUsedAt
      ? ` · ${this.localize.t('scriptLibrary.lastUsed', this.localize.relative(script.lastUsedAt, this.now))}`
      : '';
    return html`<p part="usage" class="usage">${this.localize.t('scriptLibrary.used', script.useCount)}${last}</p>`;
  }

  private renderActions(script: Script, own: boolean) {
    const values = this.values;
    // A script whose variables are not all filled in is not sent as it is: copy it and finish it by hand.
    const send = unfilledVariables(script, values).length
      ? nothing
      : this.hostShare({ message: chatMessageOf(script, values) });
    const copyable = copyTextOf(script, values) !== undefined;
    return html`<div
      part="actions"
      class="actions"
      role="group"
      aria-label=${this.localize.t('scriptLibrary.actionsFor', script.title)}
    >
      ${send}
      ${
        copyable
          ? html`<button part="copy" class="cl-button" type="button" @click=${() => this.handleCopyClick(script)}
              >${this.localize.t('scriptLibrary.copy')}</button
            >`
          : nothing
      }
      ${this.api?.capabilities.broadcast ? this.renderBroadcastButton(script) : nothing}
      ${own ? this.renderOwnActions(script) : nothing}
    </div>`;
  }

  /** "Use in broadcast", where the associate may send broadcasts (capability `broadcast`). */
  private renderBroadcastButton(script: Script) {
    return html`<button
      part="broadcast"
      class="cl-button"
      type="button"
      @click=${() => this.handleBroadcastClick(script)}
      >${this.localize.t('scriptLibrary.broadcast')}</button
    >`;
  }

  private renderOwnActions(script: Script) {
    return html`<button part="edit" class="cl-button" type="button" @click=${() => this.handleEditClick(script)}
        >${this.localize.t('scriptLibrary.edit')}</button
      ><button
        part="delete"
        class="cl-button"
        type="button"
        data-variant="danger"
        aria-expanded=${this.confirmingDelete === script.id ? 'true' : 'false'}
        @click=${() => this.handleDeleteClick(script)}
        >${this.localize.t('scriptLibrary.delete')}</button
      >`;
  }

  private renderConfirm(script: Script) {
    return html`<div
      part="confirm"
      class="confirm"
      role="group"
      aria-labelledby="confirm-${script.id}"
      @keydown=${(e: KeyboardEvent) => this.handleConfirmKeydown(script, e)}
    >
      <p id="confirm-${script.id}">${this.localize.t('scriptLibrary.deleteConfirm', script.title)}</p>
      <button class="cl-button" type="button" @click=${() => this.handleDeleteCancel(script)}
        >${this.localize.t('common.cancel')}</button
      >
      <button class="cl-button" type="button" data-variant="danger" @click=${() => this.handleDeleteConfirm(script)}
        >${this.localize.t('scriptLibrary.delete')}</button
      >
    </div>`;
  }

  private renderMore() {
    if (!this.nextCursor) return nothing;
    return renderMore({
      localize: this.localize,
      words: {
        more: this.localize.t('scriptLibrary.more'),
        loadingMore: this.localize.t('scriptLibrary.loadingMore'),
        moreFailed: this.localize.t('scriptLibrary.moreFailed'),
      },
      loading: this.loadingMore,
      failed: !!this.moreError,
      onClick: this.handleMoreClick,
    });
  }

  /* -------------------------------- the form of an own script */

  private renderAdd() {
    if (!this.canManage || !this.api || !this.categories?.length) return nothing;
    const adding = !!this.form && !this.form.editing;
    return html`<div class="add-area">
      <button
        part="add"
        class="cl-button add"
        type="button"
        aria-expanded=${adding ? 'true' : 'false'}
        aria-controls=${adding ? 'script-form' : nothing}
        @click=${this.handleAddClick}
        >+ ${this.localize.t('scriptLibrary.add')}</button
      >
      ${this.form ? this.renderForm(this.form) : nothing}
    </div>`;
  }

  /** The form, once its code is there (a loading status until then, a failure with Retry). */
  private renderForm(form: ScriptForm) {
    const view = {
      form,
      error: this.formError,
      saving: this.busy.has(form.editing?.id ?? ''),
      categories: this.categories ?? [],
    };
    return this.formPart.render(this.localize, (part) => part.renderScriptForm(part.host, view));
  }
}

/** The host name of a link card's address, shown under its title. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

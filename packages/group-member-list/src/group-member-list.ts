import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { toAdapterError, type AdapterError } from '@clienteling/core';
import type { Group, GroupMember, MemberFilter, MemberSort } from '@clienteling/core';
import { ClientelingElement, LocalizeController, baseStyles, emit } from '@clienteling/core/elements.js';
import { styles } from './group-member-list.styles.js';
import { messages } from './group-member-list.messages.js';

/** Detail of `cl-group-invite`. */
export interface GroupInviteDetail {
  group: Group;
}
/** Detail of `cl-member-removed`. */
export interface MemberRemovedDetail {
  /** The group after the removal (member count lowered). */
  group: Group;
  member: GroupMember;
}
/** Detail of `cl-members-select`. */
export interface MembersSelectDetail {
  memberIds: string[];
}

/** Lists with more loaded rows than this are virtualized (and the virtualizer is loaded then). */
export const VIRTUALIZE_AFTER = 50;
/** How long typing must pause before a search is sent, in ms. */
export const SEARCH_DEBOUNCE_MS = 150;
const FILTERS: readonly MemberFilter[] = ['all', 'staff', 'customer', 'admin'];
const SORTS: readonly MemberSort[] = ['joinedAt', 'name'];
/** Prefetch the next page when the virtualizer renders this close to the end of the loaded rows. */
const PREFETCH_ROWS = 30;

type Virtualize = typeof import('@lit-labs/virtualizer/virtualize.js').virtualize;
let virtualizer: Promise<Virtualize> | undefined;
/** Loads `@lit-labs/virtualizer` once, as a separate chunk, only when a list is long. */
const loadVirtualizer = () => (virtualizer ??= import('@lit-labs/virtualizer/virtualize.js').then((m) => m.virtualize));

const SAFE_IMAGE = /^(?:https?:|blob:|data:image\/)/i;

/**
 * The members of a customer (or internal) group: who they are, owner and admins, when and how they
 * joined. Search, filters and sort run on the adapter, pages are fetched by cursor as the user
 * scrolls, and long lists are virtualized so thousands of members stay smooth on a phone.
 *
 * The list scrolls with the page, or with any scrolling ancestor (give the element, or a wrapper,
 * a height and `overflow: auto`). The toolbar sticks to the top while scrolling.
 *
 * @summary A fast, searchable list of a group's members, with invite, remove and multi-select.
 *
 * @csspart header - The header: group name, member count against the cap, owner, invite.
 * @csspart title - The group name.
 * @csspart count - The member count against the cap ("87 / 100").
 * @csspart invite-button - The invite button.
 * @csspart toolbar - The sticky bar with search, filters and sort.
 * @csspart search - The search box.
 * @csspart filters - The group of filter chips.
 * @csspart sort - The sort select.
 * @csspart list - The list of members (`role="list"`).
 * @csspart row - One member row (`role="listitem"`).
 * @csspart avatar - A member's avatar (image or initial).
 * @csspart name - A member's display name.
 * @csspart badge - The staff `@Company` or customer badge.
 * @csspart role - The owner / admin badge.
 * @csspart meta - Join time and how the member joined.
 * @csspart remove-button - A row's remove button.
 * @csspart state - The empty, error and no-adapter messages.
 * @csspart dialog - The remove confirmation dialog.
 *
 * @cssproperty --cl-group-member-list-row-height - Height of every row (fixed, for smooth scrolling). Default 64px.
 * @cssproperty --cl-group-member-list-avatar-size - Avatar size. Default 40px.
 * @cssproperty --cl-group-member-list-background - Background of the list, header and toolbar. Default `--cl-color-surface`.
 * @cssproperty --cl-group-member-list-divider-color - Lines between rows. Default `--cl-color-border`.
 * @cssproperty --cl-group-member-list-company-color - Colour of the staff `@Company` suffix. Default `--cl-color-company`.
 * @cssproperty --cl-group-member-list-badge-background - Background of avatars without image and of badges. Default `--cl-color-surface-muted`.
 * @cssproperty --cl-group-member-list-sticky-top - Offset of the sticky toolbar (e.g. under a fixed page header). Default 0.
 * @cssproperty --cl-group-member-list-scrim - Backdrop behind the remove dialog.
 *
 * @event cl-group-invite - The user asked to invite people; the host page shows its invite flow. Detail: `{ group }`.
 * @event cl-member-removed - A member was removed from the group. Detail: `{ group, member }`.
 * @event cl-members-select - The multi-select selection changed. Detail: `{ memberIds }`.
 */
export class GroupMemberList extends ClientelingElement {
  static override styles = [baseStyles, styles];

  /** The id of the group to list. */
  @property({ attribute: 'group-id' }) groupId = '';

  /** The search text, matched by the adapter on name and group nickname. Typing updates it (debounced). */
  @property() query = '';

  /** Which members to show: `all`, `staff`, `customer` or `admin` (owner and admins). */
  @property() filter: MemberFilter = 'all';

  /** Order of the list: `joinedAt` (newest first, as the adapter defines) or `name`. */
  @property() sort: MemberSort = 'joinedAt';

  /** Members fetched per request (at most 500). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 100;

  /** Multi-select mode: rows get checkboxes and `cl-members-select` reports the selection. */
  @property({ type: Boolean, reflect: true }) selectable = false;

  private readonly l = new LocalizeController(this, messages);

  @state() private group?: Group;
  @state() private groupError?: AdapterError;
  @state() private items: GroupMember[] = [];
  @state() private total?: number;
  @state() private nextCursor: string | null = null;
  @state() private loaded = false;
  @state() private loading = false;
  @state() private loadingMore = false;
  @state() private listError?: AdapterError;
  @state() private moreError?: AdapterError;
  @state() private selected = new Set<string>();
  @state() private virtualize?: Virtualize;
  @state() private removing?: GroupMember;
  @state() private removeBusy = false;
  @state() private removeError?: AdapterError;
  @state() private status = '';

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('input[type=search]') private search?: HTMLInputElement;
  @query('.sentinel') private sentinel?: HTMLElement | null;

  /** Increases with every first-page request; answers to older requests are dropped. */
  private generation = 0;
  private groupGeneration = 0;
  private needsLoad = false;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private observer?: IntersectionObserver;
  private observed?: Element | null;
  private now = new Date();

  /** The ids of the selected members, in the order they were selected. */
  get selectedIds(): string[] {
    return [...this.selected];
  }

  /** Reloads the group and the first page of members (e.g. after the host page invited someone). */
  refresh(): void {
    this.loadAll();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = undefined;
  }

  protected override apiChanged(): void {
    this.needsLoad = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('groupId')) this.needsLoad = true;
    if (this.needsLoad) {
      this.needsLoad = false;
      this.loadAll();
    } else if (changed.has('query') || changed.has('filter') || changed.has('sort') || changed.has('pageSize')) {
      void this.loadFirstPage(true);
    }
  }

  protected override updated(changed: PropertyValues): void {
    const sentinel = this.sentinel;
    if (sentinel !== this.observed) {
      this.observer?.disconnect();
      this.observed = sentinel;
      if (sentinel && typeof IntersectionObserver !== 'undefined') {
        this.observer = new IntersectionObserver(
          (entries) => {
            if (entries.some((e) => e.isIntersecting)) void this.loadMore();
          },
          { rootMargin: '0px 0px 600px 0px' },
        );
        this.observer.observe(sentinel);
      }
    } else if (sentinel && (changed.has('items') || changed.has('loadingMore'))) {
      // Observing again yields a fresh report after layout: if a page did not fill the screen,
      // the end is still in view and the next page loads, one page per frame at most.
      this.observer?.unobserve(sentinel);
      this.observer?.observe(sentinel);
    }
  }

  /* ------------------------------------------------------------------ loading */

  private loadAll(): void {
    const api = this.api;
    const groupId = this.groupId;
    const gen = ++this.groupGeneration;
    this.group = undefined;
    this.groupError = undefined;
    this.selected = new Set();
    this.reset();
    if (!api || !groupId) return;
    api.getGroup({ groupId }).then(
      (group) => {
        if (gen !== this.groupGeneration) return;
        this.group = group;
        if (group.memberCount > VIRTUALIZE_AFTER) void loadVirtualizer();
      },
      (error: unknown) => {
        if (gen === this.groupGeneration) this.groupError = toAdapterError(error);
      },
    );
    void this.loadFirstPage(false);
  }

  private reset(): void {
    this.generation++;
    this.items = [];
    this.total = undefined;
    this.nextCursor = null;
    this.loaded = false;
    this.loading = false;
    this.loadingMore = false;
    this.listError = undefined;
    this.moreError = undefined;
  }

  private request(cursor: string | null) {
    const q = this.query.trim();
    return this.api!.listGroupMembers({
      groupId: this.groupId,
      ...(q ? { query: q } : {}),
      filter: this.filter,
      sort: this.sort,
      cursor,
      limit: Math.min(Math.max(1, this.pageSize | 0), 500),
    });
  }

  /** Loads the first page for the current query, filter and sort; older answers are ignored. */
  private async loadFirstPage(announce: boolean): Promise<void> {
    if (!this.api || !this.groupId) return;
    const gen = ++this.generation;
    this.loading = true;
    this.loadingMore = false;
    this.listError = undefined;
    this.moreError = undefined;
    try {
      const page = await this.request(null);
      if (gen !== this.generation) return;
      await this.prepare(page.items.length);
      if (gen !== this.generation) return;
      this.items = page.items;
      this.nextCursor = page.nextCursor;
      this.total = page.total;
      this.loaded = true;
      if (announce) this.status = this.l.t('groupMembers.found', page.total ?? page.items.length);
    } catch (error) {
      if (gen === this.generation) this.listError = toAdapterError(error);
    } finally {
      if (gen === this.generation) this.loading = false;
    }
  }

  /** Loads the next page by cursor, unless one is loading, failed (awaiting retry) or none is left. */
  private async loadMore(): Promise<void> {
    const cursor = this.nextCursor;
    if (!this.api || cursor === null || !this.loaded || this.loading || this.loadingMore || this.moreError) return;
    const gen = this.generation;
    this.loadingMore = true;
    try {
      const page = await this.request(cursor);
      if (gen !== this.generation) return;
      const seen = new Set(this.items.map((m) => m.id));
      const items = this.items.concat(page.items.filter((m) => !seen.has(m.id)));
      await this.prepare(items.length);
      if (gen !== this.generation) return;
      this.items = items;
      this.nextCursor = page.nextCursor;
      if (page.total !== undefined) this.total = page.total;
    } catch (error) {
      if (gen === this.generation) this.moreError = toAdapterError(error);
    } finally {
      if (gen === this.generation) this.loadingMore = false;
    }
  }

  /** Makes sure the virtualizer is there before a long list is shown. */
  private async prepare(rows: number): Promise<void> {
    if (rows > VIRTUALIZE_AFTER && !this.virtualize) this.virtualize = await loadVirtualizer();
  }

  /* ------------------------------------------------------------------ handlers */

  private onInput(): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.commitSearch(), SEARCH_DEBOUNCE_MS);
  }

  private commitSearch(): void {
    clearTimeout(this.searchTimer);
    if (this.search) this.query = this.search.value;
  }

  private onFilter(e: Event): void {
    this.filter = (e.target as HTMLInputElement).value as MemberFilter;
  }

  private onSort(e: Event): void {
    this.sort = (e.target as HTMLSelectElement).value as MemberSort;
  }

  private clearSearch(): void {
    clearTimeout(this.searchTimer);
    this.query = '';
    this.filter = 'all';
    if (this.search) this.search.value = '';
  }

  private onInvite(): void {
    if (this.group) emit(this, 'cl-group-invite', { group: this.group });
  }

  private memberOf(id: string | undefined): GroupMember | undefined {
    return id === undefined ? undefined : this.items.find((m) => m.id === id);
  }

  /** Delegated from the list: checkbox changes, remove buttons, Enter on a checkbox. */
  private onListChange(e: Event): void {
    const box = e.target as HTMLInputElement;
    if (box.type !== 'checkbox' || !box.dataset.id) return;
    const next = new Set(this.selected);
    if (box.checked) next.add(box.dataset.id);
    else next.delete(box.dataset.id);
    this.setSelection(next);
  }

  private onListClick(e: Event): void {
    const button = (e.target as Element).closest<HTMLElement>('[data-remove]');
    const member = this.memberOf(button?.dataset.remove);
    if (member) void this.openRemove(member);
  }

  private onListKeydown(e: KeyboardEvent): void {
    const box = e.target as HTMLInputElement;
    if (e.key === 'Enter' && box.type === 'checkbox') {
      e.preventDefault();
      box.click();
    }
  }

  private readonly retryMore = (): void => {
    this.moreError = undefined;
    void this.loadMore();
  };

  private onRange(e: Event & { last?: number }): void {
    if ((e.last ?? 0) >= this.items.length - PREFETCH_ROWS) void this.loadMore();
  }

  private setSelection(next: Set<string>): void {
    this.selected = next;
    emit(this, 'cl-members-select', { memberIds: [...next] });
  }

  private async openRemove(member: GroupMember): Promise<void> {
    this.removing = member;
    this.removeError = undefined;
    await this.updateComplete;
    if (!this.dialog?.open) this.dialog?.showModal();
  }

  private closeRemove(): void {
    if (this.removeBusy) return;
    this.dialog?.close();
    this.removing = undefined;
    this.removeError = undefined;
  }

  private onDialogCancel(e: Event): void {
    e.preventDefault();
    this.closeRemove();
  }

  private async confirmRemove(): Promise<void> {
    const member = this.removing;
    const group = this.group;
    const api = this.api;
    if (!member || !group || !api || this.removeBusy) return;
    this.removeBusy = true;
    this.removeError = undefined;
    try {
      await api.removeGroupMember({ groupId: group.id, memberId: member.id });
      const index = this.items.findIndex((m) => m.id === member.id);
      this.items = this.items.filter((m) => m.id !== member.id);
      if (this.total !== undefined) this.total = Math.max(0, this.total - 1);
      const updated = { ...this.group!, memberCount: Math.max(0, this.group!.memberCount - 1) };
      this.group = updated;
      if (this.selected.has(member.id)) {
        const next = new Set(this.selected);
        next.delete(member.id);
        this.setSelection(next);
      }
      this.status = this.l.t('groupMembers.removed', displayName(member));
      this.removeBusy = false;
      this.closeRemove();
      emit(this, 'cl-member-removed', { group: updated, member });
      await this.updateComplete;
      const next = this.renderRoot.querySelector<HTMLElement>(`[aria-posinset="${index + 1}"] [data-remove]`);
      (next ?? this.search)?.focus();
    } catch (error) {
      this.removeError = toAdapterError(error);
    } finally {
      this.removeBusy = false;
    }
  }

  /* ------------------------------------------------------------------ render */

  private get canRemoveAny(): boolean {
    const role = this.group?.viewerRole;
    return !!this.api?.capabilities.removeGroupMember && (role === 'owner' || role === 'admin');
  }

  protected override render(): TemplateResult {
    if (!this.api) return this.renderState(this.l.t('common.noAdapter'));
    if (!this.groupId) return this.renderState(this.l.t('groupMembers.noGroup'));
    if (this.groupError) return this.renderError(this.groupError, () => this.loadAll());
    this.now = new Date();
    return html`
      ${this.renderHeader()} ${this.renderToolbar()}
      <div role="status" class="cl-visually-hidden">
        ${this.loadingMore ? this.l.t('groupMembers.loadingMore') : this.loaded || this.listError ? this.status : this.l.t('common.loading')}
      </div>
      ${this.renderBody()} ${this.renderDialog()}
    `;
  }

  private renderHeader(): TemplateResult {
    const g = this.group;
    if (!g)
      return html`<div class="header skeleton" part="header" aria-hidden="true">
        <div class="heading">
          <span class="bar cl-skeleton" style="width:50%;height:18px"></span>
          <span class="bar cl-skeleton" style="width:30%"></span>
        </div>
      </div>`;
    const full = g.memberCount >= g.memberCap;
    const invite = this.api!.capabilities.inviteGroupMember;
    return html`<div class="header" part="header">
      <div class="heading">
        <h2>
          <span part="title">${g.name}</span>
          <span class="count" part="count" aria-hidden="true"
            >${this.l.number(g.memberCount)} / ${this.l.number(g.memberCap)}</span
          >
          <span class="cl-visually-hidden">${this.l.t('groupMembers.countLong', g.memberCount, g.memberCap)}</span>
          ${full ? html`<span class="full">${this.l.t('groupMembers.full')}</span>` : nothing}
        </h2>
        <p class="owner">${this.l.t('groupMembers.owner', g.ownerName)}</p>
      </div>
      ${invite
        ? html`<button
            class="cl-button"
            data-variant="primary"
            part="invite-button"
            ?disabled=${full}
            aria-describedby=${full ? 'full-reason' : nothing}
            @click=${this.onInvite}
          >
            ${this.l.t('groupMembers.invite')}
          </button>`
        : nothing}
      ${full ? html`<p class="reason" id="full-reason">${this.l.t('groupMembers.fullReason', g.memberCap)}</p>` : nothing}
    </div>`;
  }

  private renderToolbar(): TemplateResult {
    const n = this.selected.size;
    return html`<div class="toolbar" part="toolbar">
      <input
        type="search"
        part="search"
        maxlength="64"
        enterkeyhint="search"
        autocomplete="off"
        .value=${this.query}
        aria-label=${this.l.t('groupMembers.search')}
        placeholder=${this.l.t('groupMembers.search')}
        @input=${this.onInput}
        @search=${this.commitSearch}
      />
      <fieldset part="filters">
        <legend class="cl-visually-hidden">${this.l.t('groupMembers.filter')}</legend>
        ${FILTERS.map(
          (f) => html`<label class="chip"
            ><input type="radio" name="filter" .value=${f} .checked=${this.filter === f} @change=${this.onFilter} /><span
              >${this.l.t(`groupMembers.filter.${f}`)}</span
            ></label
          >`,
        )}
      </fieldset>
      <label class="sort"
        >${this.l.t('groupMembers.sort')}
        <select part="sort" @change=${this.onSort}>
          ${SORTS.map((s) => html`<option .value=${s} ?selected=${this.sort === s}>${this.l.t(`groupMembers.sort.${s}`)}</option>`)}
        </select></label
      >
      ${this.selectable
        ? html`<div class="selection">
            <span>${this.l.t('groupMembers.selected', n)}</span>
            ${n
              ? html`<button class="cl-button" @click=${() => this.setSelection(new Set())}>
                  ${this.l.t('groupMembers.clearSelection')}
                </button>`
              : nothing}
          </div>`
        : nothing}
    </div>`;
  }

  private renderBody(): TemplateResult {
    if (this.listError) return this.renderError(this.listError, () => this.loadFirstPage(false));
    if (!this.loaded) return this.renderSkeleton(Math.min(this.group?.memberCount ?? 8, 8) || 1);
    if (this.items.length === 0) {
      const filtered = !!this.query.trim() || this.filter !== 'all';
      return html`<div class="state" part="state">
        <p>${filtered ? this.l.t('groupMembers.noMatch', this.query.trim()) : this.l.t('groupMembers.empty')}</p>
        ${filtered ? html`<button class="cl-button" @click=${this.clearSearch}>${this.l.t('groupMembers.clearSearch')}</button>` : nothing}
      </div>`;
    }
    const virtualize = this.items.length > VIRTUALIZE_AFTER ? this.virtualize : undefined;
    // The virtualizer styles its container: it gets its own, so a short list starts clean again.
    return html`<div
        class="list"
        part="list"
        role="list"
        aria-label=${this.l.t('groupMembers.list')}
        aria-busy=${this.loading ? 'true' : 'false'}
        @change=${this.onListChange}
        @click=${this.onListClick}
        @keydown=${this.onListKeydown}
      >
        ${virtualize
          ? html`<div @rangeChanged=${this.onRange}>${virtualize({ items: this.items, renderItem: this.renderRow, keyFunction: memberKey })}</div>`
          : this.items.map(this.renderRow)}
      </div>
      ${this.renderFooter(!!virtualize)}`;
  }

  /** After the rows: the next page's error or skeleton, and (short lists) the sentinel that asks for it. */
  private renderFooter(virtual: boolean): TemplateResult | typeof nothing {
    if (this.moreError) return this.renderError(this.moreError, this.retryMore);
    if (this.nextCursor === null) return nothing;
    // A virtualized list asks for the next page from its range events instead.
    return html`${this.loadingMore ? this.renderSkeleton(2) : nothing}${virtual ? nothing : html`<div class="sentinel"></div>`}`;
  }

  private readonly renderRow = (m: GroupMember, index: number): TemplateResult => {
    const l = this.l;
    const name = displayName(m);
    const avatar = m.avatarUrl && SAFE_IMAGE.test(m.avatarUrl) ? m.avatarUrl : undefined;
    const setSize = this.total ?? (this.nextCursor === null ? this.items.length : -1);
    const main = html`<span class="avatar" part="avatar" aria-hidden="true"
        >${initial(name)}${avatar ? html`<img src=${avatar} alt="" loading="lazy" />` : nothing}</span
      ><span class="text"
        ><span class="line"
          ><span class="name" part="name">${name}</span>${m.nickname ? html`<span class="real">${m.name}</span>` : nothing}<span
            class="badge"
            part="badge"
            data-type=${m.type}
            >${m.type === 'staff' ? (m.companyName ? `@${m.companyName}` : l.t('groupMembers.staff')) : l.t('groupMembers.customer')}</span
          >${m.role === 'member' ? nothing : html`<span class="role" part="role">${l.t(`groupMembers.role.${m.role}`)}</span>`}</span
        ><span class="line meta" part="meta">${l.relative(m.joinedAt, this.now)} · ${this.scene(m)}</span></span
      >`;
    return html`<div class="row" part="row" role="listitem" aria-setsize=${setSize} aria-posinset=${index + 1}>
      ${this.selectable
        ? html`<label class="main"
            ><input class="check" type="checkbox" data-id=${m.id} .checked=${this.selected.has(m.id)} />${main}</label
          >`
        : html`<div class="main">${main}</div>`}
      ${this.canRemoveAny && m.role !== 'owner'
        ? html`<button class="cl-button remove" part="remove-button" data-remove=${m.id} aria-label=${l.t('groupMembers.removeLabel', name)}>
            ${l.t('groupMembers.remove')}
          </button>`
        : nothing}
    </div>`;
  };

  private scene(m: GroupMember): string {
    if (m.joinScene !== 'invited') return this.l.t(`groupMembers.scene.${m.joinScene}`);
    return m.inviterName ? this.l.t('groupMembers.scene.invitedBy', m.inviterName) : this.l.t('groupMembers.scene.invited');
  }

  private renderSkeleton(rows: number): TemplateResult {
    return html`<div class="skeleton" aria-hidden="true">
      ${Array.from(
        { length: rows },
        () => html`<div class="row">
          <div class="main">
            <span class="avatar cl-skeleton"></span>
            <span class="text"><span class="bar cl-skeleton" style="width:40%"></span><span class="bar cl-skeleton" style="width:65%"></span></span>
          </div>
        </div>`,
      )}
    </div>`;
  }

  private renderState(text: string): TemplateResult {
    return html`<div class="state" part="state"><p>${text}</p></div>`;
  }

  private renderError(error: AdapterError, retry: () => unknown): TemplateResult {
    return html`<div class="state error" part="state" role="alert">
      <p>${this.l.error(error)}</p>
      ${error.retryable ? html`<button class="cl-button" @click=${retry}>${this.l.t('common.retry')}</button>` : nothing}
    </div>`;
  }

  private renderDialog(): TemplateResult {
    const m = this.removing;
    return html`<dialog part="dialog" aria-labelledby=${m ? 'remove-title' : nothing} @cancel=${this.onDialogCancel}>
      ${m
        ? html`<h3 id="remove-title">${this.l.t('groupMembers.removeTitle')}</h3>
            <p>${this.l.t('groupMembers.removeText', displayName(m))}</p>
            ${this.removeError ? html`<p class="problem" role="alert">${this.l.error(this.removeError)}</p>` : nothing}
            <div class="actions">
              <button class="cl-button" ?disabled=${this.removeBusy} @click=${this.closeRemove}>${this.l.t('common.cancel')}</button>
              <button class="cl-button" data-variant="danger" ?disabled=${this.removeBusy} @click=${this.confirmRemove}>
                ${this.l.t('groupMembers.remove')}
              </button>
            </div>`
        : nothing}
    </dialog>`;
  }
}

const memberKey = (m: GroupMember) => m.id;
/** The group nickname when set, else the real name. */
const displayName = (m: GroupMember) => m.nickname || m.name;
/** The first character (not UTF-16 unit) of a name, upper-cased, for the avatar fallback. */
const initial = (name: string) => (/^./u.exec(name)?.[0] ?? '').toUpperCase();


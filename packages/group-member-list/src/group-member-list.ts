import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { toAdapterError, type AdapterError } from '@clienteling/core';
import type { Group, GroupMember, MemberFilter, MemberSort } from '@clienteling/core';
import type { VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
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
/** Words of every row, translated once per render (message ids after `groupMembers.`). */
const ROW_TEXT = [
  'customer',
  'staff',
  'remove',
  'role.owner',
  'role.admin',
  'scene.qrcode',
  'scene.link',
  'scene.invited',
] as const;
const CHOICES = { filter: ['all', 'staff', 'customer', 'admin'], sort: ['joinedAt', 'name'] } as const;
/** Prefetch the next page when the virtualizer renders this close to the end of the loaded rows. */
const PREFETCH_ROWS = 30;

type Virtualizer = typeof import('@lit-labs/virtualizer/virtualize.js');
let virtualizer: Promise<Virtualizer> | undefined;
/** Loads `@lit-labs/virtualizer` once, as a separate chunk, only when a list is long. */
const loadVirtualizer = () => (virtualizer ??= import('@lit-labs/virtualizer/virtualize.js'));

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
 * @csspart owner - The owner line.
 * @csspart count - The member count against the cap ("87 / 100").
 * @csspart invite-button - The invite button.
 * @csspart toolbar - The sticky bar with search, filters and sort.
 * @csspart search - The search box.
 * @csspart filter - The filter select (all, staff, customers, admins).
 * @csspart sort - The sort select (join time, name).
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

  /** Order of the list: `joinedAt` (as the adapter orders join times) or `name`. */
  @property() sort: MemberSort = 'joinedAt';

  /** Members fetched per request (1 to 500). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 100;

  /** Multi-select mode: rows get checkboxes and `cl-members-select` reports the selection. */
  @property({ type: Boolean, reflect: true }) selectable = false;

  private readonly l = new LocalizeController(this, messages);

  @state() private group?: Group;
  @state() private groupError?: AdapterError;
  @state() private items: GroupMember[] = [];
  /** Total matching members when the adapter tells. */
  @state() private total?: number;
  @state() private nextCursor: string | null = null;
  /** Whether the first page of the current query has arrived. */
  @state() private loaded = false;
  @state() private loading = false;
  @state() private loadingMore = false;
  @state() private listError?: AdapterError;
  @state() private moreError?: AdapterError;
  @state() private selected = new Set<string>();
  /** The virtualizer module, once a long list needed it. */
  @state() private virtualizer?: Virtualizer;
  /** The remove dialog: whom it asks about, whether the request is under way, why it failed. */
  @state() private removal?: { member: GroupMember; busy?: boolean; error?: AdapterError };
  /** What the live region last announced (results found, member removed). */
  @state() private status = '';

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('input') private search?: HTMLInputElement;
  @query('.sentinel') private sentinel?: HTMLElement | null;

  /** Increases with every first-page request: answers to older requests are dropped. */
  private generation = 0;
  private groupGeneration = 0;
  private needsLoad = false;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private observer?: IntersectionObserver;
  private virtualHost?: Element;
  /** What every row of a render pass shares, worked out once: rows render again on every scroll. */
  private shared!: { now: Date; size: number; remove: boolean; text: Record<string, string> };

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
  }

  protected override apiChanged(): void {
    this.needsLoad = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.groupId) this.askHost('group', (id) => (this.groupId ||= id));
    if (this.needsLoad || changed.has('groupId')) {
      this.needsLoad = false;
      this.loadAll();
    } else if (changed.has('query') || changed.has('filter') || changed.has('sort') || changed.has('pageSize')) {
      void this.load(false, true);
    }
  }

  protected override updated(): void {
    // The virtualize directive starts while its container is still outside the document, and so
    // listens to the window's scrolling only: once the container is in, connect it again to find
    // the scrolling ancestors (a wrapper with `overflow: auto`, the element itself).
    const host = this.renderRoot.querySelector<VirtualizerHostElement>('.virtual');
    if (host && host !== this.virtualHost) {
      this.virtualHost = host;
      const v = host[this.virtualizer!.virtualizerRef];
      v?.disconnected();
      v?.connected();
    }
    // Observing afresh yields a report after layout: while the end of a short list is in view
    // (a page did not fill the screen, or the user scrolled there), the next page loads.
    this.observer?.disconnect();
    const sentinel = this.sentinel;
    if (sentinel) {
      this.observer ??= new IntersectionObserver((entries) => entries[0]!.isIntersecting && this.load(true), {
        rootMargin: '0px 0px 600px 0px',
      });
      this.observer.observe(sentinel);
    }
  }

  /* ------------------------------------------------------------------ loading */

  private loadAll(): void {
    const { api, groupId } = this;
    const gen = ++this.groupGeneration;
    this.group = this.groupError = undefined;
    this.selected = new Set();
    this.items = [];
    this.loaded = false;
    if (!api || !groupId) return;
    api.getGroup({ groupId }).then(
      (group) => {
        if (gen !== this.groupGeneration) return;
        this.group = group;
        // Fetch the virtualizer while the first page is on its way.
        if (group.memberCount > VIRTUALIZE_AFTER) void loadVirtualizer();
      },
      (error: AdapterError) => {
        if (gen === this.groupGeneration) this.groupError = error;
      },
    );
    void this.load();
  }

  /**
   * Loads the first page for the current query, filter and sort (dropping answers to older
   * requests), or with `more` the next page by cursor, unless one is loading, the last one failed
   * (awaiting retry) or none is left.
   */
  private async load(more = false, announce = false): Promise<void> {
    const { api, groupId, nextCursor } = this;
    if (!api || !groupId || (more && (nextCursor === null || this.loading || this.loadingMore || this.moreError)))
      return;
    const gen = more ? this.generation : ++this.generation;
    if (more) this.loadingMore = true;
    else {
      this.loading = true;
      this.loadingMore = false;
      this.listError = this.moreError = undefined;
    }
    try {
      const q = this.query.trim();
      const page = await api.listGroupMembers({
        groupId,
        ...(q ? { query: q } : {}),
        filter: this.filter,
        sort: this.sort,
        cursor: more ? nextCursor : null,
        limit: Math.min(Math.max(1, this.pageSize | 0), 500),
      });
      let items = page.items;
      if (more) {
        // A removal between pages may shift an offset cursor: never show a member twice.
        const seen = new Set(this.items.map((m) => m.id));
        items = this.items.concat(items.filter((m) => !seen.has(m.id)));
      }
      if (items.length > VIRTUALIZE_AFTER) this.virtualizer ??= await loadVirtualizer();
      if (gen !== this.generation) return;
      this.items = items;
      this.nextCursor = page.nextCursor;
      this.total = page.total ?? (more ? this.total : undefined);
      this.loaded = true;
      if (announce) this.status = this.l.t('groupMembers.found', page.total ?? items.length);
    } catch (error) {
      if (gen === this.generation) this[more ? 'moreError' : 'listError'] = toAdapterError(error);
    } finally {
      if (gen === this.generation) this[more ? 'loadingMore' : 'loading'] = false;
    }
  }

  /* ------------------------------------------------------------------ handlers */

  private onInput(): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.commitSearch(), SEARCH_DEBOUNCE_MS);
  }

  private commitSearch(): void {
    clearTimeout(this.searchTimer);
    this.query = this.search!.value;
  }

  private onChoose(e: Event): void {
    const select = e.target as HTMLSelectElement;
    if (select.name === 'sort') this.sort = select.value as MemberSort;
    else this.filter = select.value as MemberFilter;
  }

  private clearSearch(): void {
    this.search!.value = '';
    this.commitSearch();
    this.filter = 'all';
  }

  private onInvite(): void {
    emit(this, 'cl-group-invite', { group: this.group! });
  }

  /** Delegated from the list: a row's checkbox changed. */
  private onListChange(e: Event): void {
    const box = e.target as HTMLInputElement;
    const next = new Set(this.selected);
    if (box.checked) next.add(box.value);
    else next.delete(box.value);
    this.select(next);
  }

  /** Delegated from the list: a row's remove button. */
  private onListClick(e: Event): void {
    const button = (e.target as HTMLElement).closest('button');
    const member = button && this.items.find((m) => m.id === button.value);
    if (member) void this.openRemove(member);
  }

  /** Enter toggles a checkbox too, as Space does. */
  private onListKeydown(e: KeyboardEvent): void {
    const box = e.target as HTMLInputElement;
    if (e.key === 'Enter' && box.type === 'checkbox') {
      e.preventDefault();
      box.click();
    }
  }

  private onRange(e: Event & { last?: number }): void {
    if (e.last! >= this.items.length - PREFETCH_ROWS) void this.load(true);
  }

  private readonly retryMore = (): void => {
    this.moreError = undefined;
    void this.load(true);
  };

  private select(next: Set<string>): void {
    this.selected = next;
    emit(this, 'cl-members-select', { memberIds: [...next] });
  }

  private async openRemove(member: GroupMember): Promise<void> {
    this.removal = { member };
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
  }

  private closeRemove(): void {
    if (this.removal?.busy) return;
    this.dialog.close();
    this.removal = undefined;
  }

  private onDialogCancel(e: Event): void {
    e.preventDefault();
    this.closeRemove();
  }

  private async confirmRemove(): Promise<void> {
    const { removal, group } = this;
    if (!removal || removal.busy) return;
    const { member } = removal;
    this.removal = { member, busy: true };
    try {
      await this.api!.removeGroupMember({ groupId: group!.id, memberId: member.id });
      const index = this.items.indexOf(member);
      this.items = this.items.filter((m) => m !== member);
      if (this.total) this.total--;
      this.group = { ...group!, memberCount: group!.memberCount - 1 };
      if (this.selected.delete(member.id)) this.select(new Set(this.selected));
      this.status = this.l.t('groupMembers.removed', displayName(member));
      this.removal = { member };
      this.closeRemove();
      emit(this, 'cl-member-removed', { group: this.group, member });
      // Focus moves to the next row's remove button (or the search box), not to the page.
      await this.updateComplete;
      (this.renderRoot.querySelector<HTMLElement>(`[aria-posinset="${index + 1}"] button`) || this.search!).focus();
    } catch (error) {
      // The validated adapter only rejects with AdapterErrors.
      this.removal = { member, error: error as AdapterError };
    }
  }

  /* ------------------------------------------------------------------ render */

  // Templates are written without indentation inside the markup: every whitespace text node is
  // shipped and cloned for each row, so the markup stays tight and the structure lives in the code.

  protected override render(): TemplateResult {
    const l = this.l;
    if (!this.api) return this.renderState(l.t('common.noAdapter'));
    if (!this.groupId) return this.renderState(l.t('groupMembers.noGroup'));
    if (this.groupError) return this.renderError(this.groupError, this.refresh);
    const role = this.group?.viewerRole;
    this.shared = {
      now: new Date(),
      size: this.total ?? (this.nextCursor ? -1 : this.items.length),
      remove: (role === 'owner' || role === 'admin') && this.api.capabilities.removeGroupMember,
      text: Object.fromEntries(ROW_TEXT.map((id) => [id, l.t(`groupMembers.${id}`)])),
    };
    const n = this.selected.size;
    const status = this.loaded || this.listError ? this.status : l.t('common.loading');
    return html`${this.renderHeader()}<div class="toolbar" part="toolbar"
        ><input
          type="search"
          part="search"
          maxlength="64"
          enterkeyhint="search"
          autocomplete="off"
          .value=${this.query}
          aria-label=${l.t('groupMembers.search')}
          placeholder=${l.t('groupMembers.search')}
          @input=${this.onInput}
          @search=${this.commitSearch}
        />${this.renderChoice('filter', this.filter)}${this.renderChoice('sort', this.sort)}${
          this.selectable
            ? html`<div class="selection"
                >${l.t('groupMembers.selected', n)}${
                  n
                    ? html`<button class="cl-button" @click=${() => this.select(new Set())}
                        >${l.t('groupMembers.clearSelection')}</button
                      >`
                    : nothing
                }</div
              >`
            : nothing
        }</div
      ><div role="status" class="cl-visually-hidden">${status}</div>${this.renderList()}<dialog
        part="dialog"
        aria-labelledby="remove-title"
        @cancel=${this.onDialogCancel}
        ><h3 id="remove-title">${l.t('groupMembers.removeTitle')}</h3>${this.renderDialog()}</dialog
      >`;
  }

  private renderHeader(): TemplateResult {
    const { group: g, l } = this;
    if (!g) return html`<div class="header"></div>`;
    const full = g.memberCount >= g.memberCap;
    return html`<div class="header" part="header"
      ><div class="heading"
        ><h2
          ><span part="title">${g.name}</span>
          <span class="count" part="count" aria-hidden="true"
            >${l.number(g.memberCount)} / ${l.number(g.memberCap)}</span
          ><span class="cl-visually-hidden">${l.t('groupMembers.countLong', g.memberCount, g.memberCap)}</span> ${
            full ? html`<span class="full">${l.t('groupMembers.full')}</span>` : nothing
          }</h2
        ><p part="owner">${l.t('groupMembers.owner', g.ownerName)}</p></div
      >${
        this.api!.capabilities.inviteGroupMember
          ? html`<button
              class="cl-button"
              data-variant="primary"
              part="invite-button"
              ?disabled=${full}
              aria-describedby=${full ? 'full-reason' : nothing}
              @click=${this.onInvite}
              >${l.t('groupMembers.invite')}</button
            >`
          : nothing
      }${full ? html`<p class="reason" id="full-reason">${l.t('groupMembers.fullReason', g.memberCap)}</p>` : nothing}</div
    >`;
  }

  /** A labelled native select: on phones it opens the system picker. */
  private renderChoice<K extends keyof typeof CHOICES>(name: K, current: string): TemplateResult {
    const t = (key: string) => this.l.t(`groupMembers.${key}` as 'groupMembers.sort');
    return html`<label class="choice"
      >${t(name)}
      <select name=${name} part=${name} @change=${this.onChoose}
        >${CHOICES[name].map(
          (v) => html`<option value=${v} .selected=${v === current}>${t(`${name}.${v}`)}</option>`,
        )}</select
      ></label
    >`;
  }

  private renderList(): TemplateResult {
    const l = this.l;
    if (this.listError) return this.renderError(this.listError, () => this.load());
    if (!this.loaded) return this.renderSkeleton(this.group ? Math.min(this.group.memberCount, 8) || 1 : 8);
    if (!this.items.length) {
      const filtered = this.query.trim() || this.filter !== 'all';
      return html`<div class="state" part="state"
        ><p>${l.t(filtered ? 'groupMembers.noMatch' : 'groupMembers.empty')}</p>${
          filtered
            ? html`<button class="cl-button" @click=${this.clearSearch}>${l.t('groupMembers.clearSearch')}</button>`
            : nothing
        }</div
      >`;
    }
    const virtualize = this.items.length > VIRTUALIZE_AFTER && this.virtualizer?.virtualize;
    // The virtualizer styles its container: it gets its own, so a list that shrinks starts clean.
    return html`<div
        class="list"
        part="list"
        role="list"
        aria-label=${l.t('groupMembers.list')}
        aria-busy=${this.loading}
        @change=${this.onListChange}
        @click=${this.onListClick}
        @keydown=${this.onListKeydown}
        >${
          virtualize
            ? html`<div class="virtual" @rangeChanged=${this.onRange}
                >${virtualize({ items: this.items, renderItem: this.renderRow, keyFunction: memberKey })}</div
              >`
            : this.items.map(this.renderRow)
        }</div
      >${
        this.moreError
          ? this.renderError(this.moreError, this.retryMore)
          : this.nextCursor === null
            ? nothing
            : html`${this.loadingMore ? this.renderSkeleton(2) : nothing}${virtualize ? nothing : html`<div class="sentinel"></div>`}`
      }`;
  }

  /** One member. Kept cheap: it runs for every row that scrolls into view. */
  private readonly renderRow = (m: GroupMember, index: number): TemplateResult => {
    const { now, size, remove, text } = this.shared;
    const name = displayName(m);
    const avatar = m.avatarUrl && SAFE_IMAGE.test(m.avatarUrl) ? m.avatarUrl : '';
    const main = html`<span class="avatar" part="avatar" aria-hidden="true"
        >${initial(name)}${avatar ? html`<img src=${avatar} alt="" loading="lazy" />` : nothing}</span
      ><span class="text"
        ><span class="line"
          ><span class="name" part="name">${name}</span>${
            m.nickname ? html`<span class="real">${m.name}</span>` : nothing
          }<span class="badge" part="badge" data-type=${m.type}
            >${m.type === 'customer' ? text.customer : m.companyName ? `@${m.companyName}` : text.staff}</span
          >${m.role === 'member' ? nothing : html`<span class="role" part="role">${text[`role.${m.role}`]}</span>`}</span
        ><span class="line meta" part="meta"
          >${this.l.relative(m.joinedAt, now)} ·
          ${
            m.joinScene === 'invited' && m.inviterName
              ? this.l.t('groupMembers.scene.invitedBy', m.inviterName)
              : text[`scene.${m.joinScene}`]
          }</span
        ></span
      >`;
    return html`<div class="row" part="row" role="listitem" aria-setsize=${size} aria-posinset=${index + 1}
      >${
        this.selectable
          ? html`<label class="main"
              ><input class="check" type="checkbox" .value=${m.id} .checked=${this.selected.has(m.id)} />${main}</label
            >`
          : html`<div class="main">${main}</div>`
      }${
        remove && m.role !== 'owner'
          ? html`<button
              class="cl-button remove"
              part="remove-button"
              .value=${m.id}
              aria-label=${this.l.t('groupMembers.removeLabel', name)}
              >${text.remove}</button
            >`
          : nothing
      }</div
    >`;
  };

  /** Placeholder rows of the same height as real ones: nothing moves when data arrives. */
  private renderSkeleton(rows: number): TemplateResult {
    return html`<div aria-hidden="true"
      >${Array.from(
        { length: rows },
        () =>
          html`<div class="row"
            ><span class="avatar cl-skeleton"></span
            ><span class="text"><span class="bar cl-skeleton"></span><span class="bar cl-skeleton"></span></span
          ></div>`,
      )}</div
    >`;
  }

  private renderState(text: string): TemplateResult {
    return html`<div class="state" part="state"><p>${text}</p></div>`;
  }

  private renderError(error: AdapterError, retry: () => unknown): TemplateResult {
    return html`<div class="state error" part="state" role="alert"
      ><p>${this.l.error(error)}</p>${
        error.retryable ? html`<button class="cl-button" @click=${retry}>${this.l.t('common.retry')}</button>` : nothing
      }</div
    >`;
  }

  private renderDialog(): TemplateResult | typeof nothing {
    const { removal: r, l } = this;
    const busy = r?.busy;
    return r
      ? html`<p>${l.t('groupMembers.removeText', displayName(r.member))}</p>${
            r.error ? html`<p class="problem" role="alert">${l.error(r.error)}</p>` : nothing
          }<div class="actions"
            ><button class="cl-button" ?disabled=${busy} @click=${this.closeRemove}>${l.t('common.cancel')}</button
            ><button class="cl-button" data-variant="danger" ?disabled=${busy} @click=${this.confirmRemove}
              >${l.t('groupMembers.remove')}</button
            ></div
          >`
      : nothing;
  }
}

const memberKey = (m: GroupMember) => m.id;
/** The group nickname when set, else the real name. */
const displayName = (m: GroupMember) => m.nickname || m.name;
/** The first character (a whole code point) of a name, upper-cased, for the avatar fallback. */
const initial = (name: string) => [...name][0]!.toUpperCase();

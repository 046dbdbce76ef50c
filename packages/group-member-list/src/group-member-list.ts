import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { toAdapterError, type AdapterError } from '@clienteling/core/errors.js';
import type { ClientelingAdapter, Group, GroupMember, MemberFilter, MemberSort } from '@clienteling/core';
import { VirtualListController } from '@clienteling/core/virtual-list.js';
import {
  ClientelingElement,
  FeedbackController,
  LocalizeController,
  baseStyles,
  emit,
  safeImageUrl,
} from '@clienteling/core/elements.js';
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

/** The options of the two selects in the toolbar. */
const CHOICES = { filter: ['all', 'staff', 'customer', 'admin'], sort: ['joinedAt', 'name'] } as const;

/** The most members one request asks for. */
const MAX_PAGE_SIZE = 500;

/** Skeleton rows shown while the first page loads (fewer when the group is smaller). */
const SKELETON_ROWS = 8;

/** Skeleton rows shown under the list while the next page loads. */
const SKELETON_ROWS_MORE = 2;

/** Row height until the first row is measured, in px (the default of `--cl-group-member-list-row-height`). */
const DEFAULT_ROW_HEIGHT = 64;

/** What every row of a render pass shares, worked out once: rows render again on every scroll. */
interface RowContext {
  /** The moment join times are told relative to. */
  now: Date;
  /** `aria-setsize` of every row: the total when known, -1 while more pages may follow. */
  setSize: number;
  /** Whether the viewer may remove members and is in manage mode (remove buttons shown). */
  canRemove: boolean;
  /** The translated words of `ROW_TEXT`, by id. */
  text: Record<string, string>;
}

/** The remove dialog: whom it asks about, whether the request is under way, why it failed. */
interface Removal {
  member: GroupMember;
  busy?: boolean;
  error?: AdapterError;
}

/**
 * The members of a customer (or internal) group: who they are, owner and admins, when and how they
 * joined. The owner and admins come first (asked of the adapter apart, then the pages without
 * them). Search, filters and sort run on the adapter, pages are fetched by cursor as the user
 * scrolls, and long lists are virtualized so thousands of members stay smooth on a phone.
 *
 * Owners and admins remove members in manage mode ("管理"), not from a button on every row; after a
 * removal focus moves to the next row's remove button (or the previous one, or the manage button),
 * counts go down and a brief status says who was removed.
 *
 * The list scrolls with the page, or with any scrolling ancestor (give the element, or a wrapper,
 * a height and `overflow: auto`, also after the first render). The toolbar sticks to the top while
 * scrolling. Rows have one fixed height (`--cl-group-member-list-row-height`).
 *
 * @summary A fast, searchable list of a group's members, with invite, remove and multi-select.
 *
 * @csspart header - The header: group name, member count against the cap, owner, invite.
 * @csspart title - The group name.
 * @csspart owner - The owner line.
 * @csspart count - The member count against the cap ("87 / 100").
 * @csspart invite-button - The invite button.
 * @csspart manage-button - The button that turns manage mode (remove buttons) on and off.
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
 * @csspart remove-button - A row's remove button (in manage mode).
 * @csspart state - The empty, error and no-adapter messages.
 * @csspart dialog - The remove confirmation dialog.
 * @csspart feedback - The brief status after a removal.
 * @csspart offline - The notice shown while the browser is offline.
 *
 * @cssproperty --cl-group-member-list-row-height - Height of every row (fixed, for smooth scrolling).
 *   Default 64px.
 * @cssproperty --cl-group-member-list-avatar-size - Avatar size. Default 40px.
 * @cssproperty --cl-group-member-list-background - Background of the list, header and toolbar.
 *   Default `--cl-color-surface`.
 * @cssproperty --cl-group-member-list-divider-color - Lines between rows. Default `--cl-color-border`.
 * @cssproperty --cl-group-member-list-company-color - Colour of the staff `@Company` suffix.
 *   Default `--cl-color-company`.
 * @cssproperty --cl-group-member-list-badge-background - Background of avatars without image and of
 *   badges. Default `--cl-color-surface-muted`.
 * @cssproperty --cl-group-member-list-sticky-top - Offset of the sticky toolbar (e.g. under a fixed
 *   page header). Default 0.
 * @cssproperty --cl-group-member-list-scrim - Backdrop behind the remove dialog.
 *
 * @event {CustomEvent<GroupInviteDetail>} cl-group-invite - The user asked to invite people; the host
 *   page shows its invite flow.
 * @event {CustomEvent<MemberRemovedDetail>} cl-member-removed - A member was removed from the group
 *   (`group.memberCount` already lowered).
 * @event {CustomEvent<MembersSelectDetail>} cl-members-select - The multi-select selection changed.
 */
export class GroupMemberList extends ClientelingElement {
  static override styles = [baseStyles, styles];

  /* ------------------------------------------------------------------ public properties */

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

  /** The ids of the selected members, in the order they were selected. */
  get selectedIds(): string[] {
    return [...this.selection];
  }

  /** Reloads the group and the first page of members (e.g. after the host page invited someone). */
  refresh(): void {
    this.reload();
  }

  /* ------------------------------------------------------------------ private state */

  private readonly localize = new LocalizeController(this, messages);
  private readonly feedback = new FeedbackController(this);
  /** Long lists are virtualized; every row has one fixed height, skeleton rows too. */
  private readonly virtualList = new VirtualListController<GroupMember | undefined>(this, {
    virtualizeAfter: VIRTUALIZE_AFTER,
    rowKinds: { row: { selector: '.row', height: DEFAULT_ROW_HEIGHT } },
    keyFunction: rowKey,
    loadedRows: () => this.shownMembers.length,
    loadMore: () => void this.loadNextPage(),
  });

  @state() private group?: Group;
  @state() private groupError?: AdapterError;
  /** The members loaded so far, page after page (the pinned ones among them are shown first). */
  @state() private members: GroupMember[] = [];
  /** The owner and admins matching the search and filter, shown before every other member. */
  @state() private pinned: GroupMember[] = [];
  /** Manage mode: rows show their remove button. */
  @state() private managing = false;
  /** Total matching members when the adapter tells. */
  @state() private total?: number;
  /** The cursor of the next page; null when the last page has arrived. */
  @state() private nextCursor: string | null = null;
  /** Whether the first page of the current query has arrived. */
  @state() private firstPageLoaded = false;
  @state() private loadingFirstPage = false;
  @state() private loadingNextPage = false;
  @state() private firstPageError?: AdapterError;
  @state() private nextPageError?: AdapterError;
  /** The ids of the selected members, in the order they were selected. */
  @state() private selection = new Set<string>();
  @state() private removal?: Removal;
  /** What the live region last announced (results found, member removed). */
  @state() private announcement = '';

  @query('dialog') private removeDialog!: HTMLDialogElement;
  @query('input') private searchInput?: HTMLInputElement;
  @query('[part="manage-button"]') private manageButton?: HTMLElement | null;

  /** Increases with every first-page request: answers to older requests are dropped. */
  private membersRequest = 0;
  /** Increases with every group request: answers to older requests are dropped. */
  private groupRequest = 0;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private rowContext!: RowContext;
  /** The rows shown, pinned first, worked out once per change of `members` or `pinned`. */
  private shownCache?: { members: GroupMember[]; pinned: GroupMember[]; shown: GroupMember[] };
  /** The virtualized rows: the shown members, then a placeholder for each member still to load. */
  private virtualRowsCache?: { shown: GroupMember[]; rows: (GroupMember | undefined)[] };

  /* ------------------------------------------------------------------ lifecycle */

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const listChanged = changed.has('query') || changed.has('filter') || changed.has('sort') || changed.has('pageSize');
    if (this.shouldLoad('group', changed)) {
      this.reload();
    } else if (listChanged) {
      void this.loadFirstPage(true);
    }
  }

  /* ------------------------------------------------------------------ loading */

  /** Loads the group and the first page of members afresh, dropping the selection. */
  private reload(): void {
    const { api, groupId } = this;
    const request = ++this.groupRequest;
    this.group = this.groupError = undefined;
    this.selection = new Set();
    this.members = [];
    this.firstPageLoaded = false;
    if (!api || !groupId) return;
    api.getGroup({ groupId }).then(
      (group) => {
        if (request !== this.groupRequest) return;
        this.group = group;
        // Fetch the virtualizer while the first page is on its way.
        this.virtualList.prefetch(group.memberCount);
      },
      (error: AdapterError) => {
        if (request === this.groupRequest) this.groupError = error;
      },
    );
    void this.loadFirstPage();
  }

  /**
   * Loads the first page for the current query, filter and sort, dropping answers to older
   * requests. With `announce`, the live region tells how many members were found.
   */
  private loadFirstPage(announce = false): Promise<void> {
    return this.loadPage(false, announce);
  }

  /** Loads the next page by cursor, unless one is loading, the last one failed (awaiting retry) or none is left. */
  private loadNextPage(): Promise<void> {
    const busy = this.loadingFirstPage || this.loadingNextPage || this.nextPageError;
    if (this.nextCursor === null || busy) return Promise.resolve();
    return this.loadPage(true, false);
  }

  private async loadPage(nextPage: boolean, announce: boolean): Promise<void> {
    const { api, groupId, nextCursor } = this;
    if (!api || !groupId) return;
    const request = nextPage ? this.membersRequest : ++this.membersRequest;
    if (nextPage) {
      this.loadingNextPage = true;
    } else {
      this.loadingFirstPage = true;
      this.loadingNextPage = false;
      this.virtualList.resetRange();
      this.firstPageError = this.nextPageError = undefined;
    }
    try {
      const search = this.query.trim();
      const query = { groupId, ...(search ? { query: search } : {}), sort: this.sort };
      const pinnedRequest = nextPage ? undefined : this.loadPinned(api, query);
      const page = await api.listGroupMembers({
        ...query,
        filter: this.filter,
        cursor: nextPage ? nextCursor : null,
        limit: pageLimit(this.pageSize),
      });
      const members = nextPage ? appendNew(this.members, page.items) : page.items;
      const pinned = pinnedRequest ? await pinnedRequest : this.pinned;
      if (this.virtualList.mustLoad(members.length)) await this.virtualList.load();
      if (request !== this.membersRequest) return;
      this.members = members;
      this.pinned = pinned;
      this.nextCursor = page.nextCursor;
      this.total = page.total ?? (nextPage ? this.total : undefined);
      this.firstPageLoaded = true;
      if (announce) this.announcement = this.localize.t('groupMembers.found', page.total ?? members.length);
    } catch (error) {
      if (request !== this.membersRequest) return;
      if (nextPage) this.nextPageError = toAdapterError(error);
      else this.firstPageError = toAdapterError(error);
    } finally {
      if (request === this.membersRequest) {
        if (nextPage) this.loadingNextPage = false;
        else this.loadingFirstPage = false;
        // The rows in view may lie further down than this page reached (a jump in the reserved height).
        if (this.virtualList.nearEnd) void this.loadNextPage();
      }
    }
  }

  /**
   * The owner and admins that match the search and the filter, owner first: asked apart so that
   * they come first whatever page they are on. Without them (the request failed) the list is
   * shown as the adapter orders it.
   */
  private async loadPinned(
    api: ClientelingAdapter,
    query: { groupId: string; query?: string; sort: MemberSort },
  ): Promise<GroupMember[]> {
    const { filter } = this;
    if (filter === 'admin') return [];
    try {
      const page = await api.listGroupMembers({ ...query, filter: 'admin', cursor: null, limit: MAX_PAGE_SIZE });
      const matching = page.items.filter((member) => filter === 'all' || member.type === filter);
      return ownerFirst(matching);
    } catch {
      return [];
    }
  }

  /** The rows in the order shown: the owner and admins, then every other loaded member. */
  private get shownMembers(): GroupMember[] {
    const { members, pinned } = this;
    const cache = this.shownCache;
    if (cache?.members === members && cache.pinned === pinned) return cache.shown;
    const pinnedIds = new Set(pinned.map((member) => member.id));
    const ordered = this.filter === 'admin' ? ownerFirst(members) : members;
    const shown = [...pinned, ...ordered.filter((member) => !pinnedIds.has(member.id))];
    this.shownCache = { members, pinned, shown };
    return shown;
  }

  /* ------------------------------------------------------------------ selection and removal */

  private setSelection(selection: Set<string>): void {
    this.selection = selection;
    emit(this, 'cl-members-select', { memberIds: [...selection] });
  }

  private async openRemoveDialog(member: GroupMember): Promise<void> {
    this.removal = { member };
    await this.updateComplete;
    if (!this.removeDialog.open) this.removeDialog.showModal();
  }

  private closeRemoveDialog(): void {
    if (this.removal?.busy) return;
    this.removeDialog.close();
    this.removal = undefined;
  }

  /** Removes the member the dialog asks about; on failure the dialog stays open with the reason. */
  private async removeMember(): Promise<void> {
    const { removal, group } = this;
    if (!removal || removal.busy) return;
    const { member } = removal;
    this.removal = { member, busy: true };
    try {
      await this.api!.removeGroupMember({ groupId: group!.id, memberId: member.id });
      const index = this.shownMembers.indexOf(member);
      // The pinned copy and the page's copy of a member are distinct objects: compare ids.
      this.members = this.members.filter((other) => other.id !== member.id);
      this.pinned = this.pinned.filter((other) => other.id !== member.id);
      if (this.total) this.total--;
      this.group = { ...group!, memberCount: group!.memberCount - 1 };
      if (this.selection.delete(member.id)) this.setSelection(new Set(this.selection));
      this.feedback.show(this.localize.t('groupMembers.removed', displayName(member)));
      this.removal = { member };
      this.closeRemoveDialog();
      emit(this, 'cl-member-removed', { group: this.group, member });
      await this.updateComplete;
      this.focusAfterRemoval(index);
    } catch (error) {
      // The validated adapter only rejects with AdapterErrors.
      this.removal = { member, error: error as AdapterError };
    }
  }

  /**
   * Focus moves to the remove button of the row that took the removed one's place, else of the row
   * before it, else to the manage button: never to the page.
   */
  private focusAfterRemoval(index: number): void {
    const removeButtonAt = (position: number) =>
      this.renderRoot.querySelector<HTMLElement>(`[aria-posinset="${position}"] [part="remove-button"]`);
    const target = removeButtonAt(index + 1) ?? removeButtonAt(index) ?? this.manageButton ?? this.searchInput;
    target?.focus();
  }

  /* ------------------------------------------------------------------ handlers */

  private handleSearchInput(): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.handleSearchCommit(), SEARCH_DEBOUNCE_MS);
  }

  /** The search box's `search` event (Enter, or its clear button), or the end of a typing pause. */
  private handleSearchCommit(): void {
    clearTimeout(this.searchTimer);
    this.query = this.searchInput!.value;
  }

  /** The filter or the sort select changed. */
  private handleChoiceChange(e: Event): void {
    const select = e.target as HTMLSelectElement;
    if (select.name === 'sort') this.sort = select.value as MemberSort;
    else this.filter = select.value as MemberFilter;
  }

  /** "Show all members" in the no-match state: clears the search and the filter. */
  private handleShowAllClick(): void {
    this.searchInput!.value = '';
    this.handleSearchCommit();
    this.filter = 'all';
  }

  private handleInviteClick(): void {
    emit(this, 'cl-group-invite', { group: this.group! });
  }

  private handleManageClick(): void {
    this.managing = !this.managing;
  }

  private handleClearSelectionClick(): void {
    this.setSelection(new Set());
  }

  /** Delegated from the list: a row's checkbox changed. */
  private handleListChange(e: Event): void {
    const checkbox = e.target as HTMLInputElement;
    const selection = new Set(this.selection);
    if (checkbox.checked) selection.add(checkbox.value);
    else selection.delete(checkbox.value);
    this.setSelection(selection);
  }

  /** Delegated from the list: a row's remove button. */
  private handleListClick(e: Event): void {
    const button = (e.target as HTMLElement).closest('button');
    const member = button && this.shownMembers.find((candidate) => candidate.id === button.value);
    if (member) void this.openRemoveDialog(member);
  }

  /** Enter toggles a checkbox too, as Space does. */
  private handleListKeydown(e: KeyboardEvent): void {
    const checkbox = e.target as HTMLInputElement;
    if (e.key === 'Enter' && checkbox.type === 'checkbox') {
      e.preventDefault();
      checkbox.click();
    }
  }

  private handleFirstPageRetryClick(): void {
    void this.loadFirstPage();
  }

  private handleNextPageRetryClick(): void {
    this.nextPageError = undefined;
    void this.loadNextPage();
  }

  /** Escape on the dialog: closes it the same way as Cancel (not while the removal is under way). */
  private handleDialogCancel(e: Event): void {
    e.preventDefault();
    this.closeRemoveDialog();
  }

  /* ------------------------------------------------------------------ render */

  // Templates keep no whitespace between tags (`><` at line starts): every whitespace text node is
  // shipped and cloned for each row, and would add gaps between inline elements.

  protected override render(): TemplateResult {
    const { api, localize } = this;
    if (!api) return this.renderMessage(localize.t('common.noAdapter'));
    if (!this.groupId) return this.renderMessage(localize.t('groupMembers.noGroup'));
    if (this.groupError) return this.renderError(this.groupError, this.refresh);
    this.rowContext = this.computeRowContext(api);
    const top = html`${this.renderOfflineNotice()}${this.renderHeader()}${this.renderToolbar()}`;
    return html`${top}${this.renderLiveRegion()}${this.renderList()}<dialog
        part="dialog"
        aria-labelledby="remove-title"
        @cancel=${this.handleDialogCancel}
        ><h3 id="remove-title">${localize.t('groupMembers.removeTitle')}</h3>${this.renderRemoveDialogContent()}</dialog
      >${this.feedback.render()}`;
  }

  /** Whether the viewer may remove members: an owner or admin, with the adapter's capability. */
  private mayRemove(api: ClientelingAdapter): boolean {
    const viewerRole = this.group?.viewerRole;
    return (viewerRole === 'owner' || viewerRole === 'admin') && api.capabilities.removeGroupMember;
  }

  private computeRowContext(api: ClientelingAdapter): RowContext {
    return {
      now: new Date(),
      setSize: this.total ?? (this.nextCursor ? -1 : this.shownMembers.length),
      canRemove: this.managing && this.mayRemove(api),
      text: Object.fromEntries(ROW_TEXT.map((id) => [id, this.localize.t(`groupMembers.${id}`)])),
    };
  }

  private renderHeader(): TemplateResult {
    const { group, localize } = this;
    if (!group) return html`<div class="header"></div>`;
    const full = group.memberCount >= group.memberCap;
    return html`<div class="header" part="header"
      ><div class="heading"
        ><h2
          ><span part="title">${group.name}</span> ${this.renderCount(group)}
          ${full ? this.renderFullBadge() : nothing}</h2
        ><p part="owner">${localize.t('groupMembers.owner', group.ownerName)}</p></div
      ><div class="header-actions">${this.renderManageButton()}${this.renderInviteButton(full)}</div
      >${full ? this.renderFullReason(group) : nothing}</div
    >`;
  }

  /** "Manage" / "Done": shows and hides the remove buttons, for those who may remove. */
  private renderManageButton(): TemplateResult | typeof nothing {
    if (!this.mayRemove(this.api!)) return nothing;
    const label = this.localize.t(this.managing ? 'groupMembers.manageDone' : 'groupMembers.manage');
    return html`<button
      class="cl-button"
      part="manage-button"
      aria-pressed=${this.managing}
      @click=${this.handleManageClick}
      >${label}</button
    >`;
  }

  /** "87 / 100" on screen; screen readers hear it in words. */
  private renderCount(group: Group): TemplateResult {
    const { localize } = this;
    const countInWords = localize.t('groupMembers.countLong', group.memberCount, group.memberCap);
    return html`<span class="count" part="count" aria-hidden="true"
        >${localize.number(group.memberCount)} / ${localize.number(group.memberCap)}</span
      ><span class="cl-visually-hidden">${countInWords}</span>`;
  }

  private renderFullBadge(): TemplateResult {
    return html`<span class="full">${this.localize.t('groupMembers.full')}</span>`;
  }

  private renderInviteButton(full: boolean): TemplateResult | typeof nothing {
    if (!this.api!.capabilities.inviteGroupMember) return nothing;
    return html`<button
      class="cl-button"
      data-variant="primary"
      part="invite-button"
      ?disabled=${full}
      aria-describedby=${full ? 'full-reason' : nothing}
      @click=${this.handleInviteClick}
      >${this.localize.t('groupMembers.invite')}</button
    >`;
  }

  private renderFullReason(group: Group): TemplateResult {
    return html`<p class="reason" id="full-reason">${this.localize.t('groupMembers.fullReason', group.memberCap)}</p>`;
  }

  private renderToolbar(): TemplateResult {
    const searchLabel = this.localize.t('groupMembers.search');
    return html`<div class="toolbar" part="toolbar"
      ><input
        type="search"
        part="search"
        maxlength="64"
        enterkeyhint="search"
        autocomplete="off"
        .value=${this.query}
        aria-label=${searchLabel}
        placeholder=${searchLabel}
        @input=${this.handleSearchInput}
        @search=${this.handleSearchCommit}
      />${this.renderChoice('filter', this.filter)}${this.renderChoice('sort', this.sort)}${this.renderSelection()}</div
    >`;
  }

  /** A labelled native select: on phones it opens the system picker. */
  private renderChoice<K extends keyof typeof CHOICES>(name: K, current: string): TemplateResult {
    const label = (key: string) => this.localize.t(`groupMembers.${key}` as 'groupMembers.sort');
    const options = CHOICES[name].map(
      (value) => html`<option value=${value} .selected=${value === current}>${label(`${name}.${value}`)}</option>`,
    );
    return html`<label class="choice"
      >${label(name)}
      <select name=${name} part=${name} @change=${this.handleChoiceChange}
        >${options}</select
      ></label
    >`;
  }

  /** In multi-select mode: how many are selected, and a button to clear the selection. */
  private renderSelection(): TemplateResult | typeof nothing {
    if (!this.selectable) return nothing;
    const count = this.selection.size;
    return html`<div class="selection"
      >${this.localize.t('groupMembers.selected', count)}${count ? this.renderClearSelectionButton() : nothing}</div
    >`;
  }

  private renderClearSelectionButton(): TemplateResult {
    return html`<button class="cl-button" @click=${this.handleClearSelectionClick}
      >${this.localize.t('groupMembers.clearSelection')}</button
    >`;
  }

  /** The live region: loading, then what the last search found or who was removed. */
  private renderLiveRegion(): TemplateResult {
    const settled = this.firstPageLoaded || this.firstPageError;
    const text = settled ? this.announcement : this.localize.t('common.loading');
    return html`<div role="status" class="live cl-visually-hidden">${text}</div>`;
  }

  private renderList(): TemplateResult {
    if (this.firstPageError) return this.renderError(this.firstPageError, this.handleFirstPageRetryClick);
    if (!this.firstPageLoaded) return this.renderSkeleton(this.skeletonRowCount());
    const shown = this.shownMembers;
    if (!shown.length) return this.renderEmpty();
    const rows = this.virtualRows(shown);
    const virtualized = this.virtualList.virtualizes(rows.length);
    return html`<div
        class="list"
        part="list"
        role="list"
        aria-label=${this.localize.t('groupMembers.list')}
        aria-busy=${this.loadingFirstPage}
        @change=${this.handleListChange}
        @click=${this.handleListClick}
        @keydown=${this.handleListKeydown}
        >${virtualized ? this.virtualList.renderRows(rows, this.renderVirtualRow) : shown.map(this.renderRow)}</div
      >${this.renderListEnd(virtualized && rows.length > shown.length, virtualized)}`;
  }

  /**
   * The rows of a virtualized list: the members shown, then a placeholder for every matching member
   * not loaded yet (as many as the adapter's total, or the group's member count without a search or
   * filter). The list is as tall as the whole group from the start: the scrollbar tells the truth,
   * and a jump down the list loads pages until the rows there arrive.
   */
  private virtualRows(shown: GroupMember[]): (GroupMember | undefined)[] {
    const unfiltered = !this.query.trim() && this.filter === 'all';
    const expected = this.total ?? (unfiltered ? this.group?.memberCount : undefined) ?? 0;
    const count = this.nextCursor === null ? shown.length : Math.max(shown.length, expected);
    const cache = this.virtualRowsCache;
    if (cache?.shown === shown && cache.rows.length === count) return cache.rows;
    const rows = count > shown.length ? [...shown, ...new Array<undefined>(count - shown.length)] : shown;
    this.virtualRowsCache = { shown, rows };
    return rows;
  }

  /** A member's row, or a skeleton row where a member is still to load. */
  private readonly renderVirtualRow = (member: GroupMember | undefined, index: number): TemplateResult =>
    member ? this.renderRow(member, index) : renderPlaceholderRow();

  /**
   * Under the list: the next page's error, or its skeleton while it loads (unless the list holds
   * placeholder rows already) and the sentinel that asks for it.
   */
  private renderListEnd(placeholders: boolean, virtualized: boolean): TemplateResult | typeof nothing {
    if (this.nextPageError) return this.renderError(this.nextPageError, this.handleNextPageRetryClick);
    if (this.nextCursor === null) return nothing;
    const skeleton = this.loadingNextPage && !placeholders ? this.renderSkeleton(SKELETON_ROWS_MORE) : nothing;
    // A virtualized list asks for the next page from its rendered range instead.
    const sentinel = virtualized ? nothing : this.virtualList.renderSentinel();
    return html`${skeleton}${sentinel}`;
  }

  /** The group has no members, or none matches the search and filter (then offer to show all). */
  private renderEmpty(): TemplateResult {
    const filtered = Boolean(this.query.trim()) || this.filter !== 'all';
    const message = this.localize.t(filtered ? 'groupMembers.noMatch' : 'groupMembers.empty');
    return html`<div class="state" part="state"
      ><p>${message}</p>${filtered ? this.renderShowAllButton() : nothing}</div
    >`;
  }

  private renderShowAllButton(): TemplateResult {
    return html`<button class="cl-button" @click=${this.handleShowAllClick}
      >${this.localize.t('groupMembers.clearSearch')}</button
    >`;
  }

  /** One member. Kept cheap: it runs for every row that scrolls into view. */
  private readonly renderRow = (member: GroupMember, index: number): TemplateResult => {
    const name = displayName(member);
    return html`<div
      class="row"
      part="row"
      role="listitem"
      aria-setsize=${this.rowContext.setSize}
      aria-posinset=${index + 1}
      >${this.renderRowMain(member, name)}${this.renderRemoveButton(member, name)}</div
    >`;
  };

  /** The tappable part of a row: a label around a checkbox in multi-select mode. */
  private renderRowMain(member: GroupMember, name: string): TemplateResult {
    const summary = this.renderMemberSummary(member, name);
    if (!this.selectable) return html`<div class="main">${summary}</div>`;
    return html`<label class="main"
      ><input
        class="check"
        type="checkbox"
        .value=${member.id}
        .checked=${this.selection.has(member.id)}
      />${summary}</label
    >`;
  }

  /** Avatar, name, real name, badges, and when and how the member joined. */
  private renderMemberSummary(member: GroupMember, name: string): TemplateResult {
    const { now } = this.rowContext;
    return html`<span class="avatar" part="avatar" aria-hidden="true"
        >${initial(name)}${this.renderAvatarImage(member)}</span
      ><span class="text"
        ><span class="line"
          ><span class="name" part="name">${name}</span>${this.renderRealName(member)}<span
            class="badge"
            part="badge"
            data-type=${member.type}
            >${this.badgeText(member)}</span
          >${this.renderRole(member)}</span
        ><span class="meta" part="meta"
          >${this.localize.relative(member.joinedAt, now)} · ${this.joinSceneText(member)}</span
        ></span
      >`;
  }

  private renderAvatarImage(member: GroupMember): TemplateResult | typeof nothing {
    const url = safeImageUrl(member.avatarUrl);
    if (!url) return nothing;
    return html`<img src=${url} alt="" loading="lazy" />`;
  }

  /** With a group nickname shown as the name, the real name follows it. */
  private renderRealName(member: GroupMember): TemplateResult | typeof nothing {
    return member.nickname ? html`<span class="real">${member.name}</span>` : nothing;
  }

  /** The owner or admin badge. */
  private renderRole(member: GroupMember): TemplateResult | typeof nothing {
    if (member.role === 'member') return nothing;
    return html`<span class="role" part="role">${this.rowContext.text[`role.${member.role}`]}</span>`;
  }

  /** Staff show their company (`@百联`), or "staff" without one; customers "customer". */
  private badgeText(member: GroupMember): string {
    const { text } = this.rowContext;
    if (member.type === 'customer') return text.customer!;
    return member.companyName ? `@${member.companyName}` : text.staff!;
  }

  /** How the member joined: QR code, link, or invited (by whom, when known). */
  private joinSceneText(member: GroupMember): string {
    if (member.joinScene === 'invited' && member.inviterName) {
      return this.localize.t('groupMembers.scene.invitedBy', member.inviterName);
    }
    return this.rowContext.text[`scene.${member.joinScene}`]!;
  }

  /** Offered to owners and admins (with the capability), for everyone but the owner. */
  private renderRemoveButton(member: GroupMember, name: string): TemplateResult | typeof nothing {
    if (!this.rowContext.canRemove || member.role === 'owner') return nothing;
    return html`<button
      class="cl-button remove"
      part="remove-button"
      .value=${member.id}
      aria-label=${this.localize.t('groupMembers.removeLabel', name)}
      >${this.rowContext.text.remove}</button
    >`;
  }

  /** Placeholder rows of the same height as real ones: nothing moves when data arrives. */
  private renderSkeleton(rowCount: number): TemplateResult {
    return html`<div aria-hidden="true">${Array.from({ length: rowCount }, renderSkeletonRow)}</div>`;
  }

  /** As many skeleton rows as the group will fill, at most a screen's worth. */
  private skeletonRowCount(): number {
    if (!this.group) return SKELETON_ROWS;
    return Math.min(this.group.memberCount, SKELETON_ROWS) || 1;
  }

  private renderMessage(text: string): TemplateResult {
    return html`<div class="state" part="state"><p>${text}</p></div>`;
  }

  private renderError(error: AdapterError, retry: () => unknown): TemplateResult {
    return html`<div class="state error" part="state" role="alert"
      ><p>${this.localize.error(error)}</p>${error.retryable ? this.renderRetryButton(retry) : nothing}</div
    >`;
  }

  private renderRetryButton(retry: () => unknown): TemplateResult {
    return html`<button class="cl-button" @click=${retry}>${this.localize.t('common.retry')}</button>`;
  }

  /** The dialog's question, the reason a removal failed, Cancel and Remove. */
  private renderRemoveDialogContent(): TemplateResult | typeof nothing {
    const { removal, localize } = this;
    if (!removal) return nothing;
    const question = localize.t('groupMembers.removeText', displayName(removal.member));
    const busy = removal.busy;
    return html`<p>${question}</p>${this.renderRemoveProblem(removal)}<div class="actions"
        ><button class="cl-button" ?disabled=${busy} @click=${this.closeRemoveDialog}
          >${localize.t('common.cancel')}</button
        ><button class="cl-button" data-variant="danger" ?disabled=${busy} @click=${this.removeMember}
          >${localize.t('groupMembers.remove')}</button
        ></div
      >`;
  }

  private renderRemoveProblem(removal: Removal): TemplateResult | typeof nothing {
    if (!removal.error) return nothing;
    return html`<p class="problem" role="alert">${this.localize.error(removal.error)}</p>`;
  }
}

/** A member's row by id; a placeholder by its position. */
const rowKey = (member: GroupMember | undefined, index: number) => member?.id ?? index;

/** The owner, then the others in the order given. */
const ownerFirst = (members: GroupMember[]) => [
  ...members.filter((member) => member.role === 'owner'),
  ...members.filter((member) => member.role !== 'owner'),
];

/** The group nickname when set, else the real name. */
const displayName = (member: GroupMember) => member.nickname || member.name;

/** The first character (a whole code point) of a name, upper-cased, for the avatar fallback. */
const initial = (name: string) => [...name][0]!.toUpperCase();

/** The page size asked for: a whole number from 1 to `MAX_PAGE_SIZE`. */
const pageLimit = (pageSize: number) => Math.min(Math.max(1, pageSize | 0), MAX_PAGE_SIZE);

/**
 * The loaded members with a next page appended. A removal between pages may shift an offset
 * cursor: never show a member twice.
 */
function appendNew(loaded: GroupMember[], page: GroupMember[]): GroupMember[] {
  const seen = new Set(loaded.map((member) => member.id));
  return loaded.concat(page.filter((member) => !seen.has(member.id)));
}

/** The row of a member still to load: a skeleton row, hidden from screen readers. */
const renderPlaceholderRow = () =>
  html`<div class="row" aria-hidden="true"
    ><span class="avatar cl-skeleton"></span
    ><span class="text"><span class="bar cl-skeleton"></span><span class="bar cl-skeleton"></span></span
  ></div>`;

const renderSkeletonRow = () =>
  html`<div class="row"
    ><span class="avatar cl-skeleton"></span
    ><span class="text"><span class="bar cl-skeleton"></span><span class="bar cl-skeleton"></span></span
  ></div>`;

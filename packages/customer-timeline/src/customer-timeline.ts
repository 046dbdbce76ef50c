import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { LIMITS, isInvisible } from '@clienteling/core/trade.js';
import { DEFAULT_TIME_ZONE } from '@clienteling/core/default-time-zone.js';
import { createRequestId } from '@clienteling/core/request-id.js';
import { toAdapterError, type AdapterError } from '@clienteling/core/errors.js';
import type { ClientelingAdapter, CustomerActivity, TagGroup } from '@clienteling/core';
import { draftStore } from '@clienteling/core/drafts.js';
import { VirtualListController } from '@clienteling/core/virtual-list.js';
import {
  ClientelingElement,
  FeedbackController,
  LocalizeController,
  baseStyles,
  emit,
} from '@clienteling/core/elements.js';
import { styles } from './customer-timeline.styles.js';
import { customerTimelineMessages } from './customer-timeline.messages.js';
import {
  DEFAULT_DAY_HEIGHT,
  DEFAULT_ENTRY_HEIGHT,
  TIMELINE_FILTERS,
  TIMELINE_FILTER_NAMES,
  appendNew,
  dayBefore,
  dayKey,
  timelineRows,
  type TimelineFilter,
  type TimelineRow,
} from './timeline-days.js';
import { describeActivity, fullDetail, type WordingContext } from './timeline-wording.js';

/** Detail of `cl-note-add`: the note as the adapter saved it. */
export interface NoteAddDetail {
  activity: CustomerActivity;
}

/** Detail of `cl-activity-select`: the entry the associate tapped. */
export interface ActivitySelectDetail {
  activity: CustomerActivity;
}

/** A note draft as it is kept in IndexedDB: the text and the request id of its save. */
export interface NoteDraft {
  text: string;
  /** Created with the draft, kept across retries and reloads: a retried save never writes twice. */
  requestId: string;
}

/** Timelines with more rows than this are virtualized (and the virtualizer is loaded then). */
export const VIRTUALIZE_AFTER = 24;

/**
 * Wait after the last keystroke before the note draft is saved, in ms: none, every keystroke is saved
 * at once (the draft store of `@clienteling/core/drafts.js` coalesces writes that come faster than it
 * completes them), so that a reload right after typing keeps the note.
 * @deprecated Always 0 (it was 300, and a reload within those 300 ms lost what was typed); to be
 * removed in the next major version. Code that waited this long before reading the draft can stop
 * waiting: a read of the draft store waits for the writes of its key.
 */
export const DRAFT_SAVE_DELAY_MS = 0;

/**
 * Events of the other elements after which the timeline of the same customer loads again by
 * itself: each of them wrote an activity. The customer is read from the detail when it says.
 */
export const REFRESH_EVENTS = [
  'cl-tags-change',
  'cl-coupon-issued',
  'cl-moment-published',
  'cl-customer-change',
  'cl-note-add',
] as const;

/** Skeleton entries shown while the first page loads, and under the list while the next one loads. */
const SKELETON_ROWS = 6;
const SKELETON_ROWS_MORE = 2;

/** Staff names asked of each adapter, shared by every timeline on the page. */
const staffNamesByAdapter = new WeakMap<ClientelingAdapter, Map<string, Promise<string | undefined>>>();

/** The ids of the staff an activity names. */
function staffIdsOf(activity: CustomerActivity): string[] {
  const ids = activity.staffId ? [activity.staffId] : [];
  if (activity.kind === 'purchase' && activity.attributedStaffId) ids.push(activity.attributedStaffId);
  if (activity.kind === 'transferred') ids.push(activity.fromStaffId, activity.toStaffId);
  return ids;
}

/** The customer an event of another element is about, when its detail says. */
function customerOfEvent(event: Event): string | undefined {
  const detail = (event as CustomEvent<Record<string, unknown> | undefined>).detail;
  if (!detail || typeof detail !== 'object') return undefined;
  const customerId = (value: unknown) =>
    typeof value === 'object' && value ? (value as { customerId?: unknown; id?: unknown }) : undefined;
  const found =
    detail.customerId ??
    customerId(detail.coupon)?.customerId ??
    customerId(detail.activity)?.customerId ??
    customerId(detail.customer)?.id;
  return typeof found === 'string' ? found : undefined;
}

/** What every row of a render pass shares, worked out once: rows render again on every scroll. */
interface RowContext {
  now: number;
  today: string;
  yesterday: string;
  setSize: number;
  words: WordingContext;
}

/**
 * Everything that happened with one customer, newest first and grouped by day: added as a contact,
 * profile edits, tags, coupons sent and used, moments that reached them, groups joined and left,
 * purchases, transfers, and the associates' follow-up notes. Pages load by keyset cursor as the
 * associate scrolls; long timelines are virtualized, so thousands of entries stay smooth on a phone.
 *
 * A note is written at the top: a counter and the 1,000-character limit, Ctrl+Enter (⌘+Enter) or
 * the button saves it. The draft (its text and the request id of its save) is kept in IndexedDB
 * per customer, restored after a reload and cleared only once the note is saved; a retried save
 * reuses the request id, so the note is never written twice. The note shows at the top at once,
 * marked as being saved, and is taken back (the text kept) when the save fails.
 *
 * The timeline loads again by itself after `cl-tags-change`, `cl-coupon-issued`,
 * `cl-moment-published`, `cl-customer-change` and another timeline's `cl-note-add` for the same
 * customer anywhere on the page; `refresh()` does it on demand. Tapping an entry emits
 * `cl-activity-select`; unless a listener calls `preventDefault()`, the entry's details open in a
 * dialog (the whole note or moment text, the exact time).
 *
 * Days are counted in the store's time zone (the adapter's `policy.timeZone`). Day headers and
 * entries each have one fixed height (`--cl-customer-timeline-day-height`,
 * `--cl-customer-timeline-entry-height`); an entry's particulars take at most two lines.
 *
 * @summary A customer's history, grouped by day, with follow-up notes.
 *
 * @csspart note-form - The note form at the top.
 * @csspart note-input - The note's text area.
 * @csspart note-count - The character counter.
 * @csspart note-save - The save button.
 * @csspart note-error - Why the last save failed.
 * @csspart toolbar - The bar with the kind filter.
 * @csspart filter - The kind filter (a select).
 * @csspart list - The list of days and entries.
 * @csspart day - A day header (今天, 昨天, a date).
 * @csspart entry - An entry (a button that opens its details).
 * @csspart headline - Who did what.
 * @csspart detail - The particulars (tag names, coupon, note text…), at most two lines.
 * @csspart time - When, relative ("3 分钟前", "yesterday 14:20").
 * @csspart state - The empty, error and no-customer messages.
 * @csspart dialog - The details of an entry.
 * @csspart feedback - The brief status after a note was saved.
 * @csspart offline - The notice shown while the browser is offline.
 *
 * @cssproperty --cl-customer-timeline-entry-height - Height of every entry (fixed, for smooth
 *   scrolling). Default 88px.
 * @cssproperty --cl-customer-timeline-day-height - Height of every day header. Default 40px.
 * @cssproperty --cl-customer-timeline-background - Background of the element. Default `--cl-color-surface`.
 * @cssproperty --cl-customer-timeline-line-color - The line that joins the entries. Default `--cl-color-border`.
 * @cssproperty --cl-customer-timeline-dot-color - The dot of an entry. Default `--cl-color-primary`;
 *   notes and purchases have their own colours.
 * @cssproperty --cl-customer-timeline-day-background - Background of the day headers.
 *   Default `--cl-color-surface-muted`.
 * @cssproperty --cl-customer-timeline-sticky-top - Offset of the sticky filter bar. Default 0.
 *
 * @event {CustomEvent<NoteAddDetail>} cl-note-add - A note was saved (the activity as the adapter
 *   returned it).
 * @event {CustomEvent<ActivitySelectDetail>} cl-activity-select - The associate tapped an entry;
 *   cancelable: `preventDefault()` keeps the element's details dialog closed.
 */
export class CustomerTimeline extends ClientelingElement {
  static override styles = [baseStyles, styles];

  /* ------------------------------------------------------------------ public properties */

  /** The customer whose timeline is shown; without it, the host page's current customer. */
  @property({ attribute: 'customer-id' }) customerId = '';

  /** Which kinds of entry to show: `all`, `notes`, `tags`, `coupons`, `moments`, `groups`, `purchases`,
   * `profile`, `added` or `transferred`. Changing it loads from the first page. */
  @property() filter: TimelineFilter = 'all';

  /** Entries fetched per request (1 to 500). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /** The time "今天", "昨天" and "3 分钟前" are counted from; the current time when unset. */
  @property({ attribute: false }) now?: Date;

  /** IndexedDB key of the note draft (attribute `draft-key`); defaults to `note:<customerId>`. */
  @property({ attribute: 'draft-key' }) draftKey?: string;

  /** Reloads the first page (e.g. after a change another element made); the shown entries stay until it arrives. */
  refresh(): void {
    this.loadSupport();
    void this.loadFirstPage();
  }

  /* ------------------------------------------------------------------ private state */

  private readonly localize = new LocalizeController(this, customerTimelineMessages);
  private readonly feedback = new FeedbackController(this);
  private readonly drafts = draftStore();
  /** Long timelines are virtualized; day headers and entries each have one fixed height. */
  private readonly virtualList = new VirtualListController<TimelineRow>(this, {
    virtualizeAfter: VIRTUALIZE_AFTER,
    rowKinds: {
      entry: { selector: '.entry', height: DEFAULT_ENTRY_HEIGHT },
      day: { selector: '.day', height: DEFAULT_DAY_HEIGHT },
    },
    kindOf: (row) => row.type,
    keyFunction: rowKey,
    loadedRows: () => this.rows.length,
    loadMore: () => void this.loadNextPage(),
  });

  /** The activities loaded so far, page after page, newest first. */
  @state() private activities: CustomerActivity[] = [];
  /** The note being saved, shown at the top until the adapter answers. */
  @state() private pendingNote?: CustomerActivity;
  @state() private nextCursor: string | null = null;
  @state() private firstPageLoaded = false;
  @state() private loadingNextPage = false;
  @state() private firstPageError?: AdapterError;
  @state() private nextPageError?: AdapterError;
  /** The note being written (the draft's text). */
  @state() private noteText = '';
  @state() private noteSaving = false;
  @state() private noteError?: AdapterError;
  /** The entry whose details the dialog shows. */
  @state() private selected?: CustomerActivity;
  /** Names of the staff the entries mention, as they arrive. */
  @state() private staffNames = new Map<string, string>();
  @state() private tagNames = new Map<string, string>();
  @state() private currentStaffId?: string;
  @state() private timeZone: string = DEFAULT_TIME_ZONE;

  @query('textarea') private noteInput?: HTMLTextAreaElement | null;
  @query('dialog') private detailsDialog?: HTMLDialogElement | null;

  /** The request id of the draft's save; created with the draft, dropped once the note is saved. */
  private noteRequestId?: string;
  /** The draft key the text was restored from (or saved to). */
  private loadedDraftKey?: string;
  /** Increases with every first-page request: answers to older requests are dropped. */
  private pageRequest = 0;
  private rowContext!: RowContext;
  private rowsCache?: { activities: CustomerActivity[]; pending?: CustomerActivity; zone: string; rows: TimelineRow[] };
  private timeFormats = new Map<string, Intl.DateTimeFormat>();

  /* ------------------------------------------------------------------ lifecycle */

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of REFRESH_EVENTS) document.addEventListener(type, this.handleOtherElementChange);
    addEventListener('pagehide', this.saveDraftNow);
    document.addEventListener('visibilitychange', this.saveDraftNow);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of REFRESH_EVENTS) document.removeEventListener(type, this.handleOtherElementChange);
    removeEventListener('pagehide', this.saveDraftNow);
    document.removeEventListener('visibilitychange', this.saveDraftNow);
    void this.saveDraftNow();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.shouldLoad('customer', changed)) {
      this.reload();
    } else if (changed.has('filter') || changed.has('pageSize')) {
      this.startOver();
    }
  }

  /* ------------------------------------------------------------------ loading */

  /** Loads everything afresh for the customer: names, tags, the time zone, the first page and the draft. */
  private reload(): void {
    this.startOver();
    this.loadSupport();
    void this.loadDraft();
  }

  /** Drops the entries shown and loads the first page (another customer, filter or page size). */
  private startOver(): void {
    this.activities = [];
    this.pendingNote = undefined;
    this.firstPageLoaded = false;
    this.nextCursor = null;
    void this.loadFirstPage();
  }

  /** The signed-in associate (shown as "我"), the store's time zone and the tag names. */
  private loadSupport(): void {
    const { api } = this;
    if (!api || !this.customerId) return;
    api.getCurrentStaff({}).then(
      (staff) => (this.currentStaffId = staff.id),
      () => {},
    );
    api.getPolicy({}).then(
      (policy) => (this.timeZone = policy.timeZone),
      () => {},
    );
    api.listTagGroups({}).then(
      (groups) => (this.tagNames = tagNamesOf(groups)),
      () => {},
    );
  }

  private loadFirstPage(): Promise<void> {
    return this.loadPage(false);
  }

  /** Loads the next page by cursor, unless one is loading, the last one failed (awaiting retry) or none is left. */
  private loadNextPage(): Promise<void> {
    if (this.nextCursor === null || this.loadingNextPage || this.nextPageError || !this.firstPageLoaded) {
      return Promise.resolve();
    }
    return this.loadPage(true);
  }

  private async loadPage(nextPage: boolean): Promise<void> {
    const { api, customerId, nextCursor } = this;
    if (!api || !customerId) return;
    const request = nextPage ? this.pageRequest : ++this.pageRequest;
    if (nextPage) {
      this.loadingNextPage = true;
    } else {
      // A next page still on its way belongs to the old list: its answer is dropped.
      this.loadingNextPage = false;
      this.firstPageError = this.nextPageError = undefined;
    }
    try {
      const kinds = TIMELINE_FILTERS[this.filter];
      const page = await api.listCustomerActivity({
        customerId,
        ...(kinds ? { kinds: [...kinds] } : {}),
        cursor: nextPage ? nextCursor : null,
        limit: Math.min(Math.max(1, this.pageSize | 0), LIMITS.pageSizeMax),
      });
      const activities = nextPage ? appendNew(this.activities, page.items) : page.items;
      if (this.virtualList.mustLoad(activities.length)) await this.virtualList.load();
      if (request !== this.pageRequest) return;
      this.activities = activities;
      this.nextCursor = page.nextCursor;
      this.firstPageLoaded = true;
      this.loadStaffNames(api, page.items);
    } catch (error) {
      if (request !== this.pageRequest) return;
      if (nextPage) this.nextPageError = toAdapterError(error);
      else this.firstPageError = toAdapterError(error);
    } finally {
      if (nextPage && request === this.pageRequest) this.loadingNextPage = false;
    }
  }

  /**
   * Asks once per adapter for the name of each staff member the entries mention; the names of a
   * page arrive together (one render, not one per name).
   */
  private loadStaffNames(api: ClientelingAdapter, activities: CustomerActivity[]): void {
    let names = staffNamesByAdapter.get(api);
    if (!names) staffNamesByAdapter.set(api, (names = new Map()));
    const unknown = [...new Set(activities.flatMap(staffIdsOf))].filter((staffId) => !this.staffNames.has(staffId));
    if (!unknown.length) return;
    const asked = unknown.map((staffId) => {
      let name = names.get(staffId);
      if (!name) {
        name = api.getStaff({ staffId }).then(
          (staff) => staff.name,
          () => undefined,
        );
        names.set(staffId, name);
      }
      return name.then((found) => [staffId, found] as const);
    });
    void Promise.all(asked).then((found) => {
      const known = new Map(this.staffNames);
      for (const [staffId, name] of found) if (name) known.set(staffId, name);
      if (known.size !== this.staffNames.size) this.staffNames = known;
    });
  }

  /** The rows shown: the note being saved, then the loaded entries, with day headers. */
  private get rows(): TimelineRow[] {
    const { activities, pendingNote, timeZone } = this;
    const cache = this.rowsCache;
    if (cache?.activities === activities && cache.pending === pendingNote && cache.zone === timeZone) return cache.rows;
    const pending = pendingNote && this.showsKind('note') ? [pendingNote] : [];
    const rows = timelineRows(pending, activities, timeZone);
    this.rowsCache = { activities, pending: pendingNote, zone: timeZone, rows };
    return rows;
  }

  /* ------------------------------------------------------------------ the note and its draft */

  private get noteDraftKey(): string {
    return this.draftKey || `note:${this.customerId}`;
  }

  /** Restores the customer's note draft (unless the associate started typing meanwhile). */
  private async loadDraft(): Promise<void> {
    const key = this.noteDraftKey;
    if (!this.customerId || key === this.loadedDraftKey) return;
    // The previous customer's draft is saved first (what it holds is read at once).
    void this.saveDraftNow();
    this.loadedDraftKey = key;
    this.noteText = '';
    this.noteRequestId = undefined;
    this.noteError = undefined;
    const saved = await this.drafts.get<NoteDraft>(key).catch(() => undefined);
    if (key !== this.noteDraftKey || this.noteText || !saved) return;
    this.noteText = saved.text;
    this.noteRequestId = saved.requestId;
  }

  /**
   * Saves the draft now (on every keystroke, the store coalescing writes that come faster than it
   * completes them; also on `pagehide`, `visibilitychange` and disconnection); an empty one is deleted.
   */
  private readonly saveDraftNow = async (): Promise<void> => {
    const key = this.loadedDraftKey;
    if (!key) return;
    if (!this.noteText.trim()) {
      if (!this.noteSaving) await this.drafts.delete(key).catch(() => undefined);
      return;
    }
    const draft: NoteDraft = { text: this.noteText, requestId: (this.noteRequestId ??= createRequestId()) };
    await this.drafts.set(key, draft).catch(() => undefined);
  };

  /** Why the note cannot be saved as it is, if it cannot. */
  private get noteProblem(): 'empty' | 'too-long' | undefined {
    const text = this.noteText;
    if (!text.trim() || isInvisible(text)) return 'empty';
    return [...text].length > LIMITS.noteMaxLength ? 'too-long' : undefined;
  }

  /**
   * Saves the note once: a call while one is pending is ignored, and a retry after a failure reuses
   * the draft's request id. The note shows at the top at once and is taken back if the save fails.
   */
  private async saveNote(): Promise<void> {
    const { api, customerId } = this;
    if (!api || !customerId || this.noteSaving || this.noteProblem) return;
    const text = this.noteText;
    const key = this.noteDraftKey;
    this.noteRequestId ??= createRequestId();
    const requestId = this.noteRequestId;
    this.noteSaving = true;
    this.noteError = undefined;
    await this.saveDraftNow();
    this.pendingNote = {
      id: `pending:${requestId}`,
      customerId,
      kind: 'note',
      at: (this.now ?? new Date()).toISOString(),
      text,
      ...(this.currentStaffId ? { staffId: this.currentStaffId } : {}),
    };
    try {
      const saved = await api.addCustomerNote({ requestId, customerId, text });
      if (customerId !== this.customerId) return;
      this.pendingNote = undefined;
      if (this.showsKind('note')) this.activities = [saved, ...this.activities.filter(({ id }) => id !== saved.id)];
      this.noteRequestId = undefined;
      if (this.noteText === text) this.noteText = '';
      await this.drafts.delete(key).catch(() => undefined);
      if (this.noteText) await this.saveDraftNow();
      this.feedback.show(this.localize.t('timeline.note.saved'));
      emit(this, 'cl-note-add', { activity: saved });
    } catch (error) {
      this.pendingNote = undefined;
      this.noteError = toAdapterError(error);
    } finally {
      this.noteSaving = false;
    }
  }

  private showsKind(kind: CustomerActivity['kind']): boolean {
    const kinds: readonly string[] | undefined = TIMELINE_FILTERS[this.filter];
    return !kinds || kinds.includes(kind);
  }

  /* ------------------------------------------------------------------ handlers */

  private handleNoteInput(e: InputEvent): void {
    this.noteText = (e.target as HTMLTextAreaElement).value;
    void this.saveDraftNow();
  }

  /** Ctrl+Enter or ⌘+Enter saves the note. */
  private handleNoteKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void this.saveNote();
    }
  }

  private handleNoteSubmit(e: SubmitEvent): void {
    e.preventDefault();
    void this.saveNote();
  }

  private handleFilterChange(e: Event): void {
    this.filter = (e.target as HTMLSelectElement).value as TimelineFilter;
  }

  private handleShowAllClick(): void {
    this.filter = 'all';
  }

  private handleWriteFirstClick(): void {
    this.noteInput?.focus();
  }

  /** Another element changed a customer: when it is this one (or the event does not say), reload. */
  private readonly handleOtherElementChange = (event: Event): void => {
    if (event.target === this) return;
    const customerId = customerOfEvent(event);
    if (!customerId || customerId === this.customerId) this.refresh();
  };

  /** Delegated from the list: an entry was tapped. */
  private handleListClick(e: Event): void {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button.entry-main');
    const activity = button && this.rows.find((row) => row.key === button.value);
    if (!activity || activity.type !== 'entry' || activity.pending) return;
    if (!emit(this, 'cl-activity-select', { activity: activity.activity }, { cancelable: true })) return;
    void this.openDetails(activity.activity);
  }

  private async openDetails(activity: CustomerActivity): Promise<void> {
    this.selected = activity;
    await this.updateComplete;
    if (this.detailsDialog && !this.detailsDialog.open) this.detailsDialog.showModal();
  }

  private handleDetailsClose(): void {
    this.detailsDialog?.close();
    this.selected = undefined;
  }

  private handleFirstPageRetryClick(): void {
    void this.loadFirstPage();
  }

  private handleNextPageRetryClick(): void {
    this.nextPageError = undefined;
    void this.loadNextPage();
  }

  /* ------------------------------------------------------------------ render */

  // Templates keep no whitespace between tags in rows: rows are cloned for every entry in view.

  protected override render(): TemplateResult {
    const { api, localize } = this;
    if (!api) return this.renderMessage(localize.t('common.noAdapter'));
    if (!this.customerId) return this.renderMessage(localize.t('timeline.noCustomer'));
    this.rowContext = this.computeRowContext();
    return html`<section class="timeline" aria-label=${localize.t('timeline.label')}
        >${this.renderOfflineNotice()}${this.renderNoteForm(api)}${this.renderToolbar()}${this.renderList()}</section
      >${this.renderDetailsDialog()}${this.feedback.render()}`;
  }

  private computeRowContext(): RowContext {
    const now = this.now?.getTime() ?? Date.now();
    const today = dayKey(now, this.timeZone);
    return {
      now,
      today,
      yesterday: dayBefore(today),
      setSize: this.nextCursor === null ? this.rows.length : -1,
      words: {
        localize: this.localize,
        staffName: this.staffName,
        isSelf: (staffId) => Boolean(staffId) && staffId === this.currentStaffId,
        tagName: (tagId) => this.tagNames.get(tagId) ?? this.localize.t('timeline.tags.unknown'),
      },
    };
  }

  private readonly staffName = (staffId: string | undefined): string => {
    if (!staffId) return this.localize.t('timeline.customer');
    if (staffId === this.currentStaffId) return this.localize.t('timeline.you');
    return this.staffNames.get(staffId) ?? this.localize.t('timeline.colleague');
  };

  private renderNoteForm(api: ClientelingAdapter): TemplateResult | typeof nothing {
    if (!api.capabilities.addCustomerNote) return nothing;
    const { localize, noteText } = this;
    const length = [...noteText].length;
    const max = LIMITS.noteMaxLength;
    const tooLong = length > max;
    return html`<form class="note" part="note-form" @submit=${this.handleNoteSubmit}
      ><label class="note-label" for="note">${localize.t('timeline.note.label')}</label
      ><textarea
        id="note"
        part="note-input"
        rows="3"
        .value=${live(noteText)}
        placeholder=${localize.t('timeline.note.placeholder')}
        aria-invalid=${tooLong ? 'true' : 'false'}
        aria-describedby="note-count note-keys note-problem"
        @input=${this.handleNoteInput}
        @keydown=${this.handleNoteKeydown}
      ></textarea
      ><div class="note-bar"
        ><span id="note-keys" class="note-keys">${localize.t('timeline.note.keys')}</span
        ><span id="note-count" class="note-count" part="note-count" ?data-over=${tooLong}
          ><span aria-hidden="true">${localize.t('common.charCount', length, max)}</span
          ><span class="cl-visually-hidden">${localize.t('common.charCountLabel', length, max)}</span></span
        ><button
          class="cl-button"
          data-variant="primary"
          part="note-save"
          type="submit"
          ?disabled=${this.noteSaving || Boolean(this.noteProblem)}
          >${localize.t(this.noteSaving ? 'timeline.note.saving' : 'timeline.note.save')}</button
        ></div
      >${this.renderNoteProblem(tooLong)}</form
    >`;
  }

  private renderNoteProblem(tooLong: boolean): TemplateResult {
    const { localize, noteError } = this;
    let text = '';
    if (tooLong) text = localize.t('common.tooLong', LIMITS.noteMaxLength);
    else if (noteError) text = localize.t('timeline.note.notSaved', localize.error(noteError));
    return html`<p id="note-problem" class="note-problem" part="note-error" role="alert">${text}</p>`;
  }

  private renderToolbar(): TemplateResult {
    const { localize } = this;
    const options = TIMELINE_FILTER_NAMES.map(
      (name) =>
        html`<option value=${name} .selected=${name === this.filter}>${localize.t(`timeline.filter.${name}`)}</option>`,
    );
    return html`<div class="toolbar" part="toolbar"
      ><label class="choice"
        >${localize.t('timeline.filter')}
        <select part="filter" @change=${this.handleFilterChange}
          >${options}</select
        ></label
      ></div
    >`;
  }

  private renderList(): TemplateResult {
    if (this.firstPageError) return this.renderError(this.firstPageError, this.handleFirstPageRetryClick);
    if (!this.firstPageLoaded) return this.renderSkeleton(SKELETON_ROWS, true);
    const rows = this.rows;
    if (!rows.length) return this.renderEmpty();
    const virtualized = this.virtualList.virtualizes(rows.length);
    return html`<div
        class="list"
        part="list"
        role="list"
        aria-label=${this.localize.t('timeline.list')}
        @click=${this.handleListClick}
        >${virtualized ? this.virtualList.renderRows(rows, this.renderRow) : rows.map(this.renderRow)}</div
      >${this.renderListEnd(virtualized)}`;
  }

  /** Under the list: the next page's error, or its skeleton while it loads and the sentinel that asks for it. */
  private renderListEnd(virtualized: boolean): TemplateResult | typeof nothing {
    if (this.nextPageError) return this.renderError(this.nextPageError, this.handleNextPageRetryClick);
    if (this.nextCursor === null) return nothing;
    const skeleton = this.loadingNextPage ? this.renderSkeleton(SKELETON_ROWS_MORE, false) : nothing;
    const sentinel = virtualized ? nothing : this.virtualList.renderSentinel();
    return html`${skeleton}${sentinel}`;
  }

  /** Nothing yet: invite the first note; nothing of the chosen kind: offer to show everything. */
  private renderEmpty(): TemplateResult {
    const { localize } = this;
    if (this.filter !== 'all') {
      return html`<div class="state" part="state"
        ><p>${localize.t('timeline.noMatch')}</p
        ><button class="cl-button" @click=${this.handleShowAllClick}>${localize.t('timeline.showAll')}</button></div
      >`;
    }
    const canWrite = this.api!.capabilities.addCustomerNote;
    return html`<div class="state" part="state"
      ><p>${localize.t('timeline.empty')}</p>${canWrite ? this.renderWriteFirst() : nothing}</div
    >`;
  }

  private renderWriteFirst(): TemplateResult {
    return html`<p>${this.localize.t('timeline.emptyAddNote')}</p
      ><button class="cl-button" data-variant="primary" @click=${this.handleWriteFirstClick}
        >${this.localize.t('timeline.writeFirst')}</button
      >`;
  }

  /** One row: a day header or an entry. Kept cheap: it runs for every row that scrolls into view. */
  private readonly renderRow = (row: TimelineRow, index: number): TemplateResult => {
    const { setSize } = this.rowContext;
    if (row.type === 'day') {
      return html`<div class="day" role="listitem" aria-setsize=${setSize} aria-posinset=${index + 1}
        ><h3 part="day">${this.dayLabel(row.day)}</h3></div
      >`;
    }
    const { activity } = row;
    const words = describeActivity(this.rowContext.words, activity);
    const time = row.pending ? this.localize.t('timeline.pending') : this.entryTime(activity.at);
    return html`<div
      class="entry"
      role="listitem"
      data-kind=${activity.kind}
      ?data-pending=${row.pending}
      aria-setsize=${setSize}
      aria-posinset=${index + 1}
      ><span class="dot" aria-hidden="true"></span
      ><button class="entry-main" part="entry" .value=${row.key} ?disabled=${row.pending}
        ><span class="headline" part="headline">${words.headline}</span
        ><span class="detail" part="detail">${words.detail}</span
        ><time class="time" part="time" datetime=${activity.at}>${time}</time></button
      ></div
    >`;
  };

  /** 今天, 昨天, or the date (with the weekday; with the year when it is not this year's). */
  private dayLabel(day: string): string {
    const { today, yesterday } = this.rowContext;
    if (day === today) return this.localize.t('timeline.today');
    if (day === yesterday) return this.localize.t('timeline.yesterday');
    const sameYear = day.slice(0, 4) === today.slice(0, 4);
    const format = this.formatFor(sameYear ? 'day' : 'dayYear', {
      ...(sameYear ? {} : { year: 'numeric' }),
      month: 'long',
      day: 'numeric',
      weekday: 'short',
      timeZone: 'UTC',
    });
    return format.format(Date.parse(`${day}T12:00:00Z`));
  }

  /** "刚刚", "3 分钟前", "今天 14:20", "昨天 14:20", else the date and time. */
  private entryTime(at: string): string {
    const { now, today, yesterday } = this.rowContext;
    const time = Date.parse(at);
    const minutes = Math.floor((now - time) / 60_000);
    if (minutes < 1 && minutes > -5) return this.localize.t('timeline.justNow');
    if (minutes >= 1 && minutes < 60) return this.localize.t('timeline.minutesAgo', minutes);
    const day = dayKey(time, this.timeZone);
    const clock = this.formatFor('time', {
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
      timeZone: this.timeZone,
    });
    if (day === today) return this.localize.t('timeline.todayAt', clock.format(time));
    if (day === yesterday) return this.localize.t('timeline.yesterdayAt', clock.format(time));
    return this.localize.date(at, true, this.timeZone);
  }

  /** A date format of the current locale and time zone, made once. */
  private formatFor(name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    const key = `${name}|${this.localize.locale}|${this.timeZone}`;
    let format = this.timeFormats.get(key);
    if (!format) this.timeFormats.set(key, (format = new Intl.DateTimeFormat(this.localize.locale, options)));
    return format;
  }

  /** Placeholder entries of the same height as real ones: nothing moves when data arrives. */
  private renderSkeleton(rowCount: number, withStatus: boolean): TemplateResult {
    const status = withStatus
      ? html`<p class="cl-visually-hidden" role="status">${this.localize.t('common.loading')}</p>`
      : nothing;
    return html`${status}<div class="skeleton" aria-hidden="true"
        >${Array.from({ length: rowCount }, renderSkeletonRow)}</div
      >`;
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

  /** The details of the tapped entry: who did what, the whole text, the exact time. */
  private renderDetailsDialog(): TemplateResult {
    const { selected, localize } = this;
    const content = selected ? this.renderDetails(selected) : nothing;
    return html`<dialog part="dialog" aria-labelledby="details-title" @close=${this.handleDetailsClose}
      >${content}<div class="actions"
        ><button class="cl-button" @click=${this.handleDetailsClose}>${localize.t('common.close')}</button></div
      ></dialog
    >`;
  }

  private renderDetails(activity: CustomerActivity): TemplateResult {
    const words = describeActivity(this.rowContext.words, activity);
    const detail = fullDetail(this.rowContext.words, activity);
    return html`<h3 id="details-title">${words.headline}</h3
      >${detail ? html`<p class="full-detail">${detail}</p>` : nothing}<p class="when"
        ><time datetime=${activity.at}>${this.localize.date(activity.at, true, this.timeZone)}</time></p
      >`;
  }
}

const rowKey = (row: TimelineRow) => row.key;

/** Tag names by id, from the tag groups (deleted ones too: old entries name them). */
function tagNamesOf(groups: TagGroup[]): Map<string, string> {
  return new Map(groups.flatMap((group) => group.tags.map((tag) => [tag.id, tag.name] as const)));
}

const renderSkeletonRow = () =>
  html`<div class="entry"
    ><span class="dot"></span
    ><span class="entry-main"
      ><span class="bar cl-skeleton"></span><span class="bar cl-skeleton"></span
      ><span class="bar cl-skeleton"></span></span
  ></div>`;

import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import {
  LIMITS,
  isTransferManager,
  transferBatchCount,
  type ClientelingAdapter,
  type Customer,
  type Group,
  type OperationInput,
  type StaffProfile,
  type StaffSummary,
  type Tag,
  type TagGroup,
  type Transfer,
  type TransferCustomersInput,
  type TransferMode,
  type TransferPreview,
} from '@clienteling/core/trade.js';
import { createRequestId } from '@clienteling/core/request-id.js';
import { toAdapterError, type AdapterError } from '@clienteling/core/errors.js';
import {
  ClientelingElement,
  FeedbackController,
  LocalizeController,
  OnDemand,
  baseStyles,
  sheetStyles,
  emit,
  renderCounter,
} from '@clienteling/core/elements.js';
import type { TagToggleDetail } from '@clienteling/tag-editor';
import { styles } from './customer-transfer.styles.js';
import { customerTransferMessages } from './customer-transfer.messages.js';
import type { HandoverContext } from './handover.js';

/** Detail of `cl-transfer-submit`: the request about to be sent (cancel the event to stop it). */
export interface TransferSubmitDetail {
  input: TransferCustomersInput;
}

/** Detail of `cl-transfer-complete`: the transfer the adapter made, with each customer's status. */
export interface TransferCompleteDetail {
  transfer: Transfer;
}

/** How long typing must pause before a search is sent, in ms. */
export const SEARCH_DEBOUNCE_MS = 200;

/** How often a transfer with customers still waiting is read again, in ms, unless `refresh-interval` says otherwise. */
export const DEFAULT_REFRESH_INTERVAL = 30_000;

/** The customer statuses of a transfer, in the order they are shown. */
export const TRANSFER_STATUSES = [
  'waiting',
  'done',
  'refused',
  'successor-over-cap',
  'too-frequent',
  'not-owned',
  'in-transfer',
] as const;

/** A list read page by page from the adapter. */
interface Paged<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
  loading: boolean;
  error?: AdapterError;
}

const emptyPaged = <T>(): Paged<T> => ({ items: [], nextCursor: null, loading: true });

/**
 * The customers chosen: either some ids, or every customer that matches the search and tag filter
 * (`all`) except those unticked since (`excluded`), across pages not yet loaded.
 */
interface CustomerSelection {
  all: boolean;
  ids: ReadonlySet<string>;
  excluded: ReadonlySet<string>;
}

const NO_CUSTOMERS: CustomerSelection = { all: false, ids: new Set(), excluded: new Set() };

/** A preview and the exact request it was made for: the transfer sends that request. */
interface CheckedSelection {
  preview: TransferPreview;
  input: Omit<TransferCustomersInput, 'requestId' | 'message'>;
}

/** One intended transfer: its request id lives as long as the intent, across retries. */
export interface TransferIntent {
  input: TransferCustomersInput;
  sending: boolean;
  error?: AdapterError;
}

/**
 * A store manager hands a departing associate's customers and groups to a successor, in steps:
 * who is leaving, which customers (search, filter by tag, select all across pages) and groups, who
 * takes over (with the room left under their cap), on-job or resigned, the message to customers,
 * a preview of who can go and why the others cannot, a confirmation, then each customer's status.
 *
 * The platform's limits are shown before anything is sent: at most 100 customers per request
 * (the adapter splits larger transfers into batches), on-job each customer at most twice in 90
 * days, the message at most 200 characters. The transfer is sent `once`, with a request id kept
 * across retries, so a retry after a lost answer never hands over twice. While customers wait for
 * their 24 hours, the transfer and the history are read again every `refresh-interval` ms.
 *
 * An associate who is not a manager sees a read-only notice instead of the form.
 *
 * @summary Hand a departing associate's customers and groups to a successor.
 *
 * @csspart step - One step of the form (a section with a heading).
 * @csspart search - A search box.
 * @csspart staff - A colleague to choose (departing associate or successor).
 * @csspart capacity - The successor's room left under their cap.
 * @csspart customers - The list of the departing associate's customers.
 * @csspart customer - One customer row with its checkbox.
 * @csspart select-all - The "select all" checkbox across pages.
 * @csspart limits - The per-request and 90-day limits, with the selected count.
 * @csspart groups - The list of the departing associate's groups.
 * @csspart message - The message to customers (on-job).
 * @csspart counter - The message's character counter.
 * @csspart preview - The preview: who can go and why the others cannot (a live region).
 * @csspart submit-button - The button that opens the confirmation.
 * @csspart dialog - The confirmation dialog (a bottom sheet on phones).
 * @csspart progress - A transfer's status counts.
 * @csspart history - The list of earlier transfers.
 * @csspart read-only - The notice shown to an associate who is not a manager.
 * @csspart state - Loading, empty, error and no-adapter messages.
 * @csspart error - An error message.
 * @csspart offline - The notice shown while the browser is offline.
 * @csspart feedback - The brief status after a transfer.
 *
 * @cssproperty --cl-customer-transfer-background - Background of the element. Defaults to `--cl-color-surface`.
 * @cssproperty --cl-customer-transfer-step-border - Line between steps. Defaults to `--cl-color-border`.
 * @cssproperty --cl-customer-transfer-accent - Colour of the selected rows and counts.
 *   Defaults to `--cl-color-primary`.
 * @cssproperty --cl-customer-transfer-radius - Corner radius of rows and of the dialog. Defaults to `--cl-radius`.
 * @cssproperty --cl-customer-transfer-backdrop - The backdrop behind the dialog.
 * @cssproperty --cl-customer-transfer-list-height - Height of the scrolling customer list. Default 360px.
 *
 * @event {CustomEvent<TransferSubmitDetail>} cl-transfer-submit - The manager confirmed a transfer; cancelable
 *   (the transfer is not sent then). Sent once per intended transfer, not on retries.
 * @event {CustomEvent<TransferCompleteDetail>} cl-transfer-complete - The adapter made the transfer; detail
 *   `{ transfer }` with each customer's status.
 */
export class CustomerTransfer extends ClientelingElement {
  static override styles = [baseStyles, sheetStyles, styles];

  /* ------------------------------------------------------------------ public properties */

  /** The departing associate, chosen beforehand (e.g. from a staff page); the manager may change it. */
  @property({ attribute: 'from-staff-id' }) fromStaffId = '';

  /** Customers (and staff) fetched per request. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /** How often a transfer with waiting customers is read again, in ms; 0 never. */
  @property({ type: Number, attribute: 'refresh-interval' }) refreshInterval = DEFAULT_REFRESH_INTERVAL;

  /** Reloads the staff, the customers and the history (e.g. after a change elsewhere). */
  refresh(): void {
    this.loadAll();
  }

  /* ------------------------------------------------------------------ private state */

  private readonly localize = new LocalizeController(this, customerTransferMessages);
  private readonly feedback = new FeedbackController(this);
  /**
   * What shows once a preview is asked for (`handover.ts`): its answer, Hand over, the confirmation,
   * the status. Its strings come with it, read through a controller of its own on the element, made
   * as they arrive, so that an English element renders the part once its English strings are there too.
   */
  private readonly handover = new OnDemand(this, () =>
    import('./handover.js').then((part) => ({
      ...part,
      localize: new LocalizeController(this, part.handoverMessages),
    })),
  );
  /** The tag editor's `<cl-tag-picker>` (shared, not written twice), shown when the tag filter is opened. */
  private readonly tagPicker = new OnDemand(this, () => import('@clienteling/tag-editor/tag-picker.js'));

  /** The signed-in staff member: only a manager gets the form. */
  @state() private viewer?: StaffProfile;
  @state() private viewerError?: AdapterError;

  @state() private fromQuery = '';
  @state() private fromStaff: Paged<StaffSummary> = emptyPaged();
  @state() private toQuery = '';
  @state() private toStaff: Paged<StaffSummary> = emptyPaged();
  /** The departing associate and the successor, as last listed. */
  @state() private from?: StaffSummary;
  @state() private to?: StaffSummary;

  @state() private customerQuery = '';
  @state() private tagIds: string[] = [];
  @state() private tagGroups: TagGroup[] = [];
  @state() private customers: Paged<Customer> = emptyPaged();
  @state() private selection: CustomerSelection = NO_CUSTOMERS;
  @state() private groups: Paged<Group> = emptyPaged();
  @state() private groupIds: ReadonlySet<string> = new Set();

  @state() private mode: TransferMode = 'on-job';
  /** The message as the manager wrote it; undefined: the suggested message, which follows the names. */
  @state() private message?: string;

  @state() private checking = false;
  @state() private checked?: CheckedSelection;
  @state() private checkError?: AdapterError;
  /** Why the preview could not be asked for (too many customers to select), in words. */
  @state() private checkProblem = '';

  @state() private intent?: TransferIntent;
  /** The transfer just made, followed until no customer waits. */
  @state() private current?: Transfer;
  @state() private history: Paged<Transfer> = emptyPaged();

  /** Names of staff members the lists do not hold (asked with `getStaff`), by id; '' while asked. */
  @state() private staffNames = new Map<string, string>();

  @query('dialog') private dialog?: HTMLDialogElement;

  /** The adapter changed: load again before the next render. */
  private needsLoad = false;
  /** Counts loads per list, so answers of a superseded load are dropped. */
  private tokens = { viewer: 0, from: 0, to: 0, customers: 0, groups: 0, history: 0, check: 0 };
  private searchTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private refreshTimer?: ReturnType<typeof setTimeout>;

  /* ------------------------------------------------------------------ lifecycle */

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const timer of this.searchTimers.values()) clearTimeout(timer);
    clearTimeout(this.refreshTimer);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.scheduleRefresh();
  }

  protected override apiChanged(_api: ClientelingAdapter | undefined): void {
    this.needsLoad = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.needsLoad) {
      this.needsLoad = false;
      this.loadAll();
    } else if (changed.has('fromStaffId') && this.fromStaffId !== this.from?.staff.id) {
      this.chooseFromById(this.fromStaffId);
    }
  }

  /* ------------------------------------------------------------------ loading */

  /** Who is signed in, then (for a manager) the staff, the tag groups and the history. */
  private loadAll(): void {
    const api = this.api;
    const token = ++this.tokens.viewer;
    this.viewer = this.viewerError = undefined;
    if (!api) return;
    api.getCurrentStaff({}).then(
      (viewer) => {
        if (token !== this.tokens.viewer) return;
        this.viewer = viewer;
        if (!isTransferManager(viewer) || !api.capabilities.transferCustomers) return;
        this.loadStaff('from');
        this.loadStaff('to');
        this.loadHistory();
        api.listTagGroups({}).then(
          (groups) => (this.tagGroups = groups),
          () => (this.tagGroups = []),
        );
        if (this.fromStaffId) this.chooseFromById(this.fromStaffId);
      },
      (error) => token === this.tokens.viewer && (this.viewerError = toAdapterError(error)),
    );
  }

  /** Loads (with `more`, the next page of) the departing associates or the successors. */
  private loadStaff(which: 'from' | 'to', more = false): void {
    const api = this.api;
    if (!api) return;
    const token = ++this.tokens[which];
    const shown = which === 'from' ? this.fromStaff : this.toStaff;
    const set = (list: Paged<StaffSummary>) => (which === 'from' ? (this.fromStaff = list) : (this.toStaff = list));
    const cursor = more ? shown.nextCursor : null;
    set({ ...(more ? shown : emptyPaged()), loading: true, error: undefined });
    const query = (which === 'from' ? this.fromQuery : this.toQuery).trim() || undefined;
    api.listStaff({ query, cursor, limit: this.pageSize }).then(
      (page) => {
        if (token !== this.tokens[which]) return;
        const items = more ? [...shown.items, ...page.items] : page.items;
        set({ items, nextCursor: page.nextCursor, total: page.total, loading: false });
        this.refreshChosen(page.items);
      },
      (error) => token === this.tokens[which] && set({ ...shown, loading: false, error: toAdapterError(error) }),
    );
  }

  /** Keeps the chosen associates' counts as fresh as the latest list. */
  private refreshChosen(listed: StaffSummary[]): void {
    for (const summary of listed) {
      if (summary.staff.id === this.from?.staff.id) this.from = summary;
      if (summary.staff.id === this.to?.staff.id) this.to = summary;
    }
  }

  /** Chooses the departing associate given by id, once the staff list names them. */
  private chooseFromById(staffId: string): void {
    const api = this.api;
    if (!api || !staffId || !this.viewer || !isTransferManager(this.viewer)) return;
    const listed = [...this.fromStaff.items].find((summary) => summary.staff.id === staffId);
    if (listed) return this.chooseFrom(listed);
    api.listStaff({ query: undefined, cursor: null, limit: LIMITS.pageSizeMax }).then(
      (page) => {
        const found = page.items.find((summary) => summary.staff.id === staffId);
        if (found && this.fromStaffId === staffId) this.chooseFrom(found);
      },
      () => {},
    );
  }

  /** Loads (with `more`, the next page of) the departing associate's customers matching the search and tags. */
  private loadCustomers(more = false): void {
    const api = this.api;
    const from = this.from;
    if (!api || !from) return;
    const token = ++this.tokens.customers;
    const shown = this.customers;
    this.customers = { ...(more ? shown : emptyPaged<Customer>()), loading: true, error: undefined };
    api.searchCustomers(this.customerSearch(more ? shown.nextCursor : null, this.pageSize)).then(
      (page) => {
        if (token !== this.tokens.customers) return;
        const items = more ? [...shown.items, ...page.items] : page.items;
        this.customers = { items, nextCursor: page.nextCursor, total: page.total, loading: false };
      },
      (error) => {
        if (token === this.tokens.customers)
          this.customers = { ...shown, loading: false, error: toAdapterError(error) };
      },
    );
  }

  /** The `searchCustomers` input for the departing associate's customers, search and tag filter. */
  private customerSearch(cursor: string | null, limit: number): OperationInput<'searchCustomers'> {
    return { staffId: this.from!.staff.id, ...this.customerFilter(), cursor, limit };
  }

  /** The search and the tags (customers carrying at least one), as `searchCustomers` and `allCustomers` take them. */
  private customerFilter(): { query?: string; tagIds?: string[] } {
    const query = this.customerQuery.trim();
    return { ...(query ? { query } : {}), ...(this.tagIds.length ? { tagIds: this.tagIds } : {}) };
  }

  private loadGroups(more = false): void {
    const api = this.api;
    const from = this.from;
    if (!api || !from) return;
    const token = ++this.tokens.groups;
    const shown = this.groups;
    this.groups = { ...(more ? shown : emptyPaged<Group>()), loading: true, error: undefined };
    const cursor = more ? shown.nextCursor : null;
    api.listGroups({ staffId: from.staff.id, cursor, limit: this.pageSize }).then(
      (page) => {
        if (token !== this.tokens.groups) return;
        const items = more ? [...shown.items, ...page.items] : page.items;
        this.groups = { items, nextCursor: page.nextCursor, loading: false };
      },
      (error) => {
        if (token === this.tokens.groups) this.groups = { ...shown, loading: false, error: toAdapterError(error) };
      },
    );
  }

  /** Loads the history's first page (or the next one), newest first. */
  private loadHistory(more = false): void {
    const api = this.api;
    if (!api) return;
    const token = ++this.tokens.history;
    const shown = this.history;
    this.history = { ...shown, loading: true, error: undefined };
    api.listTransfers({ cursor: more ? shown.nextCursor : null, limit: this.pageSize }).then(
      (page) => {
        if (token !== this.tokens.history) return;
        const items = more ? [...shown.items, ...page.items] : page.items;
        this.history = { items, nextCursor: page.nextCursor, loading: false };
        this.scheduleRefresh();
      },
      (error) => {
        if (token === this.tokens.history) this.history = { ...shown, loading: false, error: toAdapterError(error) };
      },
    );
  }

  /** Reads the followed transfer and the history again later while any customer waits. */
  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    const waiting = [this.current, ...this.history.items].some((transfer) => transfer && transfer.counts.waiting > 0);
    if (!waiting || !(this.refreshInterval > 0) || !this.isConnected) return;
    this.refreshTimer = setTimeout(() => this.refreshStatuses(), this.refreshInterval);
  }

  private refreshStatuses(): void {
    const api = this.api;
    const current = this.current;
    if (!api) return;
    if (current) {
      api.getTransfer({ transferId: current.id }).then(
        (transfer) => this.current?.id === transfer.id && (this.current = transfer),
        () => {},
      );
    }
    this.loadHistory();
  }

  /* ------------------------------------------------------------------ choosing */

  private chooseFrom(summary: StaffSummary): void {
    if (summary.staff.id === this.from?.staff.id) return;
    this.from = summary;
    if (this.to?.staff.id === summary.staff.id) this.to = undefined;
    this.selection = NO_CUSTOMERS;
    this.groupIds = new Set();
    this.customerQuery = '';
    this.tagIds = [];
    this.invalidateCheck();
    this.loadCustomers();
    this.loadGroups();
  }

  /** Any change of the choice makes the preview stale: a new preview (and request id) is needed. */
  private invalidateCheck(): void {
    ++this.tokens.check;
    this.checked = undefined;
    this.checkError = undefined;
    this.checkProblem = '';
    this.checking = false;
  }

  /** How many customers are chosen, when known (select all with a filter and no total: unknown). */
  private selectedCount(): number | undefined {
    const { all, ids, excluded } = this.selection;
    if (!all) return ids.size;
    const total = this.matchingTotal();
    return total === undefined ? undefined : Math.max(0, total - excluded.size);
  }

  /** How many customers match the search and filter: the associate's count when there is none. */
  private matchingTotal(): number | undefined {
    if (this.isUnfiltered()) return this.from?.customerCount;
    if (this.customers.total !== undefined) return this.customers.total;
    return this.customers.nextCursor === null && !this.customers.loading ? this.customers.items.length : undefined;
  }

  private isUnfiltered(): boolean {
    return !this.customerQuery.trim() && !this.tagIds.length;
  }

  private isCustomerSelected(customerId: string): boolean {
    const { all, ids, excluded } = this.selection;
    return all ? !excluded.has(customerId) : ids.has(customerId);
  }

  /**
   * The preview's request for the choice: `allCustomers` (with the search and tags) for every
   * matching customer of the associate; after rows were unticked, the ids of every page but
   * those, fetched first (at most 1,000).
   */
  private async selectionInput(): Promise<CheckedSelection['input'] | string> {
    const from = this.from!;
    const to = this.to!;
    const base = { fromStaffId: from.staff.id, toStaffId: to.staff.id, mode: this.mode };
    const groupIds = [...this.groupIds];
    const withGroups = groupIds.length ? { groupIds } : {};
    const { all, ids, excluded } = this.selection;
    if (all && !excluded.size) return { ...base, ...withGroups, ...this.customerFilter(), allCustomers: true };
    const customerIds = all ? await this.allMatchingIds(excluded) : [...ids];
    if (customerIds.length > LIMITS.transferSelectionMax) {
      return this.localize.t('transfer.tooManyToSelect', this.localize.number(LIMITS.transferSelectionMax));
    }
    return { ...base, ...withGroups, ...(customerIds.length ? { customerIds } : {}) };
  }

  /** Every id matching the search and filter, page by page (stops past the selection maximum). */
  private async allMatchingIds(excluded: ReadonlySet<string>): Promise<string[]> {
    const api = this.api!;
    const found: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await api.searchCustomers(this.customerSearch(cursor, LIMITS.pageSizeMax));
      for (const customer of page.items) if (!excluded.has(customer.id)) found.push(customer.id);
      cursor = page.nextCursor;
    } while (cursor && found.length <= LIMITS.transferSelectionMax);
    return found;
  }

  /** The message the customers get: the manager's, else the suggested one for the two names. */
  private messageText(): string {
    if (this.message !== undefined) return this.message;
    const from = this.from?.staff.name ?? this.localize.t('transfer.someone');
    const to = this.to?.staff.name ?? this.localize.t('transfer.someone');
    return this.localize.t('transfer.message.default', from, to).slice(0, LIMITS.transferMessageMaxLength);
  }

  private messageTooLong(): boolean {
    return this.mode === 'on-job' && this.messageText().length > LIMITS.transferMessageMaxLength;
  }

  /** Whether the form names everything a preview needs. */
  private canCheck(): boolean {
    const someCustomers = this.selection.all || this.selection.ids.size > 0;
    return !!this.from && !!this.to && (someCustomers || this.groupIds.size > 0) && !this.messageTooLong();
  }

  /* ------------------------------------------------------------------ event handlers */

  /** Typing in a search box: the search is sent once typing pauses. */
  private handleSearchInput(which: 'from' | 'to' | 'customers', event: Event) {
    const value = (event.target as HTMLInputElement).value;
    if (which === 'from') this.fromQuery = value;
    else if (which === 'to') this.toQuery = value;
    else this.customerQuery = value;
    clearTimeout(this.searchTimers.get(which));
    const search = () => {
      if (which === 'customers') {
        this.selection = NO_CUSTOMERS;
        this.invalidateCheck();
        this.loadCustomers();
      } else this.loadStaff(which);
    };
    this.searchTimers.set(which, setTimeout(search, SEARCH_DEBOUNCE_MS));
  }

  private handleFromChange(summary: StaffSummary) {
    this.fromStaffId = summary.staff.id;
    this.chooseFrom(summary);
  }

  private handleToChange(summary: StaffSummary) {
    this.to = summary;
    this.invalidateCheck();
  }

  private handleTagToggle(event: CustomEvent<TagToggleDetail>) {
    const { tag, selected } = event.detail;
    this.tagIds = selected ? [...this.tagIds, tag.id] : this.tagIds.filter((id) => id !== tag.id);
    this.selection = NO_CUSTOMERS;
    this.invalidateCheck();
    this.loadCustomers();
  }

  private handleClearFilter() {
    this.tagIds = [];
    this.selection = NO_CUSTOMERS;
    this.invalidateCheck();
    this.loadCustomers();
  }

  private handleSelectAllChange(event: Event) {
    const checked = (event.target as HTMLInputElement).checked;
    this.selection = checked ? { all: true, ids: new Set(), excluded: new Set() } : NO_CUSTOMERS;
    this.invalidateCheck();
  }

  private handleCustomerChange(customer: Customer, event: Event) {
    const checked = (event.target as HTMLInputElement).checked;
    const { all, ids, excluded } = this.selection;
    const toggled = (set: ReadonlySet<string>, add: boolean) => {
      const next = new Set(set);
      if (add) next.add(customer.id);
      else next.delete(customer.id);
      return next;
    };
    this.selection = all
      ? { all, ids, excluded: toggled(excluded, !checked) }
      : { all, ids: toggled(ids, checked), excluded };
    this.invalidateCheck();
  }

  private handleGroupChange(group: Group, event: Event) {
    const next = new Set(this.groupIds);
    if ((event.target as HTMLInputElement).checked) next.add(group.id);
    else next.delete(group.id);
    this.groupIds = next;
    this.invalidateCheck();
  }

  private handleModeChange(mode: TransferMode) {
    this.mode = mode;
    this.invalidateCheck();
  }

  private handleMessageInput(event: Event) {
    this.message = (event.target as HTMLTextAreaElement).value;
  }

  private handleMessageReset() {
    this.message = undefined;
  }

  /** Submit of the form: asks the adapter who can go. */
  private async handleCheck(event: Event) {
    event.preventDefault();
    const api = this.api;
    if (!api || !this.canCheck() || this.checking) return;
    const token = ++this.tokens.check;
    this.checking = true;
    this.checked = this.checkError = undefined;
    this.checkProblem = '';
    // The answer's code loads while the adapter answers, so the answer never shows before it can
    // (a failure to load shows in its place, with Retry).
    const answerLoaded = this.handover.load().catch(() => {});
    try {
      const input = await this.selectionInput();
      if (token !== this.tokens.check) return;
      if (typeof input === 'string') {
        this.checkProblem = input;
      } else {
        const preview = await api.previewTransfer(input);
        await answerLoaded;
        if (token === this.tokens.check) {
          this.checked = { preview, input };
          // The successor's counts as the preview saw them.
          if (preview.successor.staff.id === this.to?.staff.id) this.to = preview.successor;
        }
      }
    } catch (error) {
      if (token === this.tokens.check) this.checkError = toAdapterError(error);
    }
    if (token === this.tokens.check) this.checking = false;
  }

  /** "Hand over": a new intent with a new request id, awaiting confirmation in the dialog. */
  private async handleSubmitClick() {
    const checked = this.checked;
    if (!checked || this.intent?.sending) return;
    const message = this.mode === 'on-job' ? { message: this.messageText() } : {};
    this.intent = { input: { ...checked.input, ...message, requestId: createRequestId() }, sending: false };
    await this.updateComplete;
    if (!this.dialog?.open) this.dialog?.showModal();
    this.dialog?.querySelector<HTMLElement>('[data-focus]')?.focus();
  }

  /** Sends (or retries) the intent with its one request id. Ignored while a send is pending. */
  private async handleConfirmClick() {
    const intent = this.intent;
    const api = this.api;
    if (!intent || !api || intent.sending) return;
    if (!intent.error && !emit(this, 'cl-transfer-submit', { input: intent.input }, { cancelable: true })) {
      this.dialog?.close();
      return;
    }
    this.intent = { ...intent, sending: true, error: undefined };
    try {
      const transfer = await api.transferCustomers(intent.input);
      this.intent = undefined;
      this.dialog?.close();
      this.current = transfer;
      this.invalidateCheck();
      this.selection = NO_CUSTOMERS;
      this.groupIds = new Set();
      const sent = transfer.customers.filter((result) => result.status === 'waiting' || result.status === 'done');
      this.feedback.show(this.localize.t('transfer.completeFeedback', this.localize.number(sent.length)));
      emit(this, 'cl-transfer-complete', { transfer });
      this.loadHistory();
      this.loadStaff('from');
      this.loadStaff('to');
      this.scheduleRefresh();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#progress-title')?.focus();
    } catch (error) {
      this.intent = { ...intent, sending: false, error: toAdapterError(error) };
      await this.updateComplete;
      this.dialog?.querySelector<HTMLElement>('[data-focus]')?.focus();
    }
  }

  private handleCancelClick() {
    this.dialog?.close();
  }

  /** Escape: ignored while a send is pending. */
  private handleDialogCancel(event: Event) {
    if (this.intent?.sending) event.preventDefault();
  }

  /** The dialog closed without a transfer: the intent ends (another try gets a new request id). */
  private handleDialogClose() {
    if (this.intent?.sending) return;
    this.intent = undefined;
  }

  private handleNewTransfer() {
    this.current = undefined;
    if (this.from) this.loadCustomers();
  }

  /* ------------------------------------------------------------------ words */

  private count(value: number): string {
    return this.localize.number(value);
  }

  /** A colleague's name: from the staff lists, else asked of the adapter once (history of other stores' staff). */
  private nameOf(staffId: string): string {
    const listed = [this.from, this.to, ...this.fromStaff.items, ...this.toStaff.items].find(
      (summary) => summary?.staff.id === staffId,
    );
    if (listed) return listed.staff.name;
    const asked = this.staffNames.get(staffId);
    if (asked === undefined && this.api) {
      this.staffNames.set(staffId, '');
      this.api.getStaff({ staffId }).then(
        (staff) => {
          this.staffNames = new Map(this.staffNames).set(staffId, staff.name);
        },
        () => {},
      );
    }
    return asked || this.localize.t('transfer.someone');
  }

  /** A message by a key built at run time (a status or a reason). */
  private messageByKey(key: string, ...args: unknown[]): string {
    const translate = this.localize.t as (key: string, ...args: unknown[]) => string;
    return translate.call(this.localize, key, ...args);
  }

  private remainingOf(summary: StaffSummary): number {
    return summary.customerCap - summary.customerCount - summary.incomingCount;
  }

  /* ------------------------------------------------------------------ render */

  protected override render() {
    return html`${this.renderOfflineNotice()}${this.renderBody()}${this.renderDialog()}${this.feedback.render()}`;
  }

  private renderBody() {
    if (!this.api) return html`<p class="state" part="state">${this.localize.t('common.noAdapter')}</p>`;
    if (this.viewerError) return this.renderError(this.viewerError, () => this.loadAll());
    if (!this.viewer) return this.renderSkeleton();
    if (!isTransferManager(this.viewer))
      return this.renderReadOnly('transfer.readOnly.title', 'transfer.readOnly.body');
    if (!this.api.capabilities.transferCustomers) {
      return this.renderReadOnly('transfer.unsupported.title', 'transfer.unsupported.body');
    }
    const main = this.current ? this.renderProgress(this.current) : this.renderForm();
    return html`<h2 id="title">${this.localize.t('transfer.title')}</h2
      ><p class="meta">${this.localize.t('transfer.intro')}</p>${main}${this.renderHistory()}`;
  }

  /** In place of the form: why this signed-in staff member (or this adapter) cannot hand customers over. */
  private renderReadOnly(
    title: 'transfer.readOnly.title' | 'transfer.unsupported.title',
    body: 'transfer.readOnly.body' | 'transfer.unsupported.body',
  ) {
    return html`<section class="read-only" part="read-only" aria-labelledby="read-only-title"
      ><h2 id="read-only-title">${this.localize.t(title)}</h2><p>${this.localize.t(body)}</p></section
    >`;
  }

  private renderSkeleton() {
    return html`<div class="state" part="state" aria-busy="true"
      ><span class="cl-visually-hidden">${this.localize.t('common.loading')}</span><div class="cl-skeleton line"></div
      ><div class="cl-skeleton line"></div><div class="cl-skeleton line"></div
    ></div>`;
  }

  /** An error with Retry (when repeating may help). */
  private renderError(error: AdapterError, retry: () => void) {
    const retryButton = html`<button type="button" class="cl-button" @click=${retry}
      >${this.localize.t('common.retry')}</button
    >`;
    return html`<div class="state" part="state"
      ><p role="alert" part="error" class="error">${this.localize.error(error)}</p
      >${error.retryable ? retryButton : nothing}</div
    >`;
  }

  /** The form: the steps as sections with headings, submitted to preview. */
  private renderForm() {
    const steps = [
      this.renderFromStep(),
      this.renderCustomersStep(),
      this.renderGroupsStep(),
      this.renderToStep(),
      this.renderModeStep(),
      this.renderPreviewStep(),
    ];
    return html`<form novalidate aria-labelledby="title" @submit=${this.handleCheck}>${steps}</form>`;
  }

  private renderStep(id: string, title: string, content: unknown) {
    return html`<section class="step" part="step" aria-labelledby=${`${id}-title`}
      ><h3 id=${`${id}-title`}>${title}</h3>${content}</section
    >`;
  }

  private renderSearch(which: 'from' | 'to' | 'customers', label: string, value: string) {
    return html`<input
      class="search"
      part="search"
      type="search"
      enterkeyhint="search"
      aria-label=${label}
      placeholder=${label}
      .value=${live(value)}
      @input=${(event: Event) => this.handleSearchInput(which, event)}
      @keydown=${(event: KeyboardEvent) => event.key === 'Enter' && event.preventDefault()}
    />`;
  }

  private renderFromStep() {
    const search = this.renderSearch('from', this.localize.t('transfer.searchStaff'), this.fromQuery);
    const content = html`${search}${this.renderStaffList('from', this.fromStaff)}`;
    return this.renderStep('from', this.localize.t('transfer.step.from'), content);
  }

  private renderToStep() {
    const title = this.localize.t('transfer.step.to');
    if (!this.from) return this.renderStep('to', title, this.renderNeedsFrom());
    const search = this.renderSearch('to', this.localize.t('transfer.searchStaff'), this.toQuery);
    return this.renderStep('to', title, html`${search}${this.renderStaffList('to', this.toStaff)}`);
  }

  private renderNeedsFrom() {
    return html`<p class="meta">${this.localize.t('transfer.pickFromFirst')}</p>`;
  }

  /** A radio list of colleagues; the successor list leaves out who is leaving and shows their room. */
  private renderStaffList(which: 'from' | 'to', list: Paged<StaffSummary>) {
    if (list.error && !list.items.length) return this.renderError(list.error, () => this.loadStaff(which));
    if (list.loading && !list.items.length) return this.renderSkeleton();
    const items =
      which === 'to' ? list.items.filter((summary) => summary.staff.id !== this.from?.staff.id) : list.items;
    if (!items.length) return html`<p class="state" part="state">${this.localize.t('transfer.noStaff')}</p>`;
    const chosenId = which === 'from' ? this.from?.staff.id : this.to?.staff.id;
    return html`<div class="options" role="radiogroup" aria-labelledby=${`${which}-title`}
        >${items.map((summary) => this.renderStaffOption(which, summary, summary.staff.id === chosenId))}</div
      >${this.renderMore(list, () => this.loadStaff(which, true))}`;
  }

  private renderStaffOption(which: 'from' | 'to', summary: StaffSummary, checked: boolean) {
    const { staff } = summary;
    const detail =
      which === 'to'
        ? this.renderCapacity(summary)
        : this.localize.t('transfer.customerCount', this.count(summary.customerCount));
    const onChange = () => (which === 'from' ? this.handleFromChange(summary) : this.handleToChange(summary));
    return html`<label class="option" part="staff" ?data-checked=${checked}
      ><input type="radio" name=${which} .checked=${live(checked)} @change=${onChange} /><span class="option-body"
        ><span class="name">${staff.name}</span><span class="meta">${staff.position ?? ''}</span
        ><span class="meta">${detail}</span></span
      ></label
    >`;
  }

  /** The successor's room: cap − customers − those on their way; over it when the choice is larger. */
  private renderCapacity(summary: StaffSummary) {
    const remaining = Math.max(0, this.remainingOf(summary));
    const text = this.localize.t('transfer.capacity', this.count(remaining), this.count(summary.customerCap));
    const selected = this.selectedCount() ?? 0;
    const over = selected - remaining;
    const warning =
      over > 0
        ? html` <span class="warning">${this.localize.t('transfer.overCapacity', this.count(over))}</span>`
        : nothing;
    return html`<span part="capacity">${text}</span>${warning}`;
  }

  private renderMore<T>(list: Paged<T>, more: () => void) {
    if (list.error) return this.renderError(list.error, more);
    if (!list.nextCursor) return nothing;
    return html`<button type="button" class="cl-button more" ?disabled=${list.loading} @click=${more}
      >${this.localize.t(list.loading ? 'common.loading' : 'transfer.showMore')}</button
    >`;
  }

  private renderCustomersStep() {
    const title = this.localize.t('transfer.step.customers');
    if (!this.from) return this.renderStep('customers', title, this.renderNeedsFrom());
    const content = html`${this.renderSearch(
      'customers',
      this.localize.t('transfer.searchCustomers'),
      this.customerQuery,
    )}${this.renderTagFilter()}${this.renderSelectAll()}${this.renderCustomerList()}${this.renderLimits()}`;
    return this.renderStep('customers', title, content);
  }

  private renderTagFilter() {
    if (!this.tagGroups.length) return nothing;
    const summary = this.tagIds.length
      ? this.localize.t('transfer.filterActive', this.count(this.tagIds.length))
      : this.localize.t('transfer.filterByTag');
    const clear = this.tagIds.length
      ? html`<button type="button" class="link" @click=${this.handleClearFilter}
          >${this.localize.t('transfer.clearFilter')}</button
        >`
      : nothing;
    return html`<details class="filter"
      ><summary>${summary}</summary
      >${this.tagPicker.render(this.localize, () => this.renderTagPicker())}${clear}</details
    >`;
  }

  private renderTagPicker() {
    return html`<cl-tag-picker
      multiple
      .groups=${this.tagGroups as TagGroup[]}
      .selected=${this.tagIds}
      label=${this.localize.t('transfer.filterByTag')}
      @cl-tag-toggle=${this.handleTagToggle}
    ></cl-tag-picker>`;
  }

  /** "Select all N" across pages, with how many are chosen. */
  private renderSelectAll() {
    const total = this.matchingTotal();
    const label =
      total === undefined
        ? this.localize.t('transfer.selectAllMatching')
        : this.localize.t('transfer.selectAll', this.count(total));
    const { all, excluded, ids } = this.selection;
    const indeterminate = (all && excluded.size > 0) || (!all && ids.size > 0);
    const selected = this.selectedCount();
    const count = selected === undefined ? nothing : this.localize.t('transfer.selected', this.count(selected));
    return html`<div class="select-all"
      ><label class="option" part="select-all"
        ><input
          type="checkbox"
          .checked=${live(all && !excluded.size)}
          .indeterminate=${indeterminate}
          ?disabled=${total === 0}
          @change=${this.handleSelectAllChange}
        /><span>${label}</span></label
      ><span class="count" aria-live="polite">${count}</span></div
    >`;
  }

  private renderCustomerList() {
    const list = this.customers;
    if (list.error && !list.items.length) return this.renderError(list.error, () => this.loadCustomers());
    if (list.loading && !list.items.length) return this.renderSkeleton();
    if (!list.items.length) {
      const empty = this.isUnfiltered() ? 'transfer.noCustomers' : 'transfer.noMatch';
      return html`<p class="state" part="state">${this.localize.t(empty)}</p>`;
    }
    return html`<ul class="rows scroll" part="customers" aria-labelledby="customers-title"
        >${list.items.map((customer) => this.renderCustomer(customer))}</ul
      >${this.renderMore(list, () => this.loadCustomers(true))}`;
  }

  private renderCustomer(customer: Customer) {
    const names = this.tagNames(customer);
    return html`<li
      ><label class="option" part="customer"
        ><input
          type="checkbox"
          .checked=${live(this.isCustomerSelected(customer.id))}
          @change=${(event: Event) => this.handleCustomerChange(customer, event)}
        /><span class="option-body"
          ><span class="name">${customer.remark || customer.name}</span><span class="meta">${names}</span></span
        ></label
      ></li
    >`;
  }

  /** The customer's tag names, for telling rows apart. */
  private tagNames(customer: Customer): string {
    const byId = new Map<string, Tag>();
    for (const group of this.tagGroups) for (const tag of group.tags) byId.set(tag.id, tag);
    return [...customer.tagIds, ...customer.ruleTagIds]
      .map((id) => byId.get(id)?.name)
      .filter(Boolean)
      .slice(0, 4)
      .join(' · ');
  }

  /** The per-request and 90-day limits, with what they mean for the chosen count. */
  private renderLimits() {
    const selected = this.selectedCount();
    const max = LIMITS.transferBatchMax;
    const batches = selected
      ? this.localize.t(
          'transfer.limits.batches',
          this.count(selected),
          this.count(transferBatchCount(selected)),
          this.count(max),
        )
      : '';
    const frequency = this.localize.t(
      'transfer.limits.frequency',
      this.count(LIMITS.onJobTransfersMax),
      this.count(LIMITS.onJobTransferWindowDays),
    );
    return html`<div class="limits" part="limits"
      >${batches ? html`<p>${batches}</p>` : nothing}<p>${frequency}</p></div
    >`;
  }

  private renderGroupsStep() {
    const title = this.localize.t('transfer.step.groups');
    if (!this.from) return this.renderStep('groups', title, this.renderNeedsFrom());
    const list = this.groups;
    let content;
    if (list.error && !list.items.length) content = this.renderError(list.error, () => this.loadGroups());
    else if (list.loading && !list.items.length) content = this.renderSkeleton();
    else if (!list.items.length)
      content = html`<p class="state" part="state">${this.localize.t('transfer.noGroups')}</p>`;
    else {
      content = html`<ul class="rows" part="groups" aria-labelledby="groups-title"
          >${list.items.map((group) => this.renderGroup(group))}</ul
        >${this.renderMore(list, () => this.loadGroups(true))}<p class="meta"
          >${this.localize.t('transfer.groupsLimited')}</p
        >`;
    }
    return this.renderStep('groups', title, content);
  }

  private renderGroup(group: Group) {
    return html`<li
      ><label class="option"
        ><input
          type="checkbox"
          .checked=${live(this.groupIds.has(group.id))}
          @change=${(event: Event) => this.handleGroupChange(group, event)}
        /><span class="option-body"
          ><span class="name">${group.name}</span
          ><span class="meta">${this.localize.t('transfer.groupMembers', this.count(group.memberCount))}</span></span
        ></label
      ></li
    >`;
  }

  private renderModeStep() {
    const modes: TransferMode[] = ['on-job', 'resigned'];
    const options = modes.map(
      (mode) =>
        html`<label class="option" ?data-checked=${this.mode === mode}
          ><input
            type="radio"
            name="mode"
            .checked=${live(this.mode === mode)}
            aria-describedby=${`mode-${mode}-hint`}
            @change=${() => this.handleModeChange(mode)}
          /><span class="option-body"
            ><span class="name">${this.messageByKey(`transfer.mode.${mode}`)}</span
            ><span class="meta" id=${`mode-${mode}-hint`}
              >${this.messageByKey(`transfer.mode.${mode}.hint`)}</span
            ></span
          ></label
        >`,
    );
    const content = html`<div class="options" role="radiogroup" aria-label=${this.localize.t('transfer.mode')}
        >${options}</div
      >${this.mode === 'on-job' && this.from && this.to ? this.renderMessage() : nothing}`;
    return this.renderStep('mode', this.localize.t('transfer.step.mode'), content);
  }

  /** The message to customers (on-job), with its counter and a way back to the suggestion. */
  private renderMessage() {
    const text = this.messageText();
    const max = LIMITS.transferMessageMaxLength;
    const over = text.length > max;
    const reset =
      this.message !== undefined
        ? html`<button type="button" class="link" @click=${this.handleMessageReset}
            >${this.localize.t('transfer.message.reset')}</button
          >`
        : nothing;
    return html`<label class="field-label" for="message">${this.localize.t('transfer.message')}</label
      ><textarea
        id="message"
        part="message"
        rows="4"
        .value=${live(text)}
        aria-invalid=${over ? 'true' : 'false'}
        aria-describedby="message-count message-problem"
        @input=${this.handleMessageInput}
      ></textarea
      ><div class="message-bar"
        >${reset}${renderCounter({ localize: this.localize, id: 'message-count', length: text.length, max, over })}</div
      ><p class="error" id="message-problem">${over ? this.localize.t('common.tooLong', max) : ''}</p>`;
  }

  /** The preview button and its answer, in a live region: who can go and why the others cannot. */
  private renderPreviewStep() {
    const canCheck = this.canCheck();
    const hint = canCheck ? nothing : html`<p class="meta">${this.localize.t('transfer.previewNeeds')}</p>`;
    const button = html`<button
      type="submit"
      class="cl-button"
      data-variant=${this.checked ? 'default' : 'primary'}
      ?disabled=${!canCheck}
      aria-disabled=${this.checking ? 'true' : 'false'}
      >${this.localize.t(this.checking ? 'transfer.previewing' : 'transfer.preview')}</button
    >`;
    const content = html`${hint}${button}<div class="preview" part="preview" role="status" aria-live="polite"
        >${this.renderPreviewResult()}</div
      >${this.renderSubmit()}`;
    return this.renderStep('preview', this.localize.t('transfer.step.preview'), content);
  }

  private renderPreviewResult() {
    if (this.checkProblem) return html`<p class="error" part="error">${this.checkProblem}</p>`;
    if (this.checkError) return this.renderError(this.checkError, () => this.requestCheck());
    // Select all with rows unticked: the ids of every page are fetched before the preview.
    if (this.checking && this.selection.all && this.selection.excluded.size) {
      return html`<p class="meta">${this.localize.t('transfer.collectingIds')}</p>`;
    }
    const preview = this.checked?.preview;
    if (!preview) return nothing;
    return this.handover.render(this.localize, (part) =>
      part.renderPreviewAnswer(preview, this.handoverContext(part.localize)),
    );
  }

  /** Runs the preview again (Retry after a failed preview). */
  private requestCheck() {
    this.renderRoot.querySelector('form')?.requestSubmit();
  }

  /** Hand over, under the answer (which shows the loading status or a failure until the part is there). */
  private renderSubmit() {
    const preview = this.checked?.preview;
    const part = this.handover.part;
    return preview && part ? part.renderHandOverButton(preview, this.handoverContext(part.localize)) : nothing;
  }

  private renderDialog() {
    return html`<dialog
      class="cl-sheet"
      part="dialog"
      aria-labelledby="dialog-title"
      @cancel=${this.handleDialogCancel}
      @close=${this.handleDialogClose}
      >${this.intent ? this.renderConfirm(this.intent) : nothing}</dialog
    >`;
  }

  /** The confirmation (`handover.ts`): Hand over is the part's own button, so its code is there. */
  private renderConfirm(intent: TransferIntent) {
    const preview = this.checked?.preview;
    return this.handover.render(this.localize, (part) =>
      part.renderConfirm(intent, preview, this.handoverContext(part.localize)),
    );
  }

  /** The transfer just made (`handover.ts`), which only the part's confirmation can make. */
  private renderProgress(transfer: Transfer) {
    return this.handover.render(this.localize, (part) =>
      part.renderProgress(transfer, this.handoverContext(part.localize)),
    );
  }

  /** What the part reads from the element, and the handlers it calls; `localize` is the part's. */
  private handoverContext(localize: HandoverContext['localize']): HandoverContext {
    let names: Map<string, string> | undefined; // made on the first ask (only the blocked list asks)
    const listedNames = () =>
      (names ??= new Map(this.customers.items.map((customer) => [customer.id, customer.remark || customer.name])));
    return {
      localize,
      count: (value) => this.count(value),
      nameOf: (staffId) => this.nameOf(staffId),
      customerName: (customerId) => listedNames().get(customerId),
      renderStatusCounts: (transfer) => this.renderStatusCounts(transfer),
      following: this.refreshInterval > 0,
      handOver: () => this.handleSubmitClick(),
      confirm: () => this.handleConfirmClick(),
      cancel: () => this.handleCancelClick(),
      newTransfer: () => this.handleNewTransfer(),
    };
  }

  /** A transfer's non-zero status counts, and its groups. */
  private renderStatusCounts(transfer: Transfer) {
    const statuses = TRANSFER_STATUSES.filter((status) => transfer.counts[status] > 0);
    const moved = transfer.groups.filter((group) => group.status === 'done').length;
    const limited = transfer.groups.filter((group) => group.status === 'limited').length;
    const groups = transfer.groups.length
      ? html`<li>${this.localize.t('transfer.groupsMoved', this.count(moved), this.count(limited))}</li>`
      : nothing;
    return html`<ul class="statuses" part="progress"
      >${statuses.map(
        (status) =>
          html`<li data-status=${status}
            >${this.messageByKey(`transfer.status.${status}`, this.count(transfer.counts[status]))}</li
          >`,
      )}${groups}</ul
    >`;
  }

  private renderHistory() {
    const list = this.history;
    let content;
    if (list.error && !list.items.length) content = this.renderError(list.error, () => this.loadHistory());
    else if (list.loading && !list.items.length) content = this.renderSkeleton();
    else if (!list.items.length)
      content = html`<p class="state" part="state">${this.localize.t('transfer.noHistory')}</p>`;
    else {
      content = html`<ul class="rows history" part="history"
          >${list.items.map((transfer) => this.renderHistoryItem(transfer))}</ul
        >${this.renderMore(list, () => this.loadHistory(true))}`;
    }
    return html`<section class="step" aria-labelledby="history-title"
      ><h3 id="history-title">${this.localize.t('transfer.history')}</h3>${content}</section
    >`;
  }

  private renderHistoryItem(transfer: Transfer) {
    const route = this.localize.t(
      'transfer.fromTo',
      this.nameOf(transfer.fromStaffId),
      this.nameOf(transfer.toStaffId),
    );
    return html`<li class="history-item"
      ><span class="name">${route}</span
      ><span class="meta"
        >${this.localize.date(transfer.createdAt, true)} · ${this.messageByKey(`transfer.kind.${transfer.mode}`)}</span
      >${this.renderStatusCounts(transfer)}</li
    >`;
  }
}

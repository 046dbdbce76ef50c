import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  taskAt,
  taskBucket,
  type Customer,
  type Task,
  type TaskAction,
  type TaskBucket,
  type TaskCounts,
} from '@clienteling/core/trade.js';
import { DEFAULT_TIME_ZONE } from '@clienteling/core/default-time-zone.js';
import { dayKey, daysUntil, startOfDay } from '@clienteling/core/wall-time.js';
import { toAdapterError, type AdapterError } from '@clienteling/core/errors.js';
import {
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
  tabKeyTarget,
  tabStyles,
} from '@clienteling/core/elements.js';
import { taskListMessages } from './task-list.messages.js';
import { styles } from './task-list.styles.js';
import { SNOOZE_CHOICES, daysSince, snoozeUntil, type SnoozeChoice } from './task-time.js';
import type { TaskForm } from './task-form.js';

/** Detail of `cl-task-action`: the task whose one-tap action was chosen, the action and the customer. */
export interface TaskActionDetail {
  task: Task;
  action: TaskAction;
  customerId: string;
}

/** What the associate did to a task: closed it, snoozed it, opened it again (also an undo), or added it. */
export type TaskChangeKind = 'complete' | 'snooze' | 'dismiss' | 'reopen' | 'create';

/** Detail of `cl-task-change`: the task as the adapter saved it, and what was done. */
export interface TaskChangeDetail {
  task: Task;
  change: TaskChangeKind;
}

/** A change the list makes through the adapter. */
type Change = { kind: 'complete' } | { kind: 'dismiss' } | { kind: 'reopen' } | { kind: 'snooze'; until: Date };

/** The last change, which the associate may take back (reopen the task). */
interface Undoable {
  /** The task as it was before the change. */
  before: Task;
  /** The task as the adapter saved it. */
  saved: Task;
  /** Where it stood in the list it was in. */
  index: number;
  bucket: TaskBucket;
  text: string;
}

/** The order of the tabs: today and overdue first. */
const BUCKETS: readonly TaskBucket[] = ['today', 'upcoming', 'done'];

/** Events of other elements after which the lists load again (doing the action completes the task). */
const REFRESH_EVENTS = ['cl-coupon-issued', 'cl-note-add'] as const;

/** How long the undo of a change is offered, in ms. */
const UNDO_DURATION = 8_000;

/** Formats of the snooze times, by locale, time zone and whether the day is named. */
const snoozeFormats = new Map<string, Intl.DateTimeFormat>();

/** Digits and a leading `+` of a phone number: what `tel:` dials. */
const dialable = (phone: string) => phone.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');

/** The task as it will be after `change` at `now` (what the list shows until the adapter answers). */
function changed(task: Task, change: Change, now: Date): Task {
  const { snoozedUntil: _snoozed, closedAt: _closed, ...base } = taskAt(task, now);
  switch (change.kind) {
    case 'complete':
      return { ...base, state: 'done', closedAt: now.toISOString() };
    case 'dismiss':
      return { ...base, state: 'dismissed', closedAt: now.toISOString() };
    case 'snooze':
      return { ...base, state: 'snoozed', snoozedUntil: change.until.toISOString() };
    case 'reopen':
      return { ...base, state: 'open' };
  }
}

/**
 * The associate's day: the follow-ups the data brings up by itself (a birthday in a week, a held
 * coupon about to expire, three days after a purchase, a new customer not greeted, a high-value
 * customer gone quiet) and the associate's own tasks, in three tabs with their counts: today and
 * overdue first, later (and snoozed), done.
 *
 * Each task shows its customer and why it exists, worded from the task ("生日还有 3 天",
 * "优惠券 3 天后到期"), marked when overdue, with its one-tap action (send a coupon, send a message,
 * open the profile, call), which the page wires through `cl-task-action`. Done, snooze (later today,
 * tomorrow at 9:00, next Monday at 9:00, in the store's time zone) and dismiss change the list at
 * once and offer an undo (`reopenTask`); a change the adapter refuses is rolled back and the reason
 * announced. Long lists load a page at a time (keyset paging).
 *
 * Where the adapter has the capability `createTask`, a form adds a task for a customer (picked by
 * search, unless `customer-id` is set): what to do (at most 200 characters) and when it is due.
 *
 * The list loads again by itself after `cl-coupon-issued` and `cl-note-add` anywhere on the page
 * (sending the coupon of a birthday task completes it); `refresh()` does it on demand. Days are
 * counted in the store's time zone (the adapter's `policy.timeZone`) from `now`.
 *
 * @summary The associate's follow-ups for today, later and done, with one-tap actions.
 *
 * @csspart tabs - The row of tabs (today, later, done).
 * @csspart tab - Each tab; also `tab-selected` for the one shown.
 * @csspart count - The count of a tab.
 * @csspart list - The list of tasks.
 * @csspart task - A task; also `task-overdue` when it is overdue.
 * @csspart customer - The customer's name in a task.
 * @csspart reason - Why the task exists ("生日还有 3 天", a manual task's title).
 * @csspart when - When it is due, snoozed until or was closed; the overdue mark.
 * @csspart action - The task's one-tap action (a button, or a `tel:` link for a call).
 * @csspart task-button - Done, Later, Dismiss and Reopen.
 * @csspart snooze-options - The snooze choices (later today, tomorrow, next week).
 * @csspart more - The button that loads the next page.
 * @csspart empty - The encouraging message of an empty list.
 * @csspart error - The message shown when the list could not be loaded, with Retry.
 * @csspart skeleton - The loading placeholder.
 * @csspart add - The button that opens the form for a new task.
 * @csspart form - The form for a new task.
 * @csspart counter - The title's character counter.
 * @csspart undo - The message after a change, with its Undo button.
 * @csspart feedback - The brief confirmation or failure after a change.
 * @csspart offline - The notice that the network is gone.
 *
 * @cssproperty --cl-task-list-background - Background of the element (default `--cl-color-surface`).
 * @cssproperty --cl-task-list-gap - Space between the tasks (default `--cl-space-2`).
 * @cssproperty --cl-task-list-task-background - Background of a task (default `--cl-color-surface`).
 * @cssproperty --cl-task-list-overdue-color - The overdue mark and edge (default `--cl-color-danger`).
 * @cssproperty --cl-task-list-reason-color - Colour of why a task exists (default `--cl-color-text`).
 * @cssproperty --cl-task-list-tab-color - Colour of the selected tab (default `--cl-color-primary`).
 *
 * @event {CustomEvent<TaskActionDetail>} cl-task-action - The associate tapped a task's action. The page does
 *   it (open the coupons, the chat, the profile). Cancelable: for `call` the `tel:` link is then not followed.
 * @event {CustomEvent<TaskChangeDetail>} cl-task-change - The adapter saved a change of a task (done, snoozed,
 *   dismissed, reopened or added).
 */
export class TaskList extends ClientelingElement {
  static override styles = [baseStyles, panelStyles, tabStyles, listStyles, emptyStyles, inlineFormStyles, styles];

  /* ---------------------------------------------------------------- public properties */

  /** Only the tasks of this customer; without it, all of the associate's. */
  @property({ attribute: 'customer-id' }) customerId = '';

  /** The tab shown: `today` (and overdue), `upcoming` (later and snoozed) or `done`. */
  @property({ reflect: true }) bucket: TaskBucket = 'today';

  /** Tasks fetched per request (1 to 500). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** The moment days are counted from (default: now); a page whose adapter runs on another clock passes it. */
  @property({ attribute: false }) now?: Date;

  /** Loads the shown list again from its first page (the tasks shown stay until it arrives). */
  refresh(): void {
    void this.load(true);
  }

  /* ---------------------------------------------------------------- private state */

  /** The tasks of the list shown; undefined while loading. */
  @state() private tasks?: Task[];
  /** How many tasks each list holds. */
  @state() private counts?: TaskCounts;
  /** Where the next page starts; null on the last page. */
  @state() private nextCursor: string | null = null;
  @state() private loadError?: AdapterError;
  @state() private loadingMore = false;
  @state() private moreError?: AdapterError;
  /** The customers of the tasks, by id (null: could not be loaded). */
  @state() private customers = new Map<string, Customer | null>();
  /** The task whose snooze choices are open. */
  @state() private snoozeOpenFor?: string;
  /** Tasks with a change on its way (their buttons wait). */
  @state() private busy = new Set<string>();
  @state() private undoable?: Undoable;
  @state() private formOpen = false;

  private readonly localize = new LocalizeController(this, taskListMessages);
  private readonly feedback = new FeedbackController(this);
  /** The adapter or the list asked for changed: load again at the next update. */
  private needsLoad = true;
  /** Counts loads, so that answers to an older load are dropped. */
  private loadGeneration = 0;
  /** The store's time zone (policy), for days. */
  private timeZone = DEFAULT_TIME_ZONE;
  private policyLoaded = false;
  /** Customers asked for, so that each is asked once. */
  private readonly customersAsked = new Set<string>();
  private undoTimer?: ReturnType<typeof setTimeout>;
  /**
   * The form that adds a task, and what was typed in it: its code loads when the browser is idle
   * after the element connects, or when Add is tapped before.
   */
  private readonly formPart = new OnDemand(this, () =>
    import('./task-form.js').then(({ TaskForm }) => this.createForm(TaskForm)),
  );

  /* ---------------------------------------------------------------- lifecycle */

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of REFRESH_EVENTS) globalThis.document?.addEventListener(type, this.handleOtherElementChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of REFRESH_EVENTS) globalThis.document?.removeEventListener(type, this.handleOtherElementChange);
    clearTimeout(this.undoTimer);
  }

  protected override apiChanged(): void {
    this.needsLoad = true;
    this.policyLoaded = false;
    this.customers = new Map();
    this.customersAsked.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('customerId') && changed.get('customerId') !== undefined) this.formPart.part?.reset();
    if (this.needsLoad || changed.has('bucket') || changed.has('customerId') || changed.has('pageSize')) {
      this.needsLoad = false;
      void this.load(false);
    }
  }

  /* ---------------------------------------------------------------- loading */

  private clock(): Date {
    return this.now ?? new Date();
  }

  /** Loads the first page of the list shown (and the store's time zone, once). `keepShown`: no skeleton meanwhile. */
  private async load(keepShown: boolean): Promise<void> {
    const generation = ++this.loadGeneration;
    const { api, bucket } = this;
    if (!keepShown) this.tasks = undefined;
    this.loadError = this.moreError = undefined;
    // A next page on its way belongs to the list being replaced: its answer is dropped.
    this.loadingMore = false;
    this.snoozeOpenFor = undefined;
    if (!api) return;
    try {
      const [page] = await Promise.all([
        api.listTasks({ bucket, customerId: this.customerId || undefined, limit: this.pageSize }),
        this.loadPolicy(),
      ]);
      if (generation !== this.loadGeneration) return;
      this.tasks = page.items;
      this.counts = page.counts;
      this.nextCursor = page.nextCursor;
      this.loadCustomers(page.items);
    } catch (error) {
      if (generation === this.loadGeneration) this.loadError = toAdapterError(error);
    }
  }

  private async loadPolicy(): Promise<void> {
    if (this.policyLoaded) return;
    const policy = await this.api!.getPolicy({}).catch(() => undefined);
    if (policy) {
      this.timeZone = policy.timeZone;
      this.policyLoaded = true;
    }
  }

  /** The next page of the list shown. */
  private async loadMore(): Promise<void> {
    const { api, nextCursor, tasks } = this;
    if (!api || !nextCursor || !tasks || this.loadingMore) return;
    const generation = this.loadGeneration;
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      const page = await api.listTasks({
        bucket: this.bucket,
        customerId: this.customerId || undefined,
        cursor: nextCursor,
        limit: this.pageSize,
      });
      if (generation !== this.loadGeneration) return;
      const shown = new Set(this.tasks!.map((task) => task.id));
      this.tasks = [...this.tasks!, ...page.items.filter((task) => !shown.has(task.id))];
      this.counts = page.counts;
      this.nextCursor = page.nextCursor;
      this.loadCustomers(page.items);
    } catch (error) {
      if (generation === this.loadGeneration) this.moreError = toAdapterError(error);
    } finally {
      if (generation === this.loadGeneration) this.loadingMore = false;
    }
  }

  /** The names of the tasks' customers, each asked for once. */
  private loadCustomers(tasks: readonly Task[]): void {
    const api = this.api!;
    for (const { customerId } of tasks) {
      if (this.customersAsked.has(customerId)) continue;
      this.customersAsked.add(customerId);
      api.getCustomer({ customerId }).then(
        (customer) => this.rememberCustomer(customerId, customer),
        () => this.rememberCustomer(customerId, null),
      );
    }
  }

  private rememberCustomer(customerId: string, customer: Customer | null): void {
    this.customers = new Map(this.customers).set(customerId, customer);
  }

  /* ---------------------------------------------------------------- derived state */

  /** The customer's name as the associate knows them (the remark first), or a placeholder. */
  private customerName(customerId: string): string {
    const customer = this.customers.get(customerId);
    return customer ? customer.remark || customer.name : this.localize.t('taskList.customer');
  }

  /** Why the task exists, in words: "生日还有 3 天", "优惠券 3 天后到期"…; a manual task's title. */
  private reason(task: Task): string {
    const { localize, timeZone } = this;
    const now = this.clock();
    switch (task.kind) {
      case 'birthday': {
        const days = task.eventDate ? daysUntil(task.eventDate, now, timeZone) : 0;
        if (days === 0) return localize.t('taskList.reason.birthdayToday');
        return days > 0
          ? localize.t('taskList.reason.birthdayIn', days)
          : localize.t('taskList.reason.birthdayPast', -days);
      }
      case 'coupon-expiring': {
        const days = task.eventAt ? daysUntil(dayKey(new Date(task.eventAt), timeZone), now, timeZone) : 0;
        if (task.eventAt && Date.parse(task.eventAt) < now.getTime()) return localize.t('taskList.reason.couponPast');
        return days === 0 ? localize.t('taskList.reason.couponToday') : localize.t('taskList.reason.couponIn', days);
      }
      case 'after-purchase':
        return localize.t('taskList.reason.afterPurchase', task.eventAt ? daysSince(task.eventAt, now, timeZone) : 0);
      case 'new-customer':
        return localize.t('taskList.reason.newCustomer');
      case 'high-value-quiet':
        return localize.t('taskList.reason.quiet', task.eventAt ? daysSince(task.eventAt, now, timeZone) : 0);
      case 'manual':
        return task.title ?? '';
    }
  }

  /**
   * When a task is late from: a birthday's when the day has passed, an expiring coupon's when it has
   * expired (their tasks come up days before, and are not late then); the others' when they were due.
   */
  private lateFrom(task: Task): string {
    if (task.kind === 'birthday' && task.eventDate) return startOfDay(task.eventDate, this.timeZone).toISOString();
    if (task.kind === 'coupon-expiring' && task.eventAt) return task.eventAt;
    return task.dueAt;
  }

  /** Whether an open task was late before today began. */
  private isOverdue(task: Task): boolean {
    if (task.state !== 'open') return false;
    return Date.parse(this.lateFrom(task)) < startOfDay(dayKey(this.clock(), this.timeZone), this.timeZone).getTime();
  }

  /** The time of a task shown under it: overdue, due, snoozed until or closed. */
  private whenText(task: Task): string {
    const { localize, timeZone } = this;
    if (task.state === 'done' || task.state === 'dismissed') {
      const when = localize.date(task.closedAt ?? task.dueAt, true, timeZone);
      return localize.t(task.state === 'done' ? 'taskList.closedDone' : 'taskList.closedDismissed', when);
    }
    if (task.state === 'snoozed' && task.snoozedUntil)
      return localize.t('taskList.snoozedUntil', localize.date(task.snoozedUntil, true, timeZone));
    if (this.isOverdue(task))
      return localize.t('taskList.overdueDays', daysSince(this.lateFrom(task), this.clock(), timeZone));
    if (task.kind !== 'manual' && this.bucket === 'today') return '';
    return localize.t('taskList.dueAt', localize.date(task.dueAt, true, timeZone));
  }

  private isClosed(task: Task): boolean {
    return task.state === 'done' || task.state === 'dismissed';
  }

  private countOf(bucket: TaskBucket): number | undefined {
    return this.counts && this.counts[bucket];
  }

  /** Whether the adapter lets the associate add tasks. */
  private get canCreate(): boolean {
    return !!this.api && this.api.capabilities.createTask;
  }

  /* ---------------------------------------------------------------- changing tasks */

  /**
   * Applies `change` at once (the task leaves the list or changes in place, the counts follow), then
   * asks the adapter; a refusal puts the task back where it was and says why.
   */
  private async changeTask(task: Task, change: Change): Promise<void> {
    const api = this.api;
    if (!api || !this.tasks || this.busy.has(task.id)) return;
    const now = this.clock();
    const from = this.bucket;
    const index = this.tasks.findIndex((shown) => shown.id === task.id);
    const next = changed(task, change, now);
    const to = taskBucket(next, now, this.timeZone);
    this.snoozeOpenFor = undefined;
    this.place(next, from, to, index);
    this.setBusy(task.id, true);
    const generation = this.loadGeneration;
    try {
      const saved = await this.send(task.id, change);
      if (generation !== this.loadGeneration) return;
      if (to === this.bucket) this.replace(saved);
      emit(this, 'cl-task-change', { task: saved, change: change.kind });
      if (change.kind === 'reopen')
        this.feedback.show(this.localize.t('taskList.reopened', this.customerName(task.customerId)));
      else this.offerUndo({ before: task, saved, index, bucket: from, text: this.changedText(saved, change) });
    } catch (error) {
      if (generation !== this.loadGeneration) return;
      this.place(task, to, from, index);
      this.showFeedback(this.localize.t('taskList.notChanged', this.localize.error(toAdapterError(error))), 'error');
    } finally {
      this.setBusy(task.id, false);
    }
  }

  private send(taskId: string, change: Change): Promise<Task> {
    const api = this.api!;
    switch (change.kind) {
      case 'complete':
        return api.completeTask({ taskId });
      case 'dismiss':
        return api.dismissTask({ taskId });
      case 'reopen':
        return api.reopenTask({ taskId });
      case 'snooze':
        return api.snoozeTask({ taskId, until: change.until.toISOString() });
    }
  }

  /** Moves `task` from list `from` to list `to` in what is shown: the counts, and the list if it is one of them. */
  private place(task: Task, from: TaskBucket, to: TaskBucket, index: number): void {
    if (this.counts && from !== to)
      this.counts = { ...this.counts, [from]: this.counts[from] - 1, [to]: this.counts[to] + 1 };
    if (!this.tasks) return;
    const without = this.tasks.filter((shown) => shown.id !== task.id);
    if (to !== this.bucket) this.tasks = without;
    else if (from === to && index >= 0) this.tasks = this.tasks.map((shown) => (shown.id === task.id ? task : shown));
    else this.tasks = [...without.slice(0, Math.max(index, 0)), task, ...without.slice(Math.max(index, 0))];
  }

  private replace(task: Task): void {
    if (this.tasks) this.tasks = this.tasks.map((shown) => (shown.id === task.id ? task : shown));
  }

  private setBusy(taskId: string, busy: boolean): void {
    const next = new Set(this.busy);
    if (busy) next.add(taskId);
    else next.delete(taskId);
    this.busy = next;
  }

  private changedText(task: Task, change: Change): string {
    const name = this.customerName(task.customerId);
    if (change.kind === 'snooze')
      return this.localize.t('taskList.snoozed', name, this.localize.date(change.until, true, this.timeZone));
    return this.localize.t(change.kind === 'complete' ? 'taskList.completed' : 'taskList.dismissed', name);
  }

  private offerUndo(undoable: Undoable): void {
    this.feedback.clear();
    clearTimeout(this.undoTimer);
    this.undoable = undoable;
    this.undoTimer = setTimeout(() => (this.undoable = undefined), UNDO_DURATION);
  }

  private showFeedback(message: string, tone: 'success' | 'error'): void {
    clearTimeout(this.undoTimer);
    this.undoable = undefined;
    this.feedback.show(message, { tone });
  }

  /** Takes the last change back: the task returns where it was at once, and the adapter reopens it. */
  private async undo(): Promise<void> {
    const { undoable, api } = this;
    if (!undoable || !api) return;
    clearTimeout(this.undoTimer);
    this.undoable = undefined;
    const { before, saved, index, bucket } = undoable;
    const now = this.clock();
    const closedIn = taskBucket(saved, now, this.timeZone);
    this.place(before, closedIn, bucket, index);
    this.setBusy(before.id, true);
    const generation = this.loadGeneration;
    try {
      const reopened = await api.reopenTask({ taskId: before.id });
      if (generation !== this.loadGeneration) return;
      if (bucket === this.bucket) this.replace(taskAt(reopened, now));
      emit(this, 'cl-task-change', { task: reopened, change: 'reopen' });
      this.feedback.show(this.localize.t('taskList.reopened', this.customerName(before.customerId)));
    } catch (error) {
      if (generation !== this.loadGeneration) return;
      this.place(saved, bucket, closedIn, index);
      this.showFeedback(this.localize.t('taskList.notChanged', this.localize.error(toAdapterError(error))), 'error');
    } finally {
      this.setBusy(before.id, false);
    }
  }

  /* ---------------------------------------------------------------- adding a task */

  /** The form, made when its code arrives; it opens at once when Add was tapped before that. */
  private createForm(Form: typeof TaskForm): TaskForm {
    const form = new Form(this, {
      api: () => this.api,
      customerId: () => this.customerId,
      timeZone: () => this.timeZone,
      clock: () => this.clock(),
      close: () => (this.formOpen = false),
      added: (task, customer) => this.handleTaskAdded(task, customer),
    });
    if (this.formOpen) form.open();
    return form;
  }

  /** The adapter saved a task added in the form: the form closes, the list and its counts show it. */
  private handleTaskAdded(task: Task, customer: Customer | undefined): void {
    if (customer) this.rememberCustomer(customer.id, customer);
    this.formOpen = false;
    const to = taskBucket(task, this.clock(), this.timeZone);
    if (this.counts) this.counts = { ...this.counts, [to]: this.counts[to] + 1 };
    if (to === this.bucket && this.tasks) this.tasks = [task, ...this.tasks];
    this.loadCustomers([task]);
    this.showFeedback(this.localize.t('taskList.created', this.customerName(task.customerId)), 'success');
    emit(this, 'cl-task-change', { task, change: 'create' });
  }

  /* ---------------------------------------------------------------- event handlers */

  /** Another element did something that may complete a task (a coupon sent, a note written): load again. */
  private readonly handleOtherElementChange = (): void => {
    if (this.api) this.refresh();
  };

  private handleTabClick(bucket: TaskBucket): void {
    this.bucket = bucket;
  }

  /** Arrows, Home and End move between the tabs (one tab stop). */
  private async handleTabKeydown(e: KeyboardEvent): Promise<void> {
    const target = tabKeyTarget(e.key, BUCKETS.indexOf(this.bucket), BUCKETS.length);
    if (target === undefined) return;
    e.preventDefault();
    this.bucket = BUCKETS[target]!;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${this.bucket}`)?.focus();
  }

  /** The one-tap action: the page does it; a call follows the `tel:` link unless cancelled. */
  private handleActionClick(task: Task, e: Event): void {
    const detail = { task, action: task.action, customerId: task.customerId };
    if (!emit(this, 'cl-task-action', detail, { cancelable: true })) e.preventDefault();
  }

  private handleCompleteClick(task: Task): void {
    void this.changeTask(task, { kind: 'complete' });
  }

  private handleDismissClick(task: Task): void {
    void this.changeTask(task, { kind: 'dismiss' });
  }

  private handleReopenClick(task: Task): void {
    void this.changeTask(task, { kind: 'reopen' });
  }

  private async handleSnoozeToggle(task: Task): Promise<void> {
    this.snoozeOpenFor = this.snoozeOpenFor === task.id ? undefined : task.id;
    await this.updateComplete;
    if (this.snoozeOpenFor)
      this.renderRoot.querySelector<HTMLElement>(`[data-snooze-for="${task.id}"] button`)?.focus();
  }

  private handleSnoozeChoice(task: Task, until: Date): void {
    void this.changeTask(task, { kind: 'snooze', until });
  }

  /** Escape closes the snooze choices; focus returns to "Later". */
  private async handleSnoozeKeydown(task: Task, e: KeyboardEvent): Promise<void> {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    this.snoozeOpenFor = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-snooze="${task.id}"]`)?.focus();
  }

  private handleUndoClick(): void {
    void this.undo();
  }

  private handleMoreClick(): void {
    void this.loadMore();
  }

  private handleRetryClick(): void {
    void this.load(false);
  }

  /** Add opens the form (once its code is there: usually at once) or closes it. */
  private handleAddClick(): void {
    this.formOpen = !this.formOpen;
    if (this.formOpen) this.formPart.part?.open();
  }

  /* ---------------------------------------------------------------- rendering */

  protected override render() {
    return [
      this.renderOfflineNotice(),
      this.renderTabs(),
      this.renderAdd(),
      this.renderPanel(),
      this.renderUndo(),
      this.feedback.render(),
    ];
  }

  private renderTabs() {
    return html`<div part="tabs" class="tabs" role="tablist" aria-label=${this.localize.t('taskList.label')}>
      ${BUCKETS.map((bucket) => this.renderTab(bucket))}
    </div>`;
  }

  private renderTab(bucket: TaskBucket) {
    const selected = bucket === this.bucket;
    const name = this.localize.t(`taskList.bucket.${bucket}`);
    const count = this.countOf(bucket);
    return html`<button
      part=${selected ? 'tab tab-selected' : 'tab'}
      class="tab"
      role="tab"
      id="tab-${bucket}"
      aria-selected=${selected ? 'true' : 'false'}
      aria-controls="panel"
      tabindex=${selected ? 0 : -1}
      @click=${() => this.handleTabClick(bucket)}
      @keydown=${this.handleTabKeydown}
      >${name}${count === undefined ? nothing : html`<span part="count" class="count">${count}</span>`}</button
    >`;
  }

  private renderPanel() {
    return html`<div role="tabpanel" id="panel" class="panel" aria-labelledby="tab-${this.bucket}"
      >${this.renderState()}</div
    >`;
  }

  /** The list, its skeleton while loading, or why there is none. */
  private renderState() {
    return renderListState({
      localize: this.localize,
      connected: !!this.api,
      items: this.tasks,
      loadError: this.loadError,
      onRetry: this.handleRetryClick,
      skeletonRow: html`<li class="task skeleton-task" aria-hidden="true"
        ><div class="cl-skeleton line"></div><div class="cl-skeleton line short"></div
      ></li>`,
      renderEmpty: () => this.renderEmpty(),
      keyOf: (task) => task.id,
      renderItem: (task) => this.renderTask(task),
      renderAfter: () => this.renderMore(),
    });
  }

  private renderEmpty() {
    const { bucket } = this;
    return renderEmpty(this.localize.t(`taskList.empty.${bucket}`), this.localize.t(`taskList.emptyHint.${bucket}`));
  }

  private renderTask(task: Task) {
    const overdue = this.bucket === 'today' && this.isOverdue(task);
    const when = this.whenText(task);
    const name = this.customerName(task.customerId);
    const mark = overdue ? html`<span class="overdue-mark">${when}</span>` : nothing;
    return html`<li
      part=${overdue ? 'task task-overdue' : 'task'}
      class="task ${overdue ? 'overdue' : ''}"
      data-task=${task.id}
      data-kind=${task.kind}
      aria-busy=${this.busy.has(task.id) ? 'true' : 'false'}
    >
      <div class="task-main">
        <p part="customer" class="customer">${name}</p>
        <p part="reason" class="reason">${this.reason(task)}</p>
        ${when ? html`<p part="when" class="when">${overdue ? mark : when}</p>` : nothing}
      </div>
      ${this.isClosed(task) ? this.renderReopen(task, name) : this.renderButtons(task, name)}
    </li>`;
  }

  private renderButtons(task: Task, name: string) {
    const busy = this.busy.has(task.id);
    const open = this.snoozeOpenFor === task.id;
    return html`<div class="buttons">
        ${this.renderAction(task, name)}
        <button
          part="task-button complete"
          class="cl-button"
          type="button"
          aria-label=${this.localize.t('taskList.actionFor', this.localize.t('taskList.complete'), name)}
          ?disabled=${busy}
          @click=${() => this.handleCompleteClick(task)}
          >${this.localize.t('taskList.complete')}</button
        >
        <button
          part="task-button snooze"
          class="cl-button"
          type="button"
          data-snooze=${task.id}
          aria-label=${this.localize.t('taskList.actionFor', this.localize.t('taskList.snooze'), name)}
          aria-expanded=${open ? 'true' : 'false'}
          ?disabled=${busy}
          @click=${() => this.handleSnoozeToggle(task)}
          >${this.localize.t('taskList.snooze')}</button
        >
        <button
          part="task-button dismiss"
          class="cl-button"
          type="button"
          aria-label=${this.localize.t('taskList.actionFor', this.localize.t('taskList.dismiss'), name)}
          ?disabled=${busy}
          @click=${() => this.handleDismissClick(task)}
          >${this.localize.t('taskList.dismiss')}</button
        >
      </div>
      ${open ? this.renderSnoozeOptions(task) : nothing}`;
  }

  /** The one-tap action: a `tel:` link for a call to a customer with a phone, else a button. */
  private renderAction(task: Task, name: string) {
    const label = this.localize.t(`taskList.action.${task.action}`);
    const accessibleName = this.localize.t('taskList.actionFor', label, name);
    const phone =
      task.action === 'call' ? this.customers.get(task.customerId)?.remarkPhones?.find(dialable) : undefined;
    if (phone) {
      return html`<a
        part="action"
        class="cl-button"
        data-variant="primary"
        href="tel:${dialable(phone)}"
        aria-label=${accessibleName}
        @click=${(e: Event) => this.handleActionClick(task, e)}
        >${label}</a
      >`;
    }
    return html`<button
      part="action"
      class="cl-button"
      data-variant="primary"
      type="button"
      aria-label=${accessibleName}
      @click=${(e: Event) => this.handleActionClick(task, e)}
      >${label}</button
    >`;
  }

  private renderSnoozeOptions(task: Task) {
    const now = this.clock();
    const choices = SNOOZE_CHOICES.map((choice) => [choice, snoozeUntil(choice, now, this.timeZone)] as const).filter(
      (entry): entry is readonly [SnoozeChoice, Date] => entry[1] !== undefined,
    );
    return html`<div
      part="snooze-options"
      class="snooze-options"
      role="group"
      data-snooze-for=${task.id}
      aria-label=${this.localize.t('taskList.snoozeOptions')}
      @keydown=${(e: KeyboardEvent) => this.handleSnoozeKeydown(task, e)}
    >
      ${choices.map(
        ([choice, until]) =>
          html`<button
            class="cl-button"
            type="button"
            data-choice=${choice}
            @click=${() => this.handleSnoozeChoice(task, until)}
            >${this.localize.t(`taskList.snooze.${choice}`)}<small>${this.snoozeTimeText(choice, until)}</small></button
          >`,
      )}
    </div>`;
  }

  /** When a snooze ends, briefly: "13:00" later today, "周三 09:00" / "Wed 09:00" on another day. */
  private snoozeTimeText(choice: SnoozeChoice, until: Date): string {
    const withDay = choice !== 'later-today';
    const key = `${this.localize.locale} ${this.timeZone} ${withDay}`;
    let format = snoozeFormats.get(key);
    if (!format) {
      const weekday = withDay ? { weekday: 'short' as const } : {};
      format = new Intl.DateTimeFormat(this.localize.locale, {
        ...weekday,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: this.timeZone,
      });
      snoozeFormats.set(key, format);
    }
    return format.format(until);
  }

  private renderReopen(task: Task, name: string) {
    return html`<div class="buttons">
      <button
        part="task-button reopen"
        class="cl-button"
        type="button"
        aria-label=${this.localize.t('taskList.actionFor', this.localize.t('taskList.reopen'), name)}
        ?disabled=${this.busy.has(task.id)}
        @click=${() => this.handleReopenClick(task)}
        >${this.localize.t('taskList.reopen')}</button
      >
    </div>`;
  }

  private renderMore() {
    if (!this.nextCursor) return nothing;
    return renderMore({
      localize: this.localize,
      words: {
        more: this.localize.t('taskList.more'),
        loadingMore: this.localize.t('taskList.loadingMore'),
        moreFailed: this.localize.t('taskList.moreFailed'),
      },
      loading: this.loadingMore,
      failed: !!this.moreError,
      onClick: this.handleMoreClick,
    });
  }

  /* -------------------------------- adding a task */

  private renderAdd() {
    if (!this.canCreate || !this.api) return nothing;
    return html`<div class="add-area">
      <button
        part="add"
        class="cl-button add"
        type="button"
        aria-expanded=${this.formOpen ? 'true' : 'false'}
        aria-controls="task-form"
        @click=${this.handleAddClick}
        >+ ${this.localize.t('taskList.add')}</button
      >
      ${this.formOpen ? this.formPart.render(this.localize, (form) => form.render()) : nothing}
    </div>`;
  }

  /** The message after a change, with Undo, in a live region that is always there. */
  private renderUndo() {
    const { undoable } = this;
    const message = undoable
      ? html`<p class="cl-feedback-message undo-message" data-tone="info">
          <span>${undoable.text}</span>
          <button class="undo-button" type="button" @click=${this.handleUndoClick}
            >${this.localize.t('taskList.undo')}</button
          >
        </p>`
      : nothing;
    return html`<div part="undo" class="cl-feedback undo" role="status">${message}</div>`;
  }
}

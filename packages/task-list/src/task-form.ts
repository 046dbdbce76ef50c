// The form of <cl-task-list> that adds a task, opened by its Add button: a module of its own,
// which the element loads on demand (core's `OnDemand`), so that its first load carries only the
// list. Its strings load with it (task-form.messages.ts), its look is in the element's styles.
import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ClientelingAdapter } from '@clienteling/core';
import { LIMITS, type Customer, type Task } from '@clienteling/core/trade.js';
import { createRequestId } from '@clienteling/core/request-id.js';
import { toAdapterError } from '@clienteling/core/errors.js';
import { LocalizeController, renderCounter, renderFormButtons, type MessagesOf } from '@clienteling/core/elements.js';
import { taskFormMessages } from './task-form.messages.js';
import { fromWallTime, wallTime } from './task-time.js';

/** How long the customer search waits after a keystroke, in ms. */
const SEARCH_DELAY = 200;

/** What the form needs of its element. */
export interface TaskFormLink {
  /** The element's adapter, when it has one. */
  api(): ClientelingAdapter | undefined;
  /** The element's own customer (`customer-id`), or `''` when the list is all of the associate's. */
  customerId(): string;
  /** The store's time zone, for the due time. */
  timeZone(): string;
  /** The moment days are counted from. */
  clock(): Date;
  /** Closes the form (what was typed stays for the next time it opens). */
  close(): void;
  /** The adapter saved the new task (for `customer`, when one was picked): the form closes, the list shows it. */
  added(task: Task, customer: Customer | undefined): void;
}

/**
 * The form for a new task and what the associate typed in it, made once per element when its code
 * arrives, so that a draft stays from one opening to the next (Escape) until it is saved or cancelled.
 */
export class TaskForm implements ReactiveController {
  private query = '';
  private matches?: Customer[];
  private customer?: Customer;
  private title = '';
  private due = '';
  private saving = false;
  private error?: string;
  /** The request id of the task being added: a retry of the same task reuses it (`once`). */
  private requestId = createRequestId();
  /** The first field takes focus once the form has rendered. */
  private focusPending = false;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private searchCount = 0;

  /** Its strings and the list's, on the list: an English list waits for them to render. */
  private readonly localize: LocalizeController<MessagesOf<typeof taskFormMessages>>;

  constructor(
    private readonly host: ReactiveElement,
    private readonly link: TaskFormLink,
  ) {
    host.addController(this);
    this.localize = new LocalizeController(host, taskFormMessages);
  }

  hostUpdated(): void {
    if (!this.focusPending) return;
    const field = this.field('#task-customer, #task-title');
    if (!field) return;
    this.focusPending = false;
    field.focus();
  }

  hostDisconnected(): void {
    clearTimeout(this.searchTimer);
  }

  /** The form opens: it starts with a due time (unless one was typed), and its first field takes focus. */
  open(): void {
    this.due ||= this.defaultDue();
    this.focusPending = true;
    this.host.requestUpdate();
  }

  /** Forgets what was typed (after a save, Cancel, or another `customer-id`). */
  reset(): void {
    this.query = this.title = this.due = '';
    this.matches = this.customer = this.error = undefined;
    this.requestId = createRequestId();
    this.host.requestUpdate();
  }

  /* ---------------------------------------------------------------- state */

  private field(selector: string): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(selector);
  }

  /** The due time a new task starts with: the next full hour but one, in the store's time zone. */
  private defaultDue(): string {
    const now = this.link.clock();
    const hour = 3_600_000;
    return wallTime(new Date(Math.ceil(now.getTime() / hour) * hour + hour), this.link.timeZone());
  }

  /** The customer a new task is for: the element's own, else the one picked in the form. */
  private customerId(): string | undefined {
    return this.link.customerId() || this.customer?.id;
  }

  private problem(): string | undefined {
    const max = LIMITS.taskTitleMaxLength;
    return this.title.length > max ? this.localize.t('common.tooLong', max) : undefined;
  }

  private canSubmit(): boolean {
    const due = fromWallTime(this.due, this.link.timeZone());
    return !!this.customerId() && !!this.title.trim() && !this.problem() && !!due && !this.saving;
  }

  private async createTask(): Promise<void> {
    const api = this.link.api();
    const customerId = this.customerId();
    const due = fromWallTime(this.due, this.link.timeZone());
    if (!api || !customerId || !due || !this.canSubmit()) return;
    this.saving = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const task = await api.createTask({
        requestId: this.requestId,
        customerId,
        title: this.title.trim(),
        dueAt: due.toISOString(),
      });
      const { customer } = this;
      this.reset();
      this.link.added(task, customer);
      await this.host.updateComplete;
      this.field('[part~="add"]')?.focus();
    } catch (error) {
      const { localize } = this;
      this.error = localize.t('taskList.notCreated', localize.error(toAdapterError(error)));
    } finally {
      this.saving = false;
      this.host.requestUpdate();
    }
  }

  private async searchCustomers(query: string): Promise<void> {
    const api = this.link.api();
    const searchNumber = ++this.searchCount;
    if (!api || !query.trim()) {
      this.showMatches(undefined);
      return;
    }
    try {
      const page = await api.searchCustomers({ query: query.trim(), limit: 8 });
      if (searchNumber === this.searchCount) this.showMatches(page.items);
    } catch {
      if (searchNumber === this.searchCount) this.showMatches([]);
    }
  }

  private showMatches(matches: Customer[] | undefined): void {
    this.matches = matches;
    this.host.requestUpdate();
  }

  /* ---------------------------------------------------------------- event handlers */

  private readonly handleCancel = (): void => {
    this.link.close();
    this.reset();
  };

  /** Escape closes the form (what was typed stays); focus returns to Add. */
  private readonly handleKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    this.link.close();
    this.field('[part~="add"]')?.focus();
  };

  private readonly handleSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    void this.createTask();
  };

  private readonly handleQueryInput = (e: Event): void => {
    this.query = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.searchCustomers(this.query), SEARCH_DELAY);
  };

  private async handlePickCustomer(customer: Customer): Promise<void> {
    this.customer = customer;
    this.matches = undefined;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.field('#task-title')?.focus();
  }

  private readonly handleChangeCustomerClick = async (): Promise<void> => {
    this.customer = undefined;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.field('#task-customer')?.focus();
  };

  private readonly handleTitleInput = (e: Event): void => {
    this.title = (e.target as HTMLTextAreaElement).value;
    this.host.requestUpdate();
  };

  private readonly handleDueInput = (e: Event): void => {
    this.due = (e.target as HTMLInputElement).value;
    this.host.requestUpdate();
  };

  /* ---------------------------------------------------------------- rendering */

  render() {
    const { localize } = this;
    const max = LIMITS.taskTitleMaxLength;
    const problem = this.problem();
    const length = this.title.length;
    return html`<form
      part="form"
      class="form"
      id="task-form"
      aria-labelledby="form-title"
      @submit=${this.handleSubmit}
      @keydown=${this.handleKeydown}
    >
      <h3 id="form-title">${localize.t('taskList.addTitle')}</h3>
      ${this.renderCustomerField()}
      <label for="task-title">${localize.t('taskList.formTitle')}</label>
      <textarea
        id="task-title"
        rows="2"
        aria-describedby="task-count${problem ? ' task-problem' : ''}"
        aria-invalid=${problem ? 'true' : 'false'}
        .value=${live(this.title)}
        @input=${this.handleTitleInput}
      ></textarea>
      ${renderCounter({ localize, id: 'task-count', length, max, over: !!problem })}
      ${problem ? html`<p class="problem" id="task-problem">${problem}</p>` : nothing}
      <label for="task-due">${localize.t('taskList.formDue')}</label>
      <input id="task-due" type="datetime-local" .value=${live(this.due)} @input=${this.handleDueInput} />
      ${this.error ? html`<p class="problem" role="alert">${this.error}</p>` : nothing}
      ${renderFormButtons({
        localize,
        saveLabel: localize.t(this.saving ? 'taskList.saving' : 'taskList.save'),
        saveDisabled: !this.canSubmit(),
        onCancel: this.handleCancel,
      })}
    </form>`;
  }

  /** The element's customer, the one picked (with Change), or a search to pick one. */
  private renderCustomerField() {
    if (this.link.customerId()) return nothing;
    const { localize } = this;
    const picked = this.customer;
    if (picked) {
      return html`<p class="picked">
        <span>${localize.t('taskList.pickedCustomer')}<strong>${picked.remark || picked.name}</strong></span>
        <button class="cl-button" type="button" @click=${this.handleChangeCustomerClick}
          >${localize.t('taskList.changeCustomer')}</button
        >
      </p>`;
    }
    const { matches } = this;
    const noMatch = matches && !matches.length ? html`<p class="muted">${localize.t('taskList.noMatch')}</p>` : nothing;
    return html`<label for="task-customer">${localize.t('taskList.formCustomer')}</label>
      <input
        id="task-customer"
        type="search"
        autocomplete="off"
        enterkeyhint="search"
        placeholder=${localize.t('taskList.searchCustomer')}
        .value=${live(this.query)}
        @input=${this.handleQueryInput}
      />
      ${noMatch} ${matches && matches.length ? this.renderMatches(matches) : nothing}`;
  }

  private renderMatches(matches: readonly Customer[]) {
    return html`<ul class="matches" aria-label=${this.localize.t('taskList.formCustomer')}>
      ${matches.map(
        (customer) =>
          html`<li>
            <button class="cl-button match" type="button" @click=${() => this.handlePickCustomer(customer)}
              >${customer.name}${customer.remark ? html` · <small>${customer.remark}</small>` : nothing}</button
            >
          </li>`,
      )}
    </ul>`;
  }
}

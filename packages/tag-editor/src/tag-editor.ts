import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import {
  applyTagDiff,
  tagNameProblem,
  toAdapterError,
  type AdapterError,
  type Customer,
  type Tag,
  type TagGroup,
} from '@clienteling/core';
import { ClientelingElement, LocalizeController, baseStyles, emit } from '@clienteling/core/elements.js';
import type { TagPicker, TagState, TagToggleDetail } from './tag-picker.js';
import { editorMessages } from './tag-editor.messages.js';
import { editorStyles } from './tag-editor.styles.js';

/** Detail of `cl-tags-change`: what the adapter confirmed for the customer. */
export interface TagsChangeDetail {
  customerId: string;
  /** Tags the customer gained. */
  add: string[];
  /** Tags the customer lost (including the one a single-select group replaced). */
  remove: string[];
  /** The customer's tags now. */
  tagIds: string[];
}

/** One change asked for by the user: a diff about one tag. */
interface Change {
  customerId: string;
  tag: Tag;
  add: string[];
  remove: string[];
}

/** The failure shown to the user, with what a retry would do. */
interface Failure {
  text: string;
  retry?: () => void;
}

const minus = (a: readonly string[], b: readonly string[]) => a.filter((id) => !b.includes(id));

/**
 * One customer's tags, grouped, to view and edit. Single-select groups replace their tag, multi-select
 * groups add; rule tags are shown apart and read-only; new tags can be created where the adapter
 * allows. Edits are optimistic: a change that fails returns visibly to its previous state, with the
 * reason, and nothing else the user changed is lost.
 *
 * In `instant` mode each change is sent at once (one at a time, in order); in `save` mode changes are
 * collected and sent as one add/remove diff by the Save button.
 *
 * @summary View and edit a customer's tags, with search, tag creation and optimistic updates.
 *
 * @csspart search - The search box.
 * @csspart picker - The `<cl-tag-picker>` of the associate's tags (its parts are exported too:
 *   group, group-label, tags, tag, tag-selected, tag-pending, tag-error, match, empty).
 * @csspart rules - The section of rule tags.
 * @csspart create - A group's "new tag" button and form.
 * @csspart message - The message about a failed change.
 * @csspart save-bar - The bar with the unsaved count, Discard and Save (`save` mode).
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The message shown when the tags could not be loaded.
 *
 * @cssproperty --cl-tag-editor-gap - Space between the editor's sections.
 * @cssproperty --cl-tag-editor-background - Background of the editor and of its save bar.
 * @cssproperty --cl-tag-editor-error-color - Colour of error messages.
 *
 * @event cl-tags-change - The adapter confirmed a change. Detail: `{ customerId, add, remove, tagIds }`.
 */
export class TagEditor extends ClientelingElement {
  static override styles = [baseStyles, editorStyles];

  /** Id of the customer whose tags are shown. */
  @property({ attribute: 'customer-id' }) customerId = '';

  /** `instant` sends each change at once; `save` collects changes until the user saves. */
  @property({ reflect: true }) mode: 'instant' | 'save' = 'instant';

  /** Shows the customer's tags without editing. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  @state() private groups?: TagGroup[];
  @state() private customer?: Customer;
  @state() private loadError?: AdapterError;
  @state() private query = '';
  /** Tag ids the adapter last confirmed. */
  @state() private confirmed: string[] = [];
  /** `instant`: changes waiting for (or in) a request, in order. */
  @state() private queue: Change[] = [];
  /** `save`: the tag ids the user wants, while they differ from `confirmed`. */
  @state() private draft?: string[];
  @state() private saving = false;
  @state() private failed = new Set<string>();
  @state() private failure?: Failure;
  @state() private announcement = '';
  /** The group whose create-tag form is open, and that form's input and problem. */
  @state() private creating?: string;
  @state() private newName = '';
  @state() private newProblem = '';
  @state() private createBusy = false;

  @query('#new-tag') private newInput?: HTMLInputElement;
  @query('cl-tag-picker') private picker?: TagPicker;

  private readonly l = new LocalizeController(this, editorMessages);
  private stale = true;
  private generation = 0;
  private sending = false;
  private maxLength?: number;
  private nameFor?: string;
  private groupsMemo?: [TagGroup[] | undefined, string[] | undefined, TagGroup[], TagGroup[]];

  protected override apiChanged(): void {
    this.stale = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.stale || changed.has('customerId')) {
      this.stale = false;
      void this.load();
    }
  }

  /** Loads the tag groups and the customer again (also what the Retry button does). */
  async load(): Promise<void> {
    const generation = ++this.generation;
    const { api, customerId } = this;
    this.groups = this.customer = this.loadError = this.draft = this.failure = this.creating = undefined;
    this.queue = [];
    this.failed = new Set();
    if (!api || !customerId) return;
    try {
      const [groups, customer, policy] = await Promise.all([
        api.listTagGroups({}),
        api.getCustomer({ customerId }),
        api.getPolicy({}).catch(() => undefined),
      ]);
      if (generation !== this.generation) return;
      this.maxLength = policy?.tagNameMaxLength;
      this.groups = groups;
      this.customer = customer;
      this.confirmed = customer.tagIds;
    } catch (error) {
      if (generation === this.generation) this.loadError = toAdapterError(error);
    }
  }

  private get editable(): boolean {
    return !this.readonly && !!this.api?.capabilities.markTags;
  }

  /** The tag ids shown: confirmed ones with the user's pending changes applied. */
  private get current(): string[] {
    return this.draft ?? this.queue.reduce((ids, change) => this.apply(ids, change), this.confirmed);
  }

  private apply(ids: string[], diff: { add: string[]; remove: string[] }): string[] {
    try {
      return applyTagDiff(ids, diff, this.groups ?? []).tagIds;
    } catch {
      return ids;
    }
  }

  private nameOf(id: string): string {
    for (const g of this.groups ?? []) for (const t of g.tags) if (t.id === id) return t.name;
    return id;
  }

  private setFailed(id: string, on: boolean): void {
    const next = new Set(this.failed);
    if (on) next.add(id);
    else next.delete(id);
    this.failed = next;
  }

  private onToggle(e: CustomEvent<TagToggleDetail>): void {
    this.change(e.detail.tag, e.detail.selected);
  }

  /** Asks for `tag` to be (un)selected, sent at once or kept for Save depending on `mode`. */
  private change(tag: Tag, selected: boolean): void {
    const change: Change = {
      customerId: this.customerId,
      tag,
      add: selected ? [tag.id] : [],
      remove: selected ? [] : [tag.id],
    };
    this.setFailed(tag.id, false);
    this.failure = undefined;
    this.announcement = '';
    if (this.mode === 'save') {
      const draft = this.apply(this.current, change);
      this.draft = minus(draft, this.confirmed).length + minus(this.confirmed, draft).length ? draft : undefined;
      return;
    }
    this.queue = [...this.queue, change];
    void this.send();
  }

  /** Sends queued changes one at a time, in order; a failed one rolls back alone. */
  private async send(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    const generation = this.generation;
    while (this.queue.length && generation === this.generation) {
      const change = this.queue[0]!;
      const { customerId, tag, add, remove } = change;
      try {
        const customer = await this.api!.markTags({ customerId, add, remove });
        if (generation !== this.generation) break;
        this.queue = this.queue.slice(1);
        this.confirm(customer);
      } catch (error) {
        if (generation !== this.generation) break;
        this.queue = this.queue.slice(1);
        const err = toAdapterError(error);
        this.setFailed(tag.id, true);
        this.failure = {
          text: this.l.t('tagEditor.failed', tag.name, this.l.error(err)),
          ...(err.retryable ? { retry: () => this.change(tag, add.length > 0) } : {}),
        };
      }
    }
    this.sending = false;
  }

  /** Takes the customer the adapter returned as the truth and tells the page what changed. */
  private confirm(customer: Customer): void {
    const before = this.confirmed;
    this.customer = customer;
    this.confirmed = customer.tagIds;
    emit(this, 'cl-tags-change', {
      customerId: customer.id,
      add: minus(customer.tagIds, before),
      remove: minus(before, customer.tagIds),
      tagIds: customer.tagIds,
    });
  }

  private async save(): Promise<void> {
    const draft = this.draft;
    if (!draft || this.saving) return;
    const add = minus(draft, this.confirmed);
    const remove = minus(this.confirmed, draft);
    const generation = this.generation;
    this.saving = true;
    this.failure = undefined;
    try {
      const customer = await this.api!.markTags({ customerId: this.customerId, add, remove });
      if (generation !== this.generation) return;
      this.draft = undefined;
      this.failed = new Set();
      this.confirm(customer);
      this.announcement = this.l.t('tagEditor.saved');
    } catch (error) {
      if (generation !== this.generation) return;
      const err = toAdapterError(error);
      const reason = this.l.error(err);
      // An error that names one change (`add.2`, `remove.0`) rolls back that change only.
      const [, list, index] = /^(add|remove)\.(\d+)$/.exec(err.field ?? '') ?? [];
      const id = list && (list === 'add' ? add : remove)[Number(index)];
      if (id) {
        this.draft = this.apply(draft, list === 'add' ? { add: [], remove: [id] } : { add: [id], remove: [] });
        for (const g of this.groups ?? []) {
          // Rolling back a single-select choice brings back the group's confirmed tag.
          if (g.selection === 'single' && g.tags.some((t) => t.id === id)) {
            const old = this.confirmed.find((c) => g.tags.some((t) => t.id === c));
            if (old && !this.draft.some((c) => g.tags.some((t) => t.id === c))) this.draft = [...this.draft, old];
          }
        }
        if (!minus(this.draft, this.confirmed).length && !minus(this.confirmed, this.draft).length) this.draft = undefined;
        this.setFailed(id, true);
        this.failure = { text: `${this.l.t('tagEditor.failed', this.nameOf(id), reason)} ${this.l.t('tagEditor.kept')}` };
      } else {
        this.failure = {
          text: this.l.t('tagEditor.saveFailed', reason),
          ...(err.retryable ? { retry: () => void this.save() } : {}),
        };
      }
    } finally {
      this.saving = false;
    }
  }

  private discard(): void {
    this.draft = this.failure = undefined;
    this.failed = new Set();
  }

  /* ---------------------------------------------------------------- creating tags */

  private openCreate(groupId: string): void {
    // Reopening the same group's form keeps what was typed in it.
    if (this.nameFor !== groupId) {
      this.newName = '';
      this.newProblem = '';
    }
    this.creating = this.nameFor = groupId;
    void this.updateComplete.then(() => this.newInput?.focus());
  }

  private closeCreate(): void {
    const groupId = this.creating;
    this.creating = undefined;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-create="${CSS.escape(groupId ?? '')}"]`)?.focus(),
    );
  }

  private problem(name: string, group: TagGroup, includeEmpty: boolean): string {
    const problem = tagNameProblem(name, group, this.maxLength);
    if (!problem || (problem === 'empty' && !includeEmpty)) return '';
    return problem === 'too-long'
      ? this.l.t('tagEditor.problem.too-long', this.maxLength ?? 30)
      : this.l.t(problem === 'empty' ? 'tagEditor.problem.empty' : 'tagEditor.problem.duplicate');
  }

  private onNameInput(e: Event, group: TagGroup): void {
    this.newName = (e.target as HTMLInputElement).value;
    this.newProblem = this.problem(this.newName, group, false);
  }

  private async createTag(e: Event, group: TagGroup): Promise<void> {
    e.preventDefault();
    if (this.createBusy) return;
    const name = this.newName.trim();
    this.newProblem = this.problem(name, group, true);
    if (this.newProblem) {
      this.newInput?.focus();
      return;
    }
    const generation = this.generation;
    this.createBusy = true;
    try {
      const tag = await this.api!.createTag({ groupId: group.id, name });
      if (generation !== this.generation) return;
      this.groups = this.groups!.map((g) => (g.id === group.id ? { ...g, tags: [...g.tags, tag] } : g));
      this.creating = undefined;
      this.newName = '';
      this.change(tag, true);
      await this.updateComplete;
      await this.picker?.updateComplete;
      this.picker?.shadowRoot?.querySelector<HTMLElement>(`[data-id="${CSS.escape(tag.id)}"]`)?.focus();
    } catch (error) {
      const err = toAdapterError(error);
      this.newProblem = err.code === 'conflict' ? this.l.t('tagEditor.problem.duplicate') : this.l.error(err);
      this.newInput?.focus();
    } finally {
      this.createBusy = false;
    }
  }

  /* ---------------------------------------------------------------- rendering */

  /** Manual groups (in read-only views only the customer's tags) and the customer's rule tags. */
  private splitGroups(selected: string[] | undefined): [TagGroup[], TagGroup[]] {
    const memo = this.groupsMemo;
    if (memo && memo[0] === this.groups && (memo[1] === selected || (!memo[1] && !selected))) return [memo[2], memo[3]];
    const groups = this.groups ?? [];
    const rules = new Set(this.customer?.ruleTagIds);
    const own = new Set(this.customer?.tagIds);
    const only = (g: TagGroup, keep: (t: Tag) => boolean) => ({ ...g, tags: g.tags.filter(keep) });
    const manual = groups
      .filter((g) => g.kind === 'manual')
      .map((g) => (selected ? only(g, (t) => selected.includes(t.id)) : g))
      .filter((g) => !selected || g.tags.length);
    const ruled = groups
      .map((g) => only(g, (t) => rules.has(t.id) || (g.kind === 'rule' && own.has(t.id))))
      .filter((g) => g.tags.length);
    this.groupsMemo = [this.groups, selected, manual, ruled];
    return [manual, ruled];
  }

  protected override render() {
    const { l } = this;
    if (!this.api) return html`<p class="note">${l.t('common.noAdapter')}</p>`;
    if (!this.customerId) return html`<p class="note">${l.t('tagEditor.noCustomer')}</p>`;
    if (this.loadError) {
      return html`<div part="error" class="note" role="alert">
        <p>${l.error(this.loadError)}</p>
        ${this.loadError.retryable
          ? html`<button class="cl-button" @click=${() => void this.load()}>${l.t('common.retry')}</button>`
          : nothing}
      </div>`;
    }
    if (!this.groups || !this.customer) return this.renderSkeleton();
    const editable = this.editable;
    const current = this.current;
    const [manual, ruled] = this.splitGroups(editable ? undefined : this.customer.tagIds);
    const states: Record<string, TagState> = {};
    const changed = this.draft
      ? [...minus(this.draft, this.confirmed), ...minus(this.confirmed, this.draft)]
      : this.queue.map((c) => c.tag.id);
    for (const id of changed) states[id] = 'pending';
    for (const id of this.failed) states[id] = 'error';
    // A replaced choice in a single-select group is one change, not two.
    const unsaved = this.draft
      ? changed.length -
        this.groups.filter((g) => g.selection === 'single' && g.tags.filter((t) => changed.includes(t.id)).length > 1).length
      : 0;
    const q = this.query.trim().toLocaleLowerCase();
    const showRules = ruled.some((g) => g.tags.some((t) => t.name.toLocaleLowerCase().includes(q)));
    return html`
      <input
        part="search"
        class="search"
        type="search"
        enterkeyhint="search"
        autocomplete="off"
        aria-label=${l.t('tagEditor.search')}
        placeholder=${l.t('tagEditor.search')}
        .value=${live(this.query)}
        @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
      />
      ${this.failure
        ? html`<div part="message" class="message" role="alert">
            <p>${this.failure.text}</p>
            ${this.failure.retry
              ? html`<button class="cl-button" @click=${this.failure.retry}>${l.t('common.retry')}</button>`
              : nothing}
            <button class="cl-button" @click=${() => (this.failure = undefined)}>${l.t('common.close')}</button>
          </div>`
        : nothing}
      ${!manual.length && !ruled.length
        ? html`<p class="note">${l.t(this.groups.length ? 'tagEditor.noTags' : 'tagEditor.noGroups')}</p>`
        : html`<cl-tag-picker
            part="picker"
            exportparts="group, group-label, tags, tag, tag-selected, tag-pending, tag-error, match, empty"
            label=${l.t('tagEditor.label', this.customer.name)}
            .groups=${manual}
            .selected=${current}
            .states=${states}
            .query=${this.query}
            ?readonly=${!editable}
            @cl-tag-toggle=${this.onToggle}
          >
            ${editable && this.api.capabilities.createTag
              ? manual.filter((g) => g.allowCreate && !g.deleted).map((g) => this.renderCreate(g))
              : nothing}
          </cl-tag-picker>`}
      ${showRules
        ? html`<section part="rules" class="rules">
            <h3>${l.t('tagEditor.rules')}</h3>
            <cl-tag-picker
              label=${l.t('tagEditor.rules')}
              readonly
              .groups=${ruled}
              .selected=${ruled.flatMap((g) => g.tags.map((t) => t.id))}
              .query=${this.query}
            ></cl-tag-picker>
          </section>`
        : nothing}
      ${this.mode === 'save' && editable
        ? html`<div part="save-bar" class="bar">
            <span class="count">${unsaved ? l.t('tagEditor.unsaved', unsaved) : ''}</span>
            <button class="cl-button" ?disabled=${!unsaved || this.saving} @click=${this.discard}>
              ${l.t('tagEditor.discard')}
            </button>
            <button class="cl-button" data-variant="primary" ?disabled=${!unsaved || this.saving} @click=${this.save}>
              ${l.t('tagEditor.save')}
            </button>
          </div>`
        : nothing}
      <p class="cl-visually-hidden" role="status">${this.announcement || (unsaved ? l.t('tagEditor.unsaved', unsaved) : '')}</p>
    `;
  }

  private renderCreate(group: TagGroup) {
    const { l } = this;
    if (this.creating !== group.id) {
      return html`<button
        slot="after-${group.id}"
        part="create"
        class="cl-button add"
        data-create=${group.id}
        aria-label=${l.t('tagEditor.newTagIn', group.name)}
        @click=${() => this.openCreate(group.id)}
      >
        + ${l.t('tagEditor.newTag')}
      </button>`;
    }
    const max = this.maxLength ?? 30;
    const count = [...this.newName.trim()].length;
    return html`<form slot="after-${group.id}" part="create" class="create" novalidate @submit=${(e: Event) => this.createTag(e, group)}>
      <input
        id="new-tag"
        autocomplete="off"
        enterkeyhint="done"
        aria-label=${l.t('tagEditor.newTagIn', group.name)}
        placeholder=${l.t('tagEditor.newTag')}
        aria-invalid=${this.newProblem ? 'true' : 'false'}
        aria-describedby="new-tag-hint"
        .value=${live(this.newName)}
        @input=${(e: Event) => this.onNameInput(e, group)}
        @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.closeCreate()}
      />
      <button class="cl-button" data-variant="primary" ?disabled=${this.createBusy}>${l.t('tagEditor.add')}</button>
      <button class="cl-button" type="button" @click=${this.closeCreate}>${l.t('common.cancel')}</button>
      <p id="new-tag-hint" class=${this.newProblem ? 'problem' : 'counter'} aria-live="polite">
        ${this.newProblem || `${count}/${max}`}
      </p>
    </form>`;
  }

  private renderSkeleton() {
    return html`<div part="skeleton" aria-busy="true">
      <span class="cl-visually-hidden" role="status">${this.l.t('common.loading')}</span>
      <div class="search cl-skeleton"></div>
      ${[0, 1, 2].map(
        () => html`<div class="sk-group">
          <div class="cl-skeleton sk-label"></div>
          <div class="sk-tags">${[0, 1, 2, 3, 4, 5].map(() => html`<div class="cl-skeleton sk-tag"></div>`)}</div>
        </div>`,
      )}
    </div>`;
  }
}

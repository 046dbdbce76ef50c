import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import {
  applyTagDiff,
  toAdapterError,
  type AdapterError,
  type Customer,
  type Tag,
  type TagGroup,
} from '@clienteling/core';
import { ClientelingElement, LocalizeController, baseStyles, emit } from '@clienteling/core/elements.js';
import type { TagState, TagToggleDetail } from './tag-picker.js';
import type { TagCreateController } from './tag-create.js';
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
/** The add/remove diff that turns `from` into `to`. */
const diff = (from: string[], to: string[]) => ({ add: minus(to, from), remove: minus(from, to) });
const size = (d: { add: string[]; remove: string[] }) => d.add.length + d.remove.length;

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
 * @csspart picker - The `<cl-tag-picker>` of the associate's tags.
 * @csspart tag - A tag (exported from the picker, as are tag-selected, tag-pending, tag-error and match).
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

  @state() private groups: TagGroup[] = [];
  /** The customer as last confirmed by the adapter; undefined while loading. */
  @state() private customer?: Customer;
  @state() private loadError?: AdapterError;
  @state() private query = '';
  /** `instant`: changes waiting for (or in) a request, in order. */
  @state() private queue: Change[] = [];
  /** `save`: the tag ids the user wants, while they differ from the customer's. */
  @state() private draft?: string[];
  @state() private saving = false;
  @state() private failed: string[] = [];
  @state() private failure?: Failure;
  @state() private announcement = '';

  private readonly l = new LocalizeController(this, editorMessages);
  private stale = true;
  private generation = 0;
  private sending = false;
  private maxLength = 30;
  private form?: TagCreateController;
  private memo?: [TagGroup[], string[] | undefined, TagGroup[], TagGroup[]];

  protected override apiChanged(): void {
    this.stale = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.customerId) this.askHost('customer', (id) => (this.customerId ||= id));
    if (this.stale || changed.has('customerId')) {
      this.stale = false;
      void this.load();
    }
  }

  /** Loads the tag groups and the customer again (also what the Retry button does). */
  async load(): Promise<void> {
    const generation = ++this.generation;
    const { api, customerId } = this;
    this.customer = this.loadError = this.draft = this.failure = undefined;
    if (this.form) this.form.open = undefined;
    this.queue = this.failed = [];
    if (!api || !customerId) return;
    try {
      const [groups, customer, policy] = await Promise.all([
        api.listTagGroups({}),
        api.getCustomer({ customerId }),
        api.getPolicy({}).catch(() => undefined),
      ]);
      if (generation !== this.generation) return;
      if (policy) this.maxLength = policy.tagNameMaxLength;
      this.groups = groups;
      this.customer = customer;
    } catch (error) {
      if (generation === this.generation) this.loadError = toAdapterError(error);
    }
  }

  private get editable(): boolean {
    return !this.readonly && !!this.api && this.api.capabilities.markTags;
  }

  private get confirmed(): string[] {
    return this.customer ? this.customer.tagIds : [];
  }

  /** The tag ids shown: the confirmed ones with the user's pending changes applied. */
  private get current(): string[] {
    return this.draft || this.queue.reduce((ids, change) => this.apply(ids, change), this.confirmed);
  }

  /** Applies a diff with the semantics of tag groups (a single-select group replaces its tag). */
  private apply(ids: string[], change: { add: string[]; remove: string[] }): string[] {
    try {
      return applyTagDiff(ids, change, this.groups).tagIds;
    } catch {
      return ids;
    }
  }

  private onToggle(e: CustomEvent<TagToggleDetail>): void {
    // The picker's request is internal: the page hears `cl-tags-change` once the adapter confirms.
    e.stopPropagation();
    this.change(e.detail.tag, e.detail.selected);
  }

  /** Asks for `tag` to be (un)selected: sent at once, or kept for Save, depending on `mode`. */
  private change(tag: Tag, selected: boolean): void {
    const change: Change = {
      customerId: this.customerId,
      tag,
      add: selected ? [tag.id] : [],
      remove: selected ? [] : [tag.id],
    };
    this.failed = minus(this.failed, [tag.id]);
    this.failure = undefined;
    this.announcement = '';
    if (this.mode === 'save') {
      const draft = this.apply(this.current, change);
      this.draft = size(diff(this.confirmed, draft)) ? draft : undefined;
    } else {
      this.queue = [...this.queue, change];
      void this.send();
    }
  }

  /** Sends the queued changes one at a time, in order; a failed one rolls back alone. */
  private async send(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    const generation = this.generation;
    while (this.queue.length && generation === this.generation) {
      const { customerId, tag, add, remove } = this.queue[0]!;
      try {
        const customer = await this.api!.markTags({ customerId, add, remove });
        if (generation !== this.generation) break;
        this.queue = this.queue.slice(1);
        this.confirm(customer);
      } catch (error) {
        if (generation !== this.generation) break;
        this.queue = this.queue.slice(1);
        this.fail(tag.id, toAdapterError(error), () => this.change(tag, add.length > 0));
      }
    }
    this.sending = false;
  }

  /** Shows why the change of `id` failed (with a retry when repeating may help). */
  private fail(id: string, err: AdapterError, retry?: () => void, kept = ''): void {
    const tag = this.find(id)[1];
    this.failed = [...this.failed, id];
    this.failure = { text: this.l.t('tagEditor.failed', tag ? tag.name : id, this.l.error(err)) + kept };
    if (err.retryable) this.failure.retry = retry;
  }

  /** The group and the tag with this id. */
  private find(id: string): [TagGroup?, Tag?] {
    for (const g of this.groups) for (const t of g.tags) if (t.id === id) return [g, t];
    return [];
  }

  /** Takes the customer the adapter returned as the truth and tells the page what changed. */
  private confirm(customer: Customer): void {
    const { add, remove } = diff(this.confirmed, customer.tagIds);
    this.customer = customer;
    emit(this, 'cl-tags-change', { customerId: customer.id, add, remove, tagIds: customer.tagIds });
  }

  private async save(): Promise<void> {
    const { draft, generation } = this;
    if (!draft || this.saving) return;
    const change = diff(this.confirmed, draft);
    this.saving = true;
    this.failure = undefined;
    try {
      const customer = await this.api!.markTags({ customerId: this.customerId, ...change });
      if (generation !== this.generation) return;
      this.draft = undefined;
      this.failed = [];
      this.confirm(customer);
      this.announcement = this.l.t('tagEditor.saved');
    } catch (error) {
      if (generation !== this.generation) return;
      const err = toAdapterError(error);
      // An error that names one change (`add.2`, `remove.0`) rolls back that change only.
      const [, list, index] = /^(add|remove)\.(\d+)$/.exec(err.field || '') || [];
      const id = list && change[list as 'add' | 'remove'][Number(index)];
      const group = id && this.find(id)[0];
      if (group) {
        // Back to what is confirmed: the tag, or in a single-select group the group's choice.
        const undo = (x: string) => x === id || (group.selection === 'single' && group.tags.some((t) => t.id === x));
        const next = [...draft.filter((x) => !undo(x)), ...this.confirmed.filter(undo)];
        this.draft = size(diff(this.confirmed, next)) ? next : undefined;
        this.fail(id, err, undefined, ' ' + this.l.t('tagEditor.kept'));
      } else {
        this.failure = { text: this.l.t('tagEditor.saveFailed', this.l.error(err)) };
        if (err.retryable) this.failure.retry = () => void this.save();
      }
    } finally {
      this.saving = false;
    }
  }

  private discard(): void {
    this.draft = this.failure = undefined;
    this.failed = [];
  }

  /* ---------------------------------------------------------------- creating tags */

  /** Opens the create-tag form of a group, loading the form's code the first time. */
  private async openCreate(groupId: string): Promise<void> {
    const { TagCreateController } = await import('./tag-create.js');
    this.form ||= new TagCreateController(this, {
      maxLength: () => this.maxLength,
      create: (groupId, name) => this.api!.createTag({ groupId, name }),
      created: (tag) => {
        this.groups = this.groups.map((g) => (g.id === tag.groupId ? { ...g, tags: [...g.tags, tag] } : g));
        this.change(tag, true);
      },
    });
    this.form.show(groupId);
  }

  /* ---------------------------------------------------------------- rendering */

  /** Manual groups (only the customer's tags when `only` is given) and the customer's rule tags. */
  private split(only?: string[]): [TagGroup[], TagGroup[]] {
    const m = this.memo;
    if (m && m[0] === this.groups && m[1] === only) return [m[2], m[3]];
    const { ruleTagIds, tagIds } = this.customer!;
    const keep = (g: TagGroup, ok: (t: Tag) => boolean) => ({ ...g, tags: g.tags.filter(ok) });
    const manual = this.groups
      .filter((g) => g.kind === 'manual')
      .map((g) => (only ? keep(g, (t) => only.includes(t.id)) : g))
      .filter((g) => !only || g.tags.length);
    const rules = this.groups
      .map((g) => keep(g, (t) => ruleTagIds.includes(t.id) || (g.kind === 'rule' && tagIds.includes(t.id))))
      .filter((g) => g.tags.length);
    this.memo = [this.groups, only, manual, rules];
    return [manual, rules];
  }

  protected override render() {
    const { l, customer, loadError, draft } = this;
    if (!this.api || !this.customerId)
      return html`<p class="note">${l.t(this.api ? 'tagEditor.noCustomer' : 'common.noAdapter')}</p>`;
    if (loadError) {
      return html`<div part="error" class="note" role="alert"
        ><p>${l.error(loadError)}</p
        >${loadError.retryable ? html`<button class="cl-button" @click=${this.load}>${l.t('common.retry')}</button>` : nothing}</div
      >`;
    }
    if (!customer) return this.renderSkeleton();
    const editable = this.editable;
    const [manual, rules] = this.split(editable ? undefined : customer.tagIds);
    const changed = draft
      ? [...minus(draft, customer.tagIds), ...minus(customer.tagIds, draft)]
      : this.queue.map((c) => c.tag.id);
    const states: Record<string, TagState> = {};
    for (const id of changed) states[id] = 'pending';
    for (const id of this.failed) states[id] = 'error';
    // A replaced choice in a single-select group is one change, not two.
    const unsaved = draft
      ? changed.length -
        this.groups.filter((g) => g.selection === 'single' && g.tags.filter((t) => changed.includes(t.id)).length > 1)
          .length
      : 0;
    const q = this.query.trim().toLocaleLowerCase();
    const failure = this.failure;
    return html`<input
        part="search"
        type="search"
        enterkeyhint="search"
        autocomplete="off"
        aria-label=${l.t('tagEditor.search')}
        placeholder=${l.t('tagEditor.search')}
        .value=${live(this.query)}
        @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
      />${
        failure
          ? html`<div part="message" class="message" role="alert"
              ><p>${failure.text}</p
              >${failure.retry ? html`<button class="cl-button" @click=${failure.retry}>${l.t('common.retry')}</button>` : nothing}<button
                class="cl-button"
                @click=${() => (this.failure = undefined)}
                >${l.t('common.close')}</button
              ></div
            >`
          : nothing
      }${
        manual.length || rules.length
          ? html`<cl-tag-picker
              part="picker"
              exportparts="tag, tag-selected, tag-pending, tag-error, match"
              label=${l.t('tagEditor.label', customer.name)}
              .groups=${manual}
              .selected=${this.current}
              .states=${states}
              .query=${this.query}
              ?readonly=${!editable}
              @cl-tag-toggle=${this.onToggle}
              >${editable && this.api.capabilities.createTag ? manual.map((g) => (g.allowCreate ? this.renderCreate(g) : nothing)) : nothing}</cl-tag-picker
            >`
          : html`<p class="note">${l.t('tagEditor.noTags')}</p>`
      }${
        rules.some((g) => g.tags.some((t) => t.name.toLocaleLowerCase().includes(q)))
          ? html`<section part="rules" class="rules"
              ><cl-tag-picker
                label=${l.t('tagEditor.rules')}
                readonly
                .groups=${rules}
                .selected=${rules.flatMap((g) => g.tags.map((t) => t.id))}
                .query=${this.query}
              ></cl-tag-picker
            ></section>`
          : nothing
      }${
        this.mode === 'save' && editable
          ? html`<div part="save-bar" class="bar"
              ><span class="count">${unsaved ? l.t('tagEditor.unsaved', unsaved) : ''}</span
              ><button class="cl-button" ?disabled=${!unsaved || this.saving} @click=${this.discard}
                >${l.t('tagEditor.discard')}</button
              ><button class="cl-button" data-variant="primary" ?disabled=${!unsaved || this.saving} @click=${this.save}
                >${l.t('tagEditor.save')}</button
              ></div
            >`
          : nothing
      }<p class="cl-visually-hidden" role="status"
        >${this.announcement || (unsaved ? l.t('tagEditor.unsaved', unsaved) : '')}</p
      >`;
  }

  private renderCreate(group: TagGroup) {
    const { l, form } = this;
    return form && form.open === group.id
      ? form.render(group)
      : html`<button
          slot="after-${group.id}"
          part="create"
          class="cl-button add"
          data-create=${group.id}
          aria-label=${l.t('tagEditor.newTagIn', group.name)}
          @click=${() => this.openCreate(group.id)}
          >+ ${l.t('tagEditor.newTag')}</button
        >`;
  }

  private renderSkeleton() {
    return html`<div part="skeleton" aria-busy="true"
      ><span class="cl-visually-hidden" role="status">${this.l.t('common.loading')}</span><div class="cl-skeleton"></div
      ><div class="cl-skeleton sk"></div><div class="cl-skeleton sk"></div><div class="cl-skeleton sk"></div
    ></div>`;
  }
}

import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { applyTagDiff, type Customer, type Tag, type TagGroup } from '@clienteling/core/trade.js';
import { toAdapterError, type AdapterError } from '@clienteling/core/errors.js';
import {
  ClientelingElement,
  FeedbackController,
  LocalizeController,
  baseStyles,
  emit,
} from '@clienteling/core/elements.js';
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

/** Tags to add and to remove. */
interface TagDiff {
  add: string[];
  remove: string[];
}

/** One change asked for by the user: a diff about one tag. */
interface Change extends TagDiff {
  customerId: string;
  tag: Tag;
}

/** The failure shown to the user, with what a retry would do. */
interface Failure {
  text: string;
  retry?: () => void;
}

/** The groups shown, as split for one `groups` array and one filter (kept while neither changes). */
interface SplitGroups {
  groups: TagGroup[];
  only: string[] | undefined;
  /** Manual groups, the associate's to edit. */
  manual: TagGroup[];
  /** The customer's rule tags, in their groups (read-only). */
  rules: TagGroup[];
}

/** `ids` without those in `removed`. */
const without = (ids: readonly string[], removed: readonly string[]) => ids.filter((id) => !removed.includes(id));

/** The add/remove diff that turns `from` into `to`. */
const tagDiff = (from: string[], to: string[]): TagDiff => ({ add: without(to, from), remove: without(from, to) });

/** How many tags a diff touches. */
const diffSize = (diff: TagDiff) => diff.add.length + diff.remove.length;

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
 * @csspart feedback - The brief confirmation of a change ("Added “sportswear”", "Saved").
 * @csspart offline - The notice that the network is gone.
 *
 * @cssproperty --cl-tag-editor-gap - Space between the editor's sections.
 * @cssproperty --cl-tag-editor-background - Background of the editor and of its save bar.
 * @cssproperty --cl-tag-editor-error-color - Colour of error messages.
 *
 * @event {CustomEvent<TagsChangeDetail>} cl-tags-change - The adapter confirmed a change of the customer's tags.
 */
export class TagEditor extends ClientelingElement {
  static override styles = [baseStyles, editorStyles];

  /** Id of the customer whose tags are shown. */
  @property({ attribute: 'customer-id' }) customerId = '';

  /** `instant` sends each change at once; `save` collects changes until the user saves. */
  @property({ reflect: true }) mode: 'instant' | 'save' = 'instant';

  /** Shows the customer's tags without editing. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** The tag groups of the associate's organization. */
  @state() private groups: TagGroup[] = [];
  /** The customer as last confirmed by the adapter; undefined while loading. */
  @state() private customer?: Customer;
  /** Why the groups or the customer could not be loaded. */
  @state() private loadError?: AdapterError;
  /** The text of the search box. */
  @state() private query = '';
  /** `instant`: changes waiting for (or in) a request, in order. */
  @state() private queuedChanges: Change[] = [];
  /** `save`: the tag ids the user wants, while they differ from the customer's. */
  @state() private draft?: string[];
  /** `save`: the Save request is under way. */
  @state() private saving = false;
  /** Tags whose last change failed (shown in the error state). */
  @state() private failedTagIds: string[] = [];
  /** The message about the last failed change. */
  @state() private failure?: Failure;
  private readonly localize = new LocalizeController(this, editorMessages);
  /** Brief confirmation of each change the adapter confirmed, announced to screen readers. */
  private readonly feedback = new FeedbackController(this);
  /** Counts loads, so that answers to an older load (or its changes) are ignored. */
  private loadGeneration = 0;
  /** `instant`: the queue is being sent. */
  private sending = false;
  /** The longest tag name allowed (the adapter's policy). */
  private tagNameMaxLength = 30;
  /** The create-tag form, once its code has loaded. */
  private createForm?: TagCreateController;
  private splitCache?: SplitGroups;

  /* ---------------------------------------------------------------- lifecycle */

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.shouldLoad('customer', changed)) void this.load();
  }

  /** Loads the tag groups and the customer again (also what the Retry button does). */
  async load(): Promise<void> {
    const generation = ++this.loadGeneration;
    const { api, customerId } = this;
    this.customer = this.loadError = this.draft = this.failure = undefined;
    if (this.createForm) this.createForm.open = undefined;
    this.queuedChanges = this.failedTagIds = [];
    if (!api || !customerId) return;
    try {
      const [groups, customer, policy] = await Promise.all([
        api.listTagGroups({}),
        api.getCustomer({ customerId }),
        api.getPolicy({}).catch(() => undefined),
      ]);
      if (generation !== this.loadGeneration) return;
      if (policy) this.tagNameMaxLength = policy.tagNameMaxLength;
      this.groups = groups;
      this.customer = customer;
    } catch (error) {
      if (generation === this.loadGeneration) this.loadError = toAdapterError(error);
    }
  }

  /* ---------------------------------------------------------------- derived state */

  private get editable(): boolean {
    return !this.readonly && !!this.api && this.api.capabilities.markTags;
  }

  /** The customer's tag ids as the adapter last confirmed them. */
  private get confirmedTagIds(): string[] {
    return this.customer ? this.customer.tagIds : [];
  }

  /** The tag ids shown: the confirmed ones with the user's pending changes applied. */
  private get currentTagIds(): string[] {
    return this.draft || this.queuedChanges.reduce((ids, change) => this.applyDiff(ids, change), this.confirmedTagIds);
  }

  /** Applies a diff with the semantics of tag groups (a single-select group replaces its tag). */
  private applyDiff(ids: string[], diff: TagDiff): string[] {
    try {
      return applyTagDiff(ids, diff, this.groups).tagIds;
    } catch {
      return ids;
    }
  }

  /** The group and the tag with this id. */
  private findTag(id: string): { group?: TagGroup; tag?: Tag } {
    for (const group of this.groups) for (const tag of group.tags) if (tag.id === id) return { group, tag };
    return {};
  }

  /** The tags with a change not yet confirmed: in the draft, or queued. */
  private unconfirmedTagIds(): string[] {
    const { draft } = this;
    const confirmed = this.confirmedTagIds;
    if (!draft) return this.queuedChanges.map((change) => change.tag.id);
    return [...without(draft, confirmed), ...without(confirmed, draft)];
  }

  /** The picker's state of each changed tag: pending until confirmed, error when it just failed. */
  private tagStates(unconfirmed: string[]): Record<string, TagState> {
    const states: Record<string, TagState> = {};
    for (const id of unconfirmed) states[id] = 'pending';
    for (const id of this.failedTagIds) states[id] = 'error';
    return states;
  }

  /** `save`: how many changes Save would send; a replaced choice in a single-select group is one, not two. */
  private unsavedCount(unconfirmed: string[]): number {
    if (!this.draft) return 0;
    const replacements = this.groups.filter(
      (group) => group.selection === 'single' && group.tags.filter((tag) => unconfirmed.includes(tag.id)).length > 1,
    );
    return unconfirmed.length - replacements.length;
  }

  /** Manual groups (only the customer's tags when `only` is given) and the customer's rule tags. */
  private splitGroups(only?: string[]): SplitGroups {
    const cached = this.splitCache;
    if (cached && cached.groups === this.groups && cached.only === only) return cached;
    const { ruleTagIds, tagIds } = this.customer!;
    const keep = (group: TagGroup, wanted: (tag: Tag) => boolean) => ({ ...group, tags: group.tags.filter(wanted) });
    const isRuleTag = (group: TagGroup, tag: Tag) =>
      ruleTagIds.includes(tag.id) || (group.kind === 'rule' && tagIds.includes(tag.id));
    const manual = this.groups
      .filter((group) => group.kind === 'manual')
      .map((group) => (only ? keep(group, (tag) => only.includes(tag.id)) : group))
      .filter((group) => !only || group.tags.length);
    const rules = this.groups
      .map((group) => keep(group, (tag) => isRuleTag(group, tag)))
      .filter((group) => group.tags.length);
    return (this.splitCache = { groups: this.groups, only, manual, rules });
  }

  /* ---------------------------------------------------------------- event handlers */

  private handleSearchInput(e: Event): void {
    this.query = (e.target as HTMLInputElement).value;
  }

  private handleTagToggle(e: CustomEvent<TagToggleDetail>): void {
    // The picker's request is internal: the page hears `cl-tags-change` once the adapter confirms.
    e.stopPropagation();
    this.requestChange(e.detail.tag, e.detail.selected);
  }

  private handleCloseFailure(): void {
    this.failure = undefined;
  }

  private handleSaveClick(): void {
    void this.save();
  }

  private handleDiscardClick(): void {
    this.draft = this.failure = undefined;
    this.failedTagIds = [];
  }

  /* ---------------------------------------------------------------- changing tags */

  /** Asks for `tag` to be (un)selected: sent at once, or kept for Save, depending on `mode`. */
  private requestChange(tag: Tag, selected: boolean): void {
    const change: Change = {
      customerId: this.customerId,
      tag,
      add: selected ? [tag.id] : [],
      remove: selected ? [] : [tag.id],
    };
    this.failedTagIds = without(this.failedTagIds, [tag.id]);
    this.failure = undefined;
    if (this.mode === 'save') {
      const draft = this.applyDiff(this.currentTagIds, change);
      this.draft = diffSize(tagDiff(this.confirmedTagIds, draft)) ? draft : undefined;
    } else {
      this.queuedChanges = [...this.queuedChanges, change];
      void this.sendQueue();
    }
  }

  /** Sends the queued changes one at a time, in order; a failed one rolls back alone. */
  private async sendQueue(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    const generation = this.loadGeneration;
    while (this.queuedChanges.length && generation === this.loadGeneration) {
      const { customerId, tag, add, remove } = this.queuedChanges[0]!;
      try {
        const customer = await this.api!.markTags({ customerId, add, remove });
        if (generation !== this.loadGeneration) break;
        this.queuedChanges = this.queuedChanges.slice(1);
        this.confirmCustomer(customer);
        const key = add.length ? 'tagEditor.added' : 'tagEditor.removed';
        if (!this.queuedChanges.length) this.feedback.show(this.localize.t(key, tag.name));
      } catch (error) {
        if (generation !== this.loadGeneration) break;
        this.queuedChanges = this.queuedChanges.slice(1);
        this.showFailure(tag.id, toAdapterError(error), () => this.requestChange(tag, add.length > 0));
      }
    }
    this.sending = false;
  }

  /** `save`: sends the draft as one diff; an error about one of its changes rolls back that change only. */
  private async save(): Promise<void> {
    const { draft, loadGeneration: generation } = this;
    if (!draft || this.saving) return;
    const diff = tagDiff(this.confirmedTagIds, draft);
    this.saving = true;
    this.failure = undefined;
    try {
      const customer = await this.api!.markTags({ customerId: this.customerId, ...diff });
      if (generation !== this.loadGeneration) return;
      this.draft = undefined;
      this.failedTagIds = [];
      this.confirmCustomer(customer);
      this.feedback.show(this.localize.t('tagEditor.saved'));
    } catch (error) {
      if (generation !== this.loadGeneration) return;
      this.showSaveError(draft, diff, toAdapterError(error));
    } finally {
      this.saving = false;
    }
  }

  private showSaveError(draft: string[], diff: TagDiff, error: AdapterError): void {
    // An error that names one change (`add.2`, `remove.0`) rolls back that change only.
    const [, list, index] = /^(add|remove)\.(\d+)$/.exec(error.field || '') || [];
    const id = list && diff[list as keyof TagDiff][Number(index)];
    const group = id && this.findTag(id).group;
    if (!group) {
      this.failure = { text: this.localize.t('tagEditor.saveFailed', this.localize.error(error)) };
      if (error.retryable) this.failure.retry = () => void this.save();
      return;
    }
    // Back to what is confirmed: the tag, or in a single-select group the group's choice.
    const confirmed = this.confirmedTagIds;
    const rollsBack = (tagId: string) =>
      tagId === id || (group.selection === 'single' && group.tags.some((tag) => tag.id === tagId));
    const next = [...draft.filter((tagId) => !rollsBack(tagId)), ...confirmed.filter(rollsBack)];
    this.draft = diffSize(tagDiff(confirmed, next)) ? next : undefined;
    this.showFailure(id, error, undefined, ' ' + this.localize.t('tagEditor.kept'));
  }

  /** Shows why the change of `id` failed (with a retry when repeating may help). */
  private showFailure(id: string, error: AdapterError, retry?: () => void, suffix = ''): void {
    const { tag } = this.findTag(id);
    const text = this.localize.t('tagEditor.failed', tag ? tag.name : id, this.localize.error(error));
    this.failedTagIds = [...this.failedTagIds, id];
    this.failure = { text: text + suffix };
    if (error.retryable) this.failure.retry = retry;
  }

  /** Takes the customer the adapter returned as the truth and tells the page what changed. */
  private confirmCustomer(customer: Customer): void {
    const { add, remove } = tagDiff(this.confirmedTagIds, customer.tagIds);
    this.customer = customer;
    emit(this, 'cl-tags-change', { customerId: customer.id, add, remove, tagIds: customer.tagIds });
  }

  /* ---------------------------------------------------------------- creating tags */

  /** Opens the create-tag form of a group, loading the form's code the first time. */
  private async openCreateForm(groupId: string): Promise<void> {
    const { TagCreateController } = await import('./tag-create.js');
    this.createForm ||= new TagCreateController(this, {
      maxLength: () => this.tagNameMaxLength,
      create: (groupId, name) => this.api!.createTag({ groupId, name }),
      created: (tag) => {
        this.groups = this.groups.map((group) =>
          group.id === tag.groupId ? { ...group, tags: [...group.tags, tag] } : group,
        );
        this.feedback.show(this.localize.t('tagEditor.created', tag.name));
        this.requestChange(tag, true);
      },
    });
    this.createForm.show(groupId);
  }

  /* ---------------------------------------------------------------- rendering */

  protected override render() {
    const { api, customer, loadError } = this;
    if (!api || !this.customerId) return this.renderNote(api ? 'tagEditor.noCustomer' : 'common.noAdapter');
    if (loadError) return this.renderLoadError(loadError);
    if (!customer) return this.renderSkeleton();
    const editable = this.editable;
    const { manual, rules } = this.splitGroups(editable ? undefined : customer.tagIds);
    const unconfirmed = this.unconfirmedTagIds();
    const unsaved = this.unsavedCount(unconfirmed);
    // The sections in order, with no text between them.
    return [
      this.renderOfflineNotice(),
      this.renderSearch(),
      this.renderFailure(),
      manual.length || rules.length
        ? this.renderPicker(manual, unconfirmed, editable)
        : this.renderNote('tagEditor.noTags'),
      this.renderRules(rules),
      this.mode === 'save' && editable ? this.renderSaveBar(unsaved) : nothing,
      this.renderStatus(unsaved),
      this.feedback.render(),
    ];
  }

  private renderNote(key: 'tagEditor.noCustomer' | 'tagEditor.noTags' | 'common.noAdapter') {
    return html`<p class="note">${this.localize.t(key)}</p>`;
  }

  private renderRetryButton(retry: () => void) {
    return html`<button class="cl-button" @click=${retry}>${this.localize.t('common.retry')}</button>`;
  }

  private renderLoadError(error: AdapterError) {
    return html`<div part="error" class="note" role="alert"
      ><p>${this.localize.error(error)}</p>${error.retryable ? this.renderRetryButton(this.load) : nothing}</div
    >`;
  }

  private renderSkeleton() {
    return html`<div part="skeleton" aria-busy="true"
      ><span class="cl-visually-hidden" role="status">${this.localize.t('common.loading')}</span
      ><div class="cl-skeleton"></div><div class="cl-skeleton sk"></div><div class="cl-skeleton sk"></div
      ><div class="cl-skeleton sk"></div
    ></div>`;
  }

  private renderSearch() {
    return html`<input
      part="search"
      type="search"
      enterkeyhint="search"
      autocomplete="off"
      aria-label=${this.localize.t('tagEditor.search')}
      placeholder=${this.localize.t('tagEditor.search')}
      .value=${live(this.query)}
      @input=${this.handleSearchInput}
    />`;
  }

  private renderFailure() {
    const { failure } = this;
    if (!failure) return nothing;
    return html`<div part="message" class="message" role="alert"
      ><p>${failure.text}</p>${failure.retry ? this.renderRetryButton(failure.retry) : nothing}<button
        class="cl-button"
        @click=${this.handleCloseFailure}
        >${this.localize.t('common.close')}</button
      ></div
    >`;
  }

  /** The associate's tags, with the groups' "new tag" buttons and forms slotted in. */
  private renderPicker(manual: TagGroup[], unconfirmed: string[], editable: boolean) {
    return html`<cl-tag-picker
      part="picker"
      exportparts="tag, tag-selected, tag-pending, tag-error, match"
      label=${this.localize.t('tagEditor.label', this.customer!.name)}
      .groups=${manual}
      .selected=${this.currentTagIds}
      .states=${this.tagStates(unconfirmed)}
      .query=${this.query}
      ?readonly=${!editable}
      @cl-tag-toggle=${this.handleTagToggle}
      >${editable && this.api!.capabilities.createTag ? this.renderCreateControls(manual) : nothing}</cl-tag-picker
    >`;
  }

  private renderCreateControls(groups: TagGroup[]) {
    return groups.map((group) => (group.allowCreate ? this.renderCreate(group) : nothing));
  }

  /** The group's create-tag form when open, else its "new tag" button. */
  private renderCreate(group: TagGroup) {
    const form = this.createForm;
    if (form && form.open === group.id) return form.render(group);
    return html`<button
      slot="after-${group.id}"
      part="create"
      class="cl-button add"
      data-create=${group.id}
      aria-label=${this.localize.t('tagEditor.newTagIn', group.name)}
      @click=${() => this.openCreateForm(group.id)}
      >+ ${this.localize.t('tagEditor.newTag')}</button
    >`;
  }

  /** The customer's rule tags, read-only; hidden when none matches the search. */
  private renderRules(rules: TagGroup[]) {
    const query = this.query.trim().toLocaleLowerCase();
    const matches = rules.some((group) => group.tags.some((tag) => tag.name.toLocaleLowerCase().includes(query)));
    if (!matches) return nothing;
    return html`<section part="rules" class="rules"
      ><cl-tag-picker
        label=${this.localize.t('tagEditor.rules')}
        readonly
        .groups=${rules}
        .selected=${rules.flatMap((group) => group.tags.map((tag) => tag.id))}
        .query=${this.query}
      ></cl-tag-picker
    ></section>`;
  }

  private renderSaveBar(unsaved: number) {
    const disabled = !unsaved || this.saving;
    return html`<div part="save-bar" class="bar"
      ><span class="count">${unsaved ? this.localize.t('tagEditor.unsaved', unsaved) : ''}</span
      ><button class="cl-button" ?disabled=${disabled} @click=${this.handleDiscardClick}
        >${this.localize.t('tagEditor.discard')}</button
      ><button class="cl-button" data-variant="primary" ?disabled=${disabled} @click=${this.handleSaveClick}
        >${this.localize.t('tagEditor.save')}</button
      ></div
    >`;
  }

  /** The live region of the unsaved count (the feedback says what was saved). */
  private renderStatus(unsaved: number) {
    const text = unsaved ? this.localize.t('tagEditor.unsaved', unsaved) : '';
    return html`<p class="cl-visually-hidden" role="status">${text}</p>`;
  }
}

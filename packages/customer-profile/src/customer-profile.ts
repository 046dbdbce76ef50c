import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { AddWay, Customer, ImportantDate, PurchaseSummary, TagGroup } from '@clienteling/core/trade.js';
import { DEFAULT_TIME_ZONE } from '@clienteling/core/default-time-zone.js';
import { dayKey } from '@clienteling/core/wall-time.js';
import { toAdapterError, type AdapterError } from '@clienteling/core/errors.js';
import { followsCustomer } from '@clienteling/core/backend.js';
import {
  copyText,
  ClientelingElement,
  FeedbackController,
  LocalizeController,
  OnDemand,
  baseStyles,
  emit,
  safeImageUrl,
} from '@clienteling/core/elements.js';
import { customerProfileMessages } from './customer-profile.messages.js';
import { styles } from './customer-profile.styles.js';
import { daysUntilNext, initials, monthDayDate } from './profile-format.js';
import type { ProfileEditorContext } from './profile-editor.js';

/** The fields of the customer an associate edits in the profile (`updateCustomer`). */
export type ProfileField = 'remark' | 'description' | 'remarkPhones' | 'remarkCompany';

/** Detail of `cl-customer-change`: the customer as the adapter saved it, and the fields that changed. */
export interface CustomerChangeDetail {
  customer: Customer;
  fields: ProfileField[];
}

/** Detail of `cl-edit-tags`: the customer whose tags the associate wants to edit. */
export interface EditTagsDetail {
  customer: Customer;
}

/** A quick action: send a coupon, call the first remark phone, copy the name or that phone. */
export type CustomerAction = 'coupon' | 'call' | 'copy-name' | 'copy-phone';

/** Detail of `cl-customer-action`: which action, for which customer. */
export interface CustomerActionDetail {
  action: CustomerAction;
  customer: Customer;
}

/** The order the fields are shown in. */
const FIELDS: readonly ProfileField[] = ['remark', 'description', 'remarkPhones', 'remarkCompany'];

/** A value of a field: text, or the list of phones. */
export type FieldValue = string | string[];

/** Why the profile cannot be edited: the page said so, the adapter cannot, or the associate does not follow. */
type ReadOnlyReason = 'readonly' | 'adapter' | 'not-following';

/** A save that failed: the message, and what the associate typed (kept to retry). */
interface SaveFailure {
  field: ProfileField;
  text: string;
  value: FieldValue;
}

/** The customer's tags by name, split into the associate's and those rules assigned. */
interface TagNames {
  manual: string[];
  rules: string[];
}

/** Digits and a leading `+` of a phone number: what `tel:` dials. */
const dialable = (phone: string) => phone.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');

const sameValue = (a: FieldValue | undefined, b: FieldValue | undefined) => JSON.stringify(a) === JSON.stringify(b);

const monthDayFormats = new Map<string, Intl.DateTimeFormat>();
/** "December 4" / "12月4日" (a yearly date has no year), made once per locale. */
const monthDayFormat = (locale: string) => {
  let format = monthDayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric', timeZone: 'UTC' });
    monthDayFormats.set(locale, format);
  }
  return format;
};

/** The tag editor's code, loaded the first time the element's own sheet opens. */
let tagEditorModule: Promise<unknown> | undefined;

/**
 * Who this customer is, as an associate needs it beside the chat: avatar, name, remark and the
 * platform's `@微信` / `@Company` marker; the remark, description, phones and company, edited inline
 * within the platform's limits; the customer's tags, with an edit action; the purchase summary;
 * important dates with a countdown; who added them and how; and quick actions.
 *
 * Edits are optimistic: a saved value shows at once; when the adapter refuses it, the previous
 * value returns, the reason is announced, and the field opens again with what was typed, to retry.
 * Only an associate who follows the customer edits (and the adapter must allow `updateCustomer`);
 * otherwise the profile says why it is read-only.
 *
 * Without `customer-id`, the profile shows the customer of the host page's current chat (the host
 * bridge), where there is one.
 *
 * @summary A customer's profile: remark, description, phones, tags, purchases, dates and origin.
 *
 * @slot actions - The page's own actions, after the built-in ones (send coupon, call, copy).
 *
 * @csspart profile - The outer box of the loaded profile.
 * @csspart header - The avatar, the name and the marker.
 * @csspart avatar - The avatar picture or initials.
 * @csspart name - The name shown (the remark when there is one).
 * @csspart marker - The `@微信` or `@Company` marker.
 * @csspart read-only - The note saying why the profile cannot be edited.
 * @csspart fields - The list of remark, description, phones and company.
 * @csspart field - Each of those rows; also `field-pending` while saving, `field-error` after a failure.
 * @csspart edit - The edit button of a field.
 * @csspart editor - The inline editor of a field (input, counter, Cancel and Save).
 * @csspart counter - The character (or phone) counter of an editor.
 * @csspart message - The message about a failed save.
 * @csspart tags - The tags section.
 * @csspart tag - A tag chip; also `rule-tag` for tags set by rules.
 * @csspart edit-tags - The "Edit tags" button.
 * @csspart sheet - The dialog holding the tag editor.
 * @csspart purchases - The purchase summary.
 * @csspart dates - The important dates.
 * @csspart countdown - The "birthday in N days" badge of a date.
 * @csspart origin - Who added the customer, how and when.
 * @csspart actions - The row of quick actions.
 * @csspart action - Each quick action; also `coupon`, `call`, `copy-name` and `copy-phone`.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The message shown when the profile could not be loaded.
 * @csspart feedback - The brief confirmation after a save or a copy.
 * @csspart offline - The notice that the network is gone.
 *
 * @cssproperty --cl-customer-profile-background - Background of the profile (default `--cl-color-surface`).
 * @cssproperty --cl-customer-profile-gap - Space between the sections (default `--cl-space-4`).
 * @cssproperty --cl-customer-profile-avatar-size - Size of the avatar (default 56px).
 * @cssproperty --cl-customer-profile-avatar-background - Background of the initials avatar (default
 *   `--cl-color-primary`).
 * @cssproperty --cl-customer-profile-avatar-color - Colour of the initials (default `--cl-color-on-primary`).
 * @cssproperty --cl-customer-profile-wechat-color - Colour of the `@微信` marker (default `--cl-color-success`).
 * @cssproperty --cl-customer-profile-company-color - Colour of the `@Company` marker (default `--cl-color-company`).
 * @cssproperty --cl-customer-profile-chip-background - Background of tag chips (default `--cl-color-surface-muted`).
 * @cssproperty --cl-customer-profile-error-color - Colour of error messages (default `--cl-color-danger`).
 * @cssproperty --cl-customer-profile-backdrop - The backdrop behind the tag sheet.
 *
 * @event {CustomEvent<CustomerChangeDetail>} cl-customer-change - The adapter saved an edit of the customer.
 * @event {CustomEvent<EditTagsDetail>} cl-edit-tags - The associate asked to edit the tags. Cancelable: unless
 *   cancelled, the profile opens its own sheet with `<cl-tag-editor>`.
 * @event {CustomEvent<CustomerActionDetail>} cl-customer-action - A quick action was chosen. Cancelable for
 *   `call` (the `tel:` link is not followed) and the copies (nothing is copied); `coupon` is the page's to do.
 */
export class CustomerProfile extends ClientelingElement {
  static override styles = [baseStyles, styles];

  /** Id of the customer shown. Without it, the host bridge's current customer (a WeCom chat sidebar). */
  @property({ attribute: 'customer-id' }) customerId = '';

  /** Shows the profile without editing (no explanation is shown: the page chose it). */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** The moment "today" is counted from for important dates (default: now), in the store's time zone. */
  @property({ attribute: false }) now?: Date;

  /** The customer as the adapter last confirmed it; undefined while loading. */
  @state() private customer?: Customer;
  /** Why the customer could not be loaded. */
  @state() private loadError?: AdapterError;
  /** The organization's tag groups, for tag names; null when they could not be loaded. */
  @state() private groups?: TagGroup[] | null;
  /** The signed-in associate, when the adapter said who it is. */
  @state() private viewerId?: string;
  /** The name of the associate who added the customer. */
  @state() private addedByName?: string;
  /** The field whose editor is open. */
  @state() private editing?: ProfileField;
  /** What is typed in the open text editor. */
  @state() private draftText = '';
  /** The phones in the open phone editor. */
  @state() private draftPhones: string[] = [];
  /** Values saved but not yet confirmed, shown optimistically. */
  @state() private pending: Partial<Record<ProfileField, FieldValue>> = {};
  /** The last save that failed. */
  @state() private failure?: SaveFailure;
  /** The tag sheet has been asked for once (its dialog and editor are rendered from then on). */
  @state() private sheetRequested = false;
  /** The avatar picture failed to load: initials are shown instead. */
  @state() private avatarFailed = false;

  @query('dialog') private sheet?: HTMLDialogElement;

  private readonly localize = new LocalizeController(this, customerProfileMessages);
  private readonly feedback = new FeedbackController(this);
  /** The field editors (`profile-editor.ts`), loaded on demand; what is typed in them stays here. */
  private readonly editorPart = new OnDemand(this, () => import('./profile-editor.js'));
  /** The open editor takes focus once it has rendered (its code may still be loading). */
  private editorAwaitsFocus = false;
  /** Counts loads, so that answers to an older load (or saves of its customer) are ignored. */
  private loadGeneration = 0;
  /** Saves run one after another, in the order they were asked for. */
  private saveQueue: Promise<void> = Promise.resolve();
  /** The store's time zone (policy), for "today". */
  private timeZone = DEFAULT_TIME_ZONE;

  /* ---------------------------------------------------------------- lifecycle */

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.shouldLoad('customer', changed)) void this.load();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.editorAwaitsFocus) this.focusEditor();
  }

  /** Loads the customer again, with tag names, the signed-in associate and the policy (what Retry does). */
  async load(): Promise<void> {
    const generation = ++this.loadGeneration;
    const { api, customerId } = this;
    this.customer = this.loadError = this.groups = this.viewerId = this.addedByName = undefined;
    this.editing = this.failure = undefined;
    this.pending = {};
    this.avatarFailed = false;
    if (!api || !customerId) return;
    try {
      const [customer, groups, viewer, policy] = await Promise.all([
        api.getCustomer({ customerId }),
        api.listTagGroups({}).catch(() => null),
        api.getCurrentStaff({}).catch(() => undefined),
        api.getPolicy({}).catch(() => undefined),
      ]);
      if (generation !== this.loadGeneration) return;
      if (policy) this.timeZone = policy.timeZone;
      this.customer = customer;
      this.groups = groups;
      this.viewerId = viewer && viewer.id;
      if (viewer && viewer.id === customer.addedBy) this.addedByName = viewer.name;
      else if (customer.addedBy) this.loadAddedBy(customer.addedBy, generation);
    } catch (error) {
      if (generation === this.loadGeneration) this.loadError = toAdapterError(error);
    }
  }

  /** The name of the associate who added the customer (shown when the adapter knows them). */
  private loadAddedBy(staffId: string, generation: number): void {
    this.api!.getStaff({ staffId }).then(
      (staff) => generation === this.loadGeneration && (this.addedByName = staff.name),
      () => {},
    );
  }

  /* ---------------------------------------------------------------- derived state */

  /** Why the profile cannot be edited now, or undefined when it can. */
  private readOnlyReason(customer: Customer): ReadOnlyReason | undefined {
    if (this.readonly) return 'readonly';
    if (!this.api || !this.api.capabilities.updateCustomer) return 'adapter';
    if (this.viewerId && !followsCustomer(customer, this.viewerId)) return 'not-following';
    return undefined;
  }

  /** Whether the associate may open the tag editor for this customer. */
  private canEditTags(customer: Customer): boolean {
    if (this.readonly || !this.api || !this.api.capabilities.markTags) return false;
    return !this.viewerId || followsCustomer(customer, this.viewerId);
  }

  /** The value of a field as shown: the pending one while a save is under way, else the confirmed one. */
  private shownValue(customer: Customer, field: ProfileField): FieldValue {
    const pending = this.pending[field];
    if (pending !== undefined) return pending;
    return field === 'remarkPhones' ? customer.remarkPhones || [] : customer[field] || '';
  }

  private fieldLabel(field: ProfileField): string {
    return this.localize.t(`customerProfile.${field}`);
  }

  /** The customer's tag names: the associate's, and those set by rules (apart). */
  private tagNames(customer: Customer, groups: TagGroup[]): TagNames {
    const names: TagNames = { manual: [], rules: [] };
    for (const group of groups) {
      if (group.deleted) continue;
      for (const tag of group.tags) {
        if (tag.deleted) continue;
        if (customer.ruleTagIds.includes(tag.id) || (group.kind === 'rule' && customer.tagIds.includes(tag.id))) {
          names.rules.push(tag.name);
        } else if (customer.tagIds.includes(tag.id)) names.manual.push(tag.name);
      }
    }
    return names;
  }

  /** The first remark phone with digits to dial. */
  private firstPhone(customer: Customer): string | undefined {
    return (customer.remarkPhones || []).find((phone) => dialable(phone));
  }

  /* ---------------------------------------------------------------- editing */

  /**
   * Opens the editor of a field, with what was typed before a failed save, else the value shown;
   * focus moves into it once it has rendered.
   */
  private openEditor(field: ProfileField): void {
    const customer = this.customer;
    if (!customer) return;
    const failed = this.failure && this.failure.field === field ? this.failure.value : undefined;
    const value = failed ?? this.shownValue(customer, field);
    this.editing = field;
    this.editorAwaitsFocus = true;
    if (Array.isArray(value)) this.draftPhones = value.length ? [...value] : [''];
    else this.draftText = value;
  }

  /** Focuses the open editor's input once it is there (the editor's code may arrive after a Retry). */
  private focusEditor(): void {
    const input = this.editing && this.renderRoot.querySelector<HTMLElement>(`[data-input="${this.editing}"]`);
    if (input) input.focus();
    if (input || !this.editing) this.editorAwaitsFocus = false;
  }

  /** Closes the editor without saving; focus returns to the field's edit button. */
  private async closeEditor(): Promise<void> {
    const field = this.editing;
    this.editing = undefined;
    await this.updateComplete;
    if (field) this.renderRoot.querySelector<HTMLElement>(`[data-edit="${field}"]`)?.focus();
  }

  /** Saves the open editor's value optimistically (the editor checked it); an unchanged value only closes it. */
  private saveEditor(value: FieldValue): void {
    const { editing: field, customer } = this;
    if (!field || !customer) return;
    if (this.failure && this.failure.field === field) this.failure = undefined;
    void this.closeEditor();
    if (sameValue(value, this.shownValue(customer, field))) return;
    this.pending = { ...this.pending, [field]: value };
    const generation = this.loadGeneration;
    this.saveQueue = this.saveQueue.then(() => this.send(field, value, generation));
  }

  /** Sends one field; on failure the confirmed value returns and the field opens again with `value`. */
  private async send(field: ProfileField, value: FieldValue, generation: number): Promise<void> {
    if (generation !== this.loadGeneration) return;
    try {
      const customer = await this.api!.updateCustomer({ customerId: this.customerId, [field]: value });
      if (generation !== this.loadGeneration) return;
      this.customer = customer;
      this.pending = this.withoutPending(field);
      this.feedback.show(this.localize.t('customerProfile.saved', this.fieldLabel(field)));
      emit(this, 'cl-customer-change', { customer, fields: [field] });
    } catch (error) {
      if (generation !== this.loadGeneration) return;
      this.pending = this.withoutPending(field);
      const reason = this.localize.error(toAdapterError(error));
      this.failure = {
        field,
        value,
        text: this.localize.t('customerProfile.notSaved', this.fieldLabel(field), reason),
      };
      if (!this.editing) this.openEditor(field);
    }
  }

  private withoutPending(field: ProfileField): Partial<Record<ProfileField, FieldValue>> {
    const pending = { ...this.pending };
    delete pending[field];
    return pending;
  }

  /* ---------------------------------------------------------------- event handlers */

  private handleEditClick(field: ProfileField): void {
    this.openEditor(field);
  }

  private handleAvatarError(): void {
    this.avatarFailed = true;
  }

  /** "Edit tags": the page may take it (`preventDefault`); otherwise the profile's own sheet opens. */
  private async handleEditTagsClick(customer: Customer): Promise<void> {
    if (!emit(this, 'cl-edit-tags', { customer }, { cancelable: true })) return;
    tagEditorModule ||= import('@clienteling/tag-editor/define.js');
    this.sheetRequested = true;
    await this.updateComplete;
    const sheet = this.sheet!;
    if (!sheet.open) sheet.showModal();
    await tagEditorModule.catch(() => undefined);
  }

  private handleSheetCloseClick(): void {
    this.sheet?.close();
  }

  /** The sheet closed (button, Escape): focus returns to "Edit tags". */
  private handleSheetClose(): void {
    this.renderRoot.querySelector<HTMLElement>('[part~="edit-tags"]')?.focus();
  }

  /** The tag editor confirmed a change: the chips follow. */
  private handleTagsChange(e: CustomEvent<{ customerId: string; tagIds: string[] }>): void {
    const { customer } = this;
    if (customer && e.detail.customerId === customer.id) this.customer = { ...customer, tagIds: e.detail.tagIds };
  }

  private handleCouponClick(customer: Customer): void {
    emit(this, 'cl-customer-action', { action: 'coupon', customer });
  }

  private handleCallClick(customer: Customer, e: Event): void {
    if (!emit(this, 'cl-customer-action', { action: 'call', customer }, { cancelable: true })) e.preventDefault();
  }

  private async handleCopyClick(action: 'copy-name' | 'copy-phone', text: string, customer: Customer) {
    if (!emit(this, 'cl-customer-action', { action, customer }, { cancelable: true })) return;
    const copied = await copyText(text);
    if (copied) this.feedback.show(this.localize.t('customerProfile.copied'));
    else this.feedback.show(this.localize.t('customerProfile.copyFailed'), { tone: 'error' });
  }

  /* ---------------------------------------------------------------- rendering */

  protected override render() {
    return [this.renderOfflineNotice(), this.renderState(), this.renderSheet(), this.feedback.render()];
  }

  /** The profile, its skeleton while loading, or why there is none. */
  private renderState() {
    const { api, customer, loadError } = this;
    if (!api) return this.renderNote(this.localize.t('common.noAdapter'));
    if (!this.customerId) return this.renderNote(this.localize.t('customerProfile.noCustomer'));
    if (loadError) return this.renderLoadError(loadError);
    if (!customer) return this.renderSkeleton();
    return this.renderProfile(customer);
  }

  private renderNote(text: string) {
    return html`<p class="note">${text}</p>`;
  }

  private renderLoadError(error: AdapterError) {
    const retry = error.retryable
      ? html`<button class="cl-button" @click=${this.load}>${this.localize.t('common.retry')}</button>`
      : nothing;
    return html`<div part="error" class="note" role=${error.retryable ? 'alert' : 'status'}
      ><p>${this.localize.error(error)}</p>${retry}</div
    >`;
  }

  private renderSkeleton() {
    return html`<div part="skeleton" class="skeleton" aria-busy="true"
      ><span class="cl-visually-hidden" role="status">${this.localize.t('common.loading')}</span
      ><div class="header" aria-hidden="true"
        ><span class="avatar cl-skeleton"></span
        ><div class="identity"><div class="cl-skeleton line"></div><div class="cl-skeleton line short"></div></div></div
      ><div class="cl-skeleton block" aria-hidden="true"></div><div class="cl-skeleton block" aria-hidden="true"></div
    ></div>`;
  }

  private renderProfile(customer: Customer) {
    const reason = this.readOnlyReason(customer);
    return html`<article part="profile" class="profile" aria-labelledby="name">
      ${this.renderHeader(customer)} ${this.renderReadOnlyNote(reason)} ${this.renderFields(customer, !reason)}
      ${this.renderTags(customer)} ${this.renderPurchases(customer.purchases)}
      ${this.renderDates(customer.importantDates || [])} ${this.renderOrigin(customer)} ${this.renderActions(customer)}
    </article>`;
  }

  /* -------------------------------- header */

  private renderHeader(customer: Customer) {
    const remark = this.shownValue(customer, 'remark') as string;
    const nickname = remark
      ? html`<p class="nickname">${this.localize.t('customerProfile.nickname', customer.name)}</p>`
      : nothing;
    return html`<header part="header" class="header">
      ${this.renderAvatar(customer)}
      <div class="identity">
        <h2 part="name" class="name" id="name"
          ><span class="person">${remark || customer.name}</span>${this.renderMarker(customer)}</h2
        >${nickname}
      </div>
    </header>`;
  }

  private renderAvatar(customer: Customer) {
    const src = this.avatarFailed ? undefined : safeImageUrl(customer.avatarUrl);
    const picture = src
      ? html`<img src=${src} alt="" referrerpolicy="no-referrer" @error=${this.handleAvatarError} />`
      : initials(customer.name);
    return html`<span part="avatar" class="avatar" aria-hidden="true">${picture}</span>`;
  }

  /** `@微信` for a WeChat user, `@Company` for a WeCom user of another company, as the platform shows them. */
  private renderMarker(customer: Customer) {
    if (customer.type === 'wechat') {
      return html`<span part="marker" class="marker wechat">${this.localize.t('customerProfile.wechat')}</span>`;
    }
    if (customer.type === 'wecom' && customer.corpName) {
      return html`<span part="marker" class="marker company">@${customer.corpName}</span>`;
    }
    return nothing;
  }

  private renderReadOnlyNote(reason: ReadOnlyReason | undefined) {
    if (reason !== 'adapter' && reason !== 'not-following') return nothing;
    const key = reason === 'adapter' ? 'customerProfile.readOnlyAdapter' : 'customerProfile.readOnlyNotFollowing';
    return html`<p part="read-only" class="read-only">${this.localize.t(key)}</p>`;
  }

  /* -------------------------------- the editable fields */

  private renderFields(customer: Customer, editable: boolean) {
    return html`<dl part="fields" class="fields"
      >${FIELDS.map((field) => this.renderField(customer, field, editable))}</dl
    >`;
  }

  private renderField(customer: Customer, field: ProfileField, editable: boolean) {
    const pending = this.pending[field] !== undefined;
    const failed = this.failure && this.failure.field === field ? this.failure : undefined;
    const parts = ['field', pending ? 'field-pending' : '', failed ? 'field-error' : ''].filter(Boolean).join(' ');
    const open = editable && this.editing === field;
    return html`<div part=${parts} class="row" data-field=${field} aria-busy=${pending ? 'true' : 'false'}>
      <dt id="label-${field}">${this.fieldLabel(field)}</dt>
      <dd>
        ${open ? this.renderEditor(field) : this.renderValue(customer, field, editable, pending)}
        ${failed ? html`<p part="message" class="message" role="alert">${failed.text}</p>` : nothing}
      </dd>
    </div>`;
  }

  private renderValue(customer: Customer, field: ProfileField, editable: boolean, pending: boolean) {
    const value = this.shownValue(customer, field);
    const empty = !value.length;
    // Each phone on a line of its own, never broken inside a number.
    const shown = Array.isArray(value) ? value.map((phone) => html`<span class="phone-number">${phone}</span>`) : value;
    const saving = pending ? html`<span class="saving">${this.localize.t('customerProfile.saving')}</span>` : nothing;
    const edit = editable
      ? html`<button
          part="edit"
          class="cl-button edit"
          type="button"
          data-edit=${field}
          aria-label=${this.localize.t('customerProfile.editField', this.fieldLabel(field))}
          @click=${() => this.handleEditClick(field)}
          >${this.localize.t('customerProfile.edit')}</button
        >`
      : nothing;
    return html`<div class="value-row"
      ><span class="value ${empty ? 'unset' : ''}">${empty ? this.localize.t('customerProfile.empty') : shown}</span
      >${saving}${edit}</div
    >`;
  }

  /** The inline editor (`profile-editor.ts`) once its code is there; a loading status, or Retry, until then. */
  private renderEditor(field: ProfileField) {
    return this.editorPart.render(this.localize, (part) => part.renderProfileEditor(field, this.editorContext()));
  }

  /** What the editor reads and calls: what is typed is kept here, in the element. */
  private editorContext(): ProfileEditorContext {
    return {
      localize: this.localize,
      root: this.renderRoot,
      draftText: () => this.draftText,
      setDraftText: (text) => (this.draftText = text),
      draftPhones: () => this.draftPhones,
      setDraftPhones: (phones) => {
        this.draftPhones = phones;
        return this.updateComplete;
      },
      cancel: () => void this.closeEditor(),
      save: (value) => this.saveEditor(value),
    };
  }

  /* -------------------------------- tags */

  private renderTags(customer: Customer) {
    const edit = this.canEditTags(customer)
      ? html`<button
          part="edit-tags"
          class="cl-button edit"
          type="button"
          @click=${() => this.handleEditTagsClick(customer)}
          >${this.localize.t('customerProfile.editTags')}</button
        >`
      : nothing;
    return html`<section part="tags" class="section">
      <div class="heading"><h3>${this.localize.t('customerProfile.tags')}</h3>${edit}</div>
      ${this.renderTagChips(customer)}
    </section>`;
  }

  private renderTagChips(customer: Customer) {
    const { groups } = this;
    if (groups === null) return this.renderNote(this.localize.t('customerProfile.tagsUnavailable'));
    const { manual, rules } = this.tagNames(customer, groups || []);
    if (!manual.length && !rules.length) return html`<p class="muted">${this.localize.t('customerProfile.noTags')}</p>`;
    const chips = (names: string[], part: string) =>
      html`<ul class="chips"
        >${names.map((name) => html`<li part=${part} class="chip">${name}</li>`)}</ul
      >`;
    const ruleChips = rules.length
      ? html`<p class="sub">${this.localize.t('customerProfile.ruleTags')}</p>${chips(rules, 'tag rule-tag')}`
      : nothing;
    return html`${manual.length ? chips(manual, 'tag') : nothing}${ruleChips}`;
  }

  /** The tag editor in a sheet: rendered from the first "Edit tags" on, its code loaded then. */
  private renderSheet() {
    const { customer } = this;
    if (!this.sheetRequested || !customer) return nothing;
    return html`<dialog part="sheet" class="sheet" aria-labelledby="sheet-title" @close=${this.handleSheetClose}>
      <div class="sheet-header">
        <h2 id="sheet-title">${this.localize.t('customerProfile.editTags')}</h2>
        <button class="cl-button" type="button" @click=${this.handleSheetCloseClick}
          >${this.localize.t('common.close')}</button
        >
      </div>
      <cl-tag-editor
        customer-id=${customer.id}
        .adapter=${this.adapter}
        .bridge=${this.bridge}
        .timeout=${this.timeout}
        @cl-tags-change=${this.handleTagsChange}
      ></cl-tag-editor>
    </dialog>`;
  }

  /* -------------------------------- purchases, dates, origin */

  private renderPurchases(purchases: PurchaseSummary | undefined) {
    if (!purchases || !this.api || !this.api.capabilities.purchaseData) return nothing;
    const { localize } = this;
    const last = purchases.lastPurchaseAt
      ? localize.date(purchases.lastPurchaseAt, false, this.timeZone)
      : localize.t('customerProfile.never');
    const stats: Array<[string, string]> = [
      [localize.t('customerProfile.totalSpent'), localize.money(purchases.totalSpent)],
      [localize.t('customerProfile.orders'), localize.number(purchases.orderCount)],
      [localize.t('customerProfile.averageOrder'), localize.money(purchases.averageOrderValue)],
      [localize.t('customerProfile.lastPurchase'), last],
    ];
    const sizes = purchases.sizes.map(({ category, size }) => `${category} ${size}`);
    return html`<section part="purchases" class="section">
      <h3>${localize.t('customerProfile.purchases')}</h3>
      <dl class="stats"
        >${stats.map(([label, value]) => html`<div class="stat"><dt>${label}</dt><dd>${value}</dd></div>`)}</dl
      >
      <dl class="details">
        ${this.renderDetail(localize.t('customerProfile.categories'), purchases.favouriteCategories.join('、'))}
        ${this.renderDetail(localize.t('customerProfile.sizes'), sizes.join('、'))}
      </dl>
    </section>`;
  }

  private renderDetail(label: string, value: unknown) {
    if (!value) return nothing;
    return html`<div class="detail"><dt>${label}</dt><dd>${value}</dd></div>`;
  }

  private renderDates(dates: ImportantDate[]) {
    if (!dates.length) return nothing;
    const today = dayKey(this.now || new Date(), this.timeZone);
    const sorted = dates
      .map((date) => ({ date, days: daysUntilNext(date.date, today) }))
      .sort((a, b) => a.days - b.days);
    return html`<section part="dates" class="section">
      <h3>${this.localize.t('customerProfile.dates')}</h3>
      <ul class="dates"
        >${sorted.map(({ date, days }) => this.renderDate(date, days))}</ul
      >
    </section>`;
  }

  private renderDate(date: ImportantDate, days: number) {
    const kind = date.kind === 'other' ? 'otherDate' : date.kind;
    const label = date.label || this.localize.t(`customerProfile.${kind}`);
    const day = monthDayFormat(this.localize.locale).format(monthDayDate(date.date));
    return html`<li class="date ${days <= 7 ? 'soon' : ''}">
      <span class="date-label">${label}</span><span class="date-day">${day}</span>
      <span part="countdown" class="countdown">${this.countdown(date, days)}</span>
    </li>`;
  }

  /** "Birthday in 3 days", "Birthday tomorrow", "Birthday today"; "In 3 days"… for other dates. */
  private countdown(date: ImportantDate, days: number): string {
    const birthday = date.kind === 'birthday';
    if (days === 0) return this.localize.t(birthday ? 'customerProfile.birthdayToday' : 'customerProfile.dateToday');
    return this.localize.t(birthday ? 'customerProfile.birthdayIn' : 'customerProfile.dateIn', days);
  }

  private renderOrigin(customer: Customer) {
    const { localize } = this;
    const addWay = customer.addWay && this.addWayText(customer.addWay);
    const addedAt = localize.date(customer.addedAt, false, this.timeZone);
    return html`<section part="origin" class="section">
      <h3>${localize.t('customerProfile.origin')}</h3>
      <dl class="details">
        ${this.renderDetail(localize.t('customerProfile.addedBy'), this.addedByName)}
        ${this.renderDetail(localize.t('customerProfile.addWay'), addWay)}
        ${this.renderDetail(localize.t('customerProfile.addedAt'), addedAt)}
      </dl>
    </section>`;
  }

  /** How the customer was added, with the contact-me code's channel or who shared the card. */
  private addWayText(addWay: AddWay): string {
    const way = this.localize.t(`customerProfile.way.${addWay.kind}`);
    if (addWay.kind === 'contact-me' && addWay.state)
      return `${way} · ${this.localize.t('customerProfile.channel', addWay.state)}`;
    if (addWay.kind === 'shared-card' && addWay.sharedBy)
      return `${way} · ${this.localize.t('customerProfile.sharedBy', addWay.sharedBy)}`;
    return way;
  }

  /* -------------------------------- quick actions */

  private renderActions(customer: Customer) {
    const phone = this.firstPhone(customer);
    const name = customer.remark || customer.name;
    const { localize } = this;
    return html`<div part="actions" class="actions" role="group" aria-label=${localize.t('customerProfile.actions')}>
      <button
        part="action coupon"
        class="cl-button"
        data-variant="primary"
        type="button"
        @click=${() => this.handleCouponClick(customer)}
      >
        ${localize.t('customerProfile.sendCoupon')}
      </button>
      ${phone ? this.renderCallAction(customer, phone) : nothing}
      <button
        part="action copy-name"
        class="cl-button"
        type="button"
        @click=${() => this.handleCopyClick('copy-name', name, customer)}
      >
        ${localize.t('customerProfile.copyName')}
      </button>
      ${
        phone
          ? html`<button
              part="action copy-phone"
              class="cl-button"
              type="button"
              @click=${() => this.handleCopyClick('copy-phone', phone, customer)}
            >
              ${localize.t('customerProfile.copyPhone')}
            </button>`
          : nothing
      }
      <slot name="actions"></slot>
    </div>`;
  }

  private renderCallAction(customer: Customer, phone: string): TemplateResult {
    return html`<a
      part="action call"
      class="cl-button"
      href="tel:${dialable(phone)}"
      @click=${(e: Event) => this.handleCallClick(customer, e)}
      >${this.localize.t('customerProfile.call')}</a
    >`;
  }
}

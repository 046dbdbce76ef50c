import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  DEFAULT_POLICY,
  LIMITS,
  byteLength,
  scriptVariablesIn,
  type Broadcast,
  type BroadcastAttachment,
  type BroadcastAudience,
  type BroadcastCap,
  type BroadcastPreview,
  type BroadcastRecipientStatus,
  type BroadcastSkipReason,
  type BroadcastSkipped,
  type ClientelingAdapter,
  type Policy,
  type StaffProfile,
  type TagGroup,
} from '@clienteling/core/trade.js';
import { createRequestId } from '@clienteling/core/request-id.js';
import { toAdapterError, type AdapterError } from '@clienteling/core/errors.js';
import {
  ClientelingElement,
  FeedbackController,
  LocalizeController,
  OnDemand,
  baseStyles,
  emit,
  sheetStyles,
} from '@clienteling/core/elements.js';
import { draftStore, MediaDraft } from '@clienteling/core/drafts.js';
import type { TagToggleDetail } from '@clienteling/tag-editor/tag-picker.js';
import {
  AttachmentsController,
  CARD_FIELDS,
  attachmentStyles,
  emptyCard,
  isCardIncomplete,
  type CardFields,
  type CardKind,
  type DraftMedia,
  type FileRules,
} from '@clienteling/moments-composer/attachments.js';
import { broadcastComposerMessages } from './broadcast-composer.messages.js';
import { styles } from './broadcast-composer.styles.js';
import type { BroadcastProgress } from './broadcast-progress.js';
import type { SendConfirm } from './send-confirm.js';

/** Detail of `cl-broadcast-created`: the broadcast the adapter made, waiting for the associate's confirmation. */
export interface BroadcastCreatedDetail {
  broadcast: Broadcast;
}

/** Detail of `cl-broadcast-done`: the broadcast once every recipient is sent, failed or skipped. */
export interface BroadcastDoneDetail {
  broadcast: Broadcast;
}

/** What a page puts into the composer (e.g. "use in broadcast" from the script library). */
export interface BroadcastComposerContent {
  text?: string;
  /** Already uploaded images and videos, link and mini-program cards; at most 9 are taken. */
  attachments?: BroadcastAttachment[];
}

/** Whom the draft is for: all customers, customers with chosen tags, or the list the page gave. */
export type AudienceChoice = 'all' | 'tags' | 'customers';

/** A link or mini-program card of the draft, as the associate fills it in. */
export interface DraftCard {
  id: string;
  kind: CardKind;
  fields: CardFields;
}

/** An attachment the page gave already uploaded (an image or a video of the script library). */
type GivenMedia = Extract<BroadcastAttachment, { kind: 'image' | 'video' }>;

/** The draft as the composer keeps it in IndexedDB: content, audience, request id and the broadcast made. */
export interface BroadcastComposerDraft {
  /** The draft's own request id: created once, kept across retries and reloads. */
  requestId: string;
  text: string;
  /** Files the associate added, with their upload state. */
  media: DraftMedia[];
  cards: DraftCard[];
  given: GivenMedia[];
  audience: AudienceChoice;
  tagIds: string[];
  customerIds: string[];
  /** The broadcast made from this draft, followed until done (resumed after a reload). */
  broadcastId?: string;
}

/** The recipients' tabs: all, then by status. */
export type RecipientTab = 'all' | BroadcastRecipientStatus;

/** What the composer loads before it shows the form. */
interface ComposerData {
  staff: StaffProfile;
  policy: Policy;
  groups: TagGroup[];
  /** Whether the associate has any customer at all (the preview of "all" counted someone). */
  hasCustomers: boolean;
}

/** The recipients' tabs in their order; a status tab shows while it has recipients (or is open). */
export const RECIPIENT_TABS: readonly RecipientTab[] = [
  'all',
  'awaiting-confirmation',
  'pending',
  'sent',
  'failed',
  'skipped',
];
/** The skip reasons in the order the reach sentence names them. */
const SKIP_REASONS: readonly BroadcastSkipReason[] = [
  'limit-reached',
  'unreachable',
  'not-own-customer',
  'unsubscribed',
];

/** How often a broadcast that is not done is read again, in ms, unless `refresh-interval` says otherwise. */
export const DEFAULT_REFRESH_INTERVAL = 3000;
/** Wait after the last change of the audience before the reach is asked again. */
const PREVIEW_DELAY_MS = 300;
/** The placeholder lines shown while loading, by what they stand for (their heights are in the styles). */
const SKELETON_LINES = ['title', 'text', 'row', 'media', 'row', 'row'];

const listConverter = {
  fromAttribute: (value: string | null) => (value ? value.split(/[\s,]+/).filter(Boolean) : []),
  toAttribute: (value: string[]) => value.join(' '),
};

const emptyDraft = (customerIds: string[] = []): BroadcastComposerDraft => ({
  requestId: createRequestId(),
  text: '',
  media: [],
  cards: [],
  given: [],
  audience: customerIds.length ? 'customers' : 'all',
  tagIds: [],
  customerIds,
  broadcastId: undefined,
});

/** The draft's audience as the adapter takes it, or undefined while it names no one (no tag chosen). */
function audienceOf(draft: BroadcastComposerDraft): BroadcastAudience | undefined {
  if (draft.audience === 'tags') return draft.tagIds.length ? { type: 'tags', tagIds: draft.tagIds } : undefined;
  if (draft.audience === 'customers') {
    return draft.customerIds.length ? { type: 'customers', customerIds: draft.customerIds } : undefined;
  }
  return { type: 'all' };
}

const sameAudience = (a?: BroadcastAudience, b?: BroadcastAudience) => JSON.stringify(a) === JSON.stringify(b);

/** A card given by the page, as fields the associate can edit. */
function draftCardOf(attachment: Extract<BroadcastAttachment, { kind: CardKind }>): DraftCard {
  const fields = emptyCard();
  if (attachment.kind === 'link') Object.assign(fields, attachment.link);
  else Object.assign(fields, attachment.miniprogram);
  fields.coverUrl ||= '';
  return { id: createRequestId(), kind: attachment.kind, fields };
}

/**
 * One message to many customers: text (with a byte counter against the platform's 4,000 bytes) and
 * up to 9 attachments of any kinds (images, videos, link and mini-program cards, the moments
 * composer's attachment editor shared), for all of the associate's customers, those with chosen tags
 * (through `<cl-tag-picker>`) or a list the page gives (`customer-ids`). Before anything is sent, a
 * live preview says whom it will reach and who is skipped and why ("Will reach 182; 23 skipped: 20
 * already received a message today, 3 not reachable"), with the skipped listed by name.
 *
 * The send is confirmed in a dialog and created exactly once (the draft's request id, kept across
 * retries and reloads); then the associate confirms the send in WeCom (the platform asks for it in the
 * client) and the composer follows the broadcast, reading it again every `refresh-interval` ms until
 * done, with each recipient's result by status. The draft (text, attachments, audience, request id,
 * the broadcast made) is saved in IndexedDB on every change and survives a reload.
 *
 * A page puts content in with {@link BroadcastComposer.setContent} (e.g. "use in broadcast" from
 * `<cl-script-library>`). Without the adapter's `broadcast` capability the composer shows a
 * read-only notice.
 *
 * @summary Send one message to many customers, showing before sending who will be skipped and why.
 *
 * @csspart title - The heading.
 * @csspart textarea - The message field.
 * @csspart counter - The byte counter.
 * @csspart thumbnail - Each image or video thumbnail.
 * @csspart card - Each link or mini-program card's fields.
 * @csspart audience - The audience choice.
 * @csspart reach - The live preview of whom the broadcast reaches and who is skipped (a live region).
 * @csspart skipped - The list of skipped customers with their reasons.
 * @csspart send-button - The button that opens the confirmation.
 * @csspart dialog - The confirmation dialog (a bottom sheet on phones).
 * @csspart progress - The broadcast's progress: its state and counts.
 * @csspart tabs - The recipients' status tabs.
 * @csspart recipient - One recipient row with its result.
 * @csspart read-only - The notice shown without the `broadcast` capability.
 * @csspart state - Loading, empty, error and no-adapter messages.
 * @csspart error - An error message.
 * @csspart offline - The notice shown while the browser is offline.
 * @csspart feedback - The brief status once the broadcast is done.
 *
 * @cssproperty --cl-broadcast-composer-background - Background of the composer. Defaults to `--cl-color-surface`.
 * @cssproperty --cl-broadcast-composer-accent - Colour of the chosen tab, progress and links.
 *   Defaults to `--cl-color-primary`.
 * @cssproperty --cl-broadcast-composer-danger - Colour of exceeded limits and failures.
 * @cssproperty --cl-broadcast-composer-skipped - Colour of the skipped count. Defaults to `--cl-color-warning`.
 * @cssproperty --cl-broadcast-composer-backdrop - The backdrop behind the dialog.
 *
 * @event {CustomEvent<BroadcastCreatedDetail>} cl-broadcast-created - The adapter made the broadcast (once per
 *   draft); detail `{ broadcast }`, waiting for the associate's confirmation in WeCom.
 * @event {CustomEvent<BroadcastDoneDetail>} cl-broadcast-done - The broadcast is done: every recipient sent,
 *   failed or skipped; detail `{ broadcast }`.
 */
export class BroadcastComposer extends ClientelingElement {
  static override styles = [baseStyles, sheetStyles, attachmentStyles, styles];

  /* ------------------------------------------------------------------ public properties */

  /**
   * Customers the page chose (attribute `customer-ids`, ids separated by spaces or commas): when given,
   * the audience is this list, and the associate may still choose all or by tags.
   */
  @property({ attribute: 'customer-ids', converter: listConverter }) customerIds: string[] = [];

  /** IndexedDB key of the draft (attribute `draft-key`); defaults to `broadcast:<staffId>`. */
  @property({ attribute: 'draft-key' }) draftKey?: string;

  /** How often a broadcast that is not done is read again, in ms; 0 never. */
  @property({ type: Number, attribute: 'refresh-interval' }) refreshInterval = DEFAULT_REFRESH_INTERVAL;

  /** Recipients read per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /**
   * Puts content into the composer, replacing the draft's text and attachments (the audience stays):
   * `text`, and `attachments` already uploaded (images, videos) or cards (link, mini-program; the
   * associate can still edit them); at most 9 are taken. While a broadcast is shown, the composer
   * leaves it (it goes on) for a new draft with this content.
   */
  setContent({ text = '', attachments = [] }: BroadcastComposerContent): void {
    if (this.draft.broadcastId) this.startNewDraft();
    this.attachments.releaseAll();
    const taken = attachments.slice(0, LIMITS.broadcastAttachmentsMax);
    const given = taken.filter((item): item is GivenMedia => item.kind === 'image' || item.kind === 'video');
    const cards = taken
      .filter(
        (item): item is Extract<BroadcastAttachment, { kind: CardKind }> =>
          item.kind !== 'image' && item.kind !== 'video',
      )
      .map(draftCardOf);
    this.updateDraft({ text, given, cards, media: [] });
  }

  /* ------------------------------------------------------------------ private state */

  private readonly localize = new LocalizeController(this, broadcastComposerMessages);
  private readonly feedback = new FeedbackController(this);

  @state() private data?: ComposerData;
  @state() private loadError?: AdapterError;
  /** Everything the associate wrote and chose (saved in IndexedDB). */
  @state() private draft = emptyDraft();
  /** The latest preview, and the audience it was made for. */
  @state() private preview?: BroadcastPreview;
  @state() private previewAudience?: BroadcastAudience;
  @state() private previewError?: AdapterError;
  @state() private skippedOpen = false;
  /** Send was tapped: a failure to load the confirmation's code shows from then on. */
  private sendTapped = false;

  private readonly store = draftStore();
  /** Where the draft is saved (its attachments apart), once the associate is known. */
  private savedDraft?: MediaDraft<BroadcastComposerDraft>;
  private previewTimer?: ReturnType<typeof setTimeout>;
  /** Counts the previews asked for, so that only the answer to the latest is taken. */
  private previewToken = 0;

  /** The attachment editor shared with the moments composer: file checks, uploads, thumbnails, cards. */
  private readonly attachments = new AttachmentsController(this, {
    getMedia: () => this.draft.media,
    setMedia: (media) => this.updateDraft({ media }),
    api: () => this.api,
  });

  /**
   * The confirmation in the dialog: its code loads when the browser is idle after the element connects,
   * and Send waits for it.
   */
  private readonly confirmPart = new OnDemand(this, () =>
    import('./send-confirm.js').then(({ SendConfirm }) => this.createConfirm(SendConfirm)),
  );

  /**
   * The broadcast once made, followed until done: its code loads when the browser is idle after the
   * element connects, or when Send is tapped, or when the draft names a broadcast (a reload).
   */
  private readonly progressPart = new OnDemand(this, () =>
    import('./broadcast-progress.js').then(({ BroadcastProgress }) => this.createProgress(BroadcastProgress)),
  );

  /* ------------------------------------------------------------------ lifecycle */

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('pagehide', this.saveDraft);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('pagehide', this.saveDraft);
    clearTimeout(this.previewTimer);
    void this.saveDraft();
  }

  protected override apiChanged(api?: ClientelingAdapter): void {
    if (api) void this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A new list from the page becomes the draft's audience (a broadcast being followed keeps its own).
    const listChanged = changed.has('customerIds') && this.customerIds.length > 0;
    if (listChanged && this.data && !this.draft.broadcastId) this.useCustomerIds();
  }

  /* ------------------------------------------------------------------ loading and saving */

  /** Loads the associate, the policy, the tag groups and whether there are customers, then the draft. */
  private async load() {
    const api = this.api!;
    this.loadError = this.data = undefined;
    try {
      await this.saveDraft();
      const [staff, policy, groups, everyone] = await Promise.all([
        api.getCurrentStaff({}),
        api.getPolicy({}).catch(() => DEFAULT_POLICY),
        api.listTagGroups({}).catch(() => []),
        api.previewBroadcast({ audience: { type: 'all' } }),
      ]);
      const savedDraft = new MediaDraft<BroadcastComposerDraft>(this.store, this.draftKey || `broadcast:${staff.id}`);
      const saved = await savedDraft.get().catch(() => undefined);
      if (api !== this.api) return;
      this.savedDraft = savedDraft;
      const hasCustomers = everyone.recipientCount + everyone.skippedCount > 0;
      this.data = { staff, policy, groups, hasCustomers };
      if (saved) this.draft = saved;
      if (this.customerIds.length && !this.draft.broadcastId) this.useCustomerIds();
      void this.attachments.resumeUploads();
      // Followed once the progress's code is there (made then, it follows the draft's broadcast itself).
      if (this.draft.broadcastId) void this.progressPart.part?.follow();
      else this.askPreview(0, audienceOf(this.draft)?.type === 'all' ? everyone : undefined);
    } catch (error) {
      if (api === this.api) this.loadError = toAdapterError(error);
    }
  }

  /**
   * Saves the draft now (the store coalesces writes that come faster than it completes them; also on
   * `pagehide`); a store that fails (private mode) costs the local copy only.
   */
  private saveDraft = async () => {
    await this.savedDraft?.set(this.draft).catch(() => undefined);
  };

  /** Changes the draft and saves it at once, so that a reload right after a keystroke keeps it. */
  private updateDraft(patch: Partial<BroadcastComposerDraft>) {
    this.draft = { ...this.draft, ...patch };
    void this.saveDraft();
  }

  /** The page's list of customers becomes the audience. */
  private useCustomerIds() {
    this.updateDraft({ audience: 'customers', customerIds: [...this.customerIds] });
    this.askPreview();
  }

  private setAudience(patch: Pick<Partial<BroadcastComposerDraft>, 'audience' | 'tagIds'>) {
    this.updateDraft(patch);
    this.askPreview();
  }

  /**
   * Asks whom the draft's audience reaches (debounced); an answer for an audience that changed since
   * is dropped. `known` is a preview already in hand for it.
   */
  private askPreview(delay = PREVIEW_DELAY_MS, known?: BroadcastPreview) {
    clearTimeout(this.previewTimer);
    const audience = audienceOf(this.draft);
    const token = ++this.previewToken;
    this.previewError = undefined;
    this.skippedOpen = false;
    if (known || !audience) {
      this.preview = known;
      this.previewAudience = known && audience;
      return;
    }
    this.previewTimer = setTimeout(async () => {
      try {
        const preview = await this.api!.previewBroadcast({ audience });
        if (token !== this.previewToken) return;
        this.preview = preview;
        this.previewAudience = audience;
      } catch (error) {
        if (token === this.previewToken) this.previewError = toAdapterError(error);
      }
    }, delay);
  }

  /* ------------------------------------------------------------------ content */

  /** Attachments of any kind, counted together against the 9. */
  private get attachmentCount() {
    const { media, cards, given } = this.draft;
    return media.length + cards.length + given.length;
  }

  /** Images and videos mixed, as many as room is left beside the cards and the page's attachments. */
  private fileRules(): FileRules {
    const { policy } = this.data!;
    const others = this.draft.cards.length + this.draft.given.length;
    const limit = LIMITS.broadcastAttachmentsMax;
    return { kinds: 'mixed', maxCount: Math.max(0, limit - others), policy, namedLimit: limit };
  }

  private takeFiles(files: File[]) {
    if (files.length) void this.attachments.addFiles(files, this.fileRules());
  }

  /** Why the broadcast cannot be sent now, in words, or undefined when it can. */
  private sendBlocker(): string | undefined {
    const { localize, draft } = this;
    const { policy } = this.data!;
    const extraBytes = byteLength(draft.text) - LIMITS.broadcastTextMaxBytes;
    const audience = audienceOf(draft);
    if (this.offline) return localize.t('broadcast.block.offline');
    if (extraBytes > 0) return localize.t('broadcast.block.text', localize.number(extraBytes));
    // A script's {customerName} (from "use in broadcast") would reach every customer as written.
    const variables = scriptVariablesIn(draft.text);
    if (variables.length) return localize.t('broadcast.block.variable', variables.map((name) => `{${name}}`).join(' '));
    if (draft.media.some((item) => item.status === 'error')) return localize.t('broadcast.block.upload');
    if (draft.media.some((item) => item.status !== 'done')) return localize.t('broadcast.block.uploading');
    if (draft.cards.some((card) => isCardIncomplete(card.kind, card.fields, policy))) {
      return localize.t('broadcast.block.card');
    }
    if (!draft.text.trim() && !this.attachmentCount) return localize.t('broadcast.block.empty');
    if (!audience) return localize.t('broadcast.block.tags');
    const { preview } = this;
    if (!preview || !sameAudience(this.previewAudience, audience)) return localize.t('broadcast.block.preview');
    if (preview.recipientCount < 1) return localize.t('broadcast.block.noRecipients');
    if (preview.recipientCount > preview.maxRecipients) {
      return localize.t('broadcast.block.maxRecipients', localize.number(preview.maxRecipients));
    }
    return undefined;
  }

  /* ------------------------------------------------------------------ sending */

  /** "Send…": opens the confirmation once its code is there (a failure to load it shows under Send). */
  private async handleSendClick() {
    if (this.sendBlocker()) return;
    this.sendTapped = true;
    void this.progressPart.load().catch(() => {}); // shown once the broadcast is made
    const confirm = await this.confirmPart.load().catch(() => undefined);
    await confirm?.open();
  }

  /** The confirmation, made when its code arrives. */
  private createConfirm(Confirm: typeof SendConfirm): SendConfirm {
    return new Confirm(this, {
      api: () => this.api,
      draft: () => this.draft,
      audience: () => audienceOf(this.draft),
      recipientCount: () => this.preview?.recipientCount ?? 0,
      saveDraft: this.saveDraft,
      created: (broadcast) => void this.handleCreated(broadcast),
    });
  }

  /** The adapter made the broadcast: the draft names it, and the progress follows it, focused. */
  private async handleCreated(broadcast: Broadcast) {
    this.updateDraft({ broadcastId: broadcast.id });
    emit(this, 'cl-broadcast-created', { broadcast });
    const progress = this.progressPart.part ?? (await this.progressPart.load().catch(() => undefined));
    progress?.start(broadcast);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#progress-title')?.focus();
  }

  /* ------------------------------------------------------------------ following the broadcast */

  /** The progress, made when its code arrives; it follows the broadcast the draft names, if any. */
  private createProgress(Progress: typeof BroadcastProgress): BroadcastProgress {
    return new Progress(this, {
      tabs: RECIPIENT_TABS,
      api: () => this.api,
      broadcastId: () => this.draft.broadcastId,
      reasonWords: (reason) => this.reasonWords(reason, this.cap()),
      renderError: (error, retry) => this.renderError(error, retry),
      forget: () => {
        this.updateDraft({ broadcastId: undefined, requestId: createRequestId() });
        this.askPreview(0);
      },
      done: (broadcast) => {
        void this.savedDraft?.delete().catch(() => undefined);
        this.feedback.show(this.localize.t('broadcast.doneFeedback', this.localize.number(broadcast.counts.sent)));
        emit(this, 'cl-broadcast-done', { broadcast });
      },
      newDraft: () => this.startNewDraft(),
    });
  }

  /** After a broadcast, or to leave one: a new draft with a new request id (the audience the page gave stays). */
  private startNewDraft() {
    this.progressPart.part?.stop();
    this.attachments.releaseAll();
    this.updateDraft(emptyDraft(this.customerIds));
    this.askPreview(0);
  }

  /* ------------------------------------------------------------------ event handlers */

  private handleTextInput(e: Event) {
    this.updateDraft({ text: (e.target as HTMLTextAreaElement).value });
  }

  private handlePaste(e: ClipboardEvent) {
    const files = [...(e.clipboardData?.files || [])];
    if (!files.length) return;
    e.preventDefault();
    this.takeFiles(files);
  }

  private handleDrop(e: DragEvent) {
    this.attachments.handleDrop(e, (files) => this.takeFiles(files));
  }

  private handleAddCard(kind: CardKind) {
    if (this.attachmentCount >= LIMITS.broadcastAttachmentsMax) return;
    this.updateDraft({ cards: [...this.draft.cards, { id: createRequestId(), kind, fields: emptyCard() }] });
  }

  private handleCardInput(id: string, field: keyof CardFields, value: string) {
    const cards = this.draft.cards.map((card) =>
      card.id === id ? { ...card, fields: { ...card.fields, [field]: value } } : card,
    );
    this.updateDraft({ cards });
  }

  private handleRemoveCard(id: string) {
    this.updateDraft({ cards: this.draft.cards.filter((card) => card.id !== id) });
  }

  private handleRemoveGiven(index: number) {
    this.updateDraft({ given: this.draft.given.filter((_item, position) => position !== index) });
  }

  private handleTagToggle(e: CustomEvent<TagToggleDetail>) {
    const { tag, selected } = e.detail;
    const otherTagIds = this.draft.tagIds.filter((id) => id !== tag.id);
    this.setAudience({ tagIds: selected ? [...otherTagIds, tag.id] : otherTagIds });
  }

  private handleSkippedToggle() {
    this.skippedOpen = !this.skippedOpen;
  }

  /* ------------------------------------------------------------------ words */

  private count(value: number) {
    return this.localize.number(value);
  }

  /** "Will reach 182; 23 skipped: 20 already received a message today, 3 not reachable". */
  private reachSentence(preview: BroadcastPreview) {
    const { localize } = this;
    if (!preview.skippedCount) return localize.t('broadcast.reach.customers', this.count(preview.recipientCount));
    const reasons = SKIP_REASONS.filter((reason) => preview.skippedByReason[reason] > 0).map((reason) =>
      this.reasonCount(reason, preview.skippedByReason[reason], preview.cap),
    );
    const separator = localize.locale === 'zh-CN' ? '，' : ', ';
    const between = localize.locale === 'zh-CN' ? ['；', '：'] : ['; ', ': '];
    return `${localize.t('broadcast.reach', this.count(preview.recipientCount))}${between[0]}${localize.t(
      'broadcast.reach.skipped',
      this.count(preview.skippedCount),
    )}${between[1]}${reasons.join(separator)}`;
  }

  private reasonCount(reason: BroadcastSkipReason, count: number, cap: BroadcastCap) {
    const formatted = this.count(count);
    if (reason === 'limit-reached') {
      return this.localize.t('broadcast.reason.limit-reached', formatted, cap.perCustomer, cap.period);
    }
    return this.localize.t(`broadcast.reason.${reason}`, formatted);
  }

  /** The cap skips are counted against: the preview's, else the policy's. */
  private cap(): BroadcastCap {
    return this.preview?.cap ?? this.data!.policy.broadcastCap ?? DEFAULT_POLICY.broadcastCap!;
  }

  private reasonWords(reason: BroadcastSkipReason, cap: BroadcastCap) {
    if (reason === 'limit-reached') return this.localize.t('broadcast.why.limit-reached', cap.perCustomer, cap.period);
    return this.localize.t(`broadcast.why.${reason}`);
  }

  /* ------------------------------------------------------------------ render */

  protected override render() {
    if (!this.api) return html`<p class="box" part="state">${this.localize.t('common.noAdapter')}</p>`;
    if (this.loadError) return this.renderError(this.loadError, () => void this.load());
    if (!this.data) return this.renderSkeleton();
    return html`<div class="box">
      <h2 part="title" id="heading">${this.localize.t('broadcast.heading')}</h2>
      ${this.renderOfflineNotice()}${this.renderBody()} ${this.feedback.render()}
    </div>`;
  }

  private renderBody() {
    if (this.draft.broadcastId) return this.progressPart.render(this.localize, (progress) => progress.render());
    if (!this.api!.capabilities.broadcast) {
      return html`<p part="read-only" class="notice">${this.localize.t('broadcast.readOnly')}</p>`;
    }
    if (!this.data!.hasCustomers) return html`<p part="state" class="notice">${this.localize.t('broadcast.empty')}</p>`;
    return this.renderForm();
  }

  private renderSkeleton() {
    return html`<div class="box" aria-busy="true" part="state"
      ><span class="cl-visually-hidden">${this.localize.t('common.loading')}</span
      >${SKELETON_LINES.map((line) => html`<div class="cl-skeleton" data-line=${line}></div>`)}</div
    >`;
  }

  private renderError(error: AdapterError, retry: () => void) {
    const retryButton = error.retryable
      ? html`<button type="button" class="cl-button" @click=${retry}>${this.localize.t('common.retry')}</button>`
      : nothing;
    return html`<div class="box" role="alert" part="state"
      ><p part="error" class="bad">${this.localize.error(error)}</p>${retryButton}</div
    >`;
  }

  private renderForm() {
    return html`<p class="hint">${this.localize.t('broadcast.intro')}</p>
      <div
        class="form"
        @paste=${this.handlePaste}
        @dragover=${(e: Event) => e.preventDefault()}
        @drop=${this.handleDrop}
      >
        ${this.renderTextField()} ${this.renderAttachments()} ${this.renderAudience()} ${this.renderReach()}
      </div>
      ${this.renderSend()} ${this.renderDialog()}`;
  }

  private renderTextField() {
    const bytes = byteLength(this.draft.text);
    const maxBytes = LIMITS.broadcastTextMaxBytes;
    const over = bytes > maxBytes;
    return html`<label class="field" for="text">${this.localize.t('broadcast.textLabel')}</label>
      <textarea
        id="text"
        part="textarea"
        rows="5"
        placeholder=${this.localize.t('broadcast.placeholder')}
        aria-describedby="count"
        aria-invalid=${over}
        .value=${this.draft.text}
        @input=${this.handleTextInput}
      ></textarea>
      <p id="count" part="counter" class="hint counter" ?data-over=${over}
        >${this.localize.t('broadcast.bytes', this.count(bytes), this.count(maxBytes))}</p
      >`;
  }

  private renderAttachments() {
    const { localize } = this;
    const full = this.attachmentCount >= LIMITS.broadcastAttachmentsMax;
    const canUpload = this.api!.capabilities.uploadMedia;
    const countHint = localize.t('broadcast.attachmentCount', this.attachmentCount, LIMITS.broadcastAttachmentsMax);
    const rules = this.fileRules();
    return html`<fieldset class="attachments">
      <legend>${localize.t('broadcast.attachments')}</legend>
      ${this.renderGiven()}
      ${
        canUpload
          ? this.attachments.renderThumbnails(rules, { addLabel: localize.t('broadcast.addMedia'), countHint })
          : html`<p class="hint">${countHint}</p>`
      }
      ${this.draft.cards.map((card, index) => this.renderCard(card, index))}
      <div class="row">
        <button type="button" class="cl-button" ?disabled=${full} @click=${() => this.handleAddCard('link')}
          >+ ${localize.t('broadcast.addLink')}</button
        >
        <button type="button" class="cl-button" ?disabled=${full} @click=${() => this.handleAddCard('miniprogram')}
          >+ ${localize.t('broadcast.addMiniprogram')}</button
        >
      </div>
      ${this.attachments.renderNotices()}
      ${canUpload ? this.attachments.renderFileInput(rules, (files) => this.takeFiles(files)) : nothing}
    </fieldset>`;
  }

  /** The images and videos the page gave (already uploaded), each removable. */
  private renderGiven() {
    if (!this.draft.given.length) return nothing;
    return html`<ul class="thumbs given">
      ${this.draft.given.map((item, index) => this.renderGivenItem(item, index))}
    </ul>`;
  }

  /** An image or video the page gave: its picture (a video's cover, else its name) and Remove. */
  private renderGivenItem(item: GivenMedia, index: number) {
    const key = item.kind === 'image' ? 'broadcast.given.image' : 'broadcast.given.video';
    const label = this.localize.t(key, index + 1);
    const url = item.kind === 'image' ? item.image.url : item.video.coverUrl;
    return html`<li class="thumb" part="thumbnail" aria-label=${label}>
      ${url ? html`<img src=${url} alt="" />` : html`<span class="hint">${label}</span>`}
      <button
        type="button"
        class="remove cl-button"
        aria-label=${this.localize.t('broadcast.remove', label)}
        @click=${() => this.handleRemoveGiven(index)}
        >×</button
      >
    </li>`;
  }

  private renderCard(card: DraftCard, index: number) {
    const { policy } = this.data!;
    const position = this.draft.cards.slice(0, index + 1).filter((other) => other.kind === card.kind).length;
    const name = this.localize.t(`broadcast.card.${card.kind}`, position);
    const onInput = (field: keyof CardFields, value: string) => this.handleCardInput(card.id, field, value);
    return html`<fieldset class="card" part="card">
      <legend>${name}</legend>
      ${CARD_FIELDS[card.kind].map((field) =>
        this.attachments.renderCardField(card.kind, card.fields, field, policy, onInput),
      )}
      <button type="button" class="cl-button" @click=${() => this.handleRemoveCard(card.id)}
        >${this.localize.t('broadcast.remove', name)}</button
      >
    </fieldset>`;
  }

  private renderAudience() {
    const { localize, draft } = this;
    const listed = draft.customerIds.length;
    return html`<fieldset part="audience">
      <legend>${localize.t('broadcast.audience')}</legend>
      ${
        listed
          ? this.renderAudienceChoice('customers', localize.t('broadcast.audience.customers', this.count(listed)))
          : nothing
      }
      ${this.renderAudienceChoice('all', localize.t('broadcast.audience.all'))}
      ${this.renderAudienceChoice('tags', localize.t('broadcast.audience.tags'))}
      ${draft.audience === 'tags' ? this.renderTagPicker() : nothing}
    </fieldset>`;
  }

  private renderAudienceChoice(choice: AudienceChoice, label: string) {
    return html`<label class="choice"
      ><input
        type="radio"
        name="audience"
        .checked=${this.draft.audience === choice}
        @change=${() => this.setAudience({ audience: choice })}
      />${label}</label
    >`;
  }

  /** The tag editor's `<cl-tag-picker>` (shared, not written twice), whose code loads when "by tags" is chosen. */
  private renderTagPicker() {
    import('@clienteling/tag-editor/tag-picker.js');
    return html`<cl-tag-picker
      .groups=${this.data!.groups}
      .selected=${this.draft.tagIds}
      multiple
      label=${this.localize.t('broadcast.audience.tags')}
      @cl-tag-toggle=${this.handleTagToggle}
    ></cl-tag-picker>`;
  }

  /** The live preview of reach: whom it reaches, who is skipped and why, and the list of the skipped. */
  private renderReach() {
    const skips = !!this.preview?.skippedCount && sameAudience(this.previewAudience, audienceOf(this.draft));
    return html`<div part="reach" class="reach" role="status" aria-live="polite" ?data-skipped=${skips}
      >${this.renderReachContent()}</div
    >`;
  }

  private renderReachContent() {
    const { localize } = this;
    const audience = audienceOf(this.draft);
    if (!audience) return nothing;
    if (this.previewError) {
      return html`<p class="bad">${localize.t('broadcast.reach.failed')} ${localize.error(this.previewError)}</p
        ><button type="button" class="cl-button" @click=${() => this.askPreview(0)}
          >${localize.t('common.retry')}</button
        >`;
    }
    const { preview } = this;
    if (!preview || !sameAudience(this.previewAudience, audience)) {
      return html`<p class="hint">${localize.t('broadcast.reach.checking')}</p>`;
    }
    return html`<p class="reach-line">${this.reachSentence(preview)}</p>${this.renderSkipped(preview)}`;
  }

  private renderSkipped(preview: BroadcastPreview) {
    if (!preview.skippedCount) return nothing;
    const { localize } = this;
    const more = preview.skippedCount - preview.skipped.length;
    const list = html`<ul id="skipped" part="skipped" class="skipped">
        ${preview.skipped.map((skipped) => this.renderSkippedCustomer(skipped, preview.cap))}
      </ul>
      ${more > 0 ? html`<p class="hint">${localize.t('broadcast.skippedMore', this.count(more))}</p>` : nothing}`;
    return html`<button
        type="button"
        class="more"
        aria-expanded=${this.skippedOpen}
        aria-controls="skipped"
        @click=${this.handleSkippedToggle}
        >${localize.t(this.skippedOpen ? 'broadcast.skippedHide' : 'broadcast.skippedShow')}</button
      >${this.skippedOpen ? list : nothing}`;
  }

  private renderSkippedCustomer(skipped: BroadcastSkipped, cap: BroadcastCap) {
    const name = skipped.name || this.localize.t('broadcast.unknownCustomer', skipped.customerId);
    return html`<li data-reason=${skipped.reason}
      ><span>${name}</span><span class="hint">${this.reasonWords(skipped.reason, cap)}</span></li
    >`;
  }

  /** "Send…" and why it cannot be sent yet. */
  private renderSend() {
    const blocker = this.sendBlocker();
    return html`<button
        type="button"
        part="send-button"
        class="cl-button"
        data-variant="primary"
        aria-describedby="why"
        ?disabled=${!!blocker}
        @click=${this.handleSendClick}
        >${this.localize.t('broadcast.send')}</button
      >
      <p id="why" class="hint">${blocker ?? ''}</p>
      ${this.sendTapped && this.confirmPart.failed ? this.confirmPart.render(this.localize, () => nothing) : nothing}`;
  }

  private renderDialog() {
    return html`<dialog
      class="cl-sheet"
      part="dialog"
      aria-labelledby="dialog-title"
      aria-describedby="dialog-body"
      @cancel=${(event: Event) => this.confirmPart.part?.handleDialogCancel(event)}
      >${this.confirmPart.part?.render()}</dialog
    >`;
  }
}

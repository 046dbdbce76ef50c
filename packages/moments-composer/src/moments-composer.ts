import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  DEFAULT_POLICY,
  type ClientelingAdapter,
  type Moment,
  type HostMomentShare,
  type MomentAttachments,
  type MomentDraft,
  type MomentQuota,
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
} from '@clienteling/core/elements.js';
import type { TagToggleDetail } from '@clienteling/tag-editor/tag-picker.js';
import {
  AttachmentsController,
  CARD_FIELDS,
  attachmentStyles,
  cardOf,
  charCount,
  emptyCard,
  hasCardContent,
  isCardIncomplete,
  isCardKind,
  isHttpUrl,
  type CardFields,
  type CardKind,
  type FileRules,
} from './attachments.js';
import { MediaDraft } from '@clienteling/core/drafts.js';
import { audienceOf, draftStore, type AttachmentKind, type ComposerDraft } from './draft-store.js';
import { messages } from './moments-composer.messages.js';
import { styles } from './moments-composer.styles.js';
import type { PublishOutcome } from './publish-outcome.js';

/** Detail of `cl-moment-publish`: what is about to be sent, with the draft's request id. */
export interface MomentPublishDetail {
  draft: MomentDraft;
  requestId: string;
}

/** Detail of `cl-moment-published`: the post as the adapter confirmed it. */
export interface MomentPublishedDetail {
  moment: Moment;
}

/** Where publishing the draft stands. */
type PublishPhase = 'idle' | 'sending' | 'submitted' | 'published' | 'failed';

/** What the composer loads before it shows the form. */
interface ComposerData {
  staff: StaffProfile;
  quota: MomentQuota;
  policy: Policy;
  groups: TagGroup[];
}

const ATTACHMENT_KINDS: AttachmentKind[] = ['images', 'video', 'link', 'miniprogram'];

/** Wait after the last change of the audience before the reach is estimated. */
const REACH_DELAY_MS = 300;
/** The longest wait between two checks of a submitted post. */
const POLL_MAX_INTERVAL_MS = 30_000;
/** The placeholder lines shown while loading, by what they stand for (their heights are in the styles). */
const SKELETON_LINES = ['title', 'hint', 'text', 'row', 'row', 'media', 'row'];
const emptyDraft = (): ComposerDraft => ({ requestId: createRequestId(), text: '', media: [], card: emptyCard() });

const isMediaKind = (kind?: AttachmentKind): kind is 'images' | 'video' => kind === 'images' || kind === 'video';

/** Columns of the preview's image grid, as in the feed: one image large, 2 or 4 in two columns, else three. */
function previewColumns(imageCount: number): number {
  if (imageCount === 1) return 1;
  if (imageCount === 2 || imageCount === 4) return 2;
  return 3;
}

/** The attachments the host page can share to moments: WeCom takes images or a link (not videos or cards). */
function hostShareAttachments(attachments?: MomentAttachments): HostMomentShare['attachments'] {
  if (attachments?.kind === 'images') {
    return attachments.images.map((image) => ({ type: 'image', imageUrl: image.url }));
  }
  if (attachments?.kind === 'link') return [{ type: 'link', ...attachments.link, imageUrl: attachments.link.coverUrl }];
  return undefined;
}

/**
 * Writes a post for customers' moments: text with a live counter, attachments of exactly one kind
 * (up to 9 images, one video, one link or one mini-program card), an audience of all customers or
 * customers with chosen tags (through `<cl-tag-picker>`), and a preview as a customer will see it.
 * Limits are checked before any request; the draft is saved in IndexedDB on every change and
 * published exactly once.
 *
 * @summary Compose and publish a post to customers' moments, within the platform's limits.
 *
 * @csspart title - The heading.
 * @csspart quota - The line with the posts left today and when the count resets.
 * @csspart textarea - The text field.
 * @csspart counter - The character counter.
 * @csspart thumbnail - Each image or video thumbnail.
 * @csspart preview - The preview of the post as a customer sees it.
 * @csspart company - The highlighted `@Company` of the preview.
 * @csspart publish-button - The publish button.
 * @csspart status - The publishing state and errors.
 * @csspart dialog - The confirm dialog shown before switching attachment kind.
 * @csspart feedback - The brief confirmation after publishing.
 * @csspart offline - The notice that the network is gone.
 *
 * @cssproperty --cl-moments-composer-background - Background of the composer.
 * @cssproperty --cl-moments-composer-preview-background - Background of the preview.
 * @cssproperty --cl-moments-composer-company-color - Colour of the `@Company` suffix.
 * @cssproperty --cl-moments-composer-accent - Colour of the chosen kind, progress and links.
 * @cssproperty --cl-moments-composer-danger - Colour of exceeded limits and failures.
 * @cssproperty --cl-moments-composer-scrim - Backdrop of the confirm dialog.
 *
 * @event {CustomEvent<MomentPublishDetail>} cl-moment-publish - Before sending; cancel it to stop.
 * Detail `{ draft, requestId }`.
 * @event {CustomEvent<MomentPublishedDetail>} cl-moment-published - Once the adapter confirms publication.
 * Detail `{ moment }`.
 */
export class MomentsComposer extends ClientelingElement {
  static override styles = [baseStyles, attachmentStyles, styles];

  /** IndexedDB key of the draft (attribute `draft-key`); defaults to `moment:<staffId>`. */
  @property({ attribute: 'draft-key' }) draftKey?: string;

  /** First wait in ms before checking a submitted post's state again; it doubles up to 30 s. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 1000;

  protected readonly localize = new LocalizeController(this, messages);
  private readonly feedback = new FeedbackController(this);

  /** The associate, their quota, the policy and the tag groups; undefined until loaded. */
  @state() private data?: ComposerData;
  /** Why loading failed; shown instead of the form. */
  @state() private loadError?: AdapterError;
  /** Everything the associate typed and chose (saved in IndexedDB). */
  @state() private draft = emptyDraft();
  @state() private phase: PublishPhase = 'idle';
  /** Why the last publication failed; a retryable failure turns the button into "Retry". */
  @state() private publishError?: AdapterError;
  /** The post as the adapter last reported it. */
  @state() private moment?: Moment;
  /** How many customers the audience reaches, once estimated. */
  @state() private reach?: number;
  /** The kind the associate asked to switch to, while the confirm dialog is open. */
  @state() private pendingKind?: AttachmentKind;
  /** Whether the preview shows its text in full. */
  @state() private previewExpanded = false;
  /** Whether the preview's text is long enough to fold, which shows "Full text". */
  @state() private previewFoldable = false;

  @query('dialog') private switchDialog!: HTMLDialogElement;

  private readonly store = draftStore();
  /** Where the draft is saved (its attachments apart), set once the associate is known. */
  private savedDraft?: MediaDraft<ComposerDraft>;
  /** The attachment editor shared with the broadcast composer: file checks, uploads, thumbnails, cards. */
  private readonly attachments = new AttachmentsController(this, {
    getMedia: () => this.draft.media,
    setMedia: (media) => this.updateDraft({ media }),
    api: () => this.api,
  });
  /**
   * How a publication ended (published or failed, who could not be reached, what next): its code
   * loads when the browser is idle after the element connects, or when publishing starts.
   */
  private readonly outcomePart = new OnDemand(this, () =>
    import('./publish-outcome.js').then(({ PublishOutcome }) => this.createOutcome(PublishOutcome)),
  );
  /** Files waiting for the associate to confirm switching kind. */
  private pendingFiles?: File[];
  private pollTimer?: ReturnType<typeof setTimeout>;
  private reachTimer?: ReturnType<typeof setTimeout>;
  /** Counts reach requests, so that only the answer for the latest audience is shown. */
  private reachRequest = 0;

  /* ---------------------------------------------------------------- lifecycle */

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('pagehide', this.saveDraft);
    document.addEventListener('visibilitychange', this.saveDraft);
    if (this.data) this.resumeInterrupted();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('pagehide', this.saveDraft);
    document.removeEventListener('visibilitychange', this.saveDraft);
    clearTimeout(this.pollTimer);
    clearTimeout(this.reachTimer);
    void this.saveDraft();
  }

  protected override apiChanged(api?: ClientelingAdapter): void {
    if (api) void this.load();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The preview folds its text after six lines; "Full text" shows only when that hides something.
    const text = this.renderRoot.querySelector('#ptext');
    const foldable = !!text && (this.previewExpanded || text.scrollHeight > text.clientHeight + 1);
    if (foldable !== this.previewFoldable) this.previewFoldable = foldable;
  }

  /* ---------------------------------------------------------------- public methods */

  /**
   * Publishes the draft once: a call while one is pending is ignored, and a retry after a failure
   * reuses the draft's request id, so the adapter never creates a second post.
   */
  async publish(): Promise<void> {
    if (this.busy || !this.data || this.publishBlocker()) return;
    this.phase = 'sending';
    this.outcomePart.load().catch(() => undefined); // there before the adapter answers, whatever it says
    const draft: MomentDraft = {
      text: this.draft.text,
      attachments: this.adapterAttachments(),
      audience: audienceOf(this.draft)!,
    };
    const { requestId } = this.draft;
    if (!emit(this, 'cl-moment-publish', { draft, requestId }, { cancelable: true })) {
      this.phase = 'idle';
      return;
    }
    this.publishError = undefined;
    try {
      await this.saveDraft();
      const moment = await this.api!.publishMoment({ requestId, draft });
      this.countPostInQuota();
      this.followMoment(moment);
    } catch (error) {
      this.phase = 'idle';
      this.publishError = toAdapterError(error);
    }
  }

  /* ---------------------------------------------------------------- loading and saving */

  /** Loads the associate, quota, policy and tag groups, then the saved draft; the latest adapter wins. */
  private async load() {
    const api = this.api!;
    this.loadError = this.data = undefined;
    try {
      await this.saveDraft();
      const [staff, quota, policy, groups] = await Promise.all([
        api.getCurrentStaff({}),
        api.getMomentQuota({}),
        api.getPolicy({}).catch(() => DEFAULT_POLICY),
        api.listTagGroups({}).catch(() => []),
      ]);
      const savedDraft = new MediaDraft<ComposerDraft>(this.store, this.draftKey || `moment:${staff.id}`);
      const saved = await savedDraft.get().catch(() => undefined);
      if (api !== this.api) return;
      this.savedDraft = savedDraft;
      this.data = { staff, quota, policy, groups };
      if (saved) this.draft = saved;
      this.resumeInterrupted();
      this.estimateReach();
    } catch (error) {
      if (api === this.api) this.loadError = toAdapterError(error);
    }
  }

  /**
   * Saves the draft now (the store coalesces writes that come faster than it completes them; also on
   * `pagehide` and `visibilitychange`); never a published one. A store that fails (private mode, full
   * disk) costs the local copy only.
   */
  private saveDraft = async () => {
    if (this.savedDraft && this.phase !== 'published') {
      await this.savedDraft.set(this.draft).catch(() => undefined);
    }
  };

  /** Resumes what a reload or a disconnection interrupted: uploads, and following a submitted post. */
  private resumeInterrupted() {
    void this.attachments.resumeUploads();
    if (this.draft.momentId) {
      this.phase = 'submitted';
      this.outcomePart.load().catch(() => undefined);
      this.pollMoment(this.draft.momentId);
    }
  }

  /** Changes the draft and saves it at once, so that a reload right after a keystroke keeps it. */
  private updateDraft(patch: Partial<ComposerDraft>) {
    this.draft = { ...this.draft, ...patch };
    void this.saveDraft();
  }

  /** Sets the audience: all customers (`tagIds` undefined) or customers with any of `tagIds`. */
  private setAudience(tagIds?: string[]) {
    this.updateDraft({ tagIds });
    this.estimateReach();
  }

  /** Asks the adapter for the audience's reach, debounced; the latest audience wins. */
  private estimateReach() {
    clearTimeout(this.reachTimer);
    const audience = audienceOf(this.draft);
    const request = ++this.reachRequest;
    this.reach = undefined;
    if (!audience) return;
    this.reachTimer = setTimeout(async () => {
      try {
        const { count } = await this.api!.estimateReach({ audience });
        if (request === this.reachRequest) this.reach = count;
      } catch {
        /* the estimate is optional */
      }
    }, REACH_DELAY_MS);
  }

  /* ---------------------------------------------------------------- attachments */

  /** Whether the draft has an attachment: a file, or a card with any field filled in. */
  private get hasAttachment() {
    const { media, kind, card } = this.draft;
    if (media.length) return true;
    return isCardKind(kind) && hasCardContent(card);
  }

  /** Switches the attachment kind, asking first when attachments of another kind exist. */
  private chooseKind(kind: AttachmentKind, files?: File[]) {
    if (kind !== this.draft.kind && this.hasAttachment) {
      this.pendingFiles = files;
      this.pendingKind = kind;
      void this.updateComplete.then(() => this.switchDialog.showModal());
      return;
    }
    this.updateDraft({ kind });
    if (files) void this.addFiles(files);
  }

  /** Closes the switch dialog; when confirmed, drops the attachments and switches (adding the waiting files). */
  private answerSwitch(confirmed: boolean) {
    if (this.switchDialog.open) this.switchDialog.close();
    const kind = this.pendingKind;
    if (confirmed) {
      this.attachments.releaseAll();
      this.updateDraft({ kind, media: [], card: emptyCard() });
      if (this.pendingFiles) void this.addFiles(this.pendingFiles);
      else if (isMediaKind(kind)) this.attachments.openFileChooser(this.fileRules(kind));
    }
    this.pendingKind = this.pendingFiles = undefined;
  }

  /** Files from the picker, a drop or a paste: the kind follows the first file. */
  private takeFiles(files: File[]) {
    if (!files.length || this.busy) return;
    this.chooseKind(files[0]!.type.startsWith('video/') ? 'video' : 'images', files);
  }

  /**
   * The moments rule of files: one kind at a time, up to the policy's images or one video (the
   * checks themselves are the shared attachment editor's).
   */
  private fileRules(kind = this.draft.kind): FileRules {
    const { policy } = this.data!;
    const isVideo = kind === 'video';
    return { kinds: isVideo ? 'video' : 'image', maxCount: isVideo ? 1 : policy.momentImagesMax, policy };
  }

  /** Checks each file against the policy before any request, then adds and uploads the good ones. */
  private addFiles(files: File[]) {
    return this.attachments.addFiles(files, this.fileRules());
  }

  /* ---------------------------------------------------------------- publishing */

  private get busy() {
    return this.phase !== 'idle';
  }

  /** The attachments as the adapter takes them, or undefined when there are none. */
  private adapterAttachments(): MomentAttachments | undefined {
    if (!this.hasAttachment) return undefined;
    const { kind, media, card } = this.draft;
    if (kind === 'images') {
      return { kind, images: media.map(({ url, width, height, size }) => ({ url: url!, width, height, size })) };
    }
    if (kind === 'video') {
      const video = media[0]!;
      return { kind, video: { url: video.url!, durationMs: video.durationMs!, size: video.size } };
    }
    if (kind === 'link') return { kind, link: cardOf(kind, card) };
    return { kind: 'miniprogram', miniprogram: cardOf('miniprogram', card) };
  }

  /** Whether the link or mini-program card is filled in but cannot be sent as it is. */
  private isCardIncomplete(): boolean {
    const { kind, card } = this.draft;
    if (!isCardKind(kind) || !this.hasAttachment) return false;
    return isCardIncomplete(kind, card, this.data!.policy);
  }

  /** Why the post cannot be published now, in words, or undefined when it can. */
  private publishBlocker(): string | undefined {
    const { localize, draft } = this;
    const { policy, quota } = this.data!;
    const { kind } = draft;
    const extraChars = charCount(draft.text) - policy.momentTextMaxLength;
    const uploads = kind === 'images' || kind === 'video' ? draft.media : [];
    if (!this.api!.capabilities.publishMoment) return localize.t('momentsComposer.block.capability');
    if (quota.remaining < 1) return localize.t('momentsComposer.block.quota');
    if (extraChars > 0) return localize.t('momentsComposer.block.text', extraChars);
    if (uploads.some((item) => item.status === 'error')) return localize.t('momentsComposer.block.upload');
    if (uploads.some((item) => item.status !== 'done')) return localize.t('momentsComposer.block.uploading');
    if (kind === 'link' && this.isCardIncomplete()) {
      return localize.t('momentsComposer.block.link', policy.linkTitleMaxBytes);
    }
    if (kind === 'miniprogram' && this.isCardIncomplete()) return localize.t('momentsComposer.block.miniprogram');
    if (!audienceOf(draft)) return localize.t('momentsComposer.block.tags');
    if (!draft.text.trim() && !this.hasAttachment) return localize.t('momentsComposer.block.empty');
    return undefined;
  }

  /** Counts a post the adapter accepted in today's quota at once, then takes the adapter's own count. */
  private countPostInQuota() {
    const { quota } = this.data!;
    const remaining = Math.max(0, quota.remaining - 1);
    this.data = { ...this.data!, quota: { ...quota, used: quota.used + 1, remaining } };
    this.refreshQuota();
  }

  /** Takes today's quota from the adapter again (after a post was accepted, published or failed). */
  private refreshQuota() {
    this.api!.getMomentQuota({}).then(
      (quota) => (this.data = { ...this.data!, quota }),
      () => undefined,
    );
  }

  /** Shows a post's state and follows it until it is published or failed. */
  private followMoment(moment: Moment, attempt = 0) {
    this.moment = moment;
    this.phase = moment.state === 'draft' ? 'submitted' : moment.state;
    if (moment.state === 'published') {
      this.feedback.show(this.localize.t('momentsComposer.publishedFeedback'));
      void this.savedDraft?.delete().catch(() => undefined);
      emit(this, 'cl-moment-published', { moment });
      this.refreshQuota();
    } else if (this.phase === 'submitted') {
      if (this.draft.momentId !== moment.id) this.updateDraft({ momentId: moment.id });
      this.pollMoment(moment.id, attempt);
    } else {
      // The failure is stated (and announced) in the outcome itself, beside "edit again": no toast
      // that would cover that button.
      this.updateDraft({ momentId: undefined });
      this.refreshQuota();
    }
  }

  /** Checks a submitted post's state with backoff; stops when disconnected. */
  private pollMoment(momentId: string, attempt = 0) {
    clearTimeout(this.pollTimer);
    const delay = Math.min(this.pollInterval * 2 ** attempt, POLL_MAX_INTERVAL_MS);
    this.pollTimer = setTimeout(async () => {
      try {
        this.followMoment(await this.api!.getMoment({ momentId }), attempt + 1);
      } catch (caught) {
        const error = toAdapterError(caught);
        if (error.retryable) return this.pollMoment(momentId, attempt + 1);
        this.phase = 'idle';
        this.publishError = error;
        this.updateDraft({ momentId: undefined });
      }
    }, delay);
  }

  /** The outcome view, made when its code arrives; its buttons lead back to the form. */
  private createOutcome(Outcome: typeof PublishOutcome): PublishOutcome {
    return new Outcome(this, {
      api: () => this.api,
      editAgain: () => this.handleEditAgain(),
      newPost: () => this.handleNewPost(),
    });
  }

  /* ---------------------------------------------------------------- event handlers */

  private handlePaste(e: ClipboardEvent) {
    const files = [...(e.clipboardData?.files || [])];
    if (files.length) {
      e.preventDefault();
      this.takeFiles(files);
    }
  }

  /** A drop either moves the dragged thumbnail to the one it lands on, or brings files from outside. */
  private handleDrop(e: DragEvent) {
    this.attachments.handleDrop(e, (files) => this.takeFiles(files));
  }

  private handleTextInput(e: Event) {
    this.updateDraft({ text: (e.target as HTMLTextAreaElement).value });
  }

  /** One tap on a kind: a card kind is chosen; images or video are chosen and the file chooser opens. */
  private handleKindClick(kind: AttachmentKind) {
    if (kind !== this.draft.kind) this.chooseKind(kind);
    if (isMediaKind(kind) && this.draft.kind === kind) this.attachments.openFileChooser(this.fileRules(kind));
  }

  private handleTagToggle(e: CustomEvent<TagToggleDetail>) {
    const { tag, selected } = e.detail;
    const otherTagIds = (this.draft.tagIds || []).filter((id) => id !== tag.id);
    this.setAudience(selected ? [...otherTagIds, tag.id] : otherTagIds);
  }

  private handleFoldClick() {
    this.previewExpanded = !this.previewExpanded;
  }

  /** After a failed post: keep the content, under a new request id (a new intent). */
  private handleEditAgain() {
    this.phase = 'idle';
    this.updateDraft({ requestId: createRequestId() });
  }

  private handleNewPost() {
    this.attachments.releaseAll();
    this.phase = 'idle';
    this.previewExpanded = false;
    this.updateDraft(emptyDraft());
    this.estimateReach();
  }

  /* ---------------------------------------------------------------- render */

  protected override render() {
    if (!this.api) return html`<p class="box">${this.localize.t('common.noAdapter')}</p>`;
    if (this.loadError) return this.renderLoadError(this.loadError);
    if (!this.data) return this.renderSkeleton();
    return html`<div
      class="box"
      @paste=${this.handlePaste}
      @dragover=${(e: Event) => e.preventDefault()}
      @drop=${this.handleDrop}
    >
      <h2 part="title" id="heading">${this.localize.t('momentsComposer.heading')}</h2>
      ${this.renderOfflineNotice()} ${this.renderQuota()}
      <fieldset ?disabled=${this.busy}>
        ${this.renderTextField()} ${this.renderKindChoice()} ${this.renderAttachments()}
        ${this.attachments.renderNotices()} ${this.renderAudience()}
      </fieldset>
      ${this.renderPreview()} ${this.renderFooter()} ${this.renderSwitchDialog()} ${this.renderFileInput()}
      ${this.feedback.render()}
    </div>`;
  }

  /** The hidden file chooser, there from the start so that one tap on a kind opens it. */
  private renderFileInput() {
    if (!this.api!.capabilities.uploadMedia) return nothing;
    return this.attachments.renderFileInput(this.fileRules(), (files) => this.takeFiles(files));
  }

  private renderLoadError(error: AdapterError) {
    const retry = error.retryable
      ? html`<button class="cl-button" @click=${this.load}>${this.localize.t('common.retry')}</button>`
      : nothing;
    return html`<div class="box" role="alert"><p>${this.localize.error(error)}</p>${retry}</div>`;
  }

  private renderSkeleton() {
    return html`<div class="box" aria-busy="true"
      ><span class="cl-visually-hidden">${this.localize.t('common.loading')}</span
      >${SKELETON_LINES.map((line) => html`<div class="cl-skeleton" data-line=${line}></div>`)}</div
    >`;
  }

  private renderQuota() {
    const { quota, policy } = this.data!;
    const resetsAt = this.localize.date(quota.resetsAt, true, policy.timeZone);
    if (quota.remaining < 1) {
      return html`<p part="quota" class="hint" data-over>${this.localize.t('momentsComposer.quotaUsed', resetsAt)}</p>`;
    }
    return html`<p part="quota" class="hint"
      >${this.localize.t('momentsComposer.quota', quota.remaining, resetsAt)}</p
    >`;
  }

  private renderTextField() {
    const length = charCount(this.draft.text);
    const maxLength = this.data!.policy.momentTextMaxLength;
    // Named by the heading; the same words as aria-label too, for tools that skip a heading scrolled out of view.
    return html`<textarea
        part="textarea"
        rows="5"
        aria-labelledby="heading"
        aria-label=${this.localize.t('momentsComposer.heading')}
        placeholder=${this.localize.t('momentsComposer.placeholder')}
        aria-describedby="count"
        aria-invalid=${length > maxLength}
        .value=${this.draft.text}
        @input=${this.handleTextInput}
      ></textarea>
      <p id="count" part="counter" class="hint" ?data-over=${length > maxLength}>${length}/${maxLength}</p>`;
  }

  /** The attachment kinds to choose from; images and video only when the adapter can upload. */
  private renderKindChoice() {
    const chosenKind = this.draft.kind;
    const kinds = ATTACHMENT_KINDS.filter((kind) => this.api!.capabilities.uploadMedia || isCardKind(kind));
    return html`<div class="row" role="group" aria-label=${this.localize.t('momentsComposer.kind')}>
      ${kinds.map(
        (kind) =>
          html`<button class="cl-button" aria-pressed=${chosenKind === kind} @click=${() => this.handleKindClick(kind)}
            >${this.localize.t(`momentsComposer.kind.${kind}`)}</button
          >`,
      )}
    </div>`;
  }

  private renderAttachments() {
    const { kind } = this.draft;
    if (!kind) return nothing;
    if (isCardKind(kind)) return this.renderCard(kind);
    return this.renderThumbnails(kind);
  }

  /** The fields of the link or mini-program card, each with its check. */
  private renderCard(kind: CardKind) {
    const { policy } = this.data!;
    const updateCard = (field: keyof CardFields, value: string) =>
      this.updateDraft({ card: { ...this.draft.card, [field]: value } });
    return CARD_FIELDS[kind].map((field) =>
      this.attachments.renderCardField(kind, this.draft.card, field, policy, updateCard),
    );
  }

  /** The images or the video, and the add button while there is room, with how many images of how many. */
  private renderThumbnails(kind: 'images' | 'video') {
    const rules = this.fileRules(kind);
    const count = this.draft.media.length;
    const countHint = kind === 'video' ? '' : this.localize.t('momentsComposer.imageCount', count, rules.maxCount);
    const addLabel = this.localize.t(`momentsComposer.kind.${kind}`);
    return this.attachments.renderThumbnails(rules, { addLabel, countHint });
  }

  private renderAudience() {
    const { localize } = this;
    const { tagIds } = this.draft;
    const reach =
      this.reach === undefined ? '' : localize.t('momentsComposer.reach', localize.number(this.reach), this.reach);
    return html`<fieldset>
      <legend>${localize.t('momentsComposer.audience')}</legend>
      ${this.renderAudienceChoice(undefined, localize.t('momentsComposer.all'))}
      ${this.renderAudienceChoice(tagIds || [], localize.t('momentsComposer.byTags'))}
      ${tagIds ? this.renderTagPicker(tagIds) : nothing}
      <p class="hint" aria-live="polite">${reach}</p>
    </fieldset>`;
  }

  /** One audience radio: all customers (`tagIds` undefined) or customers with chosen tags. */
  private renderAudienceChoice(tagIds: string[] | undefined, label: string) {
    return html`<label class="choice"
      ><input
        type="radio"
        name="audience"
        .checked=${!this.draft.tagIds === !tagIds}
        @change=${() => this.setAudience(tagIds)}
      />${label}</label
    >`;
  }

  /** The tag editor's `<cl-tag-picker>` (shared, not written twice), whose code loads when "by tags" is chosen. */
  private renderTagPicker(tagIds: string[]) {
    import('@clienteling/tag-editor/tag-picker.js');
    return html`<cl-tag-picker
      .groups=${this.data!.groups}
      .selected=${tagIds}
      multiple
      ?readonly=${this.busy}
      label=${this.localize.t('momentsComposer.byTags')}
      @cl-tag-toggle=${this.handleTagToggle}
    ></cl-tag-picker>`;
  }

  /** The post as a customer sees it: avatar, name and company, text (folded when long), attachment. */
  private renderPreview() {
    const { staff } = this.data!;
    const { text } = this.draft;
    return html`<section part="preview" class="preview" aria-labelledby="preview-heading"
      ><h3 id="preview-heading" class="hint">${this.localize.t('momentsComposer.preview')}</h3
      ><div class="post">
        ${this.renderAvatar(staff)}
        <div
          ><p class="name">${staff.name}<span part="company" class="company">@${staff.companyName}</span></p>
          ${text.trim() ? html`<p id="ptext" class="text" ?data-folded=${!this.previewExpanded}>${text}</p>` : nothing}
          ${this.previewFoldable ? this.renderFoldButton() : nothing} ${this.renderPreviewAttachment()}
        </div></div
      ></section
    >`;
  }

  /** The associate's photo, or the first character of their name when there is none. */
  private renderAvatar(staff: StaffProfile) {
    if (isHttpUrl(staff.avatarUrl)) return html`<img class="avatar" src=${staff.avatarUrl} alt="" />`;
    return html`<span class="avatar" aria-hidden="true">${[...staff.name][0]}</span>`;
  }

  private renderFoldButton() {
    const label = this.previewExpanded ? 'momentsComposer.collapse' : 'momentsComposer.fullText';
    return html`<button class="more" aria-expanded=${this.previewExpanded} @click=${this.handleFoldClick}
      >${this.localize.t(label)}</button
    >`;
  }

  /** The attachment as the feed shows it: an image grid, the video, or the card; never a failed file. */
  private renderPreviewAttachment() {
    const { kind } = this.draft;
    const media = this.draft.media.filter((item) => item.status !== 'error');
    if (kind === 'images' && media.length) {
      return html`<div class="grid" data-layout=${previewColumns(media.length)}
        >${media.map((item) => html`<img src=${this.attachments.objectUrlOf(item)} alt="" />`)}</div
      >`;
    }
    if (kind === 'video' && media.length) {
      return html`<video class="grid" src=${this.attachments.objectUrlOf(media[0]!)} muted controls></video>`;
    }
    if (isCardKind(kind) && this.hasAttachment) return this.renderPreviewCard(kind);
    return nothing;
  }

  private renderPreviewCard(kind: CardKind) {
    const { card } = this.draft;
    const cover = isHttpUrl(card.coverUrl) ? html`<img src=${card.coverUrl} alt="" />` : nothing;
    const badge =
      kind === 'miniprogram' ? html`<small>${this.localize.t('momentsComposer.kind.miniprogram')}</small>` : nothing;
    return html`<div class="card">${cover}<span>${card.title || card.url}</span>${badge}</div>`;
  }

  /** Under the preview: the publish button and why it is disabled, or how the publication ended. */
  private renderFooter() {
    if (this.phase === 'failed' || this.phase === 'published') return this.renderOutcome(this.moment!);
    const blocker = this.phase === 'idle' ? this.publishBlocker() : '';
    return html`${this.renderPublishStatus()}
      <button
        part="publish-button"
        class="cl-button"
        data-variant="primary"
        aria-describedby="why"
        ?disabled=${!!blocker || this.busy}
        @click=${this.publish}
        >${this.publishLabel()}</button
      >
      <p id="why" class="hint">${blocker}</p>${blocker ? nothing : this.renderShare()}`;
  }

  /** The publish button's words: after a retryable failure it says "Retry" and sends the same request id. */
  private publishLabel() {
    if (this.busy) return this.localize.t('momentsComposer.publishing');
    return this.localize.t(this.publishError?.retryable ? 'common.retry' : 'momentsComposer.publish');
  }

  private renderPublishStatus() {
    const { publishError } = this;
    const submitted =
      this.phase === 'submitted' ? html`<p>${this.localize.t('momentsComposer.submitted')}</p>` : nothing;
    const error = publishError ? html`<p class="bad">${this.localize.error(publishError)}</p>` : nothing;
    return html`<div part="status" class="status" role="status">${submitted}${error}</div>`;
  }

  /** How a publication ended, once the outcome's code is there (a loading status before, or a Retry). */
  private renderOutcome(moment: Moment) {
    const { quota, policy } = this.data!;
    const view = { moment, failed: this.phase === 'failed', quota, timeZone: policy.timeZone };
    return this.outcomePart.render(this.localize, (outcome) => outcome.render(view));
  }

  /** "Share through WeCom": the same post through the host page, where it can share to moments. */
  private renderShare() {
    const attachments = hostShareAttachments(this.adapterAttachments());
    return this.hostShare({ moment: { text: this.draft.text, attachments } });
  }

  /** Asks before switching attachment kind, since switching removes the current attachment. */
  private renderSwitchDialog() {
    return html`<dialog
      part="dialog"
      role="alertdialog"
      aria-labelledby="switch-title"
      aria-describedby="switch-text"
      @cancel=${() => this.answerSwitch(false)}
    >
      <h3 id="switch-title">${this.localize.t('momentsComposer.switchTitle')}</h3
      ><p id="switch-text">${this.localize.t('momentsComposer.switchText')}</p>
      <div class="row"
        ><button class="cl-button" autofocus @click=${() => this.answerSwitch(false)}
          >${this.localize.t('common.cancel')}</button
        ><button class="cl-button" data-variant="danger" @click=${() => this.answerSwitch(true)}
          >${this.localize.t('momentsComposer.switch')}</button
        ></div
      >
    </dialog>`;
  }
}

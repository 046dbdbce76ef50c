import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  DEFAULT_POLICY,
  byteLength,
  createRequestId,
  toAdapterError,
  type AdapterError,
  type ClientelingAdapter,
  type Customer,
  type Moment,
  type HostMomentShare,
  type MomentAttachments,
  type MomentDraft,
  type MomentQuota,
  type Policy,
  type StaffProfile,
  type TagGroup,
} from '@clienteling/core/trade.js';
import {
  ClientelingElement,
  FeedbackController,
  LocalizeController,
  baseStyles,
  emit,
} from '@clienteling/core/elements.js';
import type { TagToggleDetail } from '@clienteling/tag-editor/tag-picker.js';
import {
  audienceOf,
  draftStore,
  type AttachmentKind,
  type CardFields,
  type ComposerDraft,
  type DraftMedia,
} from './draft-store.js';
import { messages } from './moments-composer.messages.js';
import { styles } from './moments-composer.styles.js';

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

/** What a file itself says: an image's pixel size or a video's duration. */
interface MediaProbe {
  width?: number;
  height?: number;
  durationMs?: number;
}

/** What the composer loads before it shows the form. */
interface ComposerData {
  staff: StaffProfile;
  quota: MomentQuota;
  policy: Policy;
  groups: TagGroup[];
}

/** What a file is checked against when it is added. */
interface FileRules {
  isVideo: boolean;
  maxCount: number;
  policy: Policy;
}

/** The attachment kinds that are a card the associate fills in, rather than uploaded files. */
type CardKind = 'link' | 'miniprogram';

/** A thumbnail held by a finger: after a long press it follows the finger and lands where it is let go. */
interface TouchDrag {
  pointerId: number;
  fromIndex: number;
  startX: number;
  startY: number;
  /** Set once the press was long enough: the drag has started. */
  active: boolean;
  timer: ReturnType<typeof setTimeout>;
}

/** The customers a published post could not reach, as far as the list has loaded. */
interface UnreachedList {
  names: string[];
  /** How many more there are than the list shows. */
  more: number;
}

const ATTACHMENT_KINDS: AttachmentKind[] = ['images', 'video', 'link', 'miniprogram'];

/** The card fields each card kind shows, in order. */
const CARD_FIELDS = {
  link: ['url', 'title', 'coverUrl'],
  miniprogram: ['appId', 'pagePath', 'title', 'coverUrl'],
} as const;

const MINIPROGRAM_TITLE_MAX_CHARS = 64;
const BYTES_PER_MB = 1048576;
/** Wait after the last change before the draft is saved, and before the reach is estimated. */
const SAVE_DELAY_MS = 300;
const REACH_DELAY_MS = 300;
/** The longest wait between two checks of a submitted post. */
const POLL_MAX_INTERVAL_MS = 30_000;
/** The placeholder lines shown while loading, by what they stand for (their heights are in the styles). */
const SKELETON_LINES = ['title', 'hint', 'text', 'row', 'row', 'media', 'row'];
/** How long a finger holds a thumbnail before it can be dragged, and how far it may stray meanwhile. */
const LONG_PRESS_MS = 350;
const TOUCH_SLOP_PX = 10;
/** The most unreached customers the list names (the rest are counted). */
const UNREACHED_LIST_MAX = 50;
/** How far each arrow key moves a thumbnail (with Alt or Ctrl). */
const ARROW_STEPS: Record<string, number | undefined> = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 };

const isHttpUrl = (value = '') => /^https?:\/\/\S+$/i.test(value.trim());
/** Characters as the user sees them (`[...text]`, so 👍🏻 is one). */
const charCount = (text: string) => [...text].length;
const isCardKind = (kind?: AttachmentKind): kind is CardKind => kind === 'link' || kind === 'miniprogram';
const emptyCard = (): CardFields => ({ url: '', title: '', coverUrl: '', appId: '', pagePath: '' });
const emptyDraft = (): ComposerDraft => ({ requestId: createRequestId(), text: '', media: [], card: emptyCard() });

const isMediaKind = (kind?: AttachmentKind): kind is 'images' | 'video' => kind === 'images' || kind === 'video';

/** Columns of the preview's image grid, as in the feed: one image large, 2 or 4 in two columns, else three. */
function previewColumns(imageCount: number): number {
  if (imageCount === 1) return 1;
  if (imageCount === 2 || imageCount === 4) return 2;
  return 3;
}

/** Reads an image's pixel size or a video's duration from the file itself; undefined when unreadable. */
function probeMedia(file: Blob, isVideo: boolean) {
  return new Promise<MediaProbe | undefined>((resolve) => {
    const url = URL.createObjectURL(file);
    const element = document.createElement(isVideo ? 'video' : 'img');
    const finish = (probe?: MediaProbe) => {
      URL.revokeObjectURL(url);
      resolve(probe);
    };
    element.onerror = () => finish();
    if (element instanceof HTMLVideoElement) {
      element.preload = 'metadata';
      element.onloadedmetadata = () =>
        finish(Number.isFinite(element.duration) ? { durationMs: Math.round(element.duration * 1000) } : undefined);
    } else {
      element.onload = () => finish({ width: element.naturalWidth, height: element.naturalHeight });
    }
    element.src = url;
  });
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
  static override styles = [baseStyles, styles];

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
  /** Files refused or failed, in words. */
  @state() private notices: string[] = [];
  /** The kind the associate asked to switch to, while the confirm dialog is open. */
  @state() private pendingKind?: AttachmentKind;
  /** Whether the preview shows its text in full. */
  @state() private previewExpanded = false;
  /** Whether the preview's text is long enough to fold, which shows "Full text". */
  @state() private previewFoldable = false;
  /** Whether the list of customers a published post could not reach is open. */
  @state() private unreachedOpen = false;
  /** Names of the customers a published post could not reach, once loaded. */
  @state() private unreachedList?: UnreachedList;
  /** Index of the thumbnail a finger drags, while it does. */
  @state() private touchDragIndex = -1;

  @query('dialog') private switchDialog!: HTMLDialogElement;
  @query('#file') private fileInput!: HTMLInputElement;

  private readonly store = draftStore();
  /** The IndexedDB key the draft is saved under, set once the associate is known. */
  private storeKey = '';
  private saveTimer?: ReturnType<typeof setTimeout>;
  /** Uploads in flight, by media id, to abort one when its file is removed. */
  private uploadControllers = new Map<string, AbortController>();
  /** Object URLs of the thumbnails, by media id, revoked when the file goes. */
  private objectUrls = new Map<string, string>();
  /** Files waiting for the associate to confirm switching kind. */
  private pendingFiles?: File[];
  /** Index of the thumbnail being dragged; -1 while nothing is, or files come from outside. */
  private dragFromIndex = -1;
  /** The finger holding a thumbnail, if one is. */
  private touchDrag?: TouchDrag;
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
    this.cancelTouchDrag();
    for (const id of [...this.objectUrls.keys(), ...this.uploadControllers.keys()]) this.releaseMedia(id);
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
      const storeKey = this.draftKey || `moment:${staff.id}`;
      const saved = await this.store.get<ComposerDraft>(storeKey).catch(() => undefined);
      if (api !== this.api) return;
      this.storeKey = storeKey;
      this.data = { staff, quota, policy, groups };
      if (saved) this.draft = saved;
      this.resumeInterrupted();
      this.estimateReach();
    } catch (error) {
      if (api === this.api) this.loadError = toAdapterError(error);
    }
  }

  /**
   * Saves the draft now (also on `pagehide` and `visibilitychange`); never a published one. A store
   * that fails (private mode, full disk) costs the local copy only.
   */
  private saveDraft = async () => {
    clearTimeout(this.saveTimer);
    if (this.storeKey && this.phase !== 'published') {
      await this.store.set(this.storeKey, this.draft).catch(() => undefined);
    }
  };

  /** Resumes what a reload or a disconnection interrupted: uploads, and following a submitted post. */
  private resumeInterrupted() {
    for (const item of this.draft.media) {
      if (item.status === 'uploading' && !this.uploadControllers.has(item.id)) this.uploadMedia(item);
    }
    if (this.draft.momentId) {
      this.phase = 'submitted';
      this.pollMoment(this.draft.momentId);
    }
  }

  /** Changes the draft and saves it (debounced). */
  private updateDraft(patch: Partial<ComposerDraft>) {
    this.draft = { ...this.draft, ...patch };
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(this.saveDraft, SAVE_DELAY_MS);
  }

  private updateMedia(id: string, patch: Partial<DraftMedia>) {
    this.updateDraft({ media: this.draft.media.map((item) => (item.id === id ? { ...item, ...patch } : item)) });
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
    return isCardKind(kind) && Object.values(card).some((value) => value.trim());
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
      for (const item of this.draft.media) this.releaseMedia(item.id);
      this.updateDraft({ kind, media: [], card: emptyCard() });
      if (this.pendingFiles) void this.addFiles(this.pendingFiles);
      else if (isMediaKind(kind)) this.openFileChooser(kind);
    }
    this.pendingKind = this.pendingFiles = undefined;
  }

  /** Files from the picker, a drop or a paste: the kind follows the first file. */
  private takeFiles(files: File[]) {
    if (!files.length || this.busy) return;
    this.chooseKind(files[0]!.type.startsWith('video/') ? 'video' : 'images', files);
  }

  /** Checks each file against the policy before any request, then adds and uploads the good ones. */
  private async addFiles(files: File[]) {
    const { policy } = this.data!;
    const isVideo = this.draft.kind === 'video';
    const rules: FileRules = { isVideo, maxCount: isVideo ? 1 : policy.momentImagesMax, policy };
    const notices = new Set<string>();
    for (const file of files) {
      const checked = await this.checkFile(file, rules);
      if (typeof checked === 'string') {
        notices.add(checked);
        continue;
      }
      const item: DraftMedia = {
        id: createRequestId(),
        blob: file,
        status: 'uploading',
        progress: 0,
        size: file.size,
        ...checked,
      };
      this.updateDraft({ media: [...this.draft.media, item] });
      this.uploadMedia(item);
    }
    this.notices = [...notices];
  }

  /**
   * Checks one file: its type, the count, its size, then what the file itself says (a video's
   * duration, an image's pixels). Returns why it is refused, in words, or what probing it read.
   */
  private async checkFile(file: File, { isVideo, maxCount, policy }: FileRules): Promise<string | MediaProbe> {
    const { localize } = this;
    const name = file.name || file.type;
    const isFull = () => this.draft.media.length >= maxCount;
    const tooMany = () =>
      isVideo ? localize.t('momentsComposer.refused.video') : localize.t('momentsComposer.refused.images', maxCount);
    if (!file.type.startsWith(isVideo ? 'video/' : 'image/')) return localize.t('momentsComposer.refused.type', name);
    if (isFull()) return tooMany();
    if (file.size > policy.mediaMaxBytes) {
      return localize.t('momentsComposer.refused.size', name, policy.mediaMaxBytes / BYTES_PER_MB);
    }
    const probe = await probeMedia(file, isVideo);
    if (!probe) return localize.t('momentsComposer.refused.type', name);
    // A video's probe has no pixel size and an image's no duration: the other comparison is false.
    if (probe.durationMs! > policy.videoMaxDurationMs) {
      return localize.t('momentsComposer.refused.duration', name, policy.videoMaxDurationMs / 1000);
    }
    if (probe.width! * probe.height! > policy.imageMaxPixels) {
      return localize.t('momentsComposer.refused.pixels', name, policy.imageMaxPixels / 1e6);
    }
    // Other files may have been added while this one was probed.
    if (isFull()) return tooMany();
    return probe;
  }

  /** Uploads one file through the adapter, with progress; aborted when the file is removed. */
  private uploadMedia(item: DraftMedia) {
    const controller = new AbortController();
    const isCurrent = () => !controller.signal.aborted;
    this.uploadControllers.get(item.id)?.abort();
    this.uploadControllers.set(item.id, controller);
    this.updateMedia(item.id, { status: 'uploading', progress: 0 });
    this.api!.uploadMedia({
      file: item.blob,
      kind: item.blob.type.startsWith('video/') ? 'video' : 'image',
      signal: controller.signal,
      onProgress: (progress) => isCurrent() && this.updateMedia(item.id, { progress }),
    }).then(
      (uploaded) => isCurrent() && this.updateMedia(item.id, { status: 'done', progress: 1, ...uploaded }),
      (error) => {
        if (!isCurrent()) return;
        this.updateMedia(item.id, { status: 'error' });
        this.notices = [this.localize.error(toAdapterError(error))];
      },
    );
  }

  /** Aborts a file's upload and frees its thumbnail. */
  private releaseMedia(id: string) {
    this.uploadControllers.get(id)?.abort();
    this.uploadControllers.delete(id);
    URL.revokeObjectURL(this.objectUrls.get(id)!);
    this.objectUrls.delete(id);
  }

  private removeMedia(index: number) {
    const media = [...this.draft.media];
    this.releaseMedia(media.splice(index, 1)[0]!.id);
    this.updateDraft({ media });
    void this.focusThumbnail(Math.min(index, media.length - 1));
  }

  private moveMedia(fromIndex: number, toIndex: number) {
    const media = [...this.draft.media];
    if (toIndex < 0 || toIndex >= media.length || fromIndex === toIndex) return;
    media.splice(toIndex, 0, ...media.splice(fromIndex, 1));
    this.updateDraft({ media });
    void this.focusThumbnail(toIndex);
  }

  /** Opens the file chooser for images or a video, while there is room for more. */
  private openFileChooser(kind: 'images' | 'video') {
    const isVideo = kind === 'video';
    if (this.draft.media.length >= (isVideo ? 1 : this.data!.policy.momentImagesMax)) return;
    // Set now, not at the next render: the chooser opens in this tap.
    this.fileInput.accept = isVideo ? 'video/*' : 'image/*';
    this.fileInput.multiple = !isVideo;
    this.fileInput.click();
  }

  /** The index of the thumbnail under a point of the viewport, or -1. */
  private thumbnailAt(x: number, y: number): number {
    const element = (this.renderRoot as ShadowRoot).elementFromPoint(x, y)?.closest('[data-index]');
    return element ? Number(element.getAttribute('data-index')) : -1;
  }

  /** Lets go of a thumbnail a finger held or dragged. */
  private cancelTouchDrag() {
    clearTimeout(this.touchDrag?.timer);
    this.touchDrag = undefined;
    this.touchDragIndex = -1;
  }

  /** After the next render, focuses the thumbnail at `index`, or the add button when there is none. */
  private async focusThumbnail(index: number) {
    await this.updateComplete;
    const thumbnail = this.renderRoot.querySelector<HTMLElement>(`[data-index="${index}"]`);
    (thumbnail || this.renderRoot.querySelector<HTMLElement>('.add'))?.focus();
  }

  /** The object URL that shows a file, made once per file. */
  private objectUrlOf(item: DraftMedia) {
    let url = this.objectUrls.get(item.id);
    if (!url) {
      url = URL.createObjectURL(item.blob);
      this.objectUrls.set(item.id, url);
    }
    return url;
  }

  /* ---------------------------------------------------------------- publishing */

  private get busy() {
    return this.phase !== 'idle';
  }

  /** The attachments as the adapter takes them, or undefined when there are none. */
  private adapterAttachments(): MomentAttachments | undefined {
    if (!this.hasAttachment) return undefined;
    const { kind, media, card } = this.draft;
    const title = card.title.trim();
    const coverUrl = card.coverUrl.trim() || undefined;
    if (kind === 'images') {
      return { kind, images: media.map(({ url, width, height, size }) => ({ url: url!, width, height, size })) };
    }
    if (kind === 'video') {
      const video = media[0]!;
      return { kind, video: { url: video.url!, durationMs: video.durationMs!, size: video.size } };
    }
    if (kind === 'link') return { kind, link: { url: card.url.trim(), title, coverUrl } };
    return {
      kind: 'miniprogram',
      miniprogram: { appId: card.appId.trim(), pagePath: card.pagePath.trim(), title, coverUrl },
    };
  }

  /** Whether the link or mini-program card is filled in but cannot be sent as it is. */
  private isCardIncomplete(): boolean {
    const { kind, card } = this.draft;
    if (!isCardKind(kind) || !this.hasAttachment) return false;
    const title = card.title.trim();
    const coverIsValid = !card.coverUrl.trim() || isHttpUrl(card.coverUrl);
    if (!coverIsValid || !title) return true;
    if (kind === 'link') return !(isHttpUrl(card.url) && byteLength(title) <= this.data!.policy.linkTitleMaxBytes);
    return !(card.appId.trim() && card.pagePath.trim() && charCount(card.title) <= MINIPROGRAM_TITLE_MAX_CHARS);
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
      clearTimeout(this.saveTimer);
      void this.store.delete(this.storeKey).catch(() => undefined);
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
    e.preventDefault();
    const fromIndex = this.dragFromIndex;
    const target = (e.composedPath()[0] as Element).closest?.('[data-index]');
    this.dragFromIndex = -1;
    if (fromIndex < 0) this.takeFiles([...(e.dataTransfer?.files || [])]);
    else if (target) this.moveMedia(fromIndex, +target.getAttribute('data-index')!);
  }

  private handleTextInput(e: Event) {
    this.updateDraft({ text: (e.target as HTMLTextAreaElement).value });
  }

  private handleCardInput(field: keyof CardFields, e: Event) {
    this.updateDraft({ card: { ...this.draft.card, [field]: (e.target as HTMLInputElement).value } });
  }

  /** One tap on a kind: a card kind is chosen; images or video are chosen and the file chooser opens. */
  private handleKindClick(kind: AttachmentKind) {
    if (kind !== this.draft.kind) this.chooseKind(kind);
    if (isMediaKind(kind) && this.draft.kind === kind) this.openFileChooser(kind);
  }

  private handleAddClick() {
    if (isMediaKind(this.draft.kind)) this.openFileChooser(this.draft.kind);
  }

  private handleFileChange(e: Event) {
    const input = e.target as HTMLInputElement;
    this.takeFiles([...input.files!]);
    input.value = '';
  }

  /** Alt or Ctrl + an arrow moves a thumbnail; Delete or Backspace removes it. */
  private handleThumbnailKeydown(e: KeyboardEvent, index: number) {
    const step = ARROW_STEPS[e.key];
    if (step && (e.altKey || e.ctrlKey)) this.moveMedia(index, index + step);
    else if (e.key === 'Delete' || e.key === 'Backspace') this.removeMedia(index);
    else return;
    e.preventDefault();
  }

  /** A finger on a thumbnail: held still long enough, the thumbnail can be dragged onto another. */
  private handleThumbnailPointerDown(e: PointerEvent, index: number) {
    if (e.pointerType === 'mouse' || (e.composedPath()[0] as Element).closest?.('button')) return;
    this.cancelTouchDrag();
    const thumbnail = e.currentTarget as HTMLElement;
    const drag: TouchDrag = {
      pointerId: e.pointerId,
      fromIndex: index,
      startX: e.clientX,
      startY: e.clientY,
      active: false,
      timer: setTimeout(() => {
        drag.active = true;
        this.touchDragIndex = index;
        try {
          thumbnail.setPointerCapture(drag.pointerId);
        } catch {
          /* the pointer is gone: its pointerup or pointercancel ends the drag */
        }
      }, LONG_PRESS_MS),
    };
    this.touchDrag = drag;
  }

  /** Before the long press, moving is scrolling (the drag is off); during a drag, the page stays put. */
  private handleThumbsPointerMove(e: PointerEvent) {
    const drag = this.touchDrag;
    if (!drag || e.pointerId !== drag.pointerId) return;
    if (drag.active) e.preventDefault();
    else if (Math.hypot(e.clientX - drag.startX, e.clientY - drag.startY) > TOUCH_SLOP_PX) this.cancelTouchDrag();
  }

  /** Letting go of a dragged thumbnail moves it to the one under the finger. */
  private handleThumbsPointerUp(e: PointerEvent) {
    const drag = this.touchDrag;
    if (!drag || e.pointerId !== drag.pointerId) return;
    this.cancelTouchDrag();
    const toIndex = drag.active ? this.thumbnailAt(e.clientX, e.clientY) : -1;
    if (toIndex >= 0) this.moveMedia(drag.fromIndex, toIndex);
  }

  private handleThumbsPointerCancel() {
    this.cancelTouchDrag();
  }

  /** Keeps the page from scrolling under a dragged thumbnail (a listener that is not passive). */
  private readonly handleThumbsTouchMove = {
    handleEvent: (e: TouchEvent) => {
      if (this.touchDrag?.active) e.preventDefault();
    },
    passive: false,
  };

  /** A long press on a thumbnail is a drag, not the browser's image menu. */
  private handleThumbsContextMenu(e: Event) {
    if (this.touchDrag) e.preventDefault();
  }

  /** Opens or closes the list of customers a published post could not reach (loaded the first time). */
  private async handleUnreachedToggle() {
    this.unreachedOpen = !this.unreachedOpen;
    const { moment } = this;
    if (!this.unreachedOpen || this.unreachedList || !moment) return;
    const ids = moment.unreachableCustomerIds;
    const shown = ids.slice(0, UNREACHED_LIST_MAX);
    const found = await Promise.allSettled(shown.map((customerId) => this.api!.getCustomer({ customerId })));
    const nameOf = (result: PromiseSettledResult<Customer>, index: number) =>
      result.status === 'fulfilled' ? result.value.remark || result.value.name : shown[index]!;
    if (moment === this.moment) this.unreachedList = { names: found.map(nameOf), more: ids.length - shown.length };
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
    this.unreachedOpen = false;
    this.unreachedList = undefined;
    this.updateDraft({ requestId: createRequestId() });
  }

  private handleNewPost() {
    for (const item of this.draft.media) this.releaseMedia(item.id);
    this.phase = 'idle';
    this.unreachedOpen = false;
    this.unreachedList = undefined;
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
        ${this.renderTextField()} ${this.renderKindChoice()} ${this.renderAttachments()} ${this.renderNotices()}
        ${this.renderAudience()}
      </fieldset>
      ${this.renderPreview()} ${this.renderFooter()} ${this.renderSwitchDialog()} ${this.renderFileInput()}
      ${this.feedback.render()}
    </div>`;
  }

  /** Why files were refused or failed, right under the files (a live region, so each is announced). */
  private renderNotices() {
    const notices = this.notices.map((notice) => html`<p class="bad">${notice}</p>`);
    return html`<div class="notices" role="status">${notices}</div>`;
  }

  /** The hidden file chooser, there from the start so that one tap on a kind opens it. */
  private renderFileInput() {
    if (!this.api!.capabilities.uploadMedia) return nothing;
    const isVideo = this.draft.kind === 'video';
    return html`<input
      id="file"
      type="file"
      hidden
      ?multiple=${!isVideo}
      accept=${isVideo ? 'video/*' : 'image/*'}
      @change=${this.handleFileChange}
    />`;
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
    if (isCardKind(kind)) return CARD_FIELDS[kind].map((field) => this.renderCardField(kind, field));
    return this.renderThumbnails(kind);
  }

  /** The state of one card field: whether its value is refused, and the hint under it. */
  private cardFieldState(kind: CardKind, field: keyof CardFields) {
    const { card } = this.draft;
    if (field === 'title' && kind === 'link') {
      const bytes = byteLength(card.title.trim());
      const maxBytes = this.data!.policy.linkTitleMaxBytes;
      return { invalid: bytes > maxBytes, hint: this.localize.t('momentsComposer.titleBytes', bytes, maxBytes) };
    }
    const isUrlField = field === 'url' || field === 'coverUrl';
    const invalid =
      field === 'title'
        ? charCount(card.title) > MINIPROGRAM_TITLE_MAX_CHARS
        : isUrlField && !!card[field].trim() && !isHttpUrl(card[field]);
    return { invalid, hint: invalid ? this.localize.t('momentsComposer.urlInvalid') : '' };
  }

  private renderCardField(kind: CardKind, field: keyof CardFields) {
    const { invalid, hint } = this.cardFieldState(kind, field);
    return html`<label
      >${this.localize.t(`momentsComposer.${field}`)}<input
        .value=${this.draft.card[field]}
        aria-invalid=${invalid}
        @input=${(e: Event) => this.handleCardInput(field, e)}
      />${hint ? html`<span class="hint" ?data-over=${invalid}>${hint}</span>` : nothing}</label
    >`;
  }

  /** The images or the video, and the add button while there is room. */
  private renderThumbnails(kind: 'images' | 'video') {
    const { media } = this.draft;
    const isVideo = kind === 'video';
    const maxCount = isVideo ? 1 : this.data!.policy.momentImagesMax;
    return html`<ul
        class="thumbs"
        aria-describedby="move-hint"
        @pointermove=${this.handleThumbsPointerMove}
        @pointerup=${this.handleThumbsPointerUp}
        @pointercancel=${this.handleThumbsPointerCancel}
        @touchmove=${this.handleThumbsTouchMove}
        @contextmenu=${this.handleThumbsContextMenu}
      >
        ${media.map((item, index) => this.renderThumbnail(item, index, isVideo))}
        ${media.length < maxCount ? this.renderAddButton(kind) : nothing}
      </ul>
      ${this.renderThumbnailHints(isVideo, maxCount)}`;
  }

  /**
   * Under the thumbnails: how many images of how many, then how to add and move them: with a mouse
   * and keys on a desktop, by touch on a phone (the styles show the one that fits the device).
   */
  private renderThumbnailHints(isVideo: boolean, maxCount: number) {
    const { localize } = this;
    const count = this.draft.media.length;
    const canMove = count > 1;
    const countHint = isVideo ? '' : `${localize.t('momentsComposer.imageCount', count, maxCount)} · `;
    const moveHint = canMove ? ` · ${localize.t('momentsComposer.moveHint')}` : '';
    const touchHint = canMove ? localize.t('momentsComposer.touchMoveHint') : '';
    return html`<p class="hint" id="move-hint"
      >${countHint}<span class="pointer-hint">${localize.t('momentsComposer.drop')}${moveHint}</span
      ><span class="touch-hint">${touchHint}</span></p
    >`;
  }

  private renderAddButton(kind: 'images' | 'video') {
    return html`<li
      ><button class="add cl-button" @click=${this.handleAddClick}
        >+ ${this.localize.t(`momentsComposer.kind.${kind}`)}</button
      ></li
    >`;
  }

  private renderThumbnail(item: DraftMedia, index: number, isVideo: boolean) {
    const { localize } = this;
    const label = isVideo
      ? localize.t('momentsComposer.video', Math.round(item.durationMs! / 1000))
      : localize.t('momentsComposer.image', index + 1, this.draft.media.length);
    const src = this.objectUrlOf(item);
    return html`<li
      class="thumb"
      part="thumbnail"
      data-index=${index}
      tabindex="0"
      aria-label=${label}
      draggable=${!isVideo}
      ?data-dragging=${this.touchDragIndex === index}
      @dragstart=${() => (this.dragFromIndex = index)}
      @keydown=${(e: KeyboardEvent) => this.handleThumbnailKeydown(e, index)}
      @pointerdown=${(e: PointerEvent) => this.handleThumbnailPointerDown(e, index)}
    >
      ${isVideo ? html`<video src=${src} muted></video>` : html`<img src=${src} alt="" />`}
      ${item.status === 'uploading' ? html`<progress .value=${item.progress} aria-label=${label}></progress>` : nothing}
      ${item.status === 'error' ? this.renderUploadFailed(item, label) : nothing}
      <button
        class="remove cl-button"
        aria-label=${localize.t('momentsComposer.remove', label)}
        @click=${() => this.removeMedia(index)}
        >×</button
      >
    </li>`;
  }

  /** A failed upload: the failure in the middle of the tile, Retry in one top corner and Remove in the other. */
  private renderUploadFailed(item: DraftMedia, label: string) {
    const retry = this.localize.t('common.retry');
    return html`<p class="failed"
        ><span class="failed-message">${this.localize.t('momentsComposer.uploadFailed')}</span></p
      >
      <button class="retry cl-button" aria-label=${`${retry} ${label}`} @click=${() => this.uploadMedia(item)}
        >${retry}</button
      >`;
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

  private renderTagPicker(tagIds: string[]) {
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
        >${media.map((item) => html`<img src=${this.objectUrlOf(item)} alt="" />`)}</div
      >`;
    }
    if (kind === 'video' && media.length) {
      return html`<video class="grid" src=${this.objectUrlOf(media[0]!)} muted controls></video>`;
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

  /** How a publication ended: published or failed, who could not be reached, and what to do next. */
  private renderOutcome(moment: Moment) {
    const { localize } = this;
    const failed = this.phase === 'failed';
    const reason = moment.failureReason ? html`<p>${moment.failureReason}</p>` : nothing;
    const next = failed
      ? html`<button class="cl-button" @click=${this.handleEditAgain}>${localize.t('momentsComposer.again')}</button>`
      : this.renderNextPost();
    return html`<div part="status" class="status"
      ><p role="status" class=${failed ? 'bad' : ''}
        >${localize.t(failed ? 'momentsComposer.failed' : 'momentsComposer.published')}</p
      >${this.renderUnreached(moment)}${reason}${next}</div
    >`;
  }

  /** After a post: "New post" while today's quota allows one, else when the next one can go. */
  private renderNextPost() {
    const { quota, policy } = this.data!;
    if (quota.remaining < 1) {
      const resetsAt = this.localize.date(quota.resetsAt, true, policy.timeZone);
      return html`<p class="hint">${this.localize.t('momentsComposer.quotaUsed', resetsAt)}</p>`;
    }
    return html`<button class="cl-button" @click=${this.handleNewPost}
      >${this.localize.t('momentsComposer.new')}</button
    >`;
  }

  /** How many customers the post could not reach, with a button that lists them. */
  private renderUnreached(moment: Moment) {
    const count = moment.unreachableCustomerIds.length;
    if (!count) return nothing;
    const { localize } = this;
    const toggleLabel = this.unreachedOpen ? 'momentsComposer.unreachedHide' : 'momentsComposer.unreachedShow';
    return html`<p
        >${localize.t('momentsComposer.unreached', count)}
        <button class="more" aria-expanded=${this.unreachedOpen} @click=${this.handleUnreachedToggle}
          >${localize.t(toggleLabel)}</button
        ></p
      >${this.unreachedOpen ? this.renderUnreachedList() : nothing}`;
  }

  private renderUnreachedList() {
    const list = this.unreachedList;
    if (!list) return html`<p class="hint">${this.localize.t('common.loading')}</p>`;
    const more = list.more
      ? html`<p class="hint">${this.localize.t('momentsComposer.unreachedMore', list.more)}</p>`
      : nothing;
    return html`<ul class="unreached">
        ${list.names.map((name) => html`<li>${name}</li>`)}
      </ul>
      ${more}`;
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

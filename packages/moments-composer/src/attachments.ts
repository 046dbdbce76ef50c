/**
 * The attachment editor both composers share (`<cl-moments-composer>`, `<cl-broadcast-composer>`):
 * files checked against the policy before any request (type, count, size, then what the file itself
 * says: a video's duration, an image's pixels), uploaded through the adapter with progress, cancelled
 * when removed and retried one by one; thumbnails reordered with Alt/Ctrl + arrows, by mouse drag and
 * drop or by a long touch; and the fields of link and mini-program cards with their checks. The file
 * checks and uploads are a module of their own (attachment-intake.ts), loaded on demand: when the
 * browser is idle after the host connects, or when the first file comes.
 *
 * It is a reactive controller: it renders into its host's shadow root (the host places
 * `renderThumbnails()`, `renderNotices()`, `renderFileInput()` and `renderCardField()` where it wants
 * them) and keeps no draft of its own: the host owns the list of files (`getMedia` / `setMedia`) and saves
 * it with its draft. What a composer allows (one kind at a time for moments, up to 9 mixed for
 * broadcasts) is the host's rule, given as {@link FileRules} on each call.
 *
 * Styles: add {@link attachmentStyles} to the host's styles; they use the host's `--_accent` and
 * `--_danger` colours.
 */
import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import {
  byteLength,
  type ClientelingAdapter,
  type LinkCard,
  type MiniProgramCard,
  type Policy,
} from '@clienteling/core/trade.js';
import { LocalizeController, OnDemand, type MessagesOf } from '@clienteling/core/elements.js';
import type { CardFields, DraftMedia } from './draft-store.js';
import { attachmentsMessages } from './attachments.messages.js';
import type { AttachmentIntake } from './attachment-intake.js';

export { attachmentStyles } from './attachments.styles.js';
export { attachmentsMessages } from './attachments.messages.js';
export type { CardFields, DraftMedia } from './draft-store.js';

/** The attachment kinds that are a card the associate fills in, rather than uploaded files. */
export type CardKind = 'link' | 'miniprogram';

/** What files a composer takes now, and how many more. */
export interface FileRules {
  /** Images only, one video only, or images and videos mixed. */
  kinds: 'image' | 'video' | 'mixed';
  /** How many files the list may hold. */
  maxCount: number;
  /** The limits of each file (size, pixels, duration). */
  policy: Policy;
  /** The limit named when files are left out, when it is not `maxCount` (e.g. 9 attachments, cards included). */
  namedLimit?: number;
}

/** What the host gives the controller: its files (kept in its draft) and its adapter. */
export interface AttachmentsOptions {
  /** The files of the host's draft, in order. */
  getMedia(): DraftMedia[];
  /** Called with the new list on every change; the host saves it with its draft. */
  setMedia(media: DraftMedia[]): void;
  /** The adapter to upload through. */
  api(): ClientelingAdapter | undefined;
}

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

/** The card fields each card kind shows, in order. */
export const CARD_FIELDS = {
  link: ['url', 'title', 'coverUrl'],
  miniprogram: ['appId', 'pagePath', 'title', 'coverUrl'],
} as const;

export const MINIPROGRAM_TITLE_MAX_CHARS = 64;
/** How long a finger holds a thumbnail before it can be dragged, and how far it may stray meanwhile. */
const LONG_PRESS_MS = 350;
const TOUCH_SLOP_PX = 10;
/** How far each arrow key moves a thumbnail (with Alt or Ctrl). */
const ARROW_STEPS: Record<string, number | undefined> = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 };

export const isHttpUrl = (value = '') => /^https?:\/\/\S+$/i.test(value.trim());
/** Characters as the user sees them (`[...text]`, so 👍🏻 is one). */
export const charCount = (text: string) => [...text].length;
export const isCardKind = (kind?: string): kind is CardKind => kind === 'link' || kind === 'miniprogram';
export const emptyCard = (): CardFields => ({ url: '', title: '', coverUrl: '', appId: '', pagePath: '' });
/** Whether any field of a card is filled in. */
export const hasCardContent = (card: CardFields) => Object.values(card).some((value) => value.trim());
/** Whether a file of the list is a video (else an image). */
export const isVideoMedia = (item: Pick<DraftMedia, 'blob'>) => item.blob.type.startsWith('video/');

/** Whether a filled-in link or mini-program card cannot be sent as it is. */
export function isCardIncomplete(kind: CardKind, card: CardFields, policy: Policy): boolean {
  const title = card.title.trim();
  const coverIsValid = !card.coverUrl.trim() || isHttpUrl(card.coverUrl);
  if (!coverIsValid || !title) return true;
  if (kind === 'link') return !(isHttpUrl(card.url) && byteLength(title) <= policy.linkTitleMaxBytes);
  return !(card.appId.trim() && card.pagePath.trim() && charCount(card.title) <= MINIPROGRAM_TITLE_MAX_CHARS);
}

/** A complete card as the adapter takes it (call after {@link isCardIncomplete} said it is not). */
export function cardOf(kind: 'link', card: CardFields): LinkCard;
export function cardOf(kind: 'miniprogram', card: CardFields): MiniProgramCard;
export function cardOf(kind: CardKind, card: CardFields): LinkCard | MiniProgramCard {
  const title = card.title.trim();
  const coverUrl = card.coverUrl.trim() || undefined;
  if (kind === 'link') return { url: card.url.trim(), title, coverUrl };
  return { appId: card.appId.trim(), pagePath: card.pagePath.trim(), title, coverUrl };
}

/** The attachment editor of a composer: see the module's comment. */
export class AttachmentsController implements ReactiveController {
  /** Files refused or failed, in words (shown by `renderNotices`). */
  notices: string[] = [];
  /** Index of the thumbnail a finger drags, while it does. */
  touchDragIndex = -1;

  private readonly localize: LocalizeController<MessagesOf<typeof attachmentsMessages>>;
  /** The file checks and uploads, loaded on demand (attachment-intake.ts). */
  private readonly intake: OnDemand<AttachmentIntake>;
  /** Object URLs of the thumbnails, by media id, revoked when the file goes. */
  private objectUrls = new Map<string, string>();
  /** Index of the thumbnail being dragged; -1 while nothing is, or files come from outside. */
  private dragFromIndex = -1;
  /** The finger holding a thumbnail, if one is. */
  private touchDrag?: TouchDrag;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: AttachmentsOptions,
  ) {
    this.localize = new LocalizeController(host, attachmentsMessages);
    this.intake = new OnDemand(host, () =>
      import('./attachment-intake.js').then(
        ({ AttachmentIntake }) =>
          new AttachmentIntake(host, { ...options, setNotices: (notices) => this.setNotices(notices) }),
      ),
    );
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancelTouchDrag();
    this.releaseAll();
  }

  private get media() {
    return this.options.getMedia();
  }

  private setNotices(notices: string[]) {
    this.notices = notices;
    this.host.requestUpdate();
  }

  /**
   * Runs `task` with the file checks and uploads, once their code is there; when it cannot load
   * (offline), says so and returns false.
   */
  private async withIntake(task: (intake: AttachmentIntake) => unknown): Promise<boolean> {
    let intake: AttachmentIntake;
    try {
      intake = await this.intake.load();
    } catch {
      this.setNotices([this.localize.t('common.partFailed')]);
      return false;
    }
    await task(intake);
    return true;
  }

  /* ---------------------------------------------------------------- files */

  /**
   * Resumes the uploads a reload or a disconnection interrupted; when their code cannot load, they
   * show as failed, each with Retry.
   */
  async resumeUploads(): Promise<void> {
    const isInterrupted = (item: DraftMedia) => item.status === 'uploading';
    if (!this.media.some(isInterrupted)) return;
    const resumed = await this.withIntake((intake) => intake.resumeUploads());
    if (resumed) return;
    const media = this.media.map((item) => (isInterrupted(item) ? { ...item, status: 'error' as const } : item));
    this.options.setMedia(media);
  }

  /**
   * Checks each file against the rules before any request (type, count, size, then what the file
   * itself says), then adds and uploads the good ones; why the others were refused shows in
   * `renderNotices`.
   */
  async addFiles(files: File[], rules: FileRules): Promise<void> {
    await this.withIntake((intake) => intake.addFiles(files, rules));
  }

  /** Uploads one file (again) through the adapter, with progress; aborted when the file is removed. */
  async uploadMedia(item: DraftMedia): Promise<void> {
    await this.withIntake((intake) => intake.uploadMedia(item));
  }

  /** Aborts a file's upload and frees its thumbnail. */
  releaseMedia(id: string): void {
    this.intake.part?.abortUpload(id);
    URL.revokeObjectURL(this.objectUrls.get(id)!);
    this.objectUrls.delete(id);
  }

  /** Aborts every upload and frees every thumbnail (the host clears its list). */
  releaseAll(): void {
    this.intake.part?.abortAll();
    for (const id of [...this.objectUrls.keys()]) this.releaseMedia(id);
  }

  removeMedia(index: number): void {
    const media = [...this.media];
    this.releaseMedia(media.splice(index, 1)[0]!.id);
    this.options.setMedia(media);
    void this.focusThumbnail(Math.min(index, media.length - 1));
  }

  moveMedia(fromIndex: number, toIndex: number): void {
    const media = [...this.media];
    if (toIndex < 0 || toIndex >= media.length || fromIndex === toIndex) return;
    media.splice(toIndex, 0, ...media.splice(fromIndex, 1));
    this.options.setMedia(media);
    void this.focusThumbnail(toIndex);
  }

  /** Opens the file chooser of `renderFileInput`, while there is room for more. */
  openFileChooser(rules: FileRules): void {
    const fileInput = this.host.renderRoot.querySelector<HTMLInputElement>('#file');
    if (!fileInput || this.media.length >= rules.maxCount) return;
    // Set now, not at the next render: the chooser opens in this tap.
    fileInput.accept = this.acceptOf(rules);
    fileInput.multiple = rules.kinds !== 'video';
    fileInput.click();
  }

  /** The object URL that shows a file, made once per file. */
  objectUrlOf(item: DraftMedia): string {
    let url = this.objectUrls.get(item.id);
    if (!url) {
      url = URL.createObjectURL(item.blob);
      this.objectUrls.set(item.id, url);
    }
    return url;
  }

  /**
   * A drop on the host: either moves the dragged thumbnail to the one it lands on, or hands files
   * from outside to `takeFiles`.
   */
  handleDrop(e: DragEvent, takeFiles: (files: File[]) => void): void {
    e.preventDefault();
    const fromIndex = this.dragFromIndex;
    const target = (e.composedPath()[0] as Element).closest?.('[data-index]');
    this.dragFromIndex = -1;
    if (fromIndex < 0) takeFiles([...(e.dataTransfer?.files || [])]);
    else if (target) this.moveMedia(fromIndex, +target.getAttribute('data-index')!);
  }

  private acceptOf({ kinds }: FileRules) {
    if (kinds === 'mixed') return 'image/*,video/*';
    return kinds === 'video' ? 'video/*' : 'image/*';
  }

  /** The index of the thumbnail under a point of the viewport, or -1. */
  private thumbnailAt(x: number, y: number): number {
    const element = (this.host.renderRoot as ShadowRoot).elementFromPoint(x, y)?.closest('[data-index]');
    return element ? Number(element.getAttribute('data-index')) : -1;
  }

  /** Lets go of a thumbnail a finger held or dragged. */
  private cancelTouchDrag() {
    clearTimeout(this.touchDrag?.timer);
    this.touchDrag = undefined;
    this.setTouchDragIndex(-1);
  }

  private setTouchDragIndex(index: number) {
    if (this.touchDragIndex === index) return;
    this.touchDragIndex = index;
    this.host.requestUpdate();
  }

  /** After the next render, focuses the thumbnail at `index`, or the add button when there is none. */
  private async focusThumbnail(index: number) {
    await this.host.updateComplete;
    const { renderRoot } = this.host;
    const thumbnail = renderRoot.querySelector<HTMLElement>(`[data-index="${index}"]`);
    (thumbnail || renderRoot.querySelector<HTMLElement>('.add'))?.focus();
  }

  /* ---------------------------------------------------------------- event handlers */

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
        this.setTouchDragIndex(index);
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
  private readonly handleThumbsPointerMove = (e: PointerEvent) => {
    const drag = this.touchDrag;
    if (!drag || e.pointerId !== drag.pointerId) return;
    if (drag.active) e.preventDefault();
    else if (Math.hypot(e.clientX - drag.startX, e.clientY - drag.startY) > TOUCH_SLOP_PX) this.cancelTouchDrag();
  };

  /** Letting go of a dragged thumbnail moves it to the one under the finger. */
  private readonly handleThumbsPointerUp = (e: PointerEvent) => {
    const drag = this.touchDrag;
    if (!drag || e.pointerId !== drag.pointerId) return;
    this.cancelTouchDrag();
    const toIndex = drag.active ? this.thumbnailAt(e.clientX, e.clientY) : -1;
    if (toIndex >= 0) this.moveMedia(drag.fromIndex, toIndex);
  };

  private readonly handleThumbsPointerCancel = () => {
    this.cancelTouchDrag();
  };

  /** Keeps the page from scrolling under a dragged thumbnail (a listener that is not passive). */
  private readonly handleThumbsTouchMove = {
    handleEvent: (e: TouchEvent) => {
      if (this.touchDrag?.active) e.preventDefault();
    },
    passive: false,
  };

  /** A long press on a thumbnail is a drag, not the browser's image menu. */
  private readonly handleThumbsContextMenu = (e: Event) => {
    if (this.touchDrag) e.preventDefault();
  };

  /* ---------------------------------------------------------------- render */

  /**
   * The files as thumbnails, with the add button while there is room, then the hints: `countHint`
   * (e.g. "3/9 张"), how to add files and how to move them (with a mouse and keys, or by touch; the
   * styles show the one that fits the device). `addLabel` names the add button ("+ 图片").
   */
  renderThumbnails(rules: FileRules, { addLabel, countHint }: { addLabel: string; countHint: string }) {
    const { media } = this;
    return html`<ul
        class="thumbs"
        aria-describedby="move-hint"
        @pointermove=${this.handleThumbsPointerMove}
        @pointerup=${this.handleThumbsPointerUp}
        @pointercancel=${this.handleThumbsPointerCancel}
        @touchmove=${this.handleThumbsTouchMove}
        @contextmenu=${this.handleThumbsContextMenu}
      >
        ${media.map((item, index) => this.renderThumbnail(item, index, rules))}
        ${media.length < rules.maxCount ? this.renderAddButton(rules, addLabel) : nothing}
      </ul>
      ${this.renderThumbnailHints(countHint)}`;
  }

  private renderThumbnailHints(countHint: string) {
    const { localize } = this;
    const canMove = this.media.length > 1;
    const moveHint = canMove ? ` · ${localize.t('attachments.moveHint')}` : '';
    const touchHint = canMove ? localize.t('attachments.touchMoveHint') : '';
    return html`<p class="hint" id="move-hint"
      >${countHint ? `${countHint} · ` : ''}<span class="pointer-hint"
        >${localize.t('attachments.drop')}${moveHint}</span
      ><span class="touch-hint">${touchHint}</span></p
    >`;
  }

  private renderAddButton(rules: FileRules, addLabel: string) {
    return html`<li
      ><button class="add cl-button" @click=${() => this.openFileChooser(rules)}>+ ${addLabel}</button></li
    >`;
  }

  private renderThumbnail(item: DraftMedia, index: number, rules: FileRules) {
    const { localize } = this;
    const isVideo = isVideoMedia(item);
    const label = isVideo
      ? localize.t('attachments.video', Math.round(item.durationMs! / 1000))
      : localize.t('attachments.image', index + 1, this.media.length);
    const src = this.objectUrlOf(item);
    return html`<li
      class="thumb"
      part="thumbnail"
      data-index=${index}
      tabindex="0"
      aria-label=${label}
      draggable=${!isVideo || rules.kinds === 'mixed'}
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
        aria-label=${localize.t('attachments.remove', label)}
        @click=${() => this.removeMedia(index)}
        >×</button
      >
    </li>`;
  }

  /** A failed upload: the failure in the middle of the tile, Retry in one top corner and Remove in the other. */
  private renderUploadFailed(item: DraftMedia, label: string) {
    const retry = this.localize.t('common.retry');
    return html`<p class="failed"><span class="failed-message">${this.localize.t('attachments.uploadFailed')}</span></p>
      <button class="retry cl-button" aria-label=${`${retry} ${label}`} @click=${() => void this.uploadMedia(item)}
        >${retry}</button
      >`;
  }

  /** Why files were refused or failed, right under the files (a live region, so each is announced). */
  renderNotices() {
    const notices = this.notices.map((notice) => html`<p class="bad">${notice}</p>`);
    return html`<div class="notices" role="status">${notices}</div>`;
  }

  /**
   * The hidden file chooser (`#file`), there from the start so that one tap opens it; `onFiles` gets
   * the chosen files.
   */
  renderFileInput(rules: FileRules, onFiles: (files: File[]) => void) {
    const handleChange = (e: Event) => {
      const input = e.target as HTMLInputElement;
      onFiles([...input.files!]);
      input.value = '';
    };
    return html`<input
      id="file"
      type="file"
      hidden
      ?multiple=${rules.kinds !== 'video'}
      accept=${this.acceptOf(rules)}
      @change=${handleChange}
    />`;
  }

  /** The state of one card field: whether its value is refused, and the hint under it. */
  cardFieldState(kind: CardKind, card: CardFields, field: keyof CardFields, policy: Policy) {
    if (field === 'title' && kind === 'link') {
      const bytes = byteLength(card.title.trim());
      const maxBytes = policy.linkTitleMaxBytes;
      return { invalid: bytes > maxBytes, hint: this.localize.t('attachments.titleBytes', bytes, maxBytes) };
    }
    const isUrlField = field === 'url' || field === 'coverUrl';
    const invalid =
      field === 'title'
        ? charCount(card.title) > MINIPROGRAM_TITLE_MAX_CHARS
        : isUrlField && !!card[field].trim() && !isHttpUrl(card[field]);
    return { invalid, hint: invalid ? this.localize.t('attachments.urlInvalid') : '' };
  }

  /** One field of a link or mini-program card, with its check; `onInput` gets the field and its new value. */
  renderCardField(
    kind: CardKind,
    card: CardFields,
    field: keyof CardFields,
    policy: Policy,
    onInput: (field: keyof CardFields, value: string) => void,
  ) {
    const { invalid, hint } = this.cardFieldState(kind, card, field, policy);
    const handleInput = (e: Event) => onInput(field, (e.target as HTMLInputElement).value);
    return html`<label
      >${this.localize.t(`attachments.${field}`)}<input
        .value=${card[field]}
        aria-invalid=${invalid}
        @input=${handleInput}
      />${hint ? html`<span class="hint" ?data-over=${invalid}>${hint}</span>` : nothing}</label
    >`;
  }
}

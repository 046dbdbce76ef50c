import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  DEFAULT_POLICY,
  byteLength,
  createRequestId,
  toAdapterError,
  type AdapterError,
  type ClientelingAdapter,
  type Moment,
  type HostMomentShare,
  type MomentAttachments,
  type MomentDraft,
  type MomentQuota,
  type Policy,
  type StaffProfile,
  type TagGroup,
} from '@clienteling/core';
import { ClientelingElement, LocalizeController, baseStyles, emit } from '@clienteling/core/elements.js';
import type { TagToggleDetail } from '@clienteling/tag-editor/tag-picker.js';
import { audienceOf, draftStore, type AttachmentKind, type ComposerDraft, type DraftMedia } from './draft-store.js';
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

type Phase = 'idle' | 'sending' | 'submitted' | 'published' | 'failed';
type Probe = { width?: number; height?: number; durationMs?: number };
interface Loaded {
  staff: StaffProfile;
  quota: MomentQuota;
  policy: Policy;
  groups: TagGroup[];
}

const KINDS: AttachmentKind[] = ['images', 'video', 'link', 'miniprogram'];
/** The card fields each card kind shows, in order. */
const CARD_FIELDS = {
  link: ['url', 'title', 'coverUrl'],
  miniprogram: ['appId', 'pagePath', 'title', 'coverUrl'],
} as const;
const isUrl = (u = '') => /^https?:\/\/\S+$/i.test(u.trim());
const chars = (s: string) => [...s].length;
const emptyCard = () => ({ url: '', title: '', coverUrl: '', appId: '', pagePath: '' });
const emptyDraft = (): ComposerDraft => ({ requestId: createRequestId(), text: '', media: [], card: emptyCard() });

/** Reads an image's pixel size or a video's duration from the file itself; undefined when unreadable. */
const probe = (file: Blob, video: boolean) =>
  new Promise<Probe | undefined>((resolve) => {
    const url = URL.createObjectURL(file);
    const el = document.createElement(video ? 'video' : 'img');
    const done = (v?: Probe) => {
      URL.revokeObjectURL(url);
      resolve(v);
    };
    el.onerror = () => done();
    if (el instanceof HTMLVideoElement) {
      el.preload = 'metadata';
      el.onloadedmetadata = () =>
        done(Number.isFinite(el.duration) ? { durationMs: Math.round(el.duration * 1000) } : undefined);
    } else el.onload = () => done({ width: el.naturalWidth, height: el.naturalHeight });
    el.src = url;
  });

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
 *
 * @cssproperty --cl-moments-composer-background - Background of the composer.
 * @cssproperty --cl-moments-composer-preview-background - Background of the preview.
 * @cssproperty --cl-moments-composer-company-color - Colour of the `@Company` suffix.
 * @cssproperty --cl-moments-composer-accent - Colour of the chosen kind, progress and links.
 * @cssproperty --cl-moments-composer-danger - Colour of exceeded limits and failures.
 * @cssproperty --cl-moments-composer-scrim - Backdrop of the confirm dialog.
 *
 * @event cl-moment-publish - Before sending; cancel it to stop. Detail `{ draft, requestId }`.
 * @event cl-moment-published - Once the adapter confirms publication. Detail `{ moment }`.
 */
export class MomentsComposer extends ClientelingElement {
  static override styles = [baseStyles, styles];

  /** IndexedDB key of the draft (attribute `draft-key`); defaults to `moment:<staffId>`. */
  @property({ attribute: 'draft-key' }) draftKey?: string;

  /** First wait in ms before checking a submitted post's state again; it doubles up to 30 s. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 1000;

  protected readonly l = new LocalizeController(this, messages);
  private t = this.l.t.bind(this.l);

  @state() private data?: Loaded;
  @state() private loadError?: AdapterError;
  @state() private draft = emptyDraft();
  @state() private phase: Phase = 'idle';
  @state() private publishError?: AdapterError;
  @state() private moment?: Moment;
  @state() private reach?: number;
  @state() private notices: string[] = [];
  @state() private switchTo?: AttachmentKind;
  @state() private expanded = false;
  @state() private foldable = false;

  @query('dialog') private dialog!: HTMLDialogElement;

  private store = draftStore();
  private saveTimer?: ReturnType<typeof setTimeout>;
  private key = '';
  private uploads = new Map<string, AbortController>();
  private urls = new Map<string, string>();
  private pending?: File[];
  private dragFrom = -1;
  private pollTimer?: ReturnType<typeof setTimeout>;
  private reachTimer?: ReturnType<typeof setTimeout>;
  private reachToken = 0;

  /* ---------------------------------------------------------------- lifecycle */

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('pagehide', this.save);
    document.addEventListener('visibilitychange', this.save);
    if (this.data) this.resume();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('pagehide', this.save);
    document.removeEventListener('visibilitychange', this.save);
    clearTimeout(this.pollTimer);
    clearTimeout(this.reachTimer);
    for (const id of [...this.urls.keys(), ...this.uploads.keys()]) this.drop(id);
    void this.save();
  }

  protected override apiChanged(api?: ClientelingAdapter): void {
    if (api) void this.load();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const text = this.renderRoot.querySelector('#ptext');
    const foldable = !!text && (this.expanded || text.scrollHeight > text.clientHeight + 1);
    if (foldable !== this.foldable) this.foldable = foldable;
  }

  /**
   * Saves the draft now (also on `pagehide` and `visibilitychange`); never a published one. A store
   * that fails (private mode, full disk) costs the local copy only.
   */
  private save = async () => {
    clearTimeout(this.saveTimer);
    if (this.key && this.phase !== 'published') await this.store.set(this.key, this.draft).catch(() => undefined);
  };

  /* ---------------------------------------------------------------- data */

  private async load() {
    const api = this.api!;
    this.loadError = this.data = undefined;
    try {
      await this.save();
      const [staff, quota, policy, groups] = await Promise.all([
        api.getCurrentStaff({}),
        api.getMomentQuota({}),
        api.getPolicy({}).catch(() => DEFAULT_POLICY),
        api.listTagGroups({}).catch(() => []),
      ]);
      const key = this.draftKey || `moment:${staff.id}`;
      const saved = await this.store.get<ComposerDraft>(key).catch(() => undefined);
      if (api !== this.api) return;
      this.key = key;
      this.data = { staff, quota, policy, groups };
      if (saved) this.draft = saved;
      this.resume();
      this.estimate();
    } catch (e) {
      if (api === this.api) this.loadError = toAdapterError(e);
    }
  }

  /** Resumes what a reload or a disconnection interrupted: uploads, and following a submitted post. */
  private resume() {
    for (const m of this.draft.media) if (m.status === 'uploading' && !this.uploads.has(m.id)) this.upload(m);
    if (this.draft.momentId) {
      this.phase = 'submitted';
      this.poll(this.draft.momentId);
    }
  }

  /** Changes the draft and saves it (debounced). */
  private change(patch: Partial<ComposerDraft>) {
    this.draft = { ...this.draft, ...patch };
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(this.save, 300);
  }

  private patchMedia(id: string, patch: Partial<DraftMedia>) {
    this.change({ media: this.draft.media.map((m) => (m.id === id ? { ...m, ...patch } : m)) });
  }

  /** Asks the adapter for the audience's reach, debounced; the latest audience wins. */
  private estimate() {
    clearTimeout(this.reachTimer);
    const audience = audienceOf(this.draft);
    const token = ++this.reachToken;
    this.reach = undefined;
    if (audience)
      this.reachTimer = setTimeout(async () => {
        try {
          const { count } = await this.api!.estimateReach({ audience });
          if (token === this.reachToken) this.reach = count;
        } catch {
          /* the estimate is optional */
        }
      }, 300);
  }

  /* ---------------------------------------------------------------- attachments */

  private get hasAttachment() {
    const { media, kind, card } = this.draft;
    return !!media.length || ((kind === 'link' || kind === 'miniprogram') && Object.values(card).some((v) => v.trim()));
  }

  /** Switches the attachment kind, asking first when attachments of another kind exist. */
  private chooseKind(kind: AttachmentKind, files?: File[]) {
    if (kind !== this.draft.kind && this.hasAttachment) {
      this.pending = files;
      this.switchTo = kind;
      void this.updateComplete.then(() => this.dialog.showModal());
      return;
    }
    this.change({ kind });
    if (files) void this.addFiles(files);
  }

  private answer(yes: boolean) {
    if (this.dialog.open) this.dialog.close();
    if (yes) {
      for (const m of this.draft.media) this.drop(m.id);
      this.change({ kind: this.switchTo, media: [], card: emptyCard() });
      if (this.pending) void this.addFiles(this.pending);
    }
    this.switchTo = this.pending = undefined;
  }

  /** Files from the picker, a drop or a paste: the kind follows the first file. */
  private onFiles(files: File[]) {
    if (files.length && !this.busy) this.chooseKind(files[0]!.type.startsWith('video/') ? 'video' : 'images', files);
  }

  /** Checks each file against the policy before any request, then adds and uploads the good ones. */
  private async addFiles(files: File[]) {
    const t = this.t;
    const p = this.data!.policy;
    const video = this.draft.kind === 'video';
    const max = video ? 1 : p.momentImagesMax;
    const notices = new Set<string>();
    for (const file of files) {
      const name = file.name || file.type;
      const full = () => this.draft.media.length >= max && t('momentsComposer.refused.count', max);
      let info: Probe | undefined;
      const problem =
        (!file.type.startsWith(video ? 'video/' : 'image/') && t('momentsComposer.refused.type', name)) ||
        full() ||
        (file.size > p.mediaMaxBytes && t('momentsComposer.refused.size', name, p.mediaMaxBytes / 1048576)) ||
        (!(info = await probe(file, video)) && t('momentsComposer.refused.type', name)) ||
        (info!.durationMs! > p.videoMaxDurationMs &&
          t('momentsComposer.refused.duration', name, p.videoMaxDurationMs / 1000)) ||
        (info!.width! * info!.height! > p.imageMaxPixels &&
          t('momentsComposer.refused.pixels', name, p.imageMaxPixels / 1e6)) ||
        full();
      if (problem) notices.add(problem);
      else {
        const m: DraftMedia = {
          id: createRequestId(),
          blob: file,
          status: 'uploading',
          progress: 0,
          size: file.size,
          ...info,
        };
        this.change({ media: [...this.draft.media, m] });
        this.upload(m);
      }
    }
    this.notices = [...notices];
  }

  /** Uploads one file through the adapter, with progress; aborted when the file is removed. */
  private upload(m: DraftMedia) {
    const ctl = new AbortController();
    const live = () => !ctl.signal.aborted;
    this.uploads.get(m.id)?.abort();
    this.uploads.set(m.id, ctl);
    this.patchMedia(m.id, { status: 'uploading', progress: 0 });
    this.api!.uploadMedia({
      file: m.blob,
      kind: m.blob.type.startsWith('video/') ? 'video' : 'image',
      signal: ctl.signal,
      onProgress: (progress) => live() && this.patchMedia(m.id, { progress }),
    }).then(
      (r) => live() && this.patchMedia(m.id, { status: 'done', progress: 1, ...r }),
      (e) => {
        if (!live()) return;
        this.patchMedia(m.id, { status: 'error' });
        this.notices = [this.l.error(toAdapterError(e))];
      },
    );
  }

  /** Aborts a file's upload and frees its thumbnail. */
  private drop(id: string) {
    this.uploads.get(id)?.abort();
    this.uploads.delete(id);
    URL.revokeObjectURL(this.urls.get(id)!);
    this.urls.delete(id);
  }

  private removeMedia(i: number) {
    const media = [...this.draft.media];
    this.drop(media.splice(i, 1)[0]!.id);
    this.change({ media });
    void this.focusThumb(Math.min(i, media.length - 1));
  }

  private move(from: number, to: number) {
    const media = [...this.draft.media];
    if (to < 0 || to >= media.length || from === to) return;
    media.splice(to, 0, ...media.splice(from, 1));
    this.change({ media });
    void this.focusThumb(to);
  }

  private async focusThumb(i: number) {
    await this.updateComplete;
    (
      this.renderRoot.querySelector<HTMLElement>(`[data-index="${i}"]`) ||
      this.renderRoot.querySelector<HTMLElement>('.add')
    )?.focus();
  }

  private urlOf(m: DraftMedia) {
    let u = this.urls.get(m.id);
    if (!u) this.urls.set(m.id, (u = URL.createObjectURL(m.blob)));
    return u;
  }

  /* ---------------------------------------------------------------- publishing */

  /** The attachments as the adapter takes them, or undefined when there are none. */
  private attachments(): MomentAttachments | undefined {
    const { kind, media, card: c } = this.draft;
    const [title, coverUrl] = [c.title.trim(), c.coverUrl.trim() || undefined];
    if (!this.hasAttachment) return undefined;
    if (kind === 'images')
      return { kind, images: media.map(({ url, width, height, size }) => ({ url: url!, width, height, size })) };
    if (kind === 'video')
      return { kind, video: { url: media[0]!.url!, durationMs: media[0]!.durationMs!, size: media[0]!.size } };
    if (kind === 'link') return { kind, link: { url: c.url.trim(), title, coverUrl } };
    return {
      kind: 'miniprogram',
      miniprogram: { appId: c.appId.trim(), pagePath: c.pagePath.trim(), title, coverUrl },
    };
  }

  /** Why the post cannot be published now, in words, or undefined when it can. */
  private blocker(): string | undefined {
    const { t, draft: d } = this;
    const { policy: p, quota } = this.data!;
    const { kind, card: c } = d;
    const over = chars(d.text) - p.momentTextMaxLength;
    const media = kind === 'images' || kind === 'video' ? d.media : [];
    const bad = this.hasAttachment && !((!c.coverUrl.trim() || isUrl(c.coverUrl)) && c.title.trim());
    if (!this.api!.capabilities.publishMoment) return t('momentsComposer.block.capability');
    if (quota.remaining < 1) return t('momentsComposer.block.quota');
    if (over > 0) return t('momentsComposer.block.text', over);
    if (media.some((m) => m.status === 'error')) return t('momentsComposer.block.upload');
    if (media.some((m) => m.status !== 'done')) return t('momentsComposer.block.uploading');
    if (
      kind === 'link' &&
      (bad || (this.hasAttachment && !(isUrl(c.url) && byteLength(c.title.trim()) <= p.linkTitleMaxBytes)))
    )
      return t('momentsComposer.block.link', p.linkTitleMaxBytes);
    if (
      kind === 'miniprogram' &&
      (bad || (this.hasAttachment && !(c.appId.trim() && c.pagePath.trim() && chars(c.title) <= 64)))
    )
      return t('momentsComposer.block.miniprogram');
    if (!audienceOf(d)) return t('momentsComposer.block.tags');
    if (!d.text.trim() && !this.hasAttachment) return t('momentsComposer.block.empty');
    return undefined;
  }

  /**
   * Publishes the draft once: a call while one is pending is ignored, and a retry after a failure
   * reuses the draft's request id, so the adapter never creates a second post.
   */
  async publish(): Promise<void> {
    if (this.busy || !this.data || this.blocker()) return;
    this.phase = 'sending';
    const draft: MomentDraft = {
      text: this.draft.text,
      attachments: this.attachments(),
      audience: audienceOf(this.draft)!,
    };
    const { requestId } = this.draft;
    if (!emit(this, 'cl-moment-publish', { draft, requestId }, { cancelable: true })) {
      this.phase = 'idle';
      return;
    }
    this.publishError = undefined;
    try {
      await this.save();
      this.follow(await this.api!.publishMoment({ requestId, draft }));
    } catch (e) {
      this.phase = 'idle';
      this.publishError = toAdapterError(e);
    }
  }

  /** Shows a post's state and follows it until it is published or failed. */
  private follow(moment: Moment, attempt = 0) {
    this.moment = moment;
    this.phase = moment.state === 'draft' ? 'submitted' : moment.state;
    if (moment.state === 'published') {
      clearTimeout(this.saveTimer);
      void this.store.delete(this.key).catch(() => undefined);
      emit(this, 'cl-moment-published', { moment });
      this.api!.getMomentQuota({}).then(
        (quota) => (this.data = { ...this.data!, quota }),
        () => undefined,
      );
    } else if (this.phase === 'submitted') {
      if (this.draft.momentId !== moment.id) this.change({ momentId: moment.id });
      this.poll(moment.id, attempt);
    } else this.change({ momentId: undefined });
  }

  /** Checks a submitted post's state with backoff; stops when disconnected. */
  private poll(momentId: string, attempt = 0) {
    clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(
      async () => {
        try {
          this.follow(await this.api!.getMoment({ momentId }), attempt + 1);
        } catch (e) {
          const error = toAdapterError(e);
          if (error.retryable) return this.poll(momentId, attempt + 1);
          this.phase = 'idle';
          this.publishError = error;
          this.change({ momentId: undefined });
        }
      },
      Math.min(this.pollInterval * 2 ** attempt, 30_000),
    );
  }

  /** After a failed post: keep the content, under a new request id (a new intent). */
  private again() {
    this.phase = 'idle';
    this.change({ requestId: createRequestId() });
  }

  private startOver() {
    for (const m of this.draft.media) this.drop(m.id);
    this.phase = 'idle';
    this.expanded = false;
    this.change(emptyDraft());
    this.estimate();
  }

  private get busy() {
    return this.phase !== 'idle';
  }

  /* ---------------------------------------------------------------- events */

  private onDrop(e: DragEvent) {
    e.preventDefault();
    const from = this.dragFrom;
    const target = (e.composedPath()[0] as Element).closest?.('[data-index]');
    this.dragFrom = -1;
    if (from < 0) this.onFiles([...(e.dataTransfer?.files || [])]);
    else if (target) this.move(from, +target.getAttribute('data-index')!);
  }

  private onPaste(e: ClipboardEvent) {
    const files = [...(e.clipboardData?.files || [])];
    if (files.length) {
      e.preventDefault();
      this.onFiles(files);
    }
  }

  private onThumbKey(e: KeyboardEvent, i: number) {
    const step = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 }[e.key];
    if (step && (e.altKey || e.ctrlKey)) this.move(i, i + step);
    else if (e.key === 'Delete' || e.key === 'Backspace') this.removeMedia(i);
    else return;
    e.preventDefault();
  }

  private pick(e: Event) {
    const input = e.target as HTMLInputElement;
    this.onFiles([...input.files!]);
    input.value = '';
  }

  private onText(e: Event) {
    this.change({ text: (e.target as HTMLTextAreaElement).value });
  }

  private setAudience(tagIds?: string[]) {
    this.change({ tagIds });
    this.estimate();
  }

  private onTagToggle(e: CustomEvent<TagToggleDetail>) {
    const { tag, selected } = e.detail;
    const rest = (this.draft.tagIds || []).filter((id) => id !== tag.id);
    this.setAudience(selected ? [...rest, tag.id] : rest);
  }

  /* ---------------------------------------------------------------- render */

  protected override render() {
    const { t, draft: d, data } = this;
    if (!this.api) return html`<p class="box">${t('common.noAdapter')}</p>`;
    if (this.loadError)
      return html`<div class="box" role="alert"
        ><p>${this.l.error(this.loadError)}</p
        >${this.loadError.retryable ? html`<button class="cl-button" @click=${this.load}>${t('common.retry')}</button>` : nothing}</div
      >`;
    if (!data)
      return html`<div class="box" aria-busy="true"
        ><span class="cl-visually-hidden">${t('common.loading')}</span
        >${[24, 20, 128, 44, 44, 132, 44].map((h) => html`<div class="cl-skeleton" style="height:${h}px"></div>`)}</div
      >`;
    const n = chars(d.text);
    const max = data.policy.momentTextMaxLength;
    const { quota } = data;
    return html`<div
      class="box"
      @paste=${this.onPaste}
      @dragover=${(e: Event) => e.preventDefault()}
      @drop=${this.onDrop}
    >
      <h2 part="title" id="heading">${t('momentsComposer.heading')}</h2>
      <p part="quota" class="hint" ?data-over=${quota.remaining < 1}
        >${t('momentsComposer.quota', quota.remaining, this.l.date(quota.resetsAt, true, data.policy.timeZone))}</p
      >
      <fieldset ?disabled=${this.busy}>
        <textarea
          part="textarea"
          rows="5"
          aria-labelledby="heading"
          placeholder=${t('momentsComposer.placeholder')}
          aria-describedby="count"
          aria-invalid=${n > max}
          .value=${d.text}
          @input=${this.onText}
        ></textarea>
        <p id="count" part="counter" class="hint" ?data-over=${n > max}>${n}/${max}</p>
        <div class="row" role="group" aria-label=${t('momentsComposer.kind')}>
          ${KINDS.filter((k) => this.api!.capabilities.uploadMedia || (k !== 'images' && k !== 'video')).map(
            (k) =>
              html`<button
                class="cl-button"
                aria-pressed=${d.kind === k}
                @click=${() => d.kind !== k && this.chooseKind(k)}
                >${t(`momentsComposer.kind.${k}`)}</button
              >`,
          )}
        </div>
        ${this.renderAttachment()} ${this.renderAudience()}
      </fieldset>
      <div role="status">${this.notices.map((m) => html`<p>${m}</p>`)}</div>
      ${this.renderPreview()} ${this.renderFooter()}
      <dialog
        part="dialog"
        role="alertdialog"
        aria-labelledby="sw-t"
        aria-describedby="sw-d"
        @cancel=${() => this.answer(false)}
      >
        <h3 id="sw-t">${t('momentsComposer.switchTitle')}</h3><p id="sw-d">${t('momentsComposer.switchText')}</p>
        <div class="row"
          ><button class="cl-button" autofocus @click=${() => this.answer(false)}>${t('common.cancel')}</button
          ><button class="cl-button" data-variant="danger" @click=${() => this.answer(true)}
            >${t('momentsComposer.switch')}</button
          ></div
        >
      </dialog>
    </div>`;
  }

  private renderAttachment() {
    const { t } = this;
    const { kind, media, card } = this.draft;
    if (!kind) return nothing;
    if (kind === 'link' || kind === 'miniprogram') {
      const bytes = byteLength(card.title.trim());
      const maxBytes = this.data!.policy.linkTitleMaxBytes;
      return CARD_FIELDS[kind].map((f) => {
        const bad =
          f === 'title'
            ? kind === 'link'
              ? bytes > maxBytes
              : chars(card.title) > 64
            : f.endsWith('rl') && !!card[f].trim() && !isUrl(card[f]);
        const hint =
          f === 'title' && kind === 'link'
            ? t('momentsComposer.titleBytes', bytes, maxBytes)
            : bad
              ? t('momentsComposer.urlInvalid')
              : '';
        const input = (e: Event) =>
          this.change({ card: { ...this.draft.card, [f]: (e.target as HTMLInputElement).value } });
        return html`<label
          >${t(`momentsComposer.${f}`)}<input
            .value=${card[f]}
            aria-invalid=${bad}
            @input=${input}
          />${hint ? html`<span class="hint" ?data-over=${bad}>${hint}</span>` : nothing}</label
        >`;
      });
    }
    const video = kind === 'video';
    return html`<ul class="thumbs" aria-describedby="move-hint">
        ${media.map((m, i) => this.renderThumb(m, i, video))}
        ${
          media.length < (video ? 1 : this.data!.policy.momentImagesMax)
            ? html`<li
                ><button
                  class="add cl-button"
                  @click=${() => this.renderRoot.querySelector<HTMLInputElement>('#file')!.click()}
                  >+ ${t(`momentsComposer.kind.${kind}`)}</button
                ></li
              >`
            : nothing
        }
      </ul>
      <input
        id="file"
        type="file"
        hidden
        ?multiple=${!video}
        accept=${video ? 'video/*' : 'image/*'}
        @change=${this.pick}
      />
      <p class="hint" id="move-hint"
        >${t('momentsComposer.drop')}${media.length > 1 ? ` · ${t('momentsComposer.moveHint')}` : ''}</p
      >`;
  }

  private renderThumb(m: DraftMedia, i: number, video: boolean) {
    const { t } = this;
    const label = video
      ? t('momentsComposer.video', Math.round(m.durationMs! / 1000))
      : t('momentsComposer.image', i + 1, this.draft.media.length);
    const src = this.urlOf(m);
    return html`<li
      class="thumb"
      part="thumbnail"
      data-index=${i}
      tabindex="0"
      aria-label=${label}
      draggable=${!video}
      @dragstart=${() => (this.dragFrom = i)}
      @keydown=${(e: KeyboardEvent) => this.onThumbKey(e, i)}
    >
      ${video ? html`<video src=${src} muted></video>` : html`<img src=${src} alt="" />`}
      ${m.status === 'uploading' ? html`<progress .value=${m.progress} aria-label=${label}></progress>` : nothing}
      ${
        m.status === 'error'
          ? html`<div class="failed"
              >${t('momentsComposer.uploadFailed')}<button
                class="cl-button"
                aria-label=${`${t('common.retry')} ${label}`}
                @click=${() => this.upload(m)}
                >${t('common.retry')}</button
              ></div
            >`
          : nothing
      }
      <button
        class="remove cl-button"
        aria-label=${t('momentsComposer.remove', label)}
        @click=${() => this.removeMedia(i)}
        >×</button
      >
    </li>`;
  }

  private renderAudience() {
    const { t } = this;
    const tags = this.draft.tagIds;
    const radio = (value: string[] | undefined, label: string) =>
      html`<label class="choice"
        ><input
          type="radio"
          name="audience"
          .checked=${!tags === !value}
          @change=${() => this.setAudience(value)}
        />${label}</label
      >`;
    return html`<fieldset>
      <legend>${t('momentsComposer.audience')}</legend>
      ${radio(undefined, t('momentsComposer.all'))} ${radio(tags || [], t('momentsComposer.byTags'))}
      ${
        tags
          ? html`<cl-tag-picker
              .groups=${this.data!.groups}
              .selected=${tags}
              multiple
              ?readonly=${this.busy}
              label=${t('momentsComposer.byTags')}
              @cl-tag-toggle=${this.onTagToggle}
            ></cl-tag-picker>`
          : nothing
      }
      <p class="hint" aria-live="polite"
        >${this.reach === undefined ? '' : t('momentsComposer.reach', this.l.number(this.reach))}</p
      >
    </fieldset>`;
  }

  private renderPreview() {
    const { staff } = this.data!;
    const { text, media, kind, card } = this.draft;
    const att = this.attachments();
    const img = (u?: string, c = '') => (isUrl(u) ? html`<img class=${c} src=${u} alt="" />` : nothing);
    const n = media.length;
    return html`<section part="preview" class="preview" aria-labelledby="pv"
      ><h3 id="pv" class="hint">${this.t('momentsComposer.preview')}</h3
      ><div class="post">
        ${isUrl(staff.avatarUrl) ? img(staff.avatarUrl, 'avatar') : html`<span class="avatar" aria-hidden="true">${[...staff.name][0]}</span>`}
        <div
          ><p class="name">${staff.name}<span part="company" class="company">@${staff.companyName}</span></p>
          ${text.trim() ? html`<p id="ptext" class="text" ?data-folded=${!this.expanded}>${text}</p>` : nothing}
          ${
            this.foldable
              ? html`<button
                  class="more"
                  aria-expanded=${this.expanded}
                  @click=${() => (this.expanded = !this.expanded)}
                  >${this.t(this.expanded ? 'momentsComposer.collapse' : 'momentsComposer.fullText')}</button
                >`
              : nothing
          }
          ${
            kind === 'images' && n
              ? html`<div class="grid" data-layout=${n === 1 ? 1 : n === 2 || n === 4 ? 2 : 3}
                  >${media.map((m) => html`<img src=${this.urlOf(m)} alt="" />`)}</div
                >`
              : kind === 'video' && n
                ? html`<video class="grid" src=${this.urlOf(media[0]!)} muted controls></video>`
                : att && (kind === 'link' || kind === 'miniprogram')
                  ? html`<div class="card"
                      >${img(card.coverUrl)}<span>${card.title || card.url}</span>${kind === 'miniprogram' ? html`<small>${this.t('momentsComposer.kind.miniprogram')}</small>` : nothing}</div
                    >`
                  : nothing
          }
        </div></div
      ></section
    >`;
  }

  private renderFooter() {
    const { t, moment: m, publishError: err, phase } = this;
    const failed = phase === 'failed';
    const why = phase === 'idle' ? this.blocker() : '';
    if (failed || phase === 'published')
      return html`<div part="status" class="status" role="status"
        ><p class=${failed ? 'bad' : ''}>${t(failed ? 'momentsComposer.failed' : 'momentsComposer.published')}</p
        >${m!.unreachableCustomerIds.length ? html`<p>${t('momentsComposer.unreached', m!.unreachableCustomerIds.length)}</p>` : nothing}${m!.failureReason ? html`<p>${m!.failureReason}</p>` : nothing}<button
          class="cl-button"
          @click=${failed ? this.again : this.startOver}
          >${t(failed ? 'momentsComposer.again' : 'momentsComposer.new')}</button
        ></div
      >`;
    // After a retryable failure the publish button says "Retry" and sends the same request id.
    const label = this.busy
      ? 'momentsComposer.publishing'
      : err?.retryable
        ? 'common.retry'
        : 'momentsComposer.publish';
    return html`<div part="status" class="status" role="status"
        >${phase === 'submitted' ? html`<p>${t('momentsComposer.submitted')}</p>` : nothing}${err ? html`<p class="bad">${this.l.error(err)}</p>` : nothing}</div
      >
      <button
        part="publish-button"
        class="cl-button"
        data-variant="primary"
        aria-describedby="why"
        ?disabled=${!!why || this.busy}
        @click=${this.publish}
        >${t(label)}</button
      >
      <p id="why" class="hint">${why}</p>${why ? nothing : this.share()}`;
  }

  /** "Share through WeCom": the same post through the host page, where it can share to moments. */
  private share() {
    // WeCom shares text with images or a link to moments (not videos or mini-program cards).
    const a = this.attachments();
    const attachments: HostMomentShare['attachments'] =
      a?.kind === 'images'
        ? a.images.map((i) => ({ type: 'image', imageUrl: i.url }))
        : a?.kind === 'link'
          ? [{ type: 'link', ...a.link, imageUrl: a.link.coverUrl }]
          : undefined;
    return this.hostShare({ moment: { text: this.draft.text, attachments } });
  }
}

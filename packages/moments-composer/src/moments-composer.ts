import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  DEFAULT_POLICY,
  byteLength,
  createRequestId,
  toAdapterError,
  visibleTagGroups,
  type AdapterError,
  type ClientelingAdapter,
  type Moment,
  type MomentAttachments,
  type MomentDraft,
  type MomentQuota,
  type Policy,
  type StaffProfile,
  type TagGroup,
} from '@clienteling/core';
import { ClientelingElement, LocalizeController, baseStyles, emit } from '@clienteling/core/elements.js';
import { DraftSaver, audienceOf, draftStore, type AttachmentKind, type ComposerDraft, type DraftMedia } from './draft-store.js';
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

const KINDS: AttachmentKind[] = ['images', 'video', 'link', 'miniprogram'];
const isUrl = (u: string) => /^https?:\/\/\S+$/i.test(u.trim());
const chars = (s: string) => [...s].length;
const emptyDraft = (): ComposerDraft => ({
  requestId: createRequestId(),
  text: '',
  media: [],
  link: { url: '', title: '', coverUrl: '' },
  miniprogram: { appId: '', pagePath: '', title: '', coverUrl: '' },
});

/** Reads an image's pixel size or a video's duration from the file itself, or undefined. */
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
      el.muted = true;
      el.onloadedmetadata = () =>
        done(Number.isFinite(el.duration) ? { durationMs: Math.round(el.duration * 1000), width: el.videoWidth || undefined, height: el.videoHeight || undefined } : undefined);
    } else el.onload = () => done({ width: el.naturalWidth, height: el.naturalHeight });
    el.src = url;
  });

/**
 * Writes a post for customers' moments: text with a live counter, attachments of exactly one kind
 * (up to 9 images, one video, one link or one mini-program card), an audience of all customers or
 * customers with chosen tags, and a preview as a customer will see it. Limits are checked before any
 * request; the draft is saved locally on every change and published exactly once.
 *
 * @summary Compose and publish a post to customers' moments, within the platform's limits.
 *
 * @csspart title - The heading.
 * @csspart quota - The line with the posts left today.
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
 * @cssproperty --cl-moments-composer-accent - Colour of selected kinds, progress and links.
 * @cssproperty --cl-moments-composer-danger - Colour of limits exceeded and failures.
 *
 * @event cl-moment-publish - Before sending (cancelable): `{ draft, requestId }`.
 * @event cl-moment-published - Once the adapter confirms publication: `{ moment }`.
 */
export class MomentsComposer extends ClientelingElement {
  static override styles = [baseStyles, styles];

  /** IndexedDB key of the draft (attribute `draft-key`); defaults to `moment:<staffId>`. */
  @property({ attribute: 'draft-key' }) draftKey?: string;

  /** First wait in ms before checking a submitted post's state; it doubles up to 30 s. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 1000;

  protected readonly l = new LocalizeController(this, messages);

  @state() private loaded = false;
  @state() private loadError?: AdapterError;
  @state() private staff?: StaffProfile;
  @state() private policy: Policy = DEFAULT_POLICY;
  @state() private quota?: MomentQuota;
  @state() private groups: TagGroup[] = [];
  @state() private draft: ComposerDraft = emptyDraft();
  @state() private phase: Phase = 'idle';
  @state() private publishError?: AdapterError;
  @state() private moment?: Moment;
  @state() private reach?: number;
  @state() private notices: string[] = [];
  @state() private switchTo?: AttachmentKind;
  @state() private expanded = false;
  @state() private foldable = false;

  @query('dialog') private dialog?: HTMLDialogElement;

  private store = draftStore();
  private saver = new DraftSaver(this.store);
  private key?: string;
  private uploads = new Map<string, AbortController>();
  private urls = new Map<string, string>();
  private pending?: File[];
  private returnFocus?: HTMLElement;
  private dragFrom?: number;
  private pollTimer?: ReturnType<typeof setTimeout>;
  private reachTimer?: ReturnType<typeof setTimeout>;
  private reachToken = 0;

  /* ---------------------------------------------------------------- lifecycle */

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('pagehide', this.save);
    document.addEventListener('visibilitychange', this.save);
    if (this.loaded) this.resume();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('pagehide', this.save);
    document.removeEventListener('visibilitychange', this.save);
    clearTimeout(this.pollTimer);
    clearTimeout(this.reachTimer);
    for (const c of this.uploads.values()) c.abort();
    this.uploads.clear();
    for (const u of this.urls.values()) URL.revokeObjectURL(u);
    this.urls.clear();
    void this.save();
  }

  protected override apiChanged(api?: ClientelingAdapter): void {
    if (api) void this.load();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const text = this.renderRoot.querySelector<HTMLElement>('#ptext');
    const foldable = !!text && (this.expanded || text.scrollHeight > text.clientHeight + 1);
    if (foldable !== this.foldable) this.foldable = foldable;
  }

  /** Saves the draft now (also on `pagehide` and `visibilitychange`). */
  private save = () => this.saver.flush();

  /* ---------------------------------------------------------------- data */

  private async load() {
    const api = this.api!;
    this.loadError = undefined;
    this.loaded = false;
    try {
      await this.saver.flush();
      const [staff, quota, policy, groups] = await Promise.all([
        api.getCurrentStaff({}),
        api.getMomentQuota({}),
        api.getPolicy({}).catch(() => DEFAULT_POLICY),
        api.listTagGroups({}).catch(() => [] as TagGroup[]),
      ]);
      this.key = this.draftKey ?? `moment:${staff.id}`;
      const saved = await this.store.get<ComposerDraft>(this.key).catch(() => undefined);
      if (api !== this.api) return;
      Object.assign(this, { staff, quota, policy, groups: visibleTagGroups(groups), loaded: true });
      if (saved) this.draft = saved;
      this.resume();
      this.estimate();
    } catch (e) {
      if (api === this.api) this.loadError = toAdapterError(e);
    }
  }

  /** Resumes what a reload or a disconnection interrupted: uploads and following a submitted post. */
  private resume() {
    for (const m of this.draft.media) if (m.status === 'uploading' && !this.uploads.has(m.id)) this.upload(m);
    if (this.draft.momentId) {
      this.phase = 'submitted';
      this.poll(this.draft.momentId);
    }
  }

  private async refreshQuota() {
    try {
      this.quota = await this.api!.getMomentQuota({});
    } catch {
      /* keep the last known quota */
    }
  }

  /** Changes the draft and saves it (debounced). */
  private change(patch: Partial<ComposerDraft>) {
    this.draft = { ...this.draft, ...patch };
    if (this.key) this.saver.schedule(this.key, this.draft);
  }

  private patchMedia(id: string, patch: Partial<DraftMedia>) {
    this.change({ media: this.draft.media.map((m) => (m.id === id ? { ...m, ...patch } : m)) });
  }

  private estimate() {
    clearTimeout(this.reachTimer);
    const token = ++this.reachToken;
    const audience = audienceOf(this.draft);
    this.reach = undefined;
    if (!audience) return;
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

  private hasAttachment(d = this.draft) {
    const fields: Record<string, string> = d.kind === 'link' ? d.link : d.kind === 'miniprogram' ? d.miniprogram : {};
    return d.media.length > 0 || Object.values(fields).some((v) => v.trim());
  }

  private chooseKind(kind: AttachmentKind, files?: File[]) {
    if (kind !== this.draft.kind && this.hasAttachment()) {
      this.pending = files;
      this.returnFocus = (this.shadowRoot!.activeElement as HTMLElement) ?? undefined;
      this.switchTo = kind;
      void this.updateComplete.then(() => this.dialog?.showModal());
      return;
    }
    if (kind !== this.draft.kind) this.change({ kind });
    if (files) void this.addFiles(files);
  }

  private answer(yes: boolean) {
    const kind = this.switchTo!;
    if (this.dialog?.open) this.dialog.close();
    this.switchTo = undefined;
    if (yes) {
      for (const m of this.draft.media) this.drop(m.id);
      const { link, miniprogram } = emptyDraft();
      this.change({ kind, media: [], link, miniprogram });
      if (this.pending) void this.addFiles(this.pending);
    }
    this.pending = undefined;
    this.returnFocus?.focus();
  }

  /** Files from the picker, a drop or a paste: the kind follows the first file. */
  private onFiles(files: File[]) {
    if (!files.length) return;
    this.chooseKind(files[0]!.type.startsWith('video/') ? 'video' : 'images', files);
  }

  /** Checks each file against the policy before any request, then adds and uploads the good ones. */
  private async addFiles(files: File[]) {
    const t = this.l.t.bind(this.l);
    const p = this.policy;
    const video = this.draft.kind === 'video';
    const max = video ? 1 : p.momentImagesMax;
    const notices: string[] = [];
    for (const file of files) {
      const name = file.name || file.type;
      let problem = '';
      if (!file.type.startsWith(video ? 'video/' : 'image/')) problem = t('momentsComposer.refused.type', name);
      else if (this.draft.media.length >= max) problem = t('momentsComposer.refused.count', max);
      else if (file.size > p.mediaMaxBytes) problem = t('momentsComposer.refused.size', name, p.mediaMaxBytes / 1048576);
      else {
        const info = await probe(file, video);
        if (!info) problem = t('momentsComposer.refused.unreadable', name);
        else if (video && info.durationMs! > p.videoMaxDurationMs)
          problem = t('momentsComposer.refused.duration', name, p.videoMaxDurationMs / 1000);
        else if (!video && info.width! * info.height! > p.imageMaxPixels)
          problem = t('momentsComposer.refused.pixels', name, p.imageMaxPixels / 1e6);
        else if (this.draft.media.length >= max) problem = t('momentsComposer.refused.count', max);
        else {
          const m: DraftMedia = { id: createRequestId(), blob: file, status: 'uploading', progress: 0, size: file.size, ...info };
          this.change({ media: [...this.draft.media, m] });
          this.upload(m);
        }
      }
      if (problem && !notices.includes(problem)) notices.push(problem);
    }
    this.notices = notices;
  }

  /** Uploads one file through the adapter, with progress; abortable on remove. */
  private upload(m: DraftMedia) {
    const api = this.api;
    if (!api) return;
    const ctl = new AbortController();
    this.uploads.get(m.id)?.abort();
    this.uploads.set(m.id, ctl);
    const live = () => !ctl.signal.aborted;
    this.patchMedia(m.id, { status: 'uploading', progress: 0, error: undefined });
    api
      .uploadMedia({
        file: m.blob,
        kind: m.blob.type.startsWith('video/') ? 'video' : 'image',
        signal: ctl.signal,
        onProgress: (progress) => live() && this.patchMedia(m.id, { progress }),
      })
      .then(
        (r) =>
          live() &&
          this.patchMedia(m.id, {
            status: 'done',
            progress: 1,
            url: r.url,
            width: r.width ?? m.width,
            height: r.height ?? m.height,
            durationMs: r.durationMs ?? m.durationMs,
          }),
        (e) => {
          const { code, reason, retryable } = toAdapterError(e);
          if (live()) this.patchMedia(m.id, { status: 'error', error: { code, reason, retryable } });
        },
      )
      .finally(() => this.uploads.get(m.id) === ctl && this.uploads.delete(m.id));
  }

  /** Aborts a file's upload and frees its thumbnail. */
  private drop(id: string) {
    this.uploads.get(id)?.abort();
    this.uploads.delete(id);
    URL.revokeObjectURL(this.urls.get(id) ?? '');
    this.urls.delete(id);
  }

  private removeMedia(id: string) {
    const i = this.draft.media.findIndex((m) => m.id === id);
    this.drop(id);
    this.change({ media: this.draft.media.filter((m) => m.id !== id) });
    void this.focusThumb(Math.min(i, this.draft.media.length - 1));
  }

  private move(from: number, to: number) {
    const media = [...this.draft.media];
    if (to < 0 || to >= media.length || from === to) return;
    media.splice(to, 0, ...media.splice(from, 1));
    this.change({ media });
    this.notices = [this.l.t('momentsComposer.moved', to + 1)];
    void this.focusThumb(to);
  }

  private async focusThumb(i: number) {
    await this.updateComplete;
    (this.renderRoot.querySelector<HTMLElement>(`[data-index="${i}"]`) ?? this.renderRoot.querySelector<HTMLElement>('.add'))?.focus();
  }

  private urlOf(m: DraftMedia) {
    let u = this.urls.get(m.id);
    if (!u) this.urls.set(m.id, (u = URL.createObjectURL(m.blob)));
    return u;
  }

  /* ---------------------------------------------------------------- publishing */

  private attachments(): MomentAttachments | undefined {
    const { kind, media, link, miniprogram: mp } = this.draft;
    const cover = (u: string) => u.trim() || undefined;
    if (kind === 'images' && media.length)
      return { kind, images: media.map((m) => ({ url: m.url!, width: m.width, height: m.height, size: m.size })) };
    if (kind === 'video' && media[0]) {
      const v = media[0];
      return { kind, video: { url: v.url!, durationMs: v.durationMs!, size: v.size } };
    }
    if (kind === 'link' && this.hasAttachment())
      return { kind, link: { url: link.url.trim(), title: link.title.trim(), coverUrl: cover(link.coverUrl) } };
    if (kind === 'miniprogram' && this.hasAttachment())
      return { kind, miniprogram: { appId: mp.appId.trim(), pagePath: mp.pagePath.trim(), title: mp.title.trim(), coverUrl: cover(mp.coverUrl) } };
    return undefined;
  }

  /** Why the post cannot be published now, in words, or undefined when it can. */
  private blocker(): string | undefined {
    const t = this.l.t.bind(this.l);
    const { draft: d, policy: p } = this;
    const k = d.kind;
    if (!this.api?.capabilities.publishMoment) return t('momentsComposer.block.capability');
    if (this.quota && this.quota.remaining < 1) return t('momentsComposer.block.quota');
    if (chars(d.text) > p.momentTextMaxLength) return t('momentsComposer.block.text');
    if ((k === 'images' || k === 'video') && d.media.some((m) => m.status === 'error')) return t('momentsComposer.block.upload');
    if ((k === 'images' || k === 'video') && d.media.some((m) => m.status !== 'done')) return t('momentsComposer.block.uploading');
    const { link, miniprogram: mp } = d;
    if (k === 'link' && this.hasAttachment() && !(isUrl(link.url) && link.title.trim() && byteLength(link.title.trim()) <= p.linkTitleMaxBytes && (!link.coverUrl.trim() || isUrl(link.coverUrl))))
      return t('momentsComposer.block.link', p.linkTitleMaxBytes);
    if (k === 'miniprogram' && this.hasAttachment() && !(mp.appId.trim() && mp.pagePath.trim() && mp.title.trim() && chars(mp.title) <= 64 && (!mp.coverUrl.trim() || isUrl(mp.coverUrl))))
      return t('momentsComposer.block.miniprogram');
    if (!audienceOf(d)) return t('momentsComposer.block.tags');
    if (!d.text.trim() && !this.attachments()) return t('momentsComposer.block.empty');
    return undefined;
  }

  /** Publishes once: a second call while one is pending is ignored; a retry reuses the request id. */
  async publish(): Promise<void> {
    if (this.phase !== 'idle' || !this.loaded || this.blocker()) return;
    this.phase = 'sending';
    const draft: MomentDraft = { text: this.draft.text, attachments: this.attachments(), audience: audienceOf(this.draft)! };
    const { requestId } = this.draft;
    if (!emit(this, 'cl-moment-publish', { draft, requestId }, { cancelable: true })) {
      this.phase = 'idle';
      return;
    }
    this.publishError = undefined;
    await this.save();
    try {
      this.follow(await this.api!.publishMoment({ requestId, draft }));
    } catch (e) {
      this.phase = 'idle';
      this.publishError = toAdapterError(e);
    }
  }

  /** Shows a post's state and keeps following it until it is published or failed. */
  private follow(moment: Moment, attempt = 0) {
    this.moment = moment;
    if (moment.state === 'published') {
      this.phase = 'published';
      void this.saver.clear(this.key!);
      emit(this, 'cl-moment-published', { moment });
      void this.refreshQuota();
    } else if (moment.state === 'failed') {
      this.phase = 'failed';
      this.change({ momentId: undefined });
    } else {
      this.phase = 'submitted';
      if (this.draft.momentId !== moment.id) this.change({ momentId: moment.id });
      this.poll(moment.id, attempt);
    }
  }

  private poll(momentId: string, attempt = 0) {
    clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(async () => {
      try {
        this.follow(await this.api!.getMoment({ momentId }), attempt + 1);
      } catch (e) {
        const error = toAdapterError(e);
        if (error.retryable) return this.poll(momentId, attempt + 1);
        this.phase = 'idle';
        this.publishError = error;
        this.change({ momentId: undefined });
      }
    }, Math.min(this.pollInterval * 2 ** attempt, 30_000));
  }

  /** After a failed post: keep the content, under a new request id (a new intent). */
  private again() {
    this.phase = 'idle';
    this.moment = undefined;
    this.change({ requestId: createRequestId() });
  }

  private startOver() {
    for (const m of this.draft.media) this.drop(m.id);
    this.phase = 'idle';
    this.moment = undefined;
    this.expanded = false;
    this.change(emptyDraft());
    this.estimate();
  }

  /* ---------------------------------------------------------------- events */

  private onDrop(e: DragEvent) {
    e.preventDefault();
    const from = this.dragFrom;
    this.dragFrom = undefined;
    if (this.busy) return;
    const target = (e.composedPath()[0] as Element).closest?.('[data-index]');
    if (from !== undefined) {
      if (target) this.move(from, Number(target.getAttribute('data-index')));
    } else this.onFiles([...(e.dataTransfer?.files ?? [])]);
  }

  private onPaste(e: ClipboardEvent) {
    const files = [...(e.clipboardData?.files ?? [])];
    if (!files.length || this.busy) return;
    e.preventDefault();
    this.onFiles(files);
  }

  private onThumbKey(e: KeyboardEvent, i: number) {
    const step = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 }[e.key];
    if (step && (e.altKey || e.ctrlKey)) this.move(i, i + step);
    else if (e.key === 'Delete' || e.key === 'Backspace') this.removeMedia(this.draft.media[i]!.id);
    else return;
    e.preventDefault();
  }

  private pick(e: Event) {
    const input = e.target as HTMLInputElement;
    this.onFiles([...(input.files ?? [])]);
    input.value = '';
  }

  private setAudience(tags: boolean) {
    this.change({ tagIds: tags ? (this.draft.tagIds ?? []) : undefined });
    this.estimate();
  }

  private onTagToggle(e: CustomEvent<{ tag: { id: string }; selected: boolean }>) {
    const { tag, selected } = e.detail;
    const rest = (this.draft.tagIds ?? []).filter((id) => id !== tag.id);
    this.change({ tagIds: selected ? [...rest, tag.id] : rest });
    this.estimate();
  }

  private get busy() {
    return this.phase !== 'idle';
  }

  /* ---------------------------------------------------------------- render */

  protected override render(): TemplateResult {
    const t = this.l.t.bind(this.l);
    if (!this.api) return html`<p class="box">${t('common.noAdapter')}</p>`;
    if (this.loadError)
      return html`<div class="box" role="alert">
        <p>${this.l.error(this.loadError)}</p>
        ${this.loadError.retryable ? html`<button class="cl-button" @click=${this.load}>${t('common.retry')}</button>` : nothing}
      </div>`;
    if (!this.loaded)
      return html`<div class="box" aria-busy="true">
        <span class="cl-visually-hidden">${t('common.loading')}</span>
        ${[24, 120, 44, 44, 96, 44].map((h) => html`<div class="cl-skeleton" style="height:${h}px"></div>`)}
      </div>`;
    const d = this.draft;
    const n = chars(d.text);
    const max = this.policy.momentTextMaxLength;
    return html`<div class="box" @paste=${this.onPaste} @dragover=${(e: Event) => e.preventDefault()} @drop=${this.onDrop}>
      <h2 part="title">${t('momentsComposer.title')}</h2>
      ${this.renderQuota()}
      <fieldset class="editor" ?disabled=${this.busy}>
        <label class="cl-visually-hidden" for="text">${t('momentsComposer.text')}</label>
        <textarea
          id="text"
          part="textarea"
          rows="5"
          placeholder=${t('momentsComposer.placeholder')}
          aria-describedby="count"
          aria-invalid=${n > max}
          .value=${d.text}
          @input=${(e: Event) => this.change({ text: (e.target as HTMLTextAreaElement).value })}
        ></textarea>
        <p id="count" part="counter" class="hint end" ?data-over=${n > max}>
          ${t('momentsComposer.count', n, max)}${n > max ? html` · ${t('momentsComposer.textLong', n - max)}` : nothing}
        </p>
        ${this.renderKinds()} ${this.renderAttachment()} ${this.renderAudience()}
      </fieldset>
      <div class="notices" role="status">${this.notices.map((m) => html`<p>${m}</p>`)}</div>
      ${this.renderPreview()} ${this.renderFooter()}
      <dialog part="dialog" role="alertdialog" aria-labelledby="sw-t" aria-describedby="sw-d" @cancel=${() => this.answer(false)}>
        <h3 id="sw-t">${t('momentsComposer.switchTitle')}</h3>
        <p id="sw-d">${t('momentsComposer.switchText')}</p>
        <div class="row end">
          <button class="cl-button" autofocus @click=${() => this.answer(false)}>${t('common.cancel')}</button>
          <button class="cl-button" data-variant="danger" @click=${() => this.answer(true)}>${t('momentsComposer.switch')}</button>
        </div>
      </dialog>
    </div>`;
  }

  private renderQuota() {
    const q = this.quota!;
    return html`<p part="quota" class="hint" ?data-over=${q.remaining < 1}>
      ${this.l.t('momentsComposer.quota', q.remaining, this.l.date(q.resetsAt, true, this.policy.timeZone))}
    </p>`;
  }

  private renderKinds() {
    const uploads = this.api!.capabilities.uploadMedia;
    return html`<div class="row" role="group" aria-label=${this.l.t('momentsComposer.kind')}>
      ${KINDS.filter((k) => uploads || k === 'link' || k === 'miniprogram').map(
        (k) => html`<button class="cl-button kind" aria-pressed=${this.draft.kind === k} @click=${() => this.chooseKind(k)}>
          ${this.l.t(`momentsComposer.kind.${k}`)}
        </button>`,
      )}
    </div>`;
  }

  private renderAttachment() {
    const { kind, media } = this.draft;
    if (kind === 'link' || kind === 'miniprogram') return this.renderCardFields(kind);
    if (!kind) return nothing;
    const t = this.l.t.bind(this.l);
    const video = kind === 'video';
    const room = media.length < (video ? 1 : this.policy.momentImagesMax);
    return html`<ul class="thumbs" aria-describedby="move-hint">
        ${media.map((m, i) => this.renderThumb(m, i, video))}
        ${room
          ? html`<li>
              <button class="add cl-button" @click=${() => this.renderRoot.querySelector<HTMLInputElement>('#file')!.click()}>
                ${t(video ? 'momentsComposer.addVideo' : 'momentsComposer.addImages')}
              </button>
            </li>`
          : nothing}
      </ul>
      <input id="file" type="file" hidden ?multiple=${!video} accept=${video ? 'video/*' : 'image/*'} @change=${this.pick} />
      <p class="hint" id="move-hint">${t('momentsComposer.drop')}${!video && media.length > 1 ? html` · ${t('momentsComposer.moveHint')}` : nothing}</p>`;
  }

  private renderThumb(m: DraftMedia, i: number, video: boolean) {
    const t = this.l.t.bind(this.l);
    const label = video ? t('momentsComposer.video', Math.round((m.durationMs ?? 0) / 1000)) : t('momentsComposer.image', i + 1, this.draft.media.length);
    return html`<li
      class="thumb"
      part="thumbnail"
      data-index=${i}
      tabindex="0"
      aria-label=${label}
      draggable=${video ? 'false' : 'true'}
      @dragstart=${() => (this.dragFrom = i)}
      @keydown=${(e: KeyboardEvent) => this.onThumbKey(e, i)}
    >
      ${video ? html`<video src=${this.urlOf(m)} muted preload="metadata"></video>` : html`<img src=${this.urlOf(m)} alt="" />`}
      ${m.status === 'uploading'
        ? html`<progress max="1" .value=${m.progress} aria-label=${t('momentsComposer.uploading', label)}></progress>`
        : nothing}
      ${m.status === 'error'
        ? html`<div class="failed">
            <span>${t('momentsComposer.uploadFailed')}</span>
            <button class="cl-button" aria-label=${`${t('common.retry')} ${label}`} @click=${() => this.upload(m)}>${t('common.retry')}</button>
          </div>`
        : nothing}
      <button class="remove cl-button" aria-label=${t('momentsComposer.remove', label)} @click=${() => this.removeMedia(m.id)}>×</button>
    </li>`;
  }

  private renderCardFields(kind: 'link' | 'miniprogram') {
    const t = this.l.t.bind(this.l);
    const values = this.draft[kind] as Record<string, string>;
    const field = (name: string, label: string, invalid = false, hint?: string) =>
      html`<label class="field"
        >${label}
        <input
          .value=${values[name]!}
          aria-invalid=${invalid}
          @input=${(e: Event) => this.change({ [kind]: { ...values, [name]: (e.target as HTMLInputElement).value } })}
        />
        ${hint ? html`<span class="hint" ?data-over=${invalid}>${hint}</span>` : nothing}
      </label>`;
    const badUrl = (u: string) => !!u.trim() && !isUrl(u);
    const coverField = field('coverUrl', t('momentsComposer.cover'), badUrl(values.coverUrl!));
    if (kind === 'miniprogram')
      return html`${field('appId', t('momentsComposer.appId'))}${field('pagePath', t('momentsComposer.pagePath'))}${field(
        'title',
        t('momentsComposer.linkTitle'),
        chars(values.title!) > 64,
      )}${coverField}`;
    const bytes = byteLength(values.title!.trim());
    const maxBytes = this.policy.linkTitleMaxBytes;
    return html`${field('url', t('momentsComposer.url'), badUrl(values.url!), badUrl(values.url!) ? t('momentsComposer.urlInvalid') : undefined)}${field(
      'title',
      t('momentsComposer.linkTitle'),
      bytes > maxBytes,
      t('momentsComposer.titleBytes', bytes, maxBytes),
    )}${coverField}`;
  }

  private renderAudience() {
    const t = this.l.t.bind(this.l);
    const tags = this.draft.tagIds;
    const radio = (byTags: boolean, label: string) =>
      html`<label class="choice"
        ><input type="radio" name="audience" .checked=${!!tags === byTags} @change=${() => this.setAudience(byTags)} />${label}</label
      >`;
    return html`<fieldset class="audience">
      <legend>${t('momentsComposer.audience')}</legend>
      ${radio(false, t('momentsComposer.all'))} ${radio(true, t('momentsComposer.byTags'))}
      ${tags
        ? html`<cl-tag-picker
            .groups=${this.groups}
            .selected=${tags}
            multiple
            ?readonly=${this.busy}
            label=${t('momentsComposer.byTags')}
            @cl-tag-toggle=${this.onTagToggle}
          ></cl-tag-picker>`
        : nothing}
      <p class="hint" aria-live="polite">${this.reach === undefined ? nothing : t('momentsComposer.reach', this.l.number(this.reach))}</p>
    </fieldset>`;
  }

  private renderPreview() {
    const s = this.staff!;
    const d = this.draft;
    const att = this.attachments();
    const avatar = s.avatarUrl && isUrl(s.avatarUrl) ? html`<img class="avatar" src=${s.avatarUrl} alt="" />` : html`<span class="avatar">${[...s.name][0]}</span>`;
    const cover = (u?: string) => (u && isUrl(u) ? html`<img src=${u} alt="" />` : nothing);
    const n = d.media.length;
    let body: TemplateResult | typeof nothing = nothing;
    if (att?.kind === 'images' || (d.kind === 'images' && n))
      body = html`<div class="grid" data-layout=${n === 1 ? 1 : n === 2 || n === 4 ? 2 : 3}>
        ${d.media.map((m) => html`<img src=${this.urlOf(m)} alt="" />`)}
      </div>`;
    else if (d.kind === 'video' && n) body = html`<video class="grid" src=${this.urlOf(d.media[0]!)} muted controls></video>`;
    else if (att?.kind === 'link') body = html`<div class="card">${cover(att.link.coverUrl)}<span>${att.link.title || att.link.url}</span></div>`;
    else if (att?.kind === 'miniprogram')
      body = html`<div class="card mp">
        <span>${att.miniprogram.title}</span>${cover(att.miniprogram.coverUrl)}<small>${this.l.t('momentsComposer.kind.miniprogram')}</small>
      </div>`;
    return html`<section part="preview" class="preview" aria-labelledby="pv">
      <h3 id="pv" class="hint">${this.l.t('momentsComposer.preview')}</h3>
      <div class="post">
        ${avatar}
        <div>
          <p class="name">${s.name}<span part="company" class="company">@${s.companyName}</span></p>
          ${d.text.trim() ? html`<p id="ptext" class="text" ?data-folded=${!this.expanded}>${d.text}</p>` : nothing}
          ${this.foldable
            ? html`<button class="more" aria-expanded=${this.expanded} aria-controls="ptext" @click=${() => (this.expanded = !this.expanded)}>
                ${this.l.t(this.expanded ? 'momentsComposer.collapse' : 'momentsComposer.fullText')}
              </button>`
            : nothing}
          ${body}
        </div>
      </div>
    </section>`;
  }

  private renderFooter() {
    const t = this.l.t.bind(this.l);
    const m = this.moment;
    const unreached = m?.unreachableCustomerIds.length ? html`<p>${t('momentsComposer.unreached', m.unreachableCustomerIds.length)}</p>` : nothing;
    const err = this.publishError;
    let status: unknown = nothing;
    if (this.phase === 'submitted') status = html`<p>${t('momentsComposer.submitted')}</p>`;
    else if (this.phase === 'published')
      status = html`<p class="ok">${t('momentsComposer.published')}</p>
        ${unreached}<button class="cl-button" @click=${this.startOver}>${t('momentsComposer.new')}</button>`;
    else if (this.phase === 'failed')
      status = html`<p class="bad">${t('momentsComposer.failed')}</p>
        ${unreached}${m?.failureReason ? html`<p>${m.failureReason}</p>` : nothing}
        <button class="cl-button" @click=${this.again}>${t('momentsComposer.again')}</button>`;
    else if (err)
      status = html`<p class="bad">${this.l.error(err)}</p>
        ${err.retryable ? html`<button class="cl-button" @click=${this.publish}>${t('common.retry')}</button>` : nothing}`;
    const why = this.phase === 'idle' ? this.blocker() : undefined;
    return html`<div part="status" class="status" role="status">${status}</div>
      ${this.phase === 'published' || this.phase === 'failed'
        ? nothing
        : html`<button
              part="publish-button"
              class="cl-button publish"
              data-variant="primary"
              aria-describedby="why"
              ?disabled=${!!why || this.busy}
              @click=${this.publish}
            >
              ${t(this.busy ? 'momentsComposer.publishing' : 'momentsComposer.publish')}
            </button>
            <p id="why" class="hint">${why ?? ''}</p>`}`;
  }
}

// How files join a composer's attachments: each file checked against the policy before any request
// (its type, the count, its size, then what the file itself says: a video's duration, an image's
// pixels), then uploaded through the adapter with progress, aborted when it is removed, retried one by
// one. A module of its own, which the attachment editor (attachments.ts) loads on demand (core's
// `OnDemand`: when the browser is idle after the composer connects, or when the first file comes), so
// that a composer's first load carries only what it shows. Its strings load with it
// (attachment-intake.messages.ts).
import type { ReactiveElement } from 'lit';
import { createRequestId } from '@clienteling/core/request-id.js';
import { toAdapterError } from '@clienteling/core/errors.js';
import { LocalizeController, type MessagesOf } from '@clienteling/core/elements.js';
import { isVideoMedia, type AttachmentsOptions, type FileRules } from './attachments.js';
import type { DraftMedia } from './draft-store.js';
import { attachmentIntakeMessages } from './attachment-intake.messages.js';

/** What the intake needs of the attachment editor: the host's files and adapter, and where notices go. */
export interface IntakeLink extends AttachmentsOptions {
  /** Shows why files were refused or failed, in words. */
  setNotices(notices: string[]): void;
}

/** What a file itself says: an image's pixel size or a video's duration. */
interface MediaProbe {
  width?: number;
  height?: number;
  durationMs?: number;
}

const BYTES_PER_MB = 1048576;

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

/** Whether a file is of a kind the rules take. */
function isAccepted(file: File, kinds: FileRules['kinds']) {
  const isImage = file.type.startsWith('image/');
  const isVideo = file.type.startsWith('video/');
  if (kinds === 'mixed') return isImage || isVideo;
  return kinds === 'video' ? isVideo : isImage;
}

/** The checks and uploads of one composer's files: made once per composer when its code arrives. */
export class AttachmentIntake {
  /** Uploads in flight, by media id, to abort one when its file is removed. */
  private uploadControllers = new Map<string, AbortController>();

  /** Its strings and the editor's, on the composer. */
  private readonly localize: LocalizeController<MessagesOf<typeof attachmentIntakeMessages>>;

  constructor(
    host: ReactiveElement,
    private readonly link: IntakeLink,
  ) {
    this.localize = new LocalizeController(host, attachmentIntakeMessages);
  }

  private get media() {
    return this.link.getMedia();
  }

  private updateMedia(id: string, patch: Partial<DraftMedia>) {
    this.link.setMedia(this.media.map((item) => (item.id === id ? { ...item, ...patch } : item)));
  }

  /** Checks each file against the rules before any request, then adds and uploads the good ones. */
  async addFiles(files: File[], rules: FileRules): Promise<void> {
    const { localize } = this;
    // The refusals are worded now: in English, once their strings are there.
    await localize.missingCatalog(localize.locale)?.catch(() => undefined);
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
      this.link.setMedia([...this.media, item]);
      this.uploadMedia(item);
    }
    this.link.setNotices([...notices]);
  }

  /**
   * Checks one file: its type, the count, its size, then what the file itself says (a video's
   * duration, an image's pixels). Returns why it is refused, in words, or what probing it read.
   */
  private async checkFile(file: File, { kinds, maxCount, policy, namedLimit }: FileRules) {
    const { localize } = this;
    const name = file.name || file.type;
    const isVideo = file.type.startsWith('video/');
    const isFull = () => this.media.length >= maxCount;
    const tooMany = () => {
      if (kinds === 'video') return localize.t('attachments.refused.video');
      const limit = namedLimit ?? maxCount;
      if (kinds === 'mixed') return localize.t('attachments.refused.attachments', limit);
      return localize.t('attachments.refused.images', limit);
    };
    if (!isAccepted(file, kinds)) return localize.t('attachments.refused.type', name);
    if (isFull()) return tooMany();
    if (file.size > policy.mediaMaxBytes) {
      return localize.t('attachments.refused.size', name, policy.mediaMaxBytes / BYTES_PER_MB);
    }
    const probe = await probeMedia(file, isVideo);
    if (!probe) return localize.t('attachments.refused.type', name);
    // A video's probe has no pixel size and an image's no duration: the other comparison is false.
    if (probe.durationMs! > policy.videoMaxDurationMs) {
      return localize.t('attachments.refused.duration', name, policy.videoMaxDurationMs / 1000);
    }
    if (probe.width! * probe.height! > policy.imageMaxPixels) {
      return localize.t('attachments.refused.pixels', name, policy.imageMaxPixels / 1e6);
    }
    // Other files may have been added while this one was probed.
    if (isFull()) return tooMany();
    return probe;
  }

  /** Uploads one file through the adapter, with progress; aborted when the file is removed. */
  uploadMedia(item: DraftMedia): void {
    const controller = new AbortController();
    const isCurrent = () => !controller.signal.aborted;
    this.uploadControllers.get(item.id)?.abort();
    this.uploadControllers.set(item.id, controller);
    this.updateMedia(item.id, { status: 'uploading', progress: 0 });
    this.link
      .api()!
      .uploadMedia({
        file: item.blob,
        kind: isVideoMedia(item) ? 'video' : 'image',
        signal: controller.signal,
        onProgress: (progress) => isCurrent() && this.updateMedia(item.id, { progress }),
      })
      .then(
        (uploaded) => isCurrent() && this.updateMedia(item.id, { status: 'done', progress: 1, ...uploaded }),
        (error) => {
          if (!isCurrent()) return;
          this.updateMedia(item.id, { status: 'error' });
          this.link.setNotices([this.localize.error(toAdapterError(error))]);
        },
      );
  }

  /** Resumes the uploads a reload or a disconnection interrupted. */
  resumeUploads(): void {
    for (const item of this.media) {
      if (item.status === 'uploading' && !this.uploadControllers.has(item.id)) this.uploadMedia(item);
    }
  }

  /** Aborts a file's upload, if one is under way. */
  abortUpload(id: string): void {
    this.uploadControllers.get(id)?.abort();
    this.uploadControllers.delete(id);
  }

  /** Aborts every upload under way. */
  abortAll(): void {
    for (const id of [...this.uploadControllers.keys()]) this.abortUpload(id);
  }
}

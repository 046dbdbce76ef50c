/**
 * Media of the local adapter.
 *
 * The choice of URL: every upload (image or video, of any size) is kept as a Blob in IndexedDB and
 * answered as the short, persistent reference `cl-media:<id>`, which the URL schema accepts (a `data:`
 * URL of a photo runs far over its 2,048 characters) and which survives reloads, so a draft saved
 * with it can still be published tomorrow. Reading a moment (`publishMoment`, `getMoment`) turns each
 * reference into an object URL (`blob:`) of the stored Blob, made once per page.
 *
 * This module is imported statically by the adapter: uploading never waits for a chunk from the network.
 */
import {
  AdapterError,
  type Moment,
  type MomentAttachments,
  type Policy,
  type UploadMediaInput,
  type UploadedMedia,
} from '@clienteling/core/adapter-kit.js';
import type { DB } from './schema.js';

/** The scheme of the references to stored media that uploads answer: `cl-media:<id>`. */
export const MEDIA_SCHEME = 'cl-media:';

/** Media id -> object URL of its Blob, for this page. */
export type MediaUrls = Map<string, string>;
const invalid = (message: string, reason: string) => new AdapterError('invalid', message, { reason, field: 'file' });

/** Checks and stores one file; answers its `cl-media:` reference, its size and (for an image) its pixels. */
export async function upload(
  db: DB,
  policy: Policy,
  { file, kind, onProgress, signal }: UploadMediaInput,
  id: string,
): Promise<UploadedMedia> {
  const aborted = () => {
    if (signal?.aborted)
      throw new AdapterError('unavailable', 'The upload was cancelled', { retryable: true, reason: 'aborted' });
  };
  aborted();
  if (file.size > policy.mediaMaxBytes)
    throw invalid(`A file can be at most ${policy.mediaMaxBytes} bytes`, 'too-large');
  if (file.type && !file.type.startsWith(`${kind}/`)) throw invalid(`This file is not an ${kind}`, 'type');
  onProgress?.(0);
  let size: { width?: number; height?: number } = {};
  if (kind === 'image') {
    const bitmap = await createImageBitmap(file).catch(() => {
      throw invalid('This image cannot be read', 'unreadable');
    });
    size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    if (bitmap.width * bitmap.height > policy.imageMaxPixels)
      throw invalid('This image has too many pixels', 'too-large');
  }
  aborted();
  onProgress?.(0.5);
  await db.put('media', { id, blob: file, type: file.type, size: file.size });
  onProgress?.(1);
  return { url: MEDIA_SCHEME + id, size: file.size, ...size };
}

/** The moment with `cl-media:` references turned into object URLs of the stored Blobs. */
export async function resolveMedia(db: DB, urls: MediaUrls, moment: Moment): Promise<Moment> {
  const json = JSON.stringify(moment.attachments);
  for (const [, id] of json.matchAll(/"cl-media:([^"]+)"/g)) {
    const record = urls.has(id!) ? undefined : await db.get('media', id!);
    if (record) urls.set(id!, URL.createObjectURL(record.blob));
  }
  const attachments = JSON.parse(json, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(MEDIA_SCHEME)
      ? (urls.get(value.slice(MEDIA_SCHEME.length)) ?? value)
      : value,
  ) as MomentAttachments;
  return { ...moment, attachments };
}

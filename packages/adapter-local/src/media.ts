/**
 * Media of the local adapter (loaded lazily, on the first upload or the first read of stored media).
 *
 * The choice of URL: an image up to {@link DATA_URL_MAX_BYTES} comes back as a `data:` URL, which
 * survives reloads and works anywhere. A larger file comes back as an object URL (`blob:`) valid for
 * the page's lifetime; a moment published with it stores the persistent reference `cl-media:<id>`
 * instead, and reading the moment later (even after a reload) turns it into a fresh object URL of
 * the Blob kept in IndexedDB.
 */
import {
  AdapterError,
  toAdapterError,
  type Moment,
  type MomentAttachments,
  type Policy,
  type UploadMediaInput,
  type UploadedMedia,
} from '@clienteling/core';
import type { DB } from './schema.js';

export const DATA_URL_MAX_BYTES = 256 * 1024;
export const MEDIA_SCHEME = 'cl-media:';

/** Object URL -> media id and media id -> object URL, for this page. */
export type MediaUrls = Map<string, string>;
const remember = (urls: MediaUrls, objectUrl: string, id: string) => urls.set(objectUrl, id).set(id, objectUrl);
const invalid = (message: string, reason: string) => new AdapterError('invalid', message, { reason, field: 'file' });

export async function upload(
  db: DB,
  policy: Policy,
  urls: MediaUrls,
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
  let url: string;
  if (kind === 'image' && file.size <= DATA_URL_MAX_BYTES) {
    url = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.onerror = () => reject(toAdapterError(reader.error));
      reader.readAsDataURL(file);
    });
  } else remember(urls, (url = URL.createObjectURL(file)), id);
  onProgress?.(1);
  return { url, size: file.size, ...size };
}

/** The attachments with object URLs of this page replaced by persistent `cl-media:` references. */
export const toStored = (urls: MediaUrls, attachments: MomentAttachments): MomentAttachments =>
  JSON.parse(JSON.stringify(attachments), (_key, value: unknown) =>
    typeof value === 'string' && urls.has(value) && value.startsWith('blob:') ? MEDIA_SCHEME + urls.get(value)! : value,
  ) as MomentAttachments;

/** The moment with `cl-media:` references turned into object URLs of the stored Blobs. */
export async function resolveMedia(db: DB, urls: MediaUrls, moment: Moment): Promise<Moment> {
  const json = JSON.stringify(moment.attachments);
  for (const [, id] of json.matchAll(/"cl-media:([^"]+)"/g)) {
    const record = urls.has(id!) ? undefined : await db.get('media', id!);
    if (record) remember(urls, URL.createObjectURL(record.blob), id!);
  }
  const attachments = JSON.parse(json, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(MEDIA_SCHEME)
      ? (urls.get(value.slice(MEDIA_SCHEME.length)) ?? value)
      : value,
  ) as MomentAttachments;
  return { ...moment, attachments };
}

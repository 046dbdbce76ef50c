/**
 * The media cases: an adapter uploads what an associate really posts (a compressed phone photo of a few
 * dozen KB, a large photo of megabytes, a short video) and answers a URL the contract accepts, which a
 * moment can then carry. Registered by {@link conformanceCases} through {@link defineMediaCases}.
 */
import {
  UploadedMediaSchema,
  parseOrInvalid,
  type Moment,
  type MomentAttachments,
  type UploadedMedia,
} from '@clienteling/core';
import type { Dataset } from '@clienteling/adapter-local/seed.js';
import { ConformanceError, type Harness } from './cases.js';

/**
 * Registers one case in a group (the `define` of {@link conformanceCases}); `prepare` may add to the
 * case's fresh dataset before the adapter is created.
 */
export type DefineCase = (
  group: string,
  name: string,
  body: (harness: Harness) => Promise<void>,
  prepare?: (dataset: Dataset) => void,
) => void;

/** Bytes of a typical compressed WeChat photo: well under 256 KB, yet far over a URL's 2,048 characters. */
const SMALL_IMAGE_MIN_BYTES = 8 * 1024;
const SMALL_IMAGE_MAX_BYTES = 256 * 1024;
/** A large photo: over a megabyte, under the platform's 10 MB. */
const LARGE_IMAGE_MIN_BYTES = 1024 * 1024;
const VIDEO_BYTES = 512 * 1024;
const VIDEO_DURATION_MS = 8000;
/** The most bytes `crypto.getRandomValues` fills at once. */
const RANDOM_CHUNK_BYTES = 65536;

const check = (condition: unknown, message: string): void => {
  if (!condition) throw new ConformanceError(message);
};

/** A PNG of `width` × `height` pixels of noise, which PNG cannot compress: its size grows with its area. */
async function noisyPng(width: number, height: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  const pixels = context.createImageData(width, height);
  for (let start = 0; start < pixels.data.length; start += RANDOM_CHUNK_BYTES) {
    crypto.getRandomValues(pixels.data.subarray(start, start + RANDOM_CHUNK_BYTES));
  }
  for (let alpha = 3; alpha < pixels.data.length; alpha += 4) pixels.data[alpha] = 255;
  context.putImageData(pixels, 0, 0);
  return canvas.convertToBlob({ type: 'image/png' });
}

/** Uploads `file` and checks the answer against the contract: a valid URL, the file's size, its pixels. */
async function uploadChecked(
  harness: Harness,
  file: Blob,
  kind: 'image' | 'video',
  pixels?: { width: number; height: number },
): Promise<UploadedMedia> {
  const progress: number[] = [];
  const answer = await harness.adapter.uploadMedia({ file, kind, onProgress: (fraction) => progress.push(fraction) });
  const uploaded = parseOrInvalid(UploadedMediaSchema, answer, 'uploadMedia response');
  check(uploaded.size === file.size, `size: expected ${file.size}, got ${uploaded.size}`);
  check(progress.length === 0 || progress[progress.length - 1] === 1, `progress ends at 1: ${progress.join()}`);
  if (pixels && uploaded.width !== undefined) {
    check(
      uploaded.width === pixels.width && uploaded.height === pixels.height,
      `pixels: expected ${pixels.width}×${pixels.height}, got ${uploaded.width}×${uploaded.height}`,
    );
  }
  return uploaded;
}

/** Publishes a moment carrying `attachments` and reads it back: it must carry the same kind and count. */
async function publishWith(harness: Harness, attachments: MomentAttachments): Promise<Moment> {
  const draft = { text: '新品到店', attachments, audience: { type: 'all' as const } };
  const posted = await harness.call('publishMoment', { requestId: harness.rid(), draft });
  const read = await harness.call('getMoment', { momentId: posted.id });
  check(read.attachments?.kind === attachments.kind, `attachments of the moment read back: ${read.attachments?.kind}`);
  return read;
}

/** Uploads an image of `width` × `height` noise within `[minBytes, maxBytes]`, then posts it. */
async function postImage(harness: Harness, width: number, height: number, minBytes: number, maxBytes: number) {
  const file = await noisyPng(width, height);
  check(file.size >= minBytes && file.size <= maxBytes, `test image of ${file.size} bytes`);
  const uploaded = await uploadChecked(harness, file, 'image', { width, height });
  const read = await publishWith(harness, {
    kind: 'images',
    images: [{ url: uploaded.url, width, height, size: uploaded.size }],
  });
  check(read.attachments?.kind === 'images' && read.attachments.images.length === 1, 'one image read back');
}

/** Registers the media cases with `define`. */
export function defineMediaCases(define: DefineCase): void {
  define('media', 'uploadMedia takes a small photo (tens of KB) and answers a URL a moment can carry', (harness) =>
    harness.adapter.capabilities.uploadMedia
      ? postImage(harness, 120, 90, SMALL_IMAGE_MIN_BYTES, SMALL_IMAGE_MAX_BYTES)
      : Promise.resolve(),
  );
  define('media', 'uploadMedia takes a large photo (megabytes) and answers a URL a moment can carry', (harness) =>
    harness.adapter.capabilities.uploadMedia
      ? postImage(harness, 800, 600, LARGE_IMAGE_MIN_BYTES, 10 * 1024 * 1024)
      : Promise.resolve(),
  );
  define('media', 'uploadMedia takes a video and answers a URL a moment can carry', async (harness) => {
    if (!harness.adapter.capabilities.uploadMedia) return;
    // An MP4 file starts with its `ftyp` box (servers check the bytes, not the type); the rest may be anything.
    const bytes = new Uint8Array(VIDEO_BYTES);
    bytes.set([0, 0, 0, 24, ...new TextEncoder().encode('ftypmp42')]);
    const file = new Blob([bytes], { type: 'video/mp4' });
    const uploaded = await uploadChecked(harness, file, 'video');
    const read = await publishWith(harness, {
      kind: 'video',
      video: { url: uploaded.url, durationMs: VIDEO_DURATION_MS, size: uploaded.size },
    });
    check(read.attachments?.kind === 'video' && read.attachments.video.size === VIDEO_BYTES, 'the video read back');
  });
}

/**
 * The domain's schemas of what a post, a script or a broadcast attaches: images, videos, link cards
 * and mini-program cards, and an uploaded file's answer (`uploadMedia`). A module of its own, shared
 * by the outreach, scripts and broadcasts groups (see `schemas-common.ts`).
 */
import * as z from 'zod/mini';
import { LIMITS, byteLength } from './limits.js';
import { Count, PositiveCount, opt, storable, storableText } from './schema-kit.js';
import { IdSchema, UrlSchema, WebUrlSchema } from './schemas-common.js';

export const ImageAttachmentSchema = z.object({
  url: UrlSchema,
  width: opt(PositiveCount),
  height: opt(PositiveCount),
  size: opt(Count.check(z.lte(LIMITS.mediaMaxBytes))),
});

export const VideoAttachmentSchema = z.object({
  url: UrlSchema,
  durationMs: Count.check(z.lte(LIMITS.videoMaxDurationMs)),
  size: Count.check(z.lte(LIMITS.mediaMaxBytes)),
  coverUrl: opt(UrlSchema),
});

/** A link card: a web page with a title of at most 64 UTF-8 bytes. */
export const LinkCardSchema = z.object({
  url: WebUrlSchema,
  title: z.string().check(
    z.minLength(1),
    storable,
    z.refine((s) => byteLength(s) <= LIMITS.linkTitleMaxBytes, {
      message: `Title must be at most ${LIMITS.linkTitleMaxBytes} bytes`,
    }),
  ),
  coverUrl: opt(UrlSchema),
});

/** A mini-program card: a page of the retailer's mini-program. */
export const MiniProgramCardSchema = z.object({
  appId: IdSchema,
  pagePath: storableText(512, 1),
  title: storableText(64, 1),
  coverUrl: opt(UrlSchema),
});

export const UploadedMediaSchema = z.object({
  url: UrlSchema,
  size: Count.check(z.lte(LIMITS.mediaMaxBytes)),
  width: opt(PositiveCount),
  height: opt(PositiveCount),
  durationMs: opt(Count),
});

export type ImageAttachment = z.infer<typeof ImageAttachmentSchema>;
export type VideoAttachment = z.infer<typeof VideoAttachmentSchema>;
export type LinkCard = z.infer<typeof LinkCardSchema>;
export type MiniProgramCard = z.infer<typeof MiniProgramCardSchema>;
export type UploadedMedia = z.infer<typeof UploadedMediaSchema>;

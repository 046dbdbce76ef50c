/**
 * The composer's drafts: what the associate typed and chose for a post, kept in IndexedDB by the
 * shared draft store of `@clienteling/core/drafts.js` (attachments' Blobs included, saves applied in
 * the order they were made).
 */
import type { Audience } from '@clienteling/core';

export { DRAFT_DB, draftStore, type DraftStore } from '@clienteling/core/drafts.js';

/** The kinds of attachment a post can carry; never mixed. */
export type AttachmentKind = 'images' | 'video' | 'link' | 'miniprogram';

/** What the associate types for a link or mini-program card. */
export type CardFields = Record<'url' | 'title' | 'coverUrl' | 'appId' | 'pagePath', string>;

/** An image or video of a draft, with its upload state. */
export interface DraftMedia {
  /** Local id, stable across reloads. */
  id: string;
  blob: Blob;
  /** `uploading` resumes after a reload; `error` shows a retry. */
  status: 'uploading' | 'done' | 'error';
  /** Fraction uploaded, 0 to 1. */
  progress: number;
  url?: string;
  size: number;
  width?: number;
  height?: number;
  durationMs?: number;
}

/** A draft as the composer keeps it: everything the associate typed and chose. */
export interface ComposerDraft {
  /** The draft's own request id: created once, kept across retries and reloads. */
  requestId: string;
  text: string;
  kind?: AttachmentKind;
  media: DraftMedia[];
  /**
   * The fields of a link card (`url`, `title`, `coverUrl`) or of a mini-program card (`appId`,
   * `pagePath`, `title`, `coverUrl`).
   */
  card: CardFields;
  /** Audience tags (any-of); undefined means all of the associate's customers. */
  tagIds?: string[];
  /** The post the adapter accepted and is still publishing (resumed after a reload). */
  momentId?: string;
}

/** What the audience of a draft means to the adapter, or undefined while no tag is chosen. */
export function audienceOf(draft: Pick<ComposerDraft, 'tagIds'>): Audience | undefined {
  if (!draft.tagIds) return { type: 'all' };
  return draft.tagIds.length ? { type: 'tags', tagIds: draft.tagIds } : undefined;
}

/**
 * Drafts that are never lost: a tiny key-value store in IndexedDB (through `idb`, shared with the
 * default adapter). Values are stored by structured clone, so attachments' Blobs survive a reload or
 * a crash with the text. IndexedDB runs write transactions on one store in the order they were made,
 * so an older save never overwrites a newer one.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { Audience } from '@clienteling/core';

/** The database every clienteling draft lives in. */
export const DRAFT_DB = 'clienteling-drafts';
/** The object store of the drafts, keyed by each composer's draft key. */
const STORE = 'drafts';

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

/** A key-value store of drafts in one IndexedDB database. */
export interface DraftStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Opens (lazily, once) the draft store in database `name`. */
export function draftStore(name: string = DRAFT_DB): DraftStore {
  let database: Promise<IDBPDatabase> | undefined;
  const openDatabase = () =>
    (database ??= openDB(name, 1, {
      upgrade: (created) => void created.createObjectStore(STORE),
    }));
  return {
    get: async (key) => (await openDatabase()).get(STORE, key),
    set: async (key, value) => void (await (await openDatabase()).put(STORE, value, key)),
    delete: async (key) => (await openDatabase()).delete(STORE, key),
  };
}

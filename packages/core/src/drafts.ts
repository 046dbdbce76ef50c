/**
 * Drafts that are never lost: a tiny key-value store in IndexedDB (through `idb`, shared with the
 * default adapter), for every element that keeps what the associate typed (the moments composer's
 * post, the timeline's note). Values are stored by structured clone, so Blobs survive a reload or a
 * crash with the text. IndexedDB runs write transactions on one store in the order they were made,
 * so an older save never overwrites a newer one.
 */
import { openDB, type IDBPDatabase } from 'idb';

/** The database every clienteling draft lives in. */
export const DRAFT_DB = 'clienteling-drafts';
/** The object store of the drafts, keyed by each element's draft key. */
const STORE = 'drafts';

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

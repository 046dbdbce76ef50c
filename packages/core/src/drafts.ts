/**
 * Drafts that are never lost: a tiny key-value store in IndexedDB (through `idb`, shared with the
 * default adapter), for every element that keeps what the associate typed (the moments composer's
 * post, the broadcast composer's message, the timeline's note). Values are stored by structured clone,
 * so Blobs survive a reload or a crash with the text.
 *
 * Elements save every change at once, not after a pause, and this store makes that cheap and safe:
 * - A write of a key is issued at once when no write of that key is in flight; otherwise it waits for
 *   the one in flight to complete, and only the latest value waiting is written then (at most one
 *   transaction per key in flight, applied in the order they were made, so an older save never
 *   overwrites a newer one). Typing faster than IndexedDB completes a small put (about a millisecond)
 *   costs one put per completed write, not one per keystroke.
 * - Every write commits its transaction explicitly (`IDBTransaction.commit()`). Chromium drops a
 *   write started in a `pagehide` handler when the page reloads unless it is committed so: the
 *   renderer is gone before the transaction would commit by itself.
 * - From `pagehide` (or the page becoming hidden) until the page shows again, a write never waits:
 *   the one waiting is issued at once, and so is any later one (IndexedDB still applies them in order).
 * A draft saved a moment after the last keystroke, or on the way out without a commit, lost what was
 * typed last before a reload. Written so, a draft was seen kept by every reload in Chromium, even one
 * right after the keystroke, so there is no second, synchronous copy (in `localStorage`). A draft with
 * attachments keeps them in a record of their own (`MediaDraft`), so that a keystroke puts only the text.
 *
 * `idb` is loaded (a dynamic import) with the first database a page opens, when an element first reads or
 * saves a draft, so that it is not in any element's first load. Writes made before then wait for it in the
 * queue above, like writes made while a connection opens. A load or open that fails is not kept: the next
 * read or write tries again.
 */
import type { IDBPDatabase, IDBPObjectStore } from 'idb';

/** The database every clienteling draft lives in. */
export const DRAFT_DB = 'clienteling-drafts';
/** The object store of the drafts, keyed by each element's draft key. */
const STORE = 'drafts';

/** A key-value store of drafts in one IndexedDB database. */
export interface DraftStore {
  /** The draft saved under `key`, once the writes of `key` made so far are done. */
  get<T>(key: string): Promise<T | undefined>;
  /**
   * Saves `value` under `key`: written at once when no write of `key` is in flight, otherwise as soon
   * as that one completes (only the latest value waiting is written). Resolves once `value`, or a
   * newer value that replaced it, is stored.
   */
  set(key: string, value: unknown): Promise<void>;
  /** Deletes the draft of `key` after the write in flight (a value waiting to be written is dropped). */
  delete(key: string): Promise<void>;
}

/** One write of a key: a put or a delete in a transaction of its own. */
type Write = (store: IDBPDatabase) => Promise<void>;

/** A write waiting for the one in flight; replaced by any newer write of the same key. */
interface WaitingWrite {
  write: Write;
  /** Settles when the write (the latest that replaced it) is done. */
  done: Promise<void>;
  /** Issues the write now (once): when the one in flight completes, or when the page is hidden. */
  begin: () => void;
}

/** The writes of one key: the one in flight and the one waiting for it. */
interface KeyWrites {
  inFlight: Promise<void>;
  waiting?: WaitingWrite;
}

/** One connection and one queue of writes per database, shared by every store of the page on it. */
interface Database {
  open: () => Promise<IDBPDatabase>;
  writes: Map<string, KeyWrites>;
}

/**
 * What `load()` promises, loaded once and shared by every caller while it holds. A load that fails is not
 * kept (the next call loads again), nor is one that `load` forgets by calling the `forget` it is given.
 */
function shared<T>(load: (forget: () => void) => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    if (loading) return loading;
    const forget = () => {
      if (loading === current) loading = undefined;
    };
    const current = load(forget);
    current.catch(forget);
    return (loading = current);
  };
}

/** `idb`, loaded by the first database opened (or tried again after its chunk failed to load). */
const loadIdb = shared(() => import('idb'));

const databases = new Map<string, Database>();
/** Whether the page is being hidden or unloaded: writes are issued at once, never left waiting. */
let pageHidden = false;

/** Issues every waiting write now, and the later ones at once, while the page is hidden. */
function handlePageHide() {
  pageHidden = true;
  for (const { writes } of databases.values()) for (const { waiting } of writes.values()) waiting?.begin();
}

function handleVisibilityChange() {
  if (document.visibilityState === 'hidden') handlePageHide();
  else pageHidden = false;
}

function handlePageShow() {
  pageHidden = false;
}

function databaseNamed(name: string): Database {
  const known = databases.get(name);
  if (known) return known;
  if (!databases.size && typeof window !== 'undefined') {
    // Registered before any element's own listeners, so that their last saves are issued at once.
    window.addEventListener('pagehide', handlePageHide);
    window.addEventListener('pageshow', handlePageShow);
    document.addEventListener('visibilitychange', handleVisibilityChange);
  }
  // One connection, opened by the first read or write; one that fails to open is opened again by the next.
  const open = shared((forget) =>
    loadIdb().then(({ openDB }) =>
      openDB(name, 1, {
        upgrade: (created) => void created.createObjectStore(STORE),
        // The browser closed the connection (storage cleared): the next write opens a new one.
        terminated: forget,
      }),
    ),
  );
  const database: Database = { open, writes: new Map() };
  databases.set(name, database);
  return database;
}

type DraftObjectStore = IDBPObjectStore<unknown, [typeof STORE], typeof STORE, 'readwrite'>;

/** A write that runs `request` in a transaction of its own, committed at once (see above). */
const writeOf =
  (request: (store: DraftObjectStore) => Promise<unknown>): Write =>
  async (opened) => {
    const transaction = opened.transaction(STORE, 'readwrite');
    const done = request(transaction.store);
    // Older kernels (Chromium before 76) have no `commit()`: the transaction then commits by itself.
    if (typeof transaction.commit === 'function') transaction.commit();
    await Promise.all([done, transaction.done]);
  };

/** Issues `write` of `key` now; when it completes, the key is free again unless a write waits for it. */
function start({ open, writes }: Database, key: string, write: Write): Promise<void> {
  const inFlight = open().then(write);
  const entry: KeyWrites = { inFlight };
  writes.set(key, entry);
  const release = () => {
    if (writes.get(key) === entry && !entry.waiting) writes.delete(key);
  };
  inFlight.then(release, release);
  return inFlight;
}

/** A write of `key` that waits for `current` to complete (its `write` is set by the caller). */
function waitingFor(database: Database, key: string, current: KeyWrites): WaitingWrite {
  let started = false;
  let resolve!: (result: Promise<void>) => void;
  const waiting: WaitingWrite = {
    write: async () => undefined,
    done: new Promise<void>((settle) => (resolve = settle)),
    begin: () => {
      if (started) return;
      started = true;
      if (current.waiting === waiting) current.waiting = undefined;
      resolve(start(database, key, waiting.write));
    },
  };
  current.waiting = waiting;
  current.inFlight.then(waiting.begin, waiting.begin);
  return waiting;
}

/** Writes now if `key` has no write in flight (or the page is hidden), else after it, replacing any waiting. */
function enqueue(database: Database, key: string, write: Write): Promise<void> {
  const current = database.writes.get(key);
  if (!current) return start(database, key, write);
  const waiting = current.waiting ?? waitingFor(database, key, current);
  waiting.write = write;
  if (pageHidden) waiting.begin();
  return waiting.done;
}

/** Opens (lazily, once per page) the draft store in database `name`. */
export function draftStore(name: string = DRAFT_DB): DraftStore {
  const database = databaseNamed(name);
  return {
    get: async (key) => {
      const pending = database.writes.get(key);
      await (pending?.waiting?.done ?? pending?.inFlight)?.catch(() => undefined);
      return (await database.open()).get(STORE, key);
    },
    set: (key, value) =>
      enqueue(
        database,
        key,
        writeOf((store) => store.put(value, key)),
      ),
    delete: (key) =>
      enqueue(
        database,
        key,
        writeOf((store) => store.delete(key)),
      ),
  };
}

/** Where the attachments of the draft saved under `key` are kept: a record of their own. */
export const draftMediaKey = (key: string): string => `${key}:media`;

/**
 * A draft with attachments (images and videos as Blobs, megabytes each) kept as two records, so that
 * typing stays cheap: the draft without them under `key`, written on every change (a put of a few
 * hundred bytes, well under a millisecond), and its `media` under `draftMediaKey(key)`, written only
 * when the attachments change (a put of 9 MB of images takes about 13 ms, and would be made on every
 * keystroke). A draft saved in one record (before the split) is read as it is.
 */
export class MediaDraft<Draft extends { media: readonly unknown[] }> {
  /** The attachments as last saved (or read), by identity: a draft changed elsewhere keeps the array. */
  private savedMedia?: Draft['media'];

  constructor(
    private readonly store: DraftStore,
    /** The draft's key in the store. */
    readonly key: string,
  ) {}

  /** The saved draft with its attachments, if there is one. */
  async get(): Promise<Draft | undefined> {
    const [draft, media] = await Promise.all([
      this.store.get<Draft>(this.key),
      this.store.get<Draft['media']>(draftMediaKey(this.key)),
    ]);
    if (!draft) return undefined;
    if (!media) return draft;
    this.savedMedia = media;
    return { ...draft, media };
  }

  /** Saves the draft at once (see `DraftStore.set`), and its attachments when they changed. */
  async set(draft: Draft): Promise<void> {
    const writes = [this.store.set(this.key, { ...draft, media: [] })];
    if (draft.media !== this.savedMedia) {
      const { media } = draft;
      this.savedMedia = media;
      const saved = this.store.set(draftMediaKey(this.key), media).catch((error: unknown) => {
        if (this.savedMedia === media) this.savedMedia = undefined; // written again with the next change
        throw error;
      });
      writes.push(saved);
    }
    await Promise.all(writes);
  }

  /** Deletes the draft and its attachments. */
  async delete(): Promise<void> {
    this.savedMedia = undefined;
    await Promise.all([this.store.delete(this.key), this.store.delete(draftMediaKey(this.key))]);
  }
}

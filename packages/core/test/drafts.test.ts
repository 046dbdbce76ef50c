import { expect } from '@open-wc/testing';
import { draftMediaKey, draftStore, MediaDraft } from '../src/drafts.js';
import { framePage, type FramePage } from './frame-page.js';

/** Every read-write transaction the page starts, with when it started and ended. */
interface Write {
  startedAt: number;
  endedAt?: number;
}

/** Records the read-write transactions of the test (the store's writes) until `stop()`. */
function recordWrites() {
  const writes: Write[] = [];
  const original = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const transaction = original.apply(this, args);
    if (args[1] === 'readwrite') {
      const write: Write = { startedAt: performance.now() };
      writes.push(write);
      const end = () => (write.endedAt = performance.now());
      transaction.addEventListener('complete', end);
      transaction.addEventListener('abort', end);
      transaction.addEventListener('error', end);
    }
    return transaction;
  } as IDBDatabase['transaction'];
  return { writes, stop: () => void (IDBDatabase.prototype.transaction = original) };
}

/** The largest number of writes in flight at one time. */
function mostInFlight(writes: Write[]): number {
  return Math.max(
    0,
    ...writes.map(({ startedAt }) => writes.filter((w) => w.startedAt <= startedAt && startedAt < w.endedAt!).length),
  );
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve));
/** Lets the promise callbacks queued so far run (a write is issued once the connection's promise settles). */
const microtasks = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};
const nextFrame = () => new Promise(requestAnimationFrame);

/** A page of its own that has loaded the drafts module, and nothing else yet. */
type DraftsPage = FramePage<{ draftStore: typeof draftStore }>;
const draftsPage = (): Promise<DraftsPage> => framePage(new URL('../src/drafts.ts', import.meta.url).pathname);
/** Whether the page has loaded `idb` (one of its modules). */
const idbLoaded = (page: DraftsPage) =>
  page.window.performance
    .getEntriesByType('resource')
    .some(({ name }) => new URL(name).pathname.includes('/node_modules/idb/'));

/** Creates database `name` at `version` (higher than the draft store's 1) and closes it. */
const createDatabase = (name: string, version: number) =>
  new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onsuccess = () => resolve(request.result.close());
    request.onerror = () => reject(request.error);
  });
const deleteDatabase = (name: string) =>
  new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });

describe('draft store', () => {
  const db = `clienteling-drafts-saver-${Date.now()}`;
  let recorder: ReturnType<typeof recordWrites> | undefined;
  let keys = 0;
  const newKey = () => `draft:${++keys}`;

  beforeEach(async () => {
    // The connection is opened before recording, so that the first write is not its upgrade.
    await draftStore(db).get('warm-up');
    recorder = recordWrites();
  });
  afterEach(() => recorder?.stop());

  it('issues a write at once, in the same task as the change, not after a pause', async () => {
    const key = newKey();
    const saved = draftStore(db).set(key, { text: '会员日' });
    await microtasks();
    expect(recorder!.writes).to.have.length(1);
    await saved;
    expect(await draftStore(db).get(key)).to.deep.equal({ text: '会员日' });
  });

  it('coalesces a burst of changes: the first written at once, then only the latest, after it', async () => {
    const key = newKey();
    const store = draftStore(db);
    const saves = Array.from({ length: 50 }, (_, i) => store.set(key, { text: 'x'.repeat(i + 1) }));
    await Promise.all(saves);
    expect(recorder!.writes).to.have.length(2);
    expect(await store.get(key)).to.deep.equal({ text: 'x'.repeat(50) });
  });

  it('types cheaply: at most one small put a frame, one write of a key in flight, the latest kept', async () => {
    const key = newKey();
    const store = draftStore(db);
    const saves: Promise<void>[] = [];
    const frames: number[] = [];
    for (let i = 1; i <= 30; i++) {
      // A keystroke a frame (as fast as anyone types), each saved at once.
      saves.push(store.set(key, { text: '会员日'.repeat(i) }));
      frames.push(performance.now());
      await nextFrame();
    }
    await Promise.all(saves);
    const { writes } = recorder!;
    expect(mostInFlight(writes)).to.equal(1);
    for (const [i, start] of frames.entries()) {
      const end = frames[i + 1] ?? Infinity;
      const started = writes.filter(({ startedAt }) => startedAt >= start && startedAt < end);
      expect(started.length, `writes started in frame ${i}`).to.be.at.most(1);
    }
    expect(await store.get(key)).to.deep.equal({ text: '会员日'.repeat(30) });
  });

  it('keeps keys apart: a write of one key does not wait for another', async () => {
    const [a, b] = [newKey(), newKey()];
    const store = draftStore(db);
    await Promise.all([store.set(a, 'a'), store.set(b, 'b')]);
    expect(mostInFlight(recorder!.writes)).to.equal(2);
    expect([await store.get(a), await store.get(b)]).to.deep.equal(['a', 'b']);
  });

  it('applies saves and deletions in the order they were made, across store instances of the page', async () => {
    const key = newKey();
    // An old element's last save, the new element's first, then a deletion and a save after it.
    const writes = [
      draftStore(db).set(key, 'old'),
      draftStore(db).set(key, 'new'),
      draftStore(db).delete(key),
      draftStore(db).set(key, 'newest'),
    ];
    expect(await draftStore(db).get(key)).to.equal('newest');
    await Promise.all(writes);
    await Promise.all([draftStore(db).set(key, 'late'), draftStore(db).delete(key)]);
    expect(await draftStore(db).get(key)).to.equal(undefined);
    expect(mostInFlight(recorder!.writes)).to.equal(1);
  });

  it('reads what was set last, even while its write still waits for the one in flight', async () => {
    const key = newKey();
    const store = draftStore(db);
    void store.set(key, 'first');
    void store.set(key, 'second');
    expect(await store.get(key)).to.equal('second');
  });

  it('goes on after a write that fails, and the failure is the caller’s to see', async () => {
    const key = newKey();
    const store = draftStore(db);
    const failed = store.set(key, { notCloneable: () => undefined });
    const next = store.set(key, 'fine');
    let error: unknown;
    await failed.catch((caught: unknown) => (error = caught));
    expect(error).to.be.instanceOf(DOMException);
    await next;
    expect(await store.get(key)).to.equal('fine');
  });

  it('issues a waiting write at once when the page is hidden (on pagehide), not after the one in flight', async () => {
    const key = newKey();
    const store = draftStore(db);
    void store.set(key, 'in flight');
    const waiting = store.set(key, 'typed last');
    await microtasks();
    expect(recorder!.writes).to.have.length(1);
    dispatchEvent(new PageTransitionEvent('pagehide'));
    await microtasks();
    expect(recorder!.writes).to.have.length(2);
    // While hidden, nothing waits.
    void store.set(key, 'on the way out');
    await microtasks();
    expect(recorder!.writes).to.have.length(3);
    dispatchEvent(new PageTransitionEvent('pageshow'));
    await waiting;
    expect(await store.get(key)).to.equal('on the way out');
    await nextTask();
    // Shown again: coalescing again.
    const saves = [store.set(key, 1), store.set(key, 2), store.set(key, 3)];
    await Promise.all(saves);
    expect(recorder!.writes).to.have.length(5);
  });

  it('keeps what a pagehide handler saves when the page reloads (Chromium drops an uncommitted write)', async () => {
    const key = newKey();
    const page = await framePage<{ draftStore: typeof draftStore }>(
      new URL('../src/drafts.ts', import.meta.url).pathname,
    );
    const store = page.module.draftStore(db);
    await store.set(key, 'typed before');
    page.window.addEventListener('pagehide', () => void store.set(key, 'typed last'));
    await page.reload();
    expect(await page.module.draftStore(db).get(key)).to.equal('typed last');
    page.remove();
  });

  it('loads idb with the first draft read or saved, not with the module (no element loads it before)', async () => {
    const page = await draftsPage();
    const store = page.module.draftStore(`${db}-lazy`);
    await nextTask();
    expect(idbLoaded(page), 'idb loaded with the drafts module').to.equal(false);
    expect(await store.get('k')).to.equal(undefined);
    expect(idbLoaded(page), 'idb loaded by the first read').to.equal(true);
    page.remove();
  });

  it('lands the saves made before idb has loaded, in the order they were made', async () => {
    const page = await draftsPage();
    const { draftStore: storeOf } = page.module;
    const name = `${db}-before-idb`;
    const [key, other] = [newKey(), newKey()];
    // A composer's draft restored, typed into, cleared and typed again while idb still loads.
    const writes = [
      storeOf(name).set(key, 'old'),
      storeOf(name).set(other, 'other'),
      storeOf(name).set(key, 'new'),
      storeOf(name).delete(key),
      storeOf(name).set(key, 'newest'),
    ];
    const read = storeOf(name).get(key);
    expect(idbLoaded(page), 'idb loaded before the saves').to.equal(false);
    expect(await read).to.equal('newest');
    await Promise.all(writes);
    expect([await storeOf(name).get(key), await storeOf(name).get(other)]).to.deep.equal(['newest', 'other']);
    page.remove();
    // Committed, not only in the page's queue: another page reads them.
    expect([await draftStore(name).get(key), await draftStore(name).get(other)]).to.deep.equal(['newest', 'other']);
  });

  it('opens the database again on the next save after an open that failed, not failing for ever', async () => {
    const name = `${db}-refused`;
    // A database of that name at a newer version: opening it at version 1 fails (VersionError).
    await createDatabase(name, 2);
    const store = draftStore(name);
    let error: unknown;
    await store.set('k', 'typed while refused').catch((caught: unknown) => (error = caught));
    expect((error as DOMException | undefined)?.name).to.equal('VersionError');
    await deleteDatabase(name);
    await store.set('k', 'typed after');
    expect(await draftStore(name).get('k')).to.equal('typed after');
  });

  it('opens a new connection with the next save after the browser closed the one it had', async () => {
    const name = `${db}-terminated`;
    const store = draftStore(name);
    const opened: IDBDatabase[] = [];
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      const request = open.apply(this, args);
      request.addEventListener('success', () => opened.push(request.result));
      return request;
    };
    try {
      await store.set('k', 'before');
      expect(opened).to.have.length(1);
      // What the browser fires when it closes a connection itself (the site's storage cleared).
      opened[0]!.close();
      opened[0]!.dispatchEvent(new Event('close'));
      await store.set('k', 'after');
      expect(opened).to.have.length(2);
    } finally {
      IDBFactory.prototype.open = open;
    }
    expect(await store.get('k')).to.equal('after');
  });

  it('keeps Blobs, and a draft across store instances (a reload) and from a fresh database', async () => {
    const name = `${db}-fresh`;
    const blob = new Blob(['pixels'], { type: 'image/png' });
    expect(await draftStore(name).get('k')).to.equal(undefined);
    await draftStore(name).set('k', { text: '新品到店', blob });
    const restored = await draftStore(name).get<{ text: string; blob: Blob }>('k');
    expect(restored!.text).to.equal('新品到店');
    expect(await restored!.blob.text()).to.equal('pixels');
  });

  describe('a draft with attachments', () => {
    type Draft = { text: string; media: { id: string; blob: Blob }[] };
    const image = (id: string) => ({ id, blob: new Blob([new Uint8Array(100_000)], { type: 'image/png' }) });

    it('writes the attachments only when they change, not with every keystroke', async () => {
      const key = newKey();
      const saved = new MediaDraft<Draft>(draftStore(db), key);
      const media = [image('m1'), image('m2')];
      const puts: IDBValidKey[] = [];
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        puts.push(args[1]!);
        return put.apply(this, args);
      };
      try {
        for (let i = 1; i <= 10; i++) {
          await saved.set({ text: '新品'.repeat(i), media });
        }
        await saved.set({ text: '新品，换了图', media: [image('m3')] });
      } finally {
        IDBObjectStore.prototype.put = put;
      }
      expect(puts.filter((k) => k === draftMediaKey(key))).to.have.length(2);
      expect(puts.filter((k) => k === key)).to.have.length(11);
      expect(await draftStore(db).get<Draft>(key)).to.deep.equal({ text: '新品，换了图', media: [] });
      const restored = await new MediaDraft<Draft>(draftStore(db), key).get();
      expect(restored!.text).to.equal('新品，换了图');
      expect(restored!.media.map(({ id }) => id)).to.deep.equal(['m3']);
      expect(restored!.media[0]!.blob.size).to.equal(100_000);
    });

    it('reads a draft saved in one record, and saves its attachments apart with the next change', async () => {
      const key = newKey();
      await draftStore(db).set(key, { text: '旧草稿', media: [image('old')] });
      const saved = new MediaDraft<Draft>(draftStore(db), key);
      const draft = (await saved.get())!;
      expect(draft.media.map(({ id }) => id)).to.deep.equal(['old']);
      await saved.set({ ...draft, text: '旧草稿，改了' });
      const restored = await new MediaDraft<Draft>(draftStore(db), key).get();
      expect(restored!.text).to.equal('旧草稿，改了');
      expect(restored!.media.map(({ id }) => id)).to.deep.equal(['old']);
    });

    it('deletes the draft with its attachments, and writes them again after', async () => {
      const key = newKey();
      const saved = new MediaDraft<Draft>(draftStore(db), key);
      const media = [image('m1')];
      await saved.set({ text: 'a', media });
      await saved.delete();
      expect(await saved.get()).to.equal(undefined);
      expect(await draftStore(db).get(draftMediaKey(key))).to.equal(undefined);
      await saved.set({ text: 'b', media });
      expect((await new MediaDraft<Draft>(draftStore(db), key).get())!.media).to.have.length(1);
    });
  });
});

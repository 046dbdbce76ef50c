import { expect } from '@open-wc/testing';
import { DraftSaver, audienceOf, draftStore, type DraftStore } from '../src/draft-store.js';

/** A store that records what it was asked to do. */
const recordingStore = () => {
  const log: string[] = [];
  const data = new Map<string, unknown>();
  const store: DraftStore = {
    get: async <T>(key: string) => data.get(key) as T | undefined,
    set: async (key, value) => {
      log.push(`set ${key} ${JSON.stringify(value)}`);
      data.set(key, value);
    },
    delete: async (key) => {
      log.push(`delete ${key}`);
      data.delete(key);
    },
  };
  return { store, log, data };
};

describe('draft store', () => {
  const db = `clienteling-drafts-test-${Date.now()}`;

  it('keeps a draft with its Blobs in IndexedDB across store instances (a reload)', async () => {
    const blob = new Blob(['pixels'], { type: 'image/png' });
    await draftStore(db).set('moment:a', { text: '新品到店', media: [{ id: 'm1', blob }] });
    const restored = await draftStore(db).get<{ text: string; media: { blob: Blob }[] }>('moment:a');
    expect(restored!.text).to.equal('新品到店');
    expect(restored!.media[0]!.blob).to.be.instanceOf(Blob);
    expect(restored!.media[0]!.blob.type).to.equal('image/png');
    expect(await restored!.media[0]!.blob.text()).to.equal('pixels');
  });

  it('keeps drafts apart by key and deletes one without touching another', async () => {
    const store = draftStore(db);
    await store.set('moment:a', { text: 'a' });
    await store.set('moment:b', { text: 'b' });
    await store.delete('moment:a');
    expect(await store.get('moment:a')).to.equal(undefined);
    expect(await store.get('moment:b')).to.deep.equal({ text: 'b' });
  });

  it('saves only the latest value after a burst of changes (debounced)', async () => {
    const { store, log } = recordingStore();
    const saver = new DraftSaver(store, 20);
    saver.schedule('k', { text: '1' });
    saver.schedule('k', { text: '12' });
    saver.schedule('k', { text: '123' });
    expect(log).to.deep.equal([]);
    await new Promise((r) => setTimeout(r, 60));
    expect(log).to.deep.equal(['set k {"text":"123"}']);
  });

  it('saves at once on flush, and clear drops a pending save and deletes the draft', async () => {
    const { store, log, data } = recordingStore();
    const saver = new DraftSaver(store, 1000);
    saver.schedule('k', { text: 'now' });
    await saver.flush();
    expect(data.get('k')).to.deep.equal({ text: 'now' });
    saver.schedule('k', { text: 'never saved' });
    await saver.clear('k');
    await new Promise((r) => setTimeout(r, 20));
    expect(data.has('k')).to.equal(false);
    expect(log).to.deep.equal(['set k {"text":"now"}', 'delete k']);
  });

  it('survives a store that fails (private mode, quota) without breaking later saves', async () => {
    let fail = true;
    const saved: unknown[] = [];
    const saver = new DraftSaver({
      get: async () => undefined,
      set: async (_k, v) => {
        if (fail) throw new Error('QuotaExceededError');
        saved.push(v);
      },
      delete: async () => undefined,
    });
    saver.schedule('k', 1);
    await saver.flush();
    fail = false;
    saver.schedule('k', 2);
    await saver.flush();
    expect(saved).to.deep.equal([2]);
  });

  it('turns the chosen tags into an audience', () => {
    expect(audienceOf({})).to.deep.equal({ type: 'all' });
    expect(audienceOf({ tagIds: [] })).to.equal(undefined);
    expect(audienceOf({ tagIds: ['t1'] })).to.deep.equal({ type: 'tags', tagIds: ['t1'] });
  });
});

import { expect } from '@open-wc/testing';
import { audienceOf, draftStore } from '../src/draft-store.js';

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

  it('applies saves in the order they were made, so an older one never wins', async () => {
    const store = draftStore(db);
    // Not awaited on purpose: a debounced save, then the one on `pagehide`, then the clear after publication.
    const writes = [store.set('moment:c', { text: 'old' }), store.set('moment:c', { text: 'new' })];
    await Promise.all(writes);
    expect(await store.get('moment:c')).to.deep.equal({ text: 'new' });
    await Promise.all([store.set('moment:c', { text: 'late' }), store.delete('moment:c')]);
    expect(await store.get('moment:c')).to.equal(undefined);
  });

  it('opens its database once, lazily, and works from a fresh page too', async () => {
    const name = `${db}-fresh`;
    const store = draftStore(name);
    expect(await store.get('nothing')).to.equal(undefined);
    await store.set('k', 1);
    expect(await draftStore(name).get('k')).to.equal(1);
  });

  it('turns the chosen tags into an audience', () => {
    expect(audienceOf({})).to.deep.equal({ type: 'all' });
    expect(audienceOf({ tagIds: [] })).to.equal(undefined);
    expect(audienceOf({ tagIds: ['t1'] })).to.deep.equal({ type: 'tags', tagIds: ['t1'] });
  });
});

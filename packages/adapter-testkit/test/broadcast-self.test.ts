/**
 * The broadcast cases can fail: adapters (built on adapter-local) that count the cap in UTC instead of
 * the store's time zone, or page recipients by offset, fail the cases that check exactly that.
 */
import { expect } from '@open-wc/testing';
import { broken, failuresIn, local } from './self-kit.js';

describe('adapter-testkit broadcasts', () => {
  it('a healthy adapter passes every broadcast case', async function () {
    this.timeout(120_000);
    expect(await failuresIn('broadcasts', local)).to.deep.equal([]);
  });

  it('an adapter that counts the cap in UTC, or pages recipients by offset, fails the broadcast cases', async function () {
    this.timeout(120_000);
    const utc = await failuresIn('broadcasts', (ctx) =>
      local({ ...ctx, dataset: { ...ctx.dataset, policy: { ...ctx.dataset.policy, timeZone: 'UTC' } } }),
    );
    expect(utc).to.include.members([
      'the daily cap turns over at local midnight, not a minute before',
      'a weekly cap of two counts from Monday 00:00 local',
      'a monthly cap counts the local calendar month',
    ]);
    expect(utc).not.to.include(
      'createBroadcast once per request id: a replay answers the same broadcast, another payload is a conflict',
    );
    const byOffset = await failuresIn('broadcasts', (ctx) => {
      const base = local(ctx);
      return broken(base, {
        // A cursor that is the next offset, counted from a page one short: every page repeats a recipient.
        listBroadcastRecipients: async ({ cursor, limit = 50, ...input }) => {
          const offset = cursor ? Number(cursor) : 0;
          const all = await base.listBroadcastRecipients({ ...input, limit: 200 });
          const items = all.items.slice(offset, offset + limit);
          const next = offset + limit - 1;
          return { items, nextCursor: next + 1 < all.items.length && items.length === limit ? String(next) : null };
        },
      });
    });
    expect(byOffset).to.include(
      'listBroadcastRecipients pages by name then id, filters by status, without duplicates or gaps',
    );
    expect(byOffset).not.to.include('a monthly cap counts the local calendar month');
  });
});

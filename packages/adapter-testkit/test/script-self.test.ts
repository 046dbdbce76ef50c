/**
 * The script cases can fail: adapters (built on adapter-local) that order the library without the use
 * counts, page it by offset, ignore the request id or let a company script change fail the cases that
 * check exactly that, and a healthy adapter passes every script case.
 */
import { expect } from '@open-wc/testing';
import { AdapterError, createRequestId, type Script } from '@clienteling/core';
import { conformanceCases } from '../src/index.js';
import { broken, failuresIn, local } from './self-kit.js';

const ORDER = "listScripts: the company's and the associate's own, most used by her first, then newest, then by id";
const KEYSET = 'listScripts pages by keyset: a script moving up meanwhile is not shown twice';
const ONCE = 'createScript makes an own script once: a replay answers it, another payload conflicts';
const OWN_ONLY = 'only the associate’s own scripts change: a company script is forbidden, a colleague’s not found';

describe('adapter-testkit script cases', () => {
  it('registers nine cases in the scripts area, and a healthy adapter passes them all', async function () {
    this.timeout(60_000);
    const names = conformanceCases({ name: 'x', create: local })
      .filter((c) => c.group === 'scripts')
      .map((c) => c.name);
    expect(names).to.have.length(9);
    expect(names).to.include.members([ORDER, KEYSET, ONCE, OWN_ONLY]);
    expect(await failuresIn('scripts', local)).to.deep.equal([]);
  });

  it('an adapter ordering by the newest change alone fails the order case', async function () {
    this.timeout(60_000);
    const failed = await failuresIn('scripts', (ctx) => {
      const base = local(ctx);
      return broken(base, {
        listScripts: async (input) => {
          const page = await base.listScripts(input);
          const byChange = (a: Script, b: Script) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt);
          return { ...page, items: [...page.items].sort(byChange) };
        },
      });
    });
    expect(failed).to.include(ORDER);
  });

  it('an adapter paging by offset fails the keyset case only', async function () {
    this.timeout(60_000);
    const failed = await failuresIn('scripts', (ctx) => {
      const base = local(ctx);
      return broken(base, {
        listScripts: async ({ cursor, limit = 50, ...filters }) => {
          const all = (await base.listScripts({ ...filters, limit: 100 })).items;
          const offset = cursor ? Number(cursor) : 0;
          if (Number.isNaN(offset)) throw new AdapterError('invalid', 'Unknown cursor', { field: 'cursor' });
          const items = all.slice(offset, offset + limit);
          return { items, nextCursor: offset + limit < all.length ? String(offset + limit) : null };
        },
      });
    });
    expect(failed).to.deep.equal([KEYSET]);
  });

  it('an adapter ignoring the request id fails the once case', async function () {
    this.timeout(60_000);
    const failed = await failuresIn('scripts', (ctx) => {
      const base = local(ctx);
      return broken(base, {
        createScript: (input) => base.createScript({ ...input, requestId: createRequestId() }),
      });
    });
    expect(failed).to.include(ONCE);
    expect(failed).not.to.include(KEYSET);
  });

  it('an adapter letting a company script change fails the own-only case', async function () {
    this.timeout(60_000);
    const failed = await failuresIn('scripts', ({ dataset, clock }) =>
      // Every script is the associate's own: updating and deleting "company" scripts succeeds.
      local({
        dataset: {
          ...dataset,
          scripts: dataset.scripts?.map((script) =>
            script.scope === 'company' ? { ...script, scope: 'own' as const, ownerId: 'st-me' } : script,
          ),
        },
        clock,
      }),
    );
    expect(failed).to.include(OWN_ONLY);
  });
});

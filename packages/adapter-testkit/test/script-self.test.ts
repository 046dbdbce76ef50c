/**
 * The script cases can fail: adapters (built on adapter-local) that order the library without the use
 * counts, page it by offset, ignore the request id or let a company script change fail the cases that
 * check exactly that, and a healthy adapter passes every script case.
 */
import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { AdapterError, createRequestId, type ClientelingAdapter, type Script } from '@clienteling/core';
import { createLocalAdapter, type LocalAdapter } from '@clienteling/adapter-local';
import { conformanceCases, type ConformanceContext, type ConformanceOptions } from '../src/index.js';

let n = 0;
const dbNames = new WeakMap<object, string>();
const local = ({ dataset, clock }: ConformanceContext): LocalAdapter => {
  const dbName = `script-selftest-${Date.now()}-${++n}`;
  const adapter = createLocalAdapter({ dbName, dataset, clock: () => clock.now() });
  dbNames.set(adapter, dbName);
  return adapter;
};
const reset = async (adapter: ClientelingAdapter) => {
  const base = (adapter as { base?: LocalAdapter }).base ?? (adapter as LocalAdapter);
  base.close();
  await deleteDB(dbNames.get(base)!);
};
/** An adapter that behaves like `base` except for `overrides`. */
const broken = (base: LocalAdapter, overrides: Partial<ClientelingAdapter>): ClientelingAdapter =>
  new Proxy(base, {
    get: (target, prop) =>
      prop === 'base'
        ? target
        : prop in overrides
          ? overrides[prop as keyof ClientelingAdapter]
          : Reflect.get(target, prop),
  });

/** Runs the script cases against `create` and returns the names of those that failed. */
async function scriptFailures(create: ConformanceOptions['create']): Promise<string[]> {
  const failed: string[] = [];
  for (const c of conformanceCases({ name: 'self-test', create, reset }).filter((c) => c.group === 'scripts')) {
    try {
      await c.run();
    } catch {
      failed.push(c.name);
    }
  }
  return failed;
}

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
    expect(await scriptFailures(local)).to.deep.equal([]);
  });

  it('an adapter ordering by the newest change alone fails the order case', async function () {
    this.timeout(60_000);
    const failed = await scriptFailures((ctx) => {
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
    const failed = await scriptFailures((ctx) => {
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
    const failed = await scriptFailures((ctx) => {
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
    const failed = await scriptFailures(({ dataset, clock }) =>
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

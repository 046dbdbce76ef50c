/**
 * What the testkit's self-tests share: adapter-local adapters in databases of their own, adapters
 * deliberately broken in one operation, and the names of the cases an adapter fails.
 */
import { deleteDB } from 'idb';
import type { ClientelingAdapter } from '@clienteling/core';
import { createLocalAdapter, type LocalAdapter } from '@clienteling/adapter-local';
import { conformanceCases, type ConformanceContext, type ConformanceOptions } from '../src/index.js';

let n = 0;
const dbNames = new WeakMap<object, string>();

/** A healthy adapter-local on the case's dataset and clock, in a database of its own. */
export const local = ({ dataset, clock }: ConformanceContext): LocalAdapter => {
  const dbName = `selftest-${Date.now()}-${++n}`;
  const adapter = createLocalAdapter({ dbName, dataset, clock: () => clock.now() });
  dbNames.set(adapter, dbName);
  return adapter;
};

/** The database of an adapter made by {@link local} (another adapter on it sees the same data). */
export const dbNameOf = (adapter: LocalAdapter): string => dbNames.get(adapter)!;

/** Closes and deletes the database of `adapter` (or of the adapter a broken one wraps). */
export const reset = async (adapter: ClientelingAdapter) => {
  const base = (adapter as { base?: LocalAdapter }).base ?? (adapter as LocalAdapter);
  base.close();
  await deleteDB(dbNames.get(base)!);
};

/** An adapter that behaves like `base` except for `overrides`. */
export const broken = (base: LocalAdapter, overrides: Partial<ClientelingAdapter>): ClientelingAdapter =>
  new Proxy(base, {
    get: (target, prop) =>
      prop === 'base'
        ? target
        : prop in overrides
          ? overrides[prop as keyof ClientelingAdapter]
          : Reflect.get(target, prop),
  });

/** Runs every case against `create` and returns the names of those that failed. */
export const failures = (create: ConformanceOptions['create']) => failuresIn(undefined, create);

/** Runs the cases of one area (every area when undefined) against `create`: the names of those that failed. */
export async function failuresIn(group: string | undefined, create: ConformanceOptions['create']): Promise<string[]> {
  const failed: string[] = [];
  const cases = conformanceCases({ name: 'self-test', create, reset }).filter((c) => !group || c.group === group);
  for (const c of cases) {
    try {
      await c.run();
    } catch {
      failed.push(c.name);
    }
  }
  return failed;
}

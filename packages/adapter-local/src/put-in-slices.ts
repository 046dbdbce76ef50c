/**
 * Puts many records into a store of one readwrite transaction in slices, so that the page gets a turn
 * between them: the seed's fill (fill.ts) and the tasks the task rules find (local-adapter.ts).
 */
import { unwrap, type IDBPTransaction } from 'idb';
import type { LocalSchema, Name } from './schema.js';

/**
 * How long a slice of puts may run before the page gets a turn, in ms: a put clones its record and
 * updates the store's indexes, a fraction of a millisecond each on a phone, so a slice holds a few
 * dozen records there and a few hundred on a laptop.
 */
const SLICE_MS = 8;

/** Resolves in the request's success callback, where the transaction still accepts requests. */
const settled = (request: IDBRequest) =>
  new Promise<void>((resolve, reject) => {
    request.addEventListener('success', () => resolve());
    request.addEventListener('error', () => reject(request.error));
  });

/**
 * Puts `records` into `name` in slices of {@link SLICE_MS}, each slice in a task of its own (the next
 * starts in the success callback of the last put of the one before); resolves when the last one is stored.
 */
export async function putInSlices<S extends Name[]>(
  tx: IDBPTransaction<LocalSchema, S, 'readwrite'>,
  name: S[number],
  records: readonly unknown[],
): Promise<void> {
  const store = unwrap(tx.objectStore(name)); // raw requests: no promise per record
  let next = 0;
  while (next < records.length) {
    const sliceEnd = performance.now() + SLICE_MS;
    let last: IDBRequest;
    do last = store.put(records[next++]);
    while (next < records.length && performance.now() < sliceEnd);
    await settled(last);
  }
}

/**
 * Rules that every backend of the contract shares (the default adapter, the reference server, a
 * retailer's own): keyset paging and who can be reached. Elements never need them, so they live in
 * their own entry, `@clienteling/core/backend.js`.
 */
import { AdapterError } from './errors.js';
import type { Customer, Page } from './schemas.js';

/** A sort key: a time (newest first) or a name (zh-CN collation), then the id. */
export type SortKey = [number | string, string];

// Created on first use: building a zh-CN collator costs tens of milliseconds on a phone, too much
// for the moment a page loads this module.
let collator: Intl.Collator | undefined;
const compareNames = (a: string, b: string): number => (collator ??= new Intl.Collator('zh-CN')).compare(a, b);

export const compareKeys = (a: SortKey, b: SortKey): number => {
  const first = typeof a[0] === 'number' ? (b[0] as number) - a[0] : compareNames(a[0], b[0] as string);
  return first || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
};

/** The key of "newest first" lists: the time, then the id. */
export const newest = (iso: string, id: string): SortKey => [Date.parse(iso), id];

/**
 * Sorts `items` and returns the page after `cursor`. The cursor is the sort key of the last item
 * returned (not an offset), so items added meanwhile never shift the next page.
 */
export function paginate<T>(
  items: T[],
  keyOf: (item: T) => SortKey,
  { cursor, limit = 50 }: { cursor?: string | null; limit?: number },
): Page<T> & { total: number } {
  const keyed = items.map((item) => ({ item, key: keyOf(item) })).sort((a, b) => compareKeys(a.key, b.key));
  let start = 0;
  if (cursor) {
    let after: SortKey;
    try {
      after = JSON.parse(cursor) as SortKey;
      if (!Array.isArray(after) || after.length !== 2) throw new Error();
    } catch {
      throw new AdapterError('invalid', 'Unknown cursor', { field: 'cursor' });
    }
    while (start < keyed.length && compareKeys(keyed[start]!.key, after) <= 0) start++;
  }
  const slice = keyed.slice(start, start + limit);
  const more = start + limit < keyed.length;
  return {
    items: slice.map((k) => k.item),
    nextCursor: more ? JSON.stringify(slice[slice.length - 1]!.key) : null,
    total: items.length,
  };
}

/** The rule tag of customers who removed the associate: coupons and posts cannot reach them. */
export const UNREACHABLE_TAG_ID = 'rt-unreachable';

export const isUnreachable = (customer: Pick<Customer, 'ruleTagIds'>): boolean =>
  customer.ruleTagIds.includes(UNREACHABLE_TAG_ID);

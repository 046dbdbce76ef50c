/**
 * Days of the timeline: which calendar day (in the store's time zone) an entry belongs to, and the
 * rows of the list, a day header before the first entry of each day. Free of Lit and of the DOM.
 */
import type { ActivityKind, CustomerActivity } from '@clienteling/core';

/** The choices of the kind filter, each with the activity kinds it shows (`all`: every kind). */
export const TIMELINE_FILTERS = {
  all: undefined,
  notes: ['note'],
  tags: ['tags-changed'],
  coupons: ['coupon-issued', 'coupon-redeemed'],
  moments: ['moment-sent'],
  groups: ['joined-group', 'left-group'],
  purchases: ['purchase'],
  profile: ['profile-updated'],
  added: ['added'],
  transferred: ['transferred'],
} as const satisfies Record<string, readonly ActivityKind[] | undefined>;

/** A choice of the kind filter: `all`, `notes`, `tags`, `coupons`, `moments`, `groups`, `purchases`… */
export type TimelineFilter = keyof typeof TIMELINE_FILTERS;

/** The filter choices in the order they are offered. */
export const TIMELINE_FILTER_NAMES = Object.keys(TIMELINE_FILTERS) as TimelineFilter[];

/** Heights of a day header and of an entry until the element measured its rows (its CSS defaults). */
export const DEFAULT_DAY_HEIGHT = 40;
export const DEFAULT_ENTRY_HEIGHT = 88;

/** One row of the list: a day header, or an entry (a saved activity, or a note being saved). */
export type TimelineRow =
  | { type: 'day'; key: string; day: string }
  | { type: 'entry'; key: string; activity: CustomerActivity; pending: boolean };

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` of `time` in `timeZone`. */
export function dayKey(time: string | number | Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(typeof time === 'string' ? Date.parse(time) : time);
}

/** The day before `day` (`YYYY-MM-DD`). */
export function dayBefore(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date - 1)).toISOString().slice(0, 10);
}

/** Day keys of activities, by time zone and activity: the same activity is placed once. */
const dayCache = new Map<string, WeakMap<CustomerActivity, string>>();

function dayOf(activity: CustomerActivity, timeZone: string): string {
  let byActivity = dayCache.get(timeZone);
  if (!byActivity) dayCache.set(timeZone, (byActivity = new WeakMap()));
  let day = byActivity.get(activity);
  if (day === undefined) byActivity.set(activity, (day = dayKey(activity.at, timeZone)));
  return day;
}

/**
 * The rows of the list: the entries newest first, as given, with a day header before the first
 * entry of each day. `pending` entries (a note being saved) come first.
 */
export function timelineRows(
  pending: readonly CustomerActivity[],
  saved: readonly CustomerActivity[],
  timeZone: string,
): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let lastDay = '';
  const add = (activity: CustomerActivity, isPending: boolean) => {
    const day = dayOf(activity, timeZone);
    if (day !== lastDay) {
      rows.push({ type: 'day', key: `day:${day}`, day });
      lastDay = day;
    }
    rows.push({ type: 'entry', key: activity.id, activity, pending: isPending });
  };
  for (const activity of pending) add(activity, true);
  for (const activity of saved) add(activity, false);
  return rows;
}

/**
 * The loaded activities with a next page appended, never one twice: a keyset page starts after
 * the last entry seen, but a refresh may overlap the pages already shown.
 */
export function appendNew(loaded: readonly CustomerActivity[], page: readonly CustomerActivity[]): CustomerActivity[] {
  const seen = new Set(loaded.map((activity) => activity.id));
  return loaded.concat(page.filter((activity) => !seen.has(activity.id)));
}

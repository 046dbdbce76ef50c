// The times a task list counts with, in the store's time zone: when a snooze ends, how late a task
// is, and the wall time of a `datetime-local` input.
import { dayKey, nextMidnight, startOfDay, wallTimeIn } from '@clienteling/core/wall-time.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The snoozes the list offers: a few hours on, tomorrow morning, next Monday morning. */
export type SnoozeChoice = 'later-today' | 'tomorrow' | 'next-week';
export const SNOOZE_CHOICES: readonly SnoozeChoice[] = ['later-today', 'tomorrow', 'next-week'];

/** How many hours "later today" is. */
export const LATER_TODAY_HOURS = 3;
/** The hour of the store's day a snooze to another day ends at (9:00). */
export const MORNING_HOUR = 9;

/** The calendar day `days` after `day` (`YYYY-MM-DD`). */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** The instant of `hour`:`minute` on `day` in `timeZone`. */
export function wallInstant(day: string, hour: number, minute: number, timeZone: string): Date {
  const midnight = startOfDay(day, timeZone);
  const guess = new Date(midnight.getTime() + hour * HOUR + minute * 60_000);
  // A day with a change of offset (daylight saving): correct by how far the wall time drifted.
  const [wallHour, wallMinute] = wallTime(guess, timeZone).slice(11).split(':').map(Number) as [number, number];
  const drift = (wallHour - hour) * HOUR + (wallMinute - minute) * 60_000;
  return dayKey(guess, timeZone) === day ? new Date(guess.getTime() - drift) : guess;
}

/**
 * When a snooze chosen at `now` ends: `later-today` in {@link LATER_TODAY_HOURS} hours (undefined
 * when that is on the next day), `tomorrow` at 9:00, `next-week` on the next Monday at 9:00.
 */
export function snoozeUntil(choice: SnoozeChoice, now: Date, timeZone: string): Date | undefined {
  const today = dayKey(now, timeZone);
  switch (choice) {
    case 'later-today': {
      const later = new Date(now.getTime() + LATER_TODAY_HOURS * HOUR);
      return later < nextMidnight(now, timeZone) ? later : undefined;
    }
    case 'tomorrow':
      return wallInstant(addDays(today, 1), MORNING_HOUR, 0, timeZone);
    case 'next-week': {
      const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
      return wallInstant(addDays(today, (8 - weekday) % 7 || 7), MORNING_HOUR, 0, timeZone);
    }
  }
}

/** Whole days from `at`'s day to `now`'s day in `timeZone` (0 the same day, 1 yesterday…). */
export function daysSince(at: string, now: Date, timeZone: string): number {
  return Math.round((Date.parse(dayKey(now, timeZone)) - Date.parse(dayKey(new Date(at), timeZone))) / DAY);
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** `date` as `YYYY-MM-DDTHH:mm` on the wall clock of `timeZone`: a `datetime-local` value. */
export function wallTime(date: Date, timeZone: string): string {
  const { hour, minute } = wallTimeIn(date, timeZone);
  return `${dayKey(date, timeZone)}T${twoDigits(hour)}:${twoDigits(minute)}`;
}

/** The instant of a `datetime-local` value read on the wall clock of `timeZone`; undefined when it is not one. */
export function fromWallTime(value: string, timeZone: string): Date | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return undefined;
  return wallInstant(match[1]!, Number(match[2]), Number(match[3]), timeZone);
}

/**
 * Pure helpers of the profile: the countdown to an important date, and the initials of a name.
 * Free of Lit and of the DOM, so they are tested and reused on their own.
 */
import { nextBirthday } from '@clienteling/core/wall-time.js';

/**
 * Days from `today` (`YYYY-MM-DD`, the store's calendar day) until the next time a yearly date
 * (`MM-DD` or `YYYY-MM-DD`; the year is ignored) comes round: 0 on the day itself, 1 the day before.
 * When it comes round is the task rules' (`nextBirthday` of core): a 29 February date on 28 February
 * in years without one.
 */
export function daysUntilNext(date: string, today: string): number {
  return Math.round((Date.parse(nextBirthday(date, today)) - Date.parse(today)) / 86_400_000);
}

/** The month and day of a yearly date (`MM-DD` or `YYYY-MM-DD`), as a UTC date of a leap year (for formatting). */
export function monthDayDate(date: string): Date {
  const [month, day] = date.slice(-5).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(2000, month - 1, day));
}

/** What the avatar shows without a picture: the first character of the name (the whole of a Chinese surname). */
export function initials(name: string): string {
  const trimmed = name.trim();
  const [first = ''] = Array.from(trimmed);
  return /[a-z]/i.test(first) ? first.toUpperCase() : first;
}

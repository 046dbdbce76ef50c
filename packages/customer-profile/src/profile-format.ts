/**
 * Pure helpers of the profile: the countdown to an important date, and the initials of a name.
 * Free of Lit and of the DOM, so they are tested and reused on their own.
 */

/** `YYYY-MM-DD` as a UTC day number (days since 1970-01-01). */
const dayNumber = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / 86_400_000;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * Days from `today` (`YYYY-MM-DD`, the store's calendar day) until the next time a yearly date
 * (`MM-DD` or `YYYY-MM-DD`; the year is ignored) comes round: 0 on the day itself, 1 the day before.
 * A 29 February date comes round on 28 February in years without one.
 */
export function daysUntilNext(date: string, today: string): number {
  const [monthDay = ''] = /\d\d-\d\d$/.exec(date) ?? [];
  const month = Number(monthDay.slice(0, 2));
  const day = Number(monthDay.slice(3));
  const [year, todayMonth, todayDay] = today.split('-').map(Number) as [number, number, number];
  const start = dayNumber(year, todayMonth, todayDay);
  const occurrence = (inYear: number) =>
    dayNumber(inYear, month, month === 2 && day === 29 && !isLeapYear(inYear) ? 28 : day);
  const thisYear = occurrence(year);
  return thisYear >= start ? thisYear - start : occurrence(year + 1) - start;
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

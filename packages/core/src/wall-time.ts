/**
 * Calendar days and wall-clock time in a store's time zone, a module of its own: elements word dates
 * ("今天", "生日还有 3 天") on their first render without the platform's other rules (rules.ts and
 * task-rules.ts re-export these).
 */

const DAY = 86_400_000;

/** The wall-clock time of an instant in a time zone, second by second. */
export type WallTime = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;

/**
 * Zones whose offset from UTC (in minutes) has not changed since 2000, without daylight saving: the
 * stores' usual zones. Their wall time is arithmetic, which spares a phone the first
 * `Intl.DateTimeFormat` with a time zone: about 100 ms at 4x CPU throttling while ICU loads its zone
 * data, a long task on the first screen. A test checks every entry against `Intl` from 2000 to 2040.
 */
export const FIXED_OFFSET_ZONES: ReadonlyMap<string, number> = new Map([
  ['Asia/Shanghai', 480],
  ['Asia/Hong_Kong', 480],
  ['Asia/Macau', 480],
  ['Asia/Taipei', 480],
  ['Asia/Singapore', 480],
  ['Asia/Kuala_Lumpur', 480],
  ['Asia/Tokyo', 540],
  ['Asia/Seoul', 540],
  ['UTC', 0],
  ['Etc/UTC', 0],
]);
const FIXED_SINCE = Date.UTC(2000, 0, 1);

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time of `date` in `timeZone` (an IANA name). */
export function wallTimeIn(date: Date, timeZone: string): WallTime {
  const fixedOffset = FIXED_OFFSET_ZONES.get(timeZone);
  if (fixedOffset !== undefined && date.getTime() >= FIXED_SINCE) {
    const wall = new Date(date.getTime() + fixedOffset * 60_000);
    return {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
      second: wall.getUTCSeconds(),
    };
  }
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(date)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return parts as WallTime;
}

/** The calendar day of `date` in `timeZone`, as `YYYY-MM-DD`. */
export function dayKey(date: Date, timeZone: string): string {
  const { year, month, day } = wallTimeIn(date, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first instant of the calendar day `day` (`YYYY-MM-DD`) in `timeZone`. */
export function startOfDay(day: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const wallMidnight = Date.UTC(year, month - 1, date);
  // The zone's offset at an instant: its wall time read as UTC, minus the instant.
  const offsetAt = (instant: number) => {
    const wall = wallTimeIn(new Date(instant), timeZone);
    const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
    return wallAsUtc - Math.floor(instant / 1000) * 1000;
  };
  // Twice: the offset at midnight may differ from the offset at the first guess (daylight saving).
  return new Date(wallMidnight - offsetAt(wallMidnight - offsetAt(wallMidnight)));
}

/** The first instant of the calendar day after `date`'s, in `timeZone`. */
export function nextMidnight(date: Date, timeZone: string): Date {
  const wall = wallTimeIn(date, timeZone);
  // Offset of the zone at `date`: local wall time read as UTC, minus the real instant.
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const offset = wallAsUtc - Math.floor(date.getTime() / 1000) * 1000;
  const midnightWall = Date.UTC(wall.year, wall.month - 1, wall.day + 1);
  const guess = new Date(midnightWall - offset);
  // Correct once for a change of offset (daylight saving) between now and midnight.
  const guessWall = wallTimeIn(guess, timeZone);
  const guessAsUtc = Date.UTC(
    guessWall.year,
    guessWall.month - 1,
    guessWall.day,
    guessWall.hour,
    guessWall.minute,
    guessWall.second,
  );
  const drift = guessAsUtc - midnightWall;
  return new Date(guess.getTime() - drift);
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The next birthday on or after `today` (`YYYY-MM-DD`), from `MM-DD` or `YYYY-MM-DD` (29 Feb: the 28th otherwise). */
export function nextBirthday(date: string, today: string): string {
  const monthDay = date.slice(-5);
  const on = (year: number) => `${year}-${monthDay === '02-29' && !isLeap(year) ? '02-28' : monthDay}`;
  const year = Number(today.slice(0, 4));
  return on(year) >= today ? on(year) : on(year + 1);
}

/** Whole calendar days from `now`'s day to `day` in `timeZone` (0 today, 1 tomorrow…): "生日还有 3 天". */
export function daysUntil(day: string, now: Date, timeZone: string): number {
  return Math.round((Date.parse(day) - Date.parse(dayKey(now, timeZone))) / DAY);
}

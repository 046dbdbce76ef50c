/**
 * Pure helpers of the results: the days of a period in the store's calendar, the comparison of a figure
 * with the previous period, and numbers for the locale (万 in Chinese, K/M in English; money in fen shown
 * in yuan). Free of Lit and of the DOM, so they are tested and reused on their own.
 */
import { dayKey } from '@clienteling/core/wall-time.js';

/** The periods the switcher offers: today, the last 7 or 30 days (today included), or a range of days. */
export type ResultsPeriod = 'today' | '7d' | '30d' | 'custom';
export const RESULTS_PERIODS: readonly ResultsPeriod[] = ['today', '7d', '30d', 'custom'];

/** The longest custom range, in days (a year and a day: a leap year fits). */
export const MAX_RANGE_DAYS = 366;

/** A range of calendar days, both included (`YYYY-MM-DD`). */
export interface DayRange {
  from: string;
  to: string;
}

const DAY = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar day `days` after `day` (`YYYY-MM-DD`; negative for before). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** How many days `range` holds, both ends included. */
export function rangeLength({ from, to }: DayRange): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1;
}

/** Whether `value` is a real calendar day written `YYYY-MM-DD`. */
export const isDay = (value: string): boolean =>
  DAY_PATTERN.test(value) && !Number.isNaN(Date.parse(value)) && addDays(value, 0) === value;

/** The days of a preset period ending today in `timeZone`; for `custom`, the range given. */
export function periodRange(period: ResultsPeriod, now: Date, timeZone: string, custom?: DayRange): DayRange {
  const today = dayKey(now, timeZone);
  switch (period) {
    case 'today':
      return { from: today, to: today };
    case '7d':
      return { from: addDays(today, -6), to: today };
    case '30d':
      return { from: addDays(today, -29), to: today };
    case 'custom':
      return custom ?? { from: addDays(today, -6), to: today };
  }
}

/** What is wrong with a custom range, if anything. */
export type RangeProblem = 'missing' | 'reversed' | 'future' | 'too-long';

/** Why a custom range cannot be asked for (`today` is the store's calendar day), or undefined when it can. */
export function rangeProblem(range: Partial<DayRange>, today: string): RangeProblem | undefined {
  const { from = '', to = '' } = range;
  if (!isDay(from) || !isDay(to)) return 'missing';
  if (from > to) return 'reversed';
  if (to > today) return 'future';
  if (rangeLength({ from, to }) > MAX_RANGE_DAYS) return 'too-long';
  return undefined;
}

/** How a figure compares with the same figure in the previous period. */
export type Comparison =
  /** Both periods at zero, or the same value. */
  | { direction: 'same' }
  /** Nothing in the previous period: a change cannot be a percentage. */
  | { direction: 'new' }
  /** Up or down: by `percent` (a count, an amount: relative) or by `points` (a rate: percentage points). */
  | { direction: 'up' | 'down'; percent?: number; points?: number };

/**
 * The change of a count or an amount from `previous` to `current`, in percent of `previous`
 * (rounded to a whole percent, or to one decimal under 10%).
 */
export function compareAmounts(current: number, previous: number): Comparison {
  if (current === previous) return { direction: 'same' };
  if (previous === 0) return { direction: 'new' };
  const percent = roundChange((Math.abs(current - previous) / previous) * 100);
  if (percent === 0) return { direction: 'same' };
  return { direction: current > previous ? 'up' : 'down', percent };
}

/** The change of a rate (0 to 1) from `previous` to `current`, in percentage points. */
export function compareRates(current: number, previous: number): Comparison {
  const points = roundChange(Math.abs(current - previous) * 100);
  if (points === 0) return { direction: 'same' };
  return { direction: current > previous ? 'up' : 'down', points };
}

/** One decimal under 10, whole above: 3.4, 12, 250. */
const roundChange = (value: number) => (value < 10 ? Math.round(value * 10) / 10 : Math.round(value));

/* ---------------------------------------------------------------- numbers for the locale */

/** Counts from this size on are shortened: 12.3万 in Chinese, 12.3K in English. */
export const COMPACT_FROM = 10_000;

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

const compact: Intl.NumberFormatOptions = { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 };

/** A count for a figure: 9,876 in full; from 10,000 on 12.3万 (zh-CN) or 12.3K (en). */
export function formatCount(value: number, locale: string): string {
  return numberFormat(locale, value >= COMPACT_FROM ? compact : {}).format(value);
}

/** A count in full (the table of a chart): 123,456. */
export function formatFullCount(value: number, locale: string): string {
  return numberFormat(locale, {}).format(value);
}

const yuan: Intl.NumberFormatOptions = { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' };

/**
 * An amount in fen (分) for a figure, in whole yuan: ¥8,765; from ¥10,000 on ¥12.3万 (zh-CN) or
 * ¥12.3K (en). Amounts under a yuan keep their fen (¥0.50).
 */
export function formatMoney(fen: number, locale: string): string {
  const amount = fen / 100;
  if (amount >= COMPACT_FROM) return numberFormat(locale, { ...yuan, ...compact }).format(amount);
  return formatFullMoney(fen, locale);
}

/** An amount in fen in full yuan (the table of a chart): ¥123,456; under a yuan with its fen. */
export function formatFullMoney(fen: number, locale: string): string {
  const digits = Math.abs(fen) < 100 && fen !== 0 ? 2 : 0;
  return numberFormat(locale, { ...yuan, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    fen / 100,
  );
}

/** A rate (0 to 1) as a percentage with at most one decimal: 16%, 3.5%. */
export function formatRate(rate: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** A change in percent or points, without a sign (the arrow or the words say which way): 12%, 3.4. */
export function formatChange(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

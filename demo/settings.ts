// The demo pages' language and theme switches, remembered across reloads and put on the page
// (`<html lang>`, `<html data-theme>`) at start and at each switch; and the demo clock, which a
// "demo date" moves to another day (to see a customer's birthday week come up in the tasks).
import { DEFAULT_POLICY, dayKey, startOfDay } from '@clienteling/core/trade.js';

export type DemoLocale = 'zh-CN' | 'en';
export type DemoTheme = 'light' | 'dark';

export const savedLocale = (): DemoLocale => (localStorage.getItem('demo.locale') as DemoLocale | null) ?? 'zh-CN';
export const savedTheme = (): DemoTheme => (localStorage.getItem('demo.theme') as DemoTheme | null) ?? 'light';

/** Puts a language and a theme on the page: `<html lang>` and `<html data-theme>` (demo.css paints it). */
export function applySettings(locale: DemoLocale, theme: DemoTheme): void {
  document.documentElement.lang = locale;
  document.documentElement.dataset.theme = theme;
}

/** Switches to the other language, remembers it, puts it on the page and returns it. */
export function otherLocale(current: DemoLocale): DemoLocale {
  const next = current === 'zh-CN' ? 'en' : 'zh-CN';
  localStorage.setItem('demo.locale', next);
  applySettings(next, savedTheme());
  return next;
}

/** Switches to the other theme, remembers it, puts it on the page and returns it. */
export function otherTheme(current: DemoTheme): DemoTheme {
  const next = current === 'light' ? 'dark' : 'light';
  localStorage.setItem('demo.theme', next);
  applySettings(savedLocale(), next);
  return next;
}

/** The store's time zone, which the demo's days are counted in. */
const STORE_TIME_ZONE = DEFAULT_POLICY.timeZone;

/** Today in the store, by the real clock (`YYYY-MM-DD`). */
export const realToday = (): string => dayKey(new Date(), STORE_TIME_ZONE);

/** The day the demo clock is moved to (`YYYY-MM-DD`), or undefined when it runs on the real clock. */
export const savedDemoDate = (): string | undefined => {
  const day = localStorage.getItem('demo.date');
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
};

/** Remembers the demo date (undefined: back to the real clock); the page reloads to start on it. */
export function saveDemoDate(day: string | undefined): void {
  if (day) localStorage.setItem('demo.date', day);
  else localStorage.removeItem('demo.date');
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A day (`YYYY-MM-DD`) as the demo date control words it: "2026年12月1日", "1 Dec 2026". Written out
 * rather than with `Intl.DateTimeFormat`, whose first use loads ICU's date patterns in the first
 * screen's task.
 */
export function dayText(day: string, locale: DemoLocale): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return locale === 'zh-CN' ? `${year}年${month}月${date}日` : `${date} ${MONTHS_EN[month - 1]} ${year}`;
}

/**
 * The demo's clock: on the saved demo date, the store's real time of day, running on (a reload
 * keeps its time moving forward); the real clock without a demo date. The adapter and the
 * elements that count days are given it.
 */
export function demoClock(day = savedDemoDate()): () => Date {
  if (!day) return () => new Date();
  const offset = startOfDay(day, STORE_TIME_ZONE).getTime() - startOfDay(realToday(), STORE_TIME_ZONE).getTime();
  return () => new Date(Date.now() + offset);
}

/** Whom the demo acts as: the seed's associate (staff-01), or their store's manager (who hands customers over). */
export type DemoRole = 'associate' | 'manager';

export const savedRole = (): DemoRole => (localStorage.getItem('demo.role') === 'manager' ? 'manager' : 'associate');

/** Remembers whom the demo acts as; the page reloads to sign in as them. */
export function saveRole(role: DemoRole): void {
  localStorage.setItem('demo.role', role);
}

// The demo pages' language and theme switches, remembered across reloads and put on the page
// (`<html lang>`, `<html data-theme>`) at start and at each switch.
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

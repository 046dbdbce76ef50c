// The demo pages' language and theme switches, remembered across reloads.
export type DemoLocale = 'zh-CN' | 'en';
export type DemoTheme = 'light' | 'dark';

export const savedLocale = (): DemoLocale => (localStorage.getItem('demo.locale') as DemoLocale | null) ?? 'zh-CN';
export const savedTheme = (): DemoTheme => (localStorage.getItem('demo.theme') as DemoTheme | null) ?? 'light';

/** Switches to the other language, remembers it, and returns it. */
export function otherLocale(current: DemoLocale): DemoLocale {
  const next = current === 'zh-CN' ? 'en' : 'zh-CN';
  localStorage.setItem('demo.locale', next);
  document.documentElement.lang = next;
  return next;
}

/** Switches to the other theme, remembers it, and returns it. */
export function otherTheme(current: DemoTheme): DemoTheme {
  const next = current === 'light' ? 'dark' : 'light';
  localStorage.setItem('demo.theme', next);
  document.documentElement.style.background = next === 'dark' ? '#111' : '';
  return next;
}

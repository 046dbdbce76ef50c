/**
 * Localization through a reactive controller. Messages are typed (a message may be a function of
 * its arguments, such as a count); zh-CN (default) and en ship; an element follows the nearest
 * `lang` (crossing shadow roots) and re-renders when it changes; a page can override any string
 * with {@link setMessages}.
 *
 * zh-CN, the default, loads with each element; the English strings are a module of their own that
 * loads the first time an element renders in English, so that a Chinese page never downloads them.
 * An element waits for them before it renders (see {@link catalogsLoading}), so it never shows one
 * language and then the other.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AdapterError } from './errors.js';
import {
  DEFAULT_LOCALE,
  lazyCatalogs,
  type Catalog,
  type Catalogs,
  type Locale,
  type MessageArgs,
  type TranslationModule,
} from './catalogs.js';
import { coreMessages, type CoreMessages } from './messages.js';

export * from './catalogs.js';

/**
 * Builds an element's catalogs on top of the core ones (errors, common words): its zh-CN messages,
 * which give the keys and arguments, and a loader of its English ones, a module of their own whose
 * default export is a {@link Translation} of them: `defineMessages(zhCN, () => import('./x.messages.en.js'))`.
 */
export function defineMessages<M extends Catalog>(
  zhCN: M,
  english: () => Promise<TranslationModule<M>>,
): Catalogs<CoreMessages & M> {
  return extendMessages(coreMessages, zhCN, english);
}

/**
 * Catalogs on top of others: `base`'s messages and these, whose English loads with `base`'s. A part
 * of an element that loads on demand (a dialog, a form) keeps its strings in a catalog of its own on
 * top of the element's, in its own chunk:
 * `extendMessages(elementMessages, zhCN, () => import('./part.messages.en.js'))`. Its code then reads
 * every string, the element's and its own, through one {@link LocalizeController}.
 */
export function extendMessages<B extends Catalog, M extends Catalog>(
  base: Catalogs<B>,
  zhCN: M,
  english: () => Promise<TranslationModule<M>>,
): Catalogs<B & M> {
  return lazyCatalogs<B & M>(
    { ...base.loaded[DEFAULT_LOCALE], ...zhCN },
    {
      en: () =>
        Promise.all([base.load('en'), english()]).then(([inherited, own]) => ({
          ...inherited,
          ...(own.default as M),
        })),
    },
  );
}

/** Normalises a BCP 47 tag to a shipped locale: `zh`, `zh-Hans`, `zh-CN` → zh-CN; `en-*` → en. */
export function normalizeLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}

/** The `lang` that applies to `el`: its own or the nearest ancestor's, across shadow roots. */
export function langOf(el: Element): string | undefined {
  let node: Element | null = el;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    if (found) {
      const value = found.getAttribute('lang');
      if (value) return value;
    }
    // Up to the host of a shadow root; a detached tree's root is its top element (an `<a>` has a
    // `host` too: its URL's), and a document has none.
    const root = (found ?? node).getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return globalThis.document?.documentElement?.lang || undefined;
}

/**
 * The page's string overrides and every copy's connected elements, kept on the global object: a page
 * that loaded two copies of the library (two bundles, two versions) overrides the strings of both
 * with either copy's `setMessages`.
 */
interface SharedMessages {
  overrides: Partial<Record<Locale, Catalog>>;
  /** One per loaded copy of the library: re-renders that copy's connected elements. */
  refreshers: Set<() => void>;
}

const SHARED_KEY = Symbol.for('clienteling.messages');
const shared: SharedMessages = ((globalThis as Record<symbol, unknown>)[SHARED_KEY] ??= {
  overrides: {},
  refreshers: new Set(),
}) as SharedMessages;
const overrides = shared.overrides;
const connected = new Set<LocalizeController<Catalog>>();
let observer: MutationObserver | undefined;

const refreshAll = () => {
  for (const controller of connected) controller.host.requestUpdate();
};
shared.refreshers.add(refreshAll);

/**
 * Overrides strings of any element for a locale, e.g.
 * `setMessages('en', { 'staffCard.call': 'Ring' })`. Connected elements re-render, those of any
 * copy of the library on the page.
 */
export function setMessages(locale: Locale, messages: Catalog): void {
  overrides[locale] = { ...overrides[locale], ...messages };
  for (const refresh of shared.refreshers) refresh();
}

/** The shipped locale `el` renders in: its `lang` (or the nearest one), else zh-CN. */
const localeOf = (el: Element): Locale => normalizeLocale(langOf(el)) ?? DEFAULT_LOCALE;

/** Every host's controllers, for {@link catalogsLoading}. */
const controllersOf = new WeakMap<HTMLElement, Set<LocalizeController<Catalog>>>();

/**
 * The loads an element must wait for before it renders: the catalogs its controllers need for the
 * locale it renders in now; undefined when they are all loaded. A failed load (offline) does not
 * block: the element renders in zh-CN, asks again as it renders, and shows English once a load
 * succeeds. Every clienteling element
 * returns it from `scheduleUpdate()`; a host that does not is rendered in zh-CN first and again when
 * the strings arrive.
 */
export function catalogsLoading(host: HTMLElement): Promise<unknown> | undefined {
  const controllers = controllersOf.get(host);
  if (!controllers) return undefined;
  const locale = localeOf(host);
  const loads = [...controllers].flatMap((controller) => controller.missingCatalog(locale) ?? []);
  return loads.length ? Promise.all(loads.map((load) => load.catch(() => undefined))) : undefined;
}

export class LocalizeController<M extends Catalog> implements ReactiveController {
  readonly host: ReactiveControllerHost & HTMLElement;
  private readonly catalogs: Catalogs<M>;
  private formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
  private formatsLocale?: Locale;
  private current?: Locale;

  constructor(host: ReactiveControllerHost & HTMLElement, catalogs: Catalogs<M>) {
    this.host = host;
    this.catalogs = catalogs;
    host.addController(this);
    let controllers = controllersOf.get(host);
    if (!controllers) controllersOf.set(host, (controllers = new Set()));
    controllers.add(this as unknown as LocalizeController<Catalog>);
  }

  hostConnected(): void {
    connected.add(this as unknown as LocalizeController<Catalog>);
    if (!observer && typeof MutationObserver !== 'undefined' && globalThis.document) {
      observer = new MutationObserver(refreshAll);
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
  }

  hostUpdate(): void {
    // Read the language once per render, not on every message.
    this.current = undefined;
    // A host that did not wait (see catalogsLoading) renders again once the strings are there.
    this.missingCatalog(this.locale)?.then(
      () => this.host.requestUpdate(),
      () => {},
    );
  }

  hostDisconnected(): void {
    connected.delete(this as unknown as LocalizeController<Catalog>);
  }

  /** The locale the host renders in now. */
  get locale(): Locale {
    return (this.current ??= localeOf(this.host));
  }

  /** The load of the catalog of `locale`, when it is not loaded yet. */
  missingCatalog(locale: Locale): Promise<M> | undefined {
    return this.catalogs.loaded[locale] ? undefined : this.catalogs.load(locale);
  }

  /** The message `key` in the current locale, with a page override first, then zh-CN, then the key. */
  t<K extends keyof M & string>(key: K, ...args: MessageArgs<M, K>): string {
    const locale = this.locale;
    const { loaded } = this.catalogs;
    const message = overrides[locale]?.[key] ?? loaded[locale]?.[key] ?? loaded[DEFAULT_LOCALE][key];
    if (message === undefined) return key;
    return typeof message === 'function' ? message(...args) : message;
  }

  /** Words a store associate understands for an adapter error (by code, and reason when known). */
  error(error: Pick<AdapterError, 'reason'> & { code: string }): string {
    const translate = this.t.bind(this) as unknown as (key: string) => string;
    // A host bridge failure (WeCom sidebar, Web Share) has its own words.
    if ((error as { name?: string }).name === 'HostBridgeError') return translate(`host.${error.code}`);
    const specific = error.reason ? (`error.${error.code}.${error.reason}` as const) : undefined;
    if (specific) {
      const text = translate(specific);
      if (text !== specific) return text;
    }
    return translate(`error.${error.code}`);
  }

  private format<F>(key: string, make: (locale: Locale) => F): F {
    const locale = this.locale;
    if (this.formatsLocale !== locale) {
      this.formats.clear();
      this.formatsLocale = locale;
    }
    let formatter = this.formats.get(key) as F | undefined;
    if (!formatter) {
      formatter = make(locale);
      this.formats.set(key, formatter as never);
    }
    return formatter;
  }

  /**
   * Money in fen (分) as CNY in the current locale: ¥12.50, and whole yuan without fen (¥300)
   * unless `withFen` asks for them (¥300.00, to match other amounts shown with it).
   */
  money(fen: number, withFen = false): string {
    const whole = fen % 100 === 0 && !withFen;
    return this.format(
      whole ? 'cny0' : 'cny2',
      (locale) =>
        new Intl.NumberFormat(locale, {
          style: 'currency',
          currency: 'CNY',
          currencyDisplay: 'narrowSymbol',
          minimumFractionDigits: whole ? 0 : 2,
        }),
    ).format(fen / 100);
  }

  number(value: number): string {
    return this.format('num', (locale) => new Intl.NumberFormat(locale)).format(value);
  }

  /** A date (and optionally time) in the current locale. */
  date(iso: string | Date, withTime = false, timeZone?: string): string {
    const key = `date${withTime ? 't' : ''}${timeZone ?? ''}`;
    return this.format(
      key,
      (locale) =>
        new Intl.DateTimeFormat(locale, {
          year: 'numeric',
          month: 'short',
          day: 'numeric',
          ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
          ...(timeZone ? { timeZone } : {}),
        }),
    ).format(typeof iso === 'string' ? new Date(iso) : iso);
  }

  /** A time relative to `now`: "3 days ago", "3天前". */
  relative(iso: string | Date, now: Date = new Date()): string {
    const diff = (typeof iso === 'string' ? Date.parse(iso) : iso.getTime()) - now.getTime();
    const abs = Math.abs(diff);
    const units: [Intl.RelativeTimeFormatUnit, number][] = [
      ['year', 365 * 86_400_000],
      ['month', 30 * 86_400_000],
      ['day', 86_400_000],
      ['hour', 3_600_000],
      ['minute', 60_000],
    ];
    const relativeFormat = this.format('rel', (locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
    for (const [unit, unitMs] of units) {
      if (abs >= unitMs) return relativeFormat.format(Math.round(diff / unitMs), unit);
    }
    return relativeFormat.format(0, 'minute');
  }
}

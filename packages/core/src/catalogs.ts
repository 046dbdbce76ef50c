/**
 * Catalogs of messages: the shipped locales, the types of a catalog and its translations, and
 * catalogs whose locales other than zh-CN load on demand. See localize.ts, which uses them.
 */

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
/** The locale of an element without a `lang` around it, whose strings load with it. */
export const DEFAULT_LOCALE = 'zh-CN' satisfies Locale;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Message = string | ((...args: any[]) => string);
export type Catalog = Record<string, Message>;
/** The same keys with the same argument types: what a translation of catalog `M` must provide. */
export type Translation<M extends Catalog> = { [K in keyof M]: M[K] extends string ? string : M[K] };
export type MessageArgs<M, K extends keyof M> = M[K] extends (...args: infer A) => string ? A : [];

/** A translation module, as `import()` gives it: the catalog is its default export. */
export type TranslationModule<M extends Catalog> = { default: Translation<M> };

/**
 * A catalog's messages in every shipped locale: zh-CN loaded with the element, the others loaded
 * the first time they are asked for.
 */
export interface Catalogs<M extends Catalog> {
  /** The catalogs loaded so far; zh-CN always. */
  readonly loaded: Partial<Record<Locale, M>> & Record<typeof DEFAULT_LOCALE, M>;
  /** Loads the catalog of `locale` (once; a failed load is forgotten, so that the next call tries again). */
  load(locale: Locale): Promise<M>;
}

/** The messages of catalogs `C` (what `t()` takes), e.g. `MessagesOf<typeof staffCardMessages>`. */
export type MessagesOf<C> = C extends Catalogs<infer M> ? M : never;

/**
 * Catalogs from the zh-CN messages and a loader of each other locale's (`() => import('./x.en.js')`).
 * Building block of {@link defineMessages}; core's own catalog uses it directly.
 */
export function lazyCatalogs<M extends Catalog>(
  zhCN: M,
  loaders: Record<Exclude<Locale, typeof DEFAULT_LOCALE>, () => Promise<M>>,
): Catalogs<M> {
  const loaded: Catalogs<M>['loaded'] = { [DEFAULT_LOCALE]: zhCN } as Catalogs<M>['loaded'];
  const loading = new Map<Locale, Promise<M>>();
  return {
    loaded,
    load(locale) {
      const known = loaded[locale];
      if (known) return Promise.resolve(known);
      let pending = loading.get(locale);
      if (!pending) {
        pending = loaders[locale as Exclude<Locale, typeof DEFAULT_LOCALE>]().then(
          (catalog) => (loaded[locale] = catalog),
          (error: unknown) => {
            loading.delete(locale);
            throw error;
          },
        );
        loading.set(locale, pending);
      }
      return pending;
    },
  };
}

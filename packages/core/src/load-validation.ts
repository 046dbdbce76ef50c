/**
 * Loads the schemas and validation (zod included) once, on first use: what elements and adapters
 * call before they validate, so that zod stays out of what a page loads first.
 *
 * Evaluating zod and creating every schema takes about 100 ms on a mid-range phone (4x CPU
 * throttling), too long for one task after the first paint. So they are evaluated in five tasks: zod
 * (with the schemas' shared helpers), the first wave's schemas of people (staff, customers, tags, the
 * timeline), those of outreach (moments, coupons, groups), those of the associate's day, then the
 * operations' schemas and validation. The price: each part is a chunk fetched once the one before
 * has run, a network round trip each on a first visit (a page that wants them sooner lists them as
 * `<link rel="modulepreload">`).
 */
export type ValidationModule = typeof import('./validation-chunk.js');

let loading: Promise<ValidationModule> | undefined;

/** Lets the page paint and handle input before the next part is evaluated. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The schemas, `operations` and `parseOrInvalid` / `withValidation`, loaded on the first call. */
export const loadValidation = (): Promise<ValidationModule> =>
  (loading ??= (async () => {
    await import('./schema-kit.js');
    await nextTask();
    await import('./schemas-base.js');
    await nextTask();
    await import('./schemas-outreach.js');
    await nextTask();
    await import('./schemas-day.js');
    await nextTask();
    return import('./validation-chunk.js');
  })().catch((error: unknown) => {
    loading = undefined; // a failed chunk load (offline) is tried again on the next call
    throw error;
  }));

/**
 * Loads the schemas and validation (`validation-chunk.ts`, zod included) once, on first use: what
 * elements and adapters call before they validate, so that zod stays out of what a page loads first.
 */
export type ValidationModule = typeof import('./validation-chunk.js');

let loading: Promise<ValidationModule> | undefined;

/** The schemas, `operations` and `parseOrInvalid` / `withValidation`, loaded on the first call. */
export const loadValidation = (): Promise<ValidationModule> => (loading ??= import('./validation-chunk.js'));

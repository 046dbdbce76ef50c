import { register } from 'node:module';

let registered = false;

/**
 * Makes Node resolve workspace packages to their TypeScript source (the `source` export condition,
 * as the browser tests and bundlers do), so that no build is needed before running the server.
 * Affects imports made after the call (use dynamic `import()`).
 */
export function useSourceCondition(): void {
  if (registered) return;
  registered = true;
  const hook =
    'export async function resolve(s, c, next) { return next(s, { ...c, conditions: [...new Set([...(c.conditions || []), "source"])] }); }';
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}

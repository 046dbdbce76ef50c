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
  const hook = [
    'export async function resolve(specifier, context, next) {',
    '  const conditions = [...new Set([...(context.conditions || []), "source"])];',
    '  return next(specifier, { ...context, conditions });',
    '}',
  ].join('\n');
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}

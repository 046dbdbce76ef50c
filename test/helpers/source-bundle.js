// How the Node tests bundle our sources for a page, as a consumer's esbuild would: ES2019 for the
// browser, code splitting, the packages' `source` entries (TypeScript) and the `production` condition.
import { join } from 'node:path';

const repo = new URL('../../', import.meta.url).pathname;

/** esbuild options; add `entryPoints` and `outdir` (and `write: false`, `metafile: true` to read the result). */
export const SOURCE_BUNDLE = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2019',
  conditions: ['source', 'production'],
  tsconfig: join(repo, 'tsconfig.json'),
  logLevel: 'error',
};

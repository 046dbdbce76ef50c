// Per-package ESM builds of every browser package (`npm run build`), and the helpers the size and
// CDN builds share. Output syntax is ES2019 for older Android WeChat/WeCom kernels.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { transform } from 'esbuild';
import { minify as terser } from 'terser';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { minifyTemplates } from './scripts/minify-templates.js';

export const ROOT = new URL('.', import.meta.url).pathname;
export const TARGET = 'es2019';

/** Workspace packages in dependency order (the order of the root package.json). */
export function workspacePackages() {
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return root.workspaces
    .map((dir) => ({ dir: join(ROOT, dir), pkg: JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) }))
    .filter(({ pkg }) => pkg.clienteling?.platform !== 'node');
}

/** The packages that register an element (`src/define.ts`), by folder name: `staff-card`, … */
export function elementPackageNames() {
  return workspacePackages()
    .filter(({ dir }) => existsSync(join(dir, 'src/define.ts')))
    .map(({ dir }) => dir.split('/').pop());
}

/** The package's entry points, from the `source` condition of its exports map. */
export function entries(dir, pkg) {
  const input = {};
  for (const target of Object.values(pkg.exports ?? {})) {
    if (typeof target === 'object' && target.source?.startsWith('./src/')) {
      input[target.source.replace(/^\.\/src\//, '').replace(/\.ts$/, '')] = join(dir, target.source);
    }
  }
  return input;
}

/** Lowers every output chunk to ES2019 (and minifies when asked), dependencies included. */
export const es2019 = ({ minify = false } = {}) => ({
  name: 'es2019',
  async renderChunk(code) {
    const result = await transform(code, { target: TARGET, format: 'esm', legalComments: 'none', sourcemap: !minify });
    const lowered = result.code;
    if (!minify) return { code: lowered, map: result.map };
    const out = await terser(lowered, {
      module: true,
      ecma: 2019,
      compress: { passes: 2, pure_getters: true },
      format: { comments: false },
    });
    return { code: out.code, map: null };
  },
});

/** Filters the warnings zod 4 and circular imports inside dependencies always print. */
export function onwarn(warning, warn) {
  if (warning.code === 'INVALID_ANNOTATION' && /node_modules/.test(warning.id ?? '')) return;
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => /node_modules/.test(id))) return;
  warn(warning);
}

/** Collapses the formatting whitespace of Lit `html` and `css` templates in our own sources. */
export const minifyLitTemplates = () => ({
  name: 'minify-lit-templates',
  transform(code, id) {
    if (!/\/packages\/[^/]+\/src\/.*\.ts$/.test(id)) return null;
    const out = minifyTemplates(code, id);
    return out === code ? null : { code: out, map: null };
  },
});

export const tsPlugin = () => [
  minifyLitTemplates(),
  esbuild({ tsconfig: join(ROOT, 'tsconfig.json'), target: 'es2022', include: /\.[jt]s$/, exclude: /node_modules/ }),
];

/**
 * Our sources follow their package.json `sideEffects` (only the files that register elements have
 * any), as a consumer's bundler would: an unused export of a package (the schemas, say) never drags
 * its module into a bundle.
 */
const sideEffectsCache = new Map();
export const treeshake = {
  moduleSideEffects(id, external) {
    const match = /^(.*\/packages\/[^/]+)\/(src\/.*)$/.exec(id);
    if (external || !match) return true;
    const [, dir, file] = match;
    if (!sideEffectsCache.has(dir)) {
      const declared = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).sideEffects;
      sideEffectsCache.set(dir, declared);
    }
    const declared = sideEffectsCache.get(dir);
    if (declared === undefined || declared === true) return true;
    if (declared === false) return false;
    return declared.some((pattern) => {
      const re = new RegExp(
        `^${pattern
          .replace(/^\.\//, '')
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '[^/]*')}$`,
      );
      return re.test(file);
    });
  },
};

/** Bare imports stay imports in per-package builds: the consumer's bundler resolves them. */
const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

export function packageConfig({ dir, pkg }) {
  return {
    input: entries(dir, pkg),
    external: isBare,
    onwarn,
    plugins: [tsPlugin(), es2019()],
    output: {
      dir: join(dir, 'dist'),
      format: 'es',
      // One file per source module, so a consumer's bundler keeps zod and the schemas out of what
      // elements import eagerly (they load with the validation chunk).
      preserveModules: true,
      preserveModulesRoot: join(dir, 'src'),
      entryFileNames: '[name].js',
      sourcemap: true,
    },
  };
}

export { nodeResolve, resolve, existsSync, readdirSync };

/**
 * A CDN chunk's file: named after the element package whose `define` module it holds
 * (`chunks/staff-card-<hash>.js`). The module list is read rather than `facadeModuleId`: that is null
 * when the chunk also exports to the element's parts loaded on demand (the coupon's send sheet).
 */
const cdnChunkFileName = (chunk) => {
  const element = chunk.moduleIds.map((id) => /\/packages\/([^/]+)\/src\/define\.ts$/.exec(id)?.[1]).find(Boolean);
  return `chunks/${element ?? '[name]'}-[hash].js`;
};

/**
 * The CDN build: the provider, both adapters and the rules in `clienteling-elements.js` (Lit included,
 * minified); each element in a chunk of its own under `chunks/`, loaded by the autoloader.
 */
export function cdnConfig() {
  const dir = join(ROOT, 'packages/elements');
  return {
    input: join(dir, 'src/cdn.ts'),
    onwarn,
    treeshake,
    plugins: [
      nodeResolve({ exportConditions: ['source', 'production', 'browser'], browser: true }),
      tsPlugin(),
      es2019({ minify: true }),
    ],
    output: {
      dir: join(dir, 'dist/cdn'),
      format: 'es',
      entryFileNames: 'clienteling-elements.js',
      chunkFileNames: cdnChunkFileName,
    },
  };
}

/** `rollup -c` builds every package and the CDN file; `rollup -c --configCdn` only the CDN file. */
export default (args = {}) =>
  args.configCdn
    ? [cdnConfig()]
    : [
        ...workspacePackages()
          .filter(({ dir, pkg }) => Object.keys(entries(dir, pkg)).length > 0)
          .map(packageConfig),
        cdnConfig(),
      ];

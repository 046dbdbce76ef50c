// Builds the demo as a retailer would ship it: demo/dist with minified ES2019 bundles (Lit's
// production build) and the pages' HTML and CSS. Used by the end-to-end tests and `npm run bench`.
// Two pages: the workspace (demo/index.html, split as the page loads it: main.js for the first screen,
// a chunk per other tab, the seed data and the lazy parts of the elements) and the simulated chat
// sidebar (demo/sidebar.html, in demo/dist/sidebar/). Prints each file's gzip size.
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { ROOT, es2019, nodeResolve, onwarn, treeshake, tsPlugin } from '../rollup.config.js';

const out = join(ROOT, 'demo/dist');

/** Bundles demo/<name>.ts into `dir` as <name>.js and writes demo/<page> there, loading it. */
async function buildPage({ name, page, dir }) {
  mkdirSync(dir, { recursive: true });
  const bundle = await rollup({
    input: join(ROOT, `demo/${name}.ts`),
    // A page, not a library: the entry's exports need no facade, so the entry holds the app itself
    // rather than re-exporting the chunk its code landed in.
    preserveEntrySignatures: false,
    onwarn,
    treeshake,
    plugins: [
      nodeResolve({ exportConditions: ['source', 'production', 'browser'], browser: true }),
      tsPlugin(),
      es2019({ minify: true }),
    ],
  });
  const { output } = await bundle.write({
    dir,
    format: 'es',
    entryFileNames: `${name}.js`,
    chunkFileNames: 'chunks/[name]-[hash].js',
  });
  await bundle.close();
  console.log(`demo/${page}:`);
  for (const file of [...output].sort((a, b) => a.fileName.localeCompare(b.fileName))) {
    const kb = (gzipSync(file.type === 'chunk' ? file.code : file.source, { level: 9 }).length / 1024).toFixed(1);
    console.log(`  ${file.fileName.padEnd(48)} ${kb.padStart(6)} KB gzip`);
  }
  const html = readFileSync(join(ROOT, 'demo', page), 'utf8').replace(`./${name}.ts`, `./${name}.js`);
  writeFileSync(join(dir, 'index.html'), html);
  copyFileSync(join(ROOT, 'demo/favicon.svg'), join(dir, 'favicon.svg'));
}

rmSync(out, { recursive: true, force: true });
await buildPage({ name: 'main', page: 'index.html', dir: out });
copyFileSync(join(ROOT, 'demo/demo.css'), join(out, 'demo.css'));
await buildPage({ name: 'sidebar', page: 'sidebar.html', dir: join(out, 'sidebar') });
console.log(`demo built in ${out}`);

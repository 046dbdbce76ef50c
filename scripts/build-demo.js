// Builds the demo as a retailer would ship it: demo/dist with minified ES2019 bundles (Lit's
// production build) and the page's HTML and CSS. Used by the end-to-end test and `npm run bench`.
// Split as the page loads it: main.js (the first screen), a chunk per other tab, the seed data and
// the lazy parts of the elements; prints each file's gzip size.
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { ROOT, es2019, nodeResolve, onwarn, treeshake, tsPlugin } from '../rollup.config.js';

const out = join(ROOT, 'demo/dist');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const bundle = await rollup({
  input: join(ROOT, 'demo/main.ts'),
  // A page, not a library: the entry's exports need no facade, so main.js holds the app itself
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
  dir: out,
  format: 'es',
  entryFileNames: 'main.js',
  chunkFileNames: 'chunks/[name]-[hash].js',
});
await bundle.close();
for (const file of [...output].sort((a, b) => a.fileName.localeCompare(b.fileName))) {
  const kb = (gzipSync(file.type === 'chunk' ? file.code : file.source, { level: 9 }).length / 1024).toFixed(1);
  console.log(`  ${file.fileName.padEnd(48)} ${kb.padStart(6)} KB gzip`);
}
writeFileSync(
  join(out, 'index.html'),
  readFileSync(join(ROOT, 'demo/index.html'), 'utf8').replace('./main.ts', './main.js'),
);
for (const file of ['demo.css', 'favicon.svg']) copyFileSync(join(ROOT, 'demo', file), join(out, file));
console.log(`demo built in ${out}`);

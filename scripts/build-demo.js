// Builds the demo as a retailer would ship it: demo/dist with minified ES2019 bundles (Lit's
// production build) and the page's HTML and CSS. Used by the end-to-end test.
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { rollup } from 'rollup';
import { ROOT, es2019, nodeResolve, onwarn, treeshake, tsPlugin } from '../rollup.config.js';

const out = join(ROOT, 'demo/dist');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const bundle = await rollup({
  input: join(ROOT, 'demo/main.ts'),
  onwarn,
  treeshake,
  plugins: [
    nodeResolve({ exportConditions: ['source', 'production', 'browser'], browser: true }),
    tsPlugin(),
    es2019({ minify: true }),
  ],
});
await bundle.write({ dir: out, format: 'es', entryFileNames: 'main.js', chunkFileNames: 'chunks/[name]-[hash].js' });
await bundle.close();
writeFileSync(
  join(out, 'index.html'),
  readFileSync(join(ROOT, 'demo/index.html'), 'utf8').replace('./main.ts', './main.js'),
);
copyFileSync(join(ROOT, 'demo/demo.css'), join(out, 'demo.css'));
console.log(`demo built in ${out}`);

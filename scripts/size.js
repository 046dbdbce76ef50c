// Size budgets (minified + gzip), per package and for the all-in-one load. Each package declares
// `clienteling.size` in its package.json: { entry, budget (KB), external (prefixes kept out) }.
// Chunks loaded only when needed (dynamic imports) are listed and budgeted apart.
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { rollup } from 'rollup';
import { ROOT, es2019, nodeResolve, onwarn, treeshake, tsPlugin, workspacePackages } from '../rollup.config.js';

const LIT = ['lit', '@lit/', 'lit-html', 'lit-element', '@lit/reactive-element'];

async function measure(name, { entry, besides, external = [], budget, lazyBudget }, dir) {
  const isExternal = (id) => external.some((p) => id === p || id.startsWith(p.endsWith('/') ? p : `${p}/`));
  const bundle = await rollup({
    // `besides`: another entry whose code is counted out (e.g. core's contract for its element kit).
    input: besides ? { entry: join(dir, entry), besides: join(dir, besides) } : { entry: join(dir, entry) },
    external: isExternal,
    onwarn,
    treeshake,
    plugins: [
      nodeResolve({ exportConditions: ['source', 'production', 'browser'], browser: true }),
      tsPlugin(),
      es2019({ minify: true }),
    ],
  });
  const { output } = await bundle.generate({ format: 'es', dir: 'size-out' });
  await bundle.close();
  const chunks = output.filter((o) => o.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const reach = (start) => {
    const seen = new Set();
    const visit = (c) => {
      if (seen.has(c.fileName)) return;
      seen.add(c.fileName);
      for (const i of c.imports) if (byName.has(i)) visit(byName.get(i));
    };
    visit(start);
    return seen;
  };
  const counted = reach(chunks.find((c) => c.isEntry && c.name === 'entry'));
  const other = besides ? reach(chunks.find((c) => c.isEntry && c.name === 'besides')) : new Set();
  const initial = new Set([...counted].filter((f) => !other.has(f)));
  const gz = (c) => gzipSync(c.code, { level: 9 }).length / 1024;
  const initialKb = gzipSync([...initial].map((f) => byName.get(f).code).join('\n'), { level: 9 }).length / 1024;
  const lazy = chunks
    .filter((c) => !initial.has(c.fileName) && !other.has(c.fileName) && !c.isEntry)
    .map((c) => ({ file: c.fileName, kb: gz(c) }));
  const rows = [
    {
      name,
      what: `initial (${external.length ? 'without ' + external.join(', ') : 'everything'})`,
      kb: initialKb,
      budget,
    },
  ];
  for (const l of lazy) rows.push({ name, what: `lazy chunk ${l.file}`, kb: l.kb, budget: lazyBudget });
  return rows;
}

// `npm run size -- @clienteling/tag-editor …` measures only the packages named.
const only = process.argv.slice(2);
const rows = [];
for (const { dir, pkg } of workspacePackages()) {
  const specs = pkg.clienteling?.size;
  if (!specs || (only.length && !only.includes(pkg.name))) continue;
  for (const spec of Array.isArray(specs) ? specs : [specs]) {
    const external = (spec.external ?? []).flatMap((e) => (e === 'lit' ? LIT : [e]));
    rows.push(...(await measure(spec.label ?? pkg.name, { ...spec, external }, dir)));
  }
}

let failed = false;
console.log(`${'package'.padEnd(34)} ${'what'.padEnd(52)} ${'gzip KB'.padStart(8)} ${'budget'.padStart(7)}`);
for (const r of rows) {
  const over = r.budget !== undefined && r.kb > r.budget;
  failed ||= over;
  console.log(
    `${r.name.padEnd(34)} ${r.what.slice(0, 52).padEnd(52)} ${r.kb.toFixed(2).padStart(8)} ${(r.budget ?? '-').toString().padStart(7)}${over ? '  ✖ over budget' : ''}`,
  );
}
if (failed) {
  console.error('\nSize budget exceeded.');
  process.exit(1);
}
void ROOT;

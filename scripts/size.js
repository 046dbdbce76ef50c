// `npm run size`: sizes as a retailer's build sees them. Every browser package is packed (the files
// `npm pack` would publish) into a scratch node_modules; consumer entries importing them are bundled
// from `dist` with esbuild and with Rollup (minify, ES2019, browser, `production` condition, code
// splitting). Reports initial and lazy gzip and brotli; enforces scripts/size-budgets.js (gzip, the
// larger of the two bundlers). Run `npm run build` first. `npm run size -- --verbose` lists chunks.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { ROOT, es2019, nodeResolve, elementPackageNames, workspacePackages } from '../rollup.config.js';
import { CONSUMER_BUDGETS, DEFAULT_ELEMENT_BUDGET, INTERIM_CEILINGS, OWN_CODE_BUDGETS } from './size-budgets.js';

const verbose = process.argv.includes('--verbose');
const LIT = ['lit', '@lit/reactive-element', 'lit-html', 'lit-element', '@lit/context', '@lit-labs/virtualizer'];

/** A scratch project whose node_modules holds the packed packages and links to the rest. */
function packedProject() {
  const project = mkdtempSync(join(tmpdir(), 'cl-size-'));
  const modules = join(project, 'node_modules');
  mkdirSync(join(modules, '@clienteling'), { recursive: true });
  const browserPackages = workspacePackages();
  const packs = JSON.parse(
    execFileSync(
      'npm',
      ['pack', '--dry-run', '--json', '--ignore-scripts', ...browserPackages.flatMap(({ dir }) => ['-w', dir])],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    ),
  );
  for (const pack of packs) {
    const { dir } = browserPackages.find(({ pkg }) => pkg.name === pack.name);
    const target = join(modules, pack.name);
    for (const { path } of pack.files) {
      mkdirSync(join(target, path, '..'), { recursive: true });
      cpSync(join(dir, path), join(target, path));
    }
    if (!existsSync(join(target, 'dist'))) throw new Error(`${pack.name} has no dist: run \`npm run build\` first`);
  }
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name === '@clienteling' || name.startsWith('.')) continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(modules, name));
  }
  return { project, packages: browserPackages.map(({ pkg }) => pkg) };
}

const kb = (bytes) => bytes / 1024;
const gzip = (code) => kb(gzipSync(code, { level: 9 }).length);
const brotli = (code) => kb(brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);

/**
 * One bundle as a list of chunks `{ file, code, imports, dynamicImports, modules, entry }`, with the
 * entry first. `external` are package prefixes kept out.
 */
async function bundleWith(bundler, project, entryFile, external) {
  const isExternal = (id) => external.some((prefix) => id === prefix || id.startsWith(`${prefix}/`));
  if (bundler === 'esbuild') {
    const result = await build({
      entryPoints: { entry: entryFile },
      absWorkingDir: project,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2019',
      conditions: ['production'],
      minify: true,
      legalComments: 'none',
      write: false,
      metafile: true,
      outdir: join(project, 'out-esbuild'),
      plugins: [
        {
          name: 'external',
          setup(b) {
            b.onResolve({ filter: /^[^./]/ }, (args) =>
              isExternal(args.path) ? { path: args.path, external: true } : null,
            );
          },
        },
      ],
      logLevel: 'silent',
    });
    const outDir = join(project, 'out-esbuild');
    const code = new Map(result.outputFiles.map((f) => [f.path, f.text]));
    return Object.entries(result.metafile.outputs)
      .filter(([file]) => file.endsWith('.js'))
      .map(([file, meta]) => ({
        file: join(project, file).slice(outDir.length + 1),
        code: code.get(join(project, file)),
        imports: meta.imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => i.path),
        dynamicImports: meta.imports.filter((i) => i.kind === 'dynamic-import' && !i.external).map((i) => i.path),
        modules: Object.keys(meta.inputs),
        entry: Boolean(meta.entryPoint) && meta.entryPoint.endsWith(entryFile.split('/').pop()),
      }))
      .map((chunk) => ({
        ...chunk,
        imports: chunk.imports.map((p) => join(project, p).slice(outDir.length + 1)),
        dynamicImports: chunk.dynamicImports.map((p) => join(project, p).slice(outDir.length + 1)),
      }))
      .sort((a, b) => b.entry - a.entry);
  }
  const bundle = await rollup({
    input: { entry: join(project, entryFile) },
    external: isExternal,
    onwarn(warning, warn) {
      if (['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY', 'EMPTY_BUNDLE'].includes(warning.code)) return;
      warn(warning);
    },
    plugins: [nodeResolve({ exportConditions: ['production'], browser: true }), es2019({ minify: true })],
  });
  const { output } = await bundle.generate({ format: 'es', chunkFileNames: '[name]-[hash].js' });
  await bundle.close();
  return output
    .filter((o) => o.type === 'chunk')
    .map((c) => ({
      file: c.fileName,
      code: c.code,
      imports: c.imports.filter((i) => !isExternal(i)),
      dynamicImports: c.dynamicImports.filter((i) => !isExternal(i)),
      modules: Object.keys(c.modules),
      entry: c.isEntry,
    }))
    .sort((a, b) => b.entry - a.entry);
}

/** zod and core's schema modules: what loads with the first validation (core's load-validation.ts), never eagerly. */
const VALIDATION_MODULE =
  /node_modules\/zod\/|@clienteling\/core\/dist\/(schemas(-[a-z]+)?|schema-kit|operations-[a-z]+|operation-parts|operation-loader|parse|validate|contract|validation-chunk)\.js$/;
/** What every first validation loads (the loader, zod, the parsing, the shared schemas), and each group's table. */
const SHARED_VALIDATION_MODULE =
  /@clienteling\/core\/dist\/(operation-loader|operation-groups|schema-kit|parse|operation-parts|schemas-common)\.js$/;
const GROUP_MODULE = /@clienteling\/core\/dist\/operations-([a-z]+)\.js$/;

/**
 * Chunks in an order that depends on what they hold, not on their hashed names (the order a bundler
 * writes its imports in changes with them): the entry first, then by the first of their modules.
 * Several chunks are measured as one text, and its gzip size depends on the order.
 */
const firstModule = (chunk) => [...chunk.modules].sort()[0] ?? chunk.file;
const inStableOrder = (chunks) =>
  [...chunks].sort((a, b) => b.entry - a.entry || firstModule(a).localeCompare(firstModule(b)));

/** Splits a bundle's chunks into what loads with the entry (static imports) and what loads later. */
function initialAndLazy(chunks) {
  const byFile = new Map(chunks.map((c) => [c.file, c]));
  const initial = new Set();
  const visit = (chunk) => {
    if (initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const file of chunk.imports) if (byFile.has(file)) visit(byFile.get(file));
  };
  visit(chunks[0]);
  const joined = (files) =>
    inStableOrder([...files].map((f) => byFile.get(f)))
      .map((chunk) => chunk.code)
      .join('\n');
  const lazy = chunks.filter((c) => !initial.has(c.file));
  const eagerValidation = [...initial].flatMap((f) => byFile.get(f).modules).filter((m) => VALIDATION_MODULE.test(m));
  // A first validation loads zod and the shared schemas, then the group of its operation (core's
  // loadOperation): for each group, the lazy chunks holding them, with the lazy chunks they import.
  const closure = (roots) => {
    const files = new Set();
    const add = (chunk) => {
      if (initial.has(chunk.file) || files.has(chunk.file)) return;
      files.add(chunk.file);
      for (const file of chunk.imports) if (byFile.has(file)) add(byFile.get(file));
    };
    roots.forEach(add);
    return files;
  };
  const holding = (pattern) => lazy.filter((chunk) => chunk.modules.some((m) => pattern.test(m)));
  const groups = new Set(lazy.flatMap((c) => c.modules.map((m) => GROUP_MODULE.exec(m)?.[1]).filter(Boolean)));
  const byGroup = [...groups].map((group) => {
    const files = closure([
      ...holding(SHARED_VALIDATION_MODULE),
      ...holding(new RegExp(`@clienteling/core/dist/operations-${group}\\.js$`)),
    ]);
    return { group, chunks: [...files].map((file) => byFile.get(file)) };
  });
  return {
    initial: { gzip: gzip(joined(initial)), brotli: brotli(joined(initial)), files: [...initial], eagerValidation },
    lazy: lazy.map((c) => ({ file: c.file, gzip: gzip(c.code), brotli: brotli(c.code), modules: c.modules })),
    validation: byGroup,
  };
}

const { project, packages } = packedProject();
const rows = [];
const problems = [];
let entryCount = 0;

/** Bundles `source` (a consumer's module) with both bundlers and adds its rows. */
async function measure(label, source, { external = [], budget, ceiling, lazyBudget, validationBudget } = {}) {
  const file = `entry-${entryCount++}.js`;
  writeFileSync(join(project, file), source);
  const expanded = external.flatMap((e) => (e === 'lit' ? LIT : [e]));
  for (const bundler of ['esbuild', 'rollup']) {
    const chunks = await bundleWith(bundler, project, file, expanded);
    const { initial, lazy, validation } = initialAndLazy(chunks);
    rows.push({ label, bundler, what: 'initial', ...initial, budget, ceiling });
    // zod and the schemas belong to the first validation, never to what an element imports eagerly.
    if (validationBudget !== undefined && initial.eagerValidation.length) {
      const modules = [...new Set(initial.eagerValidation.map((m) => m.replace(/.*node_modules\//, '')))];
      problems.push(`${label} (${bundler}): loads eagerly ${modules.slice(0, 4).join(', ')}…`);
    }
    if (validationBudget !== undefined) {
      // The largest first validation: zod and the shared schemas with the heaviest group's.
      const measured = validation.map(({ group, chunks: groupChunks }) => {
        const code = inStableOrder(groupChunks)
          .map((c) => c.code)
          .join('\n');
        return { group, gzip: gzip(code), brotli: brotli(code) };
      });
      const largest = measured.reduce((a, b) => (b.gzip > a.gzip ? b : a));
      if (verbose) {
        for (const { group, gzip: groupGzip, brotli: groupBrotli } of measured) {
          rows.push({ label, bundler, what: `lazy: first validation, ${group}`, gzip: groupGzip, brotli: groupBrotli });
        }
      }
      rows.push({
        label,
        bundler,
        what: `lazy: zod + schemas (first validation, ${largest.group})`,
        gzip: largest.gzip,
        brotli: largest.brotli,
        budget: validationBudget,
        ceiling: INTERIM_CEILINGS.validation,
      });
    }
    const lazyTotal = lazy.reduce((sum, c) => sum + c.gzip, 0);
    if (lazy.length) {
      rows.push({
        label,
        bundler,
        what: `lazy: ${lazy.length} chunk${lazy.length > 1 ? 's' : ''} in all`,
        gzip: lazyTotal,
        brotli: lazy.reduce((sum, c) => sum + c.brotli, 0),
      });
    }
    for (const chunk of lazy) {
      if (verbose || lazyBudget !== undefined) {
        rows.push({ label, bundler, what: `lazy chunk ${chunk.file}`, ...chunk, budget: lazyBudget });
      }
    }
  }
}

const elementPackages = packages.filter(
  (pkg) => pkg.exports?.['./define.js'] && !['@clienteling/core', '@clienteling/elements'].includes(pkg.name),
);
// Issue 19's target is for the five elements of the first wave; the all-in-one package registers
// every element since (the customer's profile and timeline, the task list, the transfer…).
const FIRST_FIVE = ['staff-card', 'tag-editor', 'moments-composer', 'coupon-dispenser', 'group-member-list'];
await measure(
  'the first five + provider, Lit, core',
  ['@clienteling/core/define.js', ...FIRST_FIVE.map((name) => `@clienteling/${name}/define.js`)]
    .map((entry) => `import '${entry}';\n`)
    .join(''),
  {
    budget: CONSUMER_BUDGETS.firstFiveInitial,
    ceiling: INTERIM_CEILINGS['first-five'],
    validationBudget: CONSUMER_BUDGETS.validationLazy,
  },
);
await measure('every element (@clienteling/elements) + provider, Lit, core', "import '@clienteling/elements';\n", {
  budget: CONSUMER_BUDGETS.allInOneInitial,
  validationBudget: CONSUMER_BUDGETS.validationLazy,
});
for (const pkg of elementPackages) {
  await measure(
    `${pkg.name.replace('@clienteling/', '')} alone + provider, Lit, core`,
    `import '@clienteling/core/define.js';\nimport '${pkg.name}/define.js';\n`,
    {
      budget: CONSUMER_BUDGETS.elementInitial,
      ceiling: INTERIM_CEILINGS[pkg.name],
      validationBudget: CONSUMER_BUDGETS.validationLazy,
    },
  );
}
// The floor under every "alone" figure: the provider and an element of one string on core's element
// kit (base class, styles, localization, feedback, errors), all an element of ours starts from. What
// the element-alone budget leaves for an element's own code is that budget minus this floor.
const FLOOR_LABEL = 'floor: a one-string element on the kit + provider';
await measure(
  FLOOR_LABEL,
  `import '@clienteling/core/define.js';
import { html } from 'lit';
import { ClientelingElement, FeedbackController, LocalizeController, baseStyles, defineMessages } from '@clienteling/core/elements.js';
import { toAdapterError } from '@clienteling/core/errors.js';
const messages = defineMessages({ 'floor.title': '标题' }, async () => ({ default: { 'floor.title': 'Title' } }));
class FloorElement extends ClientelingElement {
  static styles = [baseStyles];
  localize = new LocalizeController(this, messages);
  feedback = new FeedbackController(this);
  render() {
    return html\`<p>\${this.localize.t('floor.title')}</p>\${this.feedback.render()}\`;
  }
  fail(error) {
    this.feedback.show(this.localize.error(toAdapterError(error)));
  }
}
customElements.define('cl-size-floor', FloorElement);
`,
);
const budgeted = new Set(OWN_CODE_BUDGETS.map((b) => b.import.replace(/^(@[^/]+\/[^/]+).*$/, '$1')));
const ownCode = [
  ...OWN_CODE_BUDGETS,
  ...elementPackages
    .filter((pkg) => !budgeted.has(pkg.name))
    .map((pkg) => ({
      import: `${pkg.name}/define.js`,
      external: ['lit', '@clienteling/core'],
      budget: DEFAULT_ELEMENT_BUDGET,
    })),
];
for (const spec of ownCode) {
  const without = spec.external.join(', ');
  await measure(
    `${spec.label ?? spec.import} (own code, without ${without})`,
    `export * from '${spec.import}';\n`,
    spec,
  );
}

const cdnDir = join(ROOT, 'packages/elements/dist/cdn');
const cdnFile = join(cdnDir, 'clienteling-elements.js');
if (existsSync(cdnFile)) {
  // Eager: the entry and every chunk it imports statically, as a browser loads them before running it.
  const eager = new Set();
  const visit = (file) => {
    if (eager.has(file)) return;
    eager.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^'"()]*?from\s*)?["'](\.[^"']+)["']/g))
      visit(join(dirname(file), spec));
  };
  visit(cdnFile);
  const eagerCode = [...eager].map((file) => readFileSync(file, 'utf8')).join('\n');
  rows.push({
    label: `CDN build (clienteling-elements.js and ${eager.size - 1} chunks it imports)`,
    bundler: 'rollup',
    what: 'eager: provider, adapters, rules',
    gzip: gzip(eagerCode),
    brotli: brotli(eagerCode),
    budget: CONSUMER_BUDGETS.cdnEager,
    ceiling: INTERIM_CEILINGS.cdn,
  });
  // The chunks named after an element package (rollup.config.js): what loads with one element's tag.
  const elementNames = elementPackageNames();
  const chunks = readdirSync(join(cdnDir, 'chunks')).filter(
    (name) =>
      !eager.has(join(cdnDir, 'chunks', name)) && elementNames.some((element) => name.startsWith(`${element}-`)),
  );
  const largest = chunks
    .map((name) => ({ name, code: readFileSync(join(cdnDir, 'chunks', name), 'utf8') }))
    .sort((a, b) => gzip(b.code) - gzip(a.code))[0];
  if (largest) {
    rows.push({
      label: `CDN build, largest chunk loaded with its element (${largest.name})`,
      bundler: 'rollup',
      what: 'lazy',
      gzip: gzip(largest.code),
      brotli: brotli(largest.code),
      budget: CONSUMER_BUDGETS.cdnLazyChunk,
    });
  }
} else {
  rows.push({
    label: 'CDN build',
    bundler: '-',
    what: 'missing: run `npm run build`',
    gzip: Infinity,
    brotli: Infinity,
    budget: 45,
  });
}
rmSync(project, { recursive: true, force: true });

let failed = false;
let targetsMissed = 0;
const header = [
  'measured'.padEnd(62),
  'bundler'.padEnd(7),
  'what'.padEnd(38),
  'gzip'.padStart(6),
  'brotli'.padStart(6),
  'target'.padStart(6),
  'ceiling'.padStart(7),
].join(' ');
console.log(`${header}\n${'-'.repeat(header.length)}`);
for (const row of rows) {
  const missed = row.budget !== undefined && row.gzip > row.budget;
  const over = missed && (row.ceiling === undefined || row.gzip > row.ceiling);
  failed ||= over;
  if (missed) targetsMissed++;
  const cells = [
    row.label.slice(0, 62).padEnd(62),
    row.bundler.padEnd(7),
    row.what.slice(0, 38).padEnd(38),
    row.gzip.toFixed(2).padStart(6),
    row.brotli.toFixed(2).padStart(6),
    String(row.budget ?? '-').padStart(6),
    String(row.ceiling ?? '').padStart(7),
  ];
  const verdict = over ? '  ✖ over budget' : missed ? '  ✖ over target (within interim ceiling)' : '';
  console.log(`${cells.join(' ')}${verdict}`);
}
console.log('\nKB after minification; gzip -9 and brotli -11. Budgets (gzip) in scripts/size-budgets.js.');
const floor = Math.max(
  ...rows.filter((row) => row.label === FLOOR_LABEL && row.what === 'initial').map((row) => row.gzip),
);
console.log(
  `Floor ${floor.toFixed(2)}: one element alone within ${CONSUMER_BUDGETS.elementInitial} KB may add ` +
    `${(CONSUMER_BUDGETS.elementInitial - floor).toFixed(2)} KB gzip of its own code ` +
    `(an element's own-code budget: ${DEFAULT_ELEMENT_BUDGET}).`,
);
if (targetsMissed) console.log(`${targetsMissed} measurement(s) over issue 19's targets, within interim ceilings.`);
for (const problem of problems) console.error(`✖ ${problem}`);
if (failed || problems.length) {
  console.error(failed ? '\nSize budget exceeded.' : '\nValidation code in an eager chunk.');
  process.exit(1);
}

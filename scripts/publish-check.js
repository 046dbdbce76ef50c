// Packs every public package as npm would publish it and checks each tarball:
//   - its package.json is the published form (no `source` condition, no build settings) and carries
//     repository, homepage, bugs, publishConfig.access "public", `./package.json` in its exports;
//   - LICENSE, README.md, every file its exports point at, a declaration and a source map for every
//     module of dist/, and custom-elements.json when it declares one;
//   - every bare import of its JavaScript and declarations resolves from its own declared
//     dependencies (nothing only transitive);
//   - `publint --strict` and `@arethetypeswrong/cli --profile esm-only` report no problem;
//   - `npm publish --dry-run` succeeds.
// `packPublicPackages` is shared with the consumer tests (test/consumers/).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { problemAffectsResolutionKind } from '@arethetypeswrong/core/problems';
import { publishedManifest } from './pack.js';

const ROOT = new URL('..', import.meta.url).pathname;
/** An ESM-only library: CommonJS and node10 resolution are out of scope (attw's `esm-only` profile). */
const CHECKED_RESOLUTIONS = ['node16-esm', 'bundler'];
const GENERATED_HEADER = '// Generated from custom-elements.json by scripts/generate-framework-types.js';

/** The public (not private) workspace packages, in the root package.json's order. */
export function publicPackages() {
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return root.workspaces
    .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) }))
    .filter(({ pkg }) => !pkg.private);
}

/** `npm pack` of every public package into `destination`; returns `{ dir, pkg, tarball, unpacked }`. */
export function packPublicPackages(destination) {
  rmSync(destination, { recursive: true, force: true });
  mkdirSync(destination, { recursive: true });
  const packages = publicPackages();
  const workspaces = packages.flatMap(({ dir }) => ['-w', dir]);
  const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', destination, ...workspaces], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stdout}\n${packed.stderr}`);
  const results = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
  return packages.map(({ dir, pkg }) => {
    const result = results.find((r) => r.name === pkg.name);
    const tarball = join(destination, result.filename);
    const unpacked = join(destination, result.filename.replace(/\.tgz$/, ''));
    mkdirSync(unpacked);
    spawnSync('tar', ['xzf', tarball, '-C', unpacked, '--strip-components=1'], { stdio: 'inherit' });
    return { dir, pkg, tarball, unpacked };
  });
}

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** The package names a module imports by bare specifier (static, dynamic and `import("…")` types). */
export function bareImports(code) {
  const specifiers = new Set();
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\/\/\/\s*<reference\s+types=['"]([^'"]+)['"]/g,
  ];
  for (const pattern of patterns) {
    for (const [, specifier] of code.matchAll(pattern)) {
      if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.includes(':')) continue;
      const parts = specifier.split('/');
      specifiers.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
    }
  }
  return [...specifiers];
}

export function contentProblems({ dir, pkg, unpacked }) {
  const problems = [];
  const shipped = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
  if (JSON.stringify(shipped) !== JSON.stringify(publishedManifest(pkg))) {
    problems.push('package.json is not the published form (did prepack run?)');
  }
  if (JSON.stringify(shipped).includes('"source"')) problems.push('package.json still has a `source` condition');
  if (!shipped.repository?.url || !shipped.homepage || !shipped.bugs) problems.push('repository/homepage/bugs');
  if (shipped.publishConfig?.access !== 'public') problems.push('publishConfig.access is not "public"');
  if (shipped.exports?.['./package.json'] !== './package.json') problems.push('exports lack "./package.json"');
  if (shipped.customElements && shipped.exports?.['./custom-elements.json'] !== './custom-elements.json') {
    problems.push('exports lack "./custom-elements.json"');
  }
  for (const file of ['LICENSE', 'README.md', shipped.customElements].filter(Boolean)) {
    if (!existsSync(join(unpacked, file))) problems.push(`${file} missing`);
  }
  if (shipped.customElements && existsSync(join(unpacked, shipped.customElements))) {
    const manifest = JSON.parse(readFileSync(join(unpacked, shipped.customElements), 'utf8'));
    const tags = manifest.modules.flatMap((mod) => (mod.declarations ?? []).filter((d) => d.tagName));
    if (tags.length === 0) problems.push(`${shipped.customElements} declares no custom element`);
  }
  const dist = filesUnder(join(unpacked, 'dist'));
  if (dist.length === 0) problems.push('dist/ missing');
  for (const file of dist.filter((f) => f.endsWith('.js') && !f.includes('/dist/cdn/'))) {
    const name = relative(unpacked, file);
    if (!existsSync(file.replace(/\.js$/, '.d.ts'))) problems.push(`${name} has no declaration`);
    const generated = readFileSync(file, 'utf8').startsWith(GENERATED_HEADER); // written as is, nothing to map
    if (!generated && !existsSync(`${file}.map`)) problems.push(`${name} has no source map`);
  }
  const declared = new Set([
    pkg.name,
    ...Object.keys(shipped.dependencies ?? {}),
    ...Object.keys(shipped.peerDependencies ?? {}),
  ]);
  const builtins = new Set(builtinModules);
  for (const file of dist.filter((f) => /\.(js|d\.ts)$/.test(f) && !f.includes('/dist/cdn/'))) {
    for (const name of bareImports(readFileSync(file, 'utf8'))) {
      if (!declared.has(name) && !declared.has(`@types/${name}`) && !builtins.has(name)) {
        problems.push(`${relative(unpacked, file)} imports ${name}, which ${dir}/package.json does not declare`);
      }
    }
  }
  return problems;
}

export async function publintProblems({ unpacked }) {
  const { messages, pkg } = await publint({ pkgDir: unpacked, strict: true, pack: false, level: 'suggestion' });
  return messages.map((message) => `publint: ${formatMessage(message, pkg, { color: false })}`);
}

export async function attwProblems({ tarball }) {
  const analysis = await checkPackage(createPackageFromTarballData(new Uint8Array(readFileSync(tarball))));
  if (!analysis.types) return ['attw: no types'];
  return analysis.problems
    .filter((problem) => CHECKED_RESOLUTIONS.some((kind) => problemAffectsResolutionKind(problem, kind, analysis)))
    .map((problem) => `attw: ${JSON.stringify(problem)}`);
}

function publishDryRunProblems(packages) {
  const workspaces = packages.flatMap(({ dir }) => ['-w', dir]);
  const result = spawnSync('npm', ['publish', '--dry-run', '--tag', 'dry-run', ...workspaces], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return result.status === 0 ? [] : [`npm publish --dry-run failed:\n${result.stdout}\n${result.stderr}`];
}

export async function checkPublicPackages(destination = join(ROOT, 'node_modules/.cache/publish-check')) {
  const packed = packPublicPackages(destination);
  const report = [];
  for (const entry of packed) {
    const problems = [...contentProblems(entry), ...(await publintProblems(entry)), ...(await attwProblems(entry))];
    report.push({ name: entry.pkg.name, problems });
  }
  report.push({ name: 'npm publish --dry-run', problems: publishDryRunProblems(packed) });
  return report;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const report = await checkPublicPackages();
  let failed = false;
  for (const { name, problems } of report) {
    console.log(`${problems.length ? '✖' : '✔'} ${name}`);
    for (const problem of problems) console.log(`    ${problem}`);
    failed ||= problems.length > 0;
  }
  process.exit(failed ? 1 : 0);
}

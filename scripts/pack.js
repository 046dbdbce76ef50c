// `prepack` and `postpack` of every public package (npm runs them inside the package's folder, for
// `npm pack` and `npm publish` alike):
//   prepack   builds the packages when this one's dist is incomplete (a clean clone has none), then
//             writes the package.json as it is published: without the development-only `source`
//             export condition and `src/` side-effect entries, and without the repository's own
//             `clienteling` build settings. The development file is kept as `package.json.dev`.
//   postpack  puts the development package.json back.
// `publishedManifest` is also what scripts/check-packages.js compares a tarball's package.json with.
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = new URL('..', import.meta.url).pathname;
const DEVELOPMENT_CONDITIONS = ['source'];

/** Drops the development-only conditions from an `exports` target, recursively. */
function publishedTarget(target) {
  if (typeof target !== 'object' || target === null) return target;
  return Object.fromEntries(
    Object.entries(target)
      .filter(([condition]) => !DEVELOPMENT_CONDITIONS.includes(condition))
      .map(([condition, value]) => [condition, publishedTarget(value)]),
  );
}

/** The package.json a consumer installs, made from the one in the repository. */
export function publishedManifest(pkg) {
  const published = { ...pkg };
  delete published.clienteling;
  delete published.scripts;
  if (published.exports) published.exports = publishedTarget(published.exports);
  if (Array.isArray(published.sideEffects)) {
    published.sideEffects = published.sideEffects.filter((pattern) => !pattern.startsWith('./src/'));
  }
  return published;
}

/** Every file the package's `exports` (and `customElements`) point at. */
export function exportedFiles(pkg) {
  const files = new Set();
  const walk = (target) => {
    if (typeof target === 'string') files.add(target.replace(/^\.\//, ''));
    else if (target && typeof target === 'object') Object.values(target).forEach(walk);
  };
  walk(publishedTarget(pkg.exports ?? {}));
  if (pkg.customElements) files.add(pkg.customElements);
  return [...files].filter((file) => !file.includes('*'));
}

function prepack(dir) {
  const file = join(dir, 'package.json');
  const backup = join(dir, 'package.json.dev');
  if (existsSync(backup)) renameSync(backup, file); // a previous pack was interrupted
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  const missing = exportedFiles(pkg).filter((f) => !existsSync(join(dir, f)));
  if (missing.length) {
    console.error(`${pkg.name}: ${missing.join(', ')} missing, building the packages first`);
    const build = spawnSync('node', [join(ROOT, 'scripts/build.js')], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  copyFileSync(file, backup);
  writeFileSync(file, `${JSON.stringify(publishedManifest(pkg), null, 2)}\n`);
}

function postpack(dir) {
  const backup = join(dir, 'package.json.dev');
  if (existsSync(backup)) renameSync(backup, join(dir, 'package.json'));
}

const [, script, step] = process.argv;
if (script === new URL(import.meta.url).pathname) {
  if (step === 'prepack') prepack(process.cwd());
  else if (step === 'postpack') postpack(process.cwd());
  else throw new Error('usage: node scripts/pack.js prepack|postpack');
}

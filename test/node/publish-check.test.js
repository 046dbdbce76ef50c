// Every public package packs into a complete tarball that publint --strict, attw and
// `npm publish --dry-run` accept (scripts/publish-check.js); run after `npm run build`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPublicPackages, contentProblems, publintProblems } from '../../scripts/publish-check.js';
import { publishedManifest } from '../../scripts/pack.js';

test('every public package is publishable as packed', async () => {
  const report = await checkPublicPackages();
  assert.ok(report.length > 10, 'every public package is checked');
  assert.deepEqual(
    report.filter((entry) => entry.problems.length),
    [],
  );
});

/** A package as it would be unpacked from a tarball, with one declaration importing lit-html. */
function unpackedPackage(dependencies) {
  const unpacked = mkdtempSync(join(tmpdir(), 'publish-check-'));
  const pkg = {
    name: '@clienteling/example',
    version: '0.1.0',
    type: 'module',
    license: 'MIT',
    repository: { type: 'git', url: 'git+https://example.com/x.git' },
    homepage: 'https://example.com',
    bugs: 'https://example.com/issues',
    exports: {
      '.': { source: './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' },
      './package.json': './package.json',
    },
    dependencies,
    publishConfig: { access: 'public' },
  };
  mkdirSync(join(unpacked, 'dist'));
  writeFileSync(join(unpacked, 'package.json'), JSON.stringify(publishedManifest(pkg)));
  writeFileSync(join(unpacked, 'dist/index.js'), "export { html } from 'lit';\n");
  writeFileSync(join(unpacked, 'dist/index.js.map'), '{}');
  writeFileSync(join(unpacked, 'dist/index.d.ts'), "export declare const t: import('lit-html').TemplateResult;\n");
  writeFileSync(join(unpacked, 'LICENSE'), 'MIT');
  writeFileSync(join(unpacked, 'README.md'), '# example');
  return { dir: 'packages/example', pkg, unpacked };
}

test('the check fails when a declaration imports a package that is only transitive', () => {
  assert.deepEqual(contentProblems(unpackedPackage({ lit: '^3.3.0', 'lit-html': '^3.3.0' })), []);
  assert.deepEqual(contentProblems(unpackedPackage({ lit: '^3.3.0' })), [
    'dist/index.d.ts imports lit-html, which packages/example/package.json does not declare',
  ]);
});

test('the check fails when the tarball has no dist, or the development package.json', () => {
  const entry = unpackedPackage({ lit: '^3.3.0', 'lit-html': '^3.3.0' });
  writeFileSync(join(entry.unpacked, 'package.json'), JSON.stringify(entry.pkg));
  assert.ok(contentProblems(entry).some((p) => p.includes('not the published form')));
  const withoutDist = unpackedPackage({ lit: '^3.3.0', 'lit-html': '^3.3.0' });
  rmSync(join(withoutDist.unpacked, 'dist'), { recursive: true });
  assert.ok(contentProblems(withoutDist).includes('dist/ missing'));
});

test('publint --strict finds an export that points at nothing', async () => {
  const entry = unpackedPackage({ lit: '^3.3.0', 'lit-html': '^3.3.0' });
  assert.deepEqual(await publintProblems(entry), []);
  const broken = {
    ...entry.pkg,
    exports: { ...publishedManifest(entry.pkg).exports, './missing.js': './dist/missing.js' },
  };
  writeFileSync(join(entry.unpacked, 'package.json'), JSON.stringify(broken));
  assert.ok((await publintProblems(entry)).length > 0);
});

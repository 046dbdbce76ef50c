// Every shipped browser file parses as ES2019 (plus dynamic import()): run after `npm run build`.
import { test } from 'node:test';
import process from 'node:process';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { post2019Features } from './syntax.js';
import { workspacePackages } from '../../rollup.config.js';

const jsFiles = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return name.endsWith('.js') ? [path] : [];
  });

const shipped = workspacePackages()
  .map(({ dir }) => join(dir, 'dist'))
  .filter(existsSync)
  .flatMap(jsFiles);

test('the build produced browser files to check', () => {
  assert.ok(shipped.length > 10, `only ${shipped.length} files in packages/*/dist: run npm run build first`);
  assert.ok(
    shipped.some((f) => f.endsWith('cdn/clienteling-elements.js')),
    'the CDN build is missing',
  );
});

for (const file of shipped) {
  test(`${file.replace(process.cwd() + '/', '')} is ES2019`, () => {
    assert.deepEqual(post2019Features(readFileSync(file, 'utf8')), []);
  });
}

test('the checker catches newer syntax', () => {
  assert.equal(post2019Features('a?.b; c ?? d; x ||= 1; 1_000; 10n; class A { x = 1; #y; static {} }').length, 9);
  assert.deepEqual(post2019Features('import("./lazy.js"); try {} catch {} const {a, ...r} = {};'), []);
});

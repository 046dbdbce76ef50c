// The CDN build's element chunks are named after their packages (rollup.config.js): the size report
// and the demo's CDN test find an element's code by that name. Run after `npm run build`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, elementPackageNames } from '../../rollup.config.js';

const chunksDir = join(ROOT, 'packages/elements/dist/cdn/chunks');

test('every element of the CDN build is in one chunk named after its package', () => {
  assert.ok(existsSync(chunksDir), 'the CDN build is missing: run npm run build first');
  const chunks = readdirSync(chunksDir);
  const elements = elementPackageNames();
  assert.ok(elements.length >= 13, `only ${elements.length} element packages found`);
  for (const element of elements) {
    const named = chunks.filter((name) => new RegExp(`^${element}-[\\w-]{8}\\.js$`).test(name));
    assert.equal(named.length, 1, `chunks/${element}-<hash>.js: found ${JSON.stringify(named)}`);
  }
  assert.deepEqual(
    chunks.filter((name) => /^define-[\w-]{8}\.js$/.test(name)),
    [],
    'no chunk is left named after a package’s define module',
  );
});

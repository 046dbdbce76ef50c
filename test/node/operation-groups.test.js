// Validating one operation loads the schemas of its group only (core's load-validation.ts). Each
// group's module (`operations-<group>.ts`) is bundled from source on its own; the modules it reaches
// must hold its own schemas and what every group shares, never another group's. An import of another
// group's schemas (or of the whole `schemas.ts`), anywhere on the way, fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { build } from 'esbuild';
import { SOURCE_BUNDLE } from '../helpers/source-bundle.js';

const core = new URL('../../packages/core/src/', import.meta.url).pathname;

/** The schema modules each group's operations may reach, besides `schemas-common.ts`. */
const GROUP_SCHEMAS = {
  common: [],
  people: ['schemas-base.ts'],
  outreach: ['schemas-outreach.ts'],
  day: ['schemas-day.ts'],
  // Scripts and broadcasts carry the moments' attachments.
  messaging: ['schemas-messaging.ts', 'schemas-outreach.ts'],
};
const OTHER_TABLES = /core\/src\/(operations-[a-z]+|schemas|contract|validate|validation-chunk)\.ts$/;

for (const [group, schemas] of Object.entries(GROUP_SCHEMAS)) {
  test(`the ${group} operations load the schemas of their group only`, async () => {
    const entry = join(core, `operations-${group}.ts`);
    const result = await build({
      ...SOURCE_BUNDLE,
      splitting: false,
      entryPoints: [entry],
      write: false,
      metafile: true,
      outdir: '/tmp/operation-groups',
    });
    const reached = Object.keys(result.metafile.inputs);
    const schemaModules = reached
      .filter((path) => /core\/src\/schemas-[a-z]+\.ts$/.test(path))
      .map((path) => path.split('/').pop())
      .sort();
    assert.deepEqual(schemaModules, ['schemas-common.ts', ...schemas].sort());
    const others = reached.filter((path) => OTHER_TABLES.test(path) && !path.endsWith(`operations-${group}.ts`));
    const allowed = group === 'common' ? [] : ['operations-common.ts'];
    assert.deepEqual(
      others.map((path) => path.split('/').pop()).filter((name) => !allowed.includes(name)),
      [],
      `operations-${group}.ts reaches another group's table`,
    );
  });
}

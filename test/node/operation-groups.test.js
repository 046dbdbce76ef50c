// Validating one operation loads the schemas of its group only (core's load-validation.ts). Each
// group's module (`operations-<group>.ts`) is bundled from source on its own; the modules it reaches
// must hold its own schemas and what every group shares, never another group's. An import of another
// group's schemas (or of the whole `schemas.ts`), anywhere on the way, fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { SOURCE_BUNDLE } from '../helpers/source-bundle.js';

const core = new URL('../../packages/core/src/', import.meta.url).pathname;

/** The schema modules each group's operations may reach, besides `schemas-common.ts`. */
const GROUP_SCHEMAS = {
  common: ['schemas-staff.ts'],
  people: ['schemas-base.ts'],
  // Moments, scripts and broadcasts carry attachments.
  outreach: ['schemas-outreach.ts', 'schemas-attachments.ts'],
  tasks: ['schemas-tasks.ts'],
  // A transfer's successor is a staff member.
  transfers: ['schemas-transfers.ts', 'schemas-staff.ts'],
  results: ['schemas-results.ts'],
  scripts: ['schemas-scripts.ts', 'schemas-attachments.ts'],
  broadcasts: ['schemas-broadcasts.ts', 'schemas-attachments.ts'],
};
const OTHER_TABLES = /core\/src\/(operations-[a-z]+|schemas|contract|validate|validation-chunk)\.ts$/;

test('every group has its module of operations, and each is checked below', () => {
  const modules = readdirSync(core)
    .map((name) => /^operations-([a-z]+)\.ts$/.exec(name)?.[1])
    .filter(Boolean)
    .sort();
  assert.deepEqual(modules, Object.keys(GROUP_SCHEMAS).sort());
});

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
    assert.deepEqual(
      others.map((path) => path.split('/').pop()),
      [],
      `operations-${group}.ts reaches another group's table`,
    );
  });
}

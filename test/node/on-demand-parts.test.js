// What each element loads on demand stays out of what it loads first. Every element's `define.ts` is
// bundled from source as a consumer's esbuild would (code splitting); the modules its entry reaches
// through static imports must not include its English strings, the parts it loads with `OnDemand` or
// `import()`, idb or zod. A static import of any of them, anywhere on the way, fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { SOURCE_BUNDLE } from '../helpers/source-bundle.js';

const repo = new URL('../../', import.meta.url).pathname;

/** Modules loaded on demand by one element, besides every English catalog, idb and zod (paths from the repo). */
const PARTS = {
  'moments-composer': [
    'packages/tag-editor/src/tag-picker.ts',
    'packages/moments-composer/src/publish-outcome.ts',
    'packages/moments-composer/src/publish-outcome.messages.ts',
    'packages/moments-composer/src/attachment-intake.ts',
    'packages/moments-composer/src/attachment-intake.messages.ts',
  ],
  'broadcast-composer': [
    'packages/tag-editor/src/tag-picker.ts',
    'packages/broadcast-composer/src/send-confirm.ts',
    'packages/broadcast-composer/src/send-confirm.messages.ts',
    'packages/broadcast-composer/src/broadcast-progress.ts',
    'packages/broadcast-composer/src/broadcast-progress.messages.ts',
    'packages/moments-composer/src/attachment-intake.ts',
    'packages/moments-composer/src/attachment-intake.messages.ts',
  ],
  'coupon-dispenser': [
    'packages/coupon-dispenser/src/send-sheet.ts',
    'packages/coupon-dispenser/src/send-sheet.messages.ts',
  ],
  'task-list': ['packages/task-list/src/task-form.ts', 'packages/task-list/src/task-form.messages.ts'],
  'customer-profile': ['packages/customer-profile/src/profile-editor.ts'],
  'customer-transfer': [
    'packages/customer-transfer/src/handover.ts',
    'packages/customer-transfer/src/handover.messages.ts',
    'packages/tag-editor/src/tag-picker.ts',
  ],
  'script-library': [
    'packages/script-library/src/script-form.ts',
    'packages/script-library/src/script-form.messages.ts',
  ],
};

/** Never in any element's first load. */
const NEVER_EAGER = [/\.messages\.en\.ts$/, /node_modules\/idb\//, /node_modules\/zod\//, /core\/src\/schemas/];

const elements = readdirSync(join(repo, 'packages')).filter((name) => {
  try {
    return readdirSync(join(repo, 'packages', name, 'src')).includes('define.ts') && name !== 'core';
  } catch {
    return false;
  }
});

/** The input modules an entry reaches through static imports, as esbuild splits them. */
async function eagerModules(entry) {
  const outdir = mkdtempSync(join(tmpdir(), 'cl-on-demand-'));
  try {
    const { metafile } = await build({
      ...SOURCE_BUNDLE,
      entryPoints: { entry },
      outdir,
      write: false,
      metafile: true,
    });
    const outputs = metafile.outputs;
    const entryFile = Object.keys(outputs).find((file) => entry.endsWith(outputs[file].entryPoint ?? '\0'));
    const eager = new Set();
    const visit = (file) => {
      if (eager.has(file)) return;
      eager.add(file);
      for (const { path, kind } of outputs[file].imports) if (kind === 'import-statement' && outputs[path]) visit(path);
    };
    visit(entryFile);
    return [...eager].flatMap((file) => Object.keys(outputs[file].inputs));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

test('every element is checked', () => {
  assert.ok(elements.length >= 11, `found ${elements.join(', ')}`);
  for (const name of Object.keys(PARTS)) assert.ok(elements.includes(name), `${name} has no define.ts`);
});

for (const name of elements) {
  test(`${name}: its first load leaves out what loads on demand`, async () => {
    const modules = await eagerModules(join(repo, 'packages', name, 'src/define.ts'));
    assert.ok(
      modules.some((m) => m.endsWith(`packages/${name}/src/define.ts`)),
      'the entry itself is among them',
    );
    const never = modules.filter((m) => NEVER_EAGER.some((pattern) => pattern.test(m)));
    assert.deepEqual(never, [], `${name} loads eagerly what it should load on demand`);
    const parts = (PARTS[name] ?? []).filter((part) => modules.some((m) => m.endsWith(part)));
    assert.deepEqual(parts, [], `${name} imports its on-demand parts statically`);
  });
}

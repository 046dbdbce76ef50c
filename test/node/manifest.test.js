// The custom-elements.json files describe the public API only, with typed events and the members
// every element inherits: run after `npm run build` (which runs the analyzer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspacePackages } from '../../rollup.config.js';

const manifests = workspacePackages()
  .filter(({ pkg }) => pkg.customElements)
  .map(({ dir, pkg }) => ({ name: pkg.name, file: join(dir, pkg.customElements) }));

const classesOf = (file) =>
  JSON.parse(readFileSync(file, 'utf8')).modules.flatMap((mod) =>
    (mod.declarations ?? []).filter((d) => d.kind === 'class').map((decl) => ({ mod: mod.path, decl })),
  );

test('every package that declares a manifest has one', () => {
  assert.ok(manifests.length >= 6, `only ${manifests.length} packages declare customElements`);
  for (const { name, file } of manifests) assert.ok(existsSync(file), `${name}: ${file} is missing`);
});

for (const { name, file } of manifests) {
  test(`${name}: the manifest lists no private or protected member`, () => {
    const hidden = classesOf(file).flatMap(({ mod, decl }) =>
      (decl.members ?? [])
        .filter((m) => m.privacy === 'private' || m.privacy === 'protected')
        .map((m) => `${mod} ${decl.name}.${m.name} (${m.privacy})`),
    );
    assert.deepEqual(hidden, []);
  });

  test(`${name}: every event has its type`, () => {
    const untyped = classesOf(file).flatMap(({ decl }) =>
      (decl.events ?? []).filter((e) => !/^CustomEvent<.+>$|^Event$/.test(e.type?.text ?? '')).map((e) => e.name),
    );
    assert.deepEqual(untyped, []);
  });

  test(`${name}: every element lists the adapter and bridge it inherits`, () => {
    for (const { decl } of classesOf(file)) {
      if (!decl.customElement || decl.tagName === 'cl-provider') continue;
      const members = new Set((decl.members ?? []).map((m) => m.name));
      if (decl.superclass?.name !== 'ClientelingElement' && !members.has('adapter')) continue;
      assert.ok(members.has('adapter') && members.has('bridge'), `${decl.tagName} lacks adapter or bridge`);
    }
  });
}

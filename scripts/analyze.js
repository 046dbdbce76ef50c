// `npm run analyze`: custom-elements.json for every package that declares "customElements". The
// analyzer runs inside each package, so it only ever touches that package's own files.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.js';
import { workspacePackages } from '../rollup.config.js';
import { GENERATED_MANIFESTS } from './generate-framework-types.js';

const merged = { schemaVersion: '1.0.0', readme: '', modules: [] };

for (const { dir, pkg } of workspacePackages()) {
  if (!pkg.customElements || GENERATED_MANIFESTS.includes(pkg.name)) continue; // those come from the others
  run(`custom-elements.json of ${pkg.name}`, 'sh', [
    '-c',
    `cd "${dir}" && npx --no-install custom-elements-manifest analyze --config ../../custom-elements-manifest.config.js --quiet --globs "src/**/*.ts" --exclude "src/**/*.styles.ts" --exclude "src/**/*.messages.ts" --outdir .`,
  ]);
  const file = join(dir, 'custom-elements.json');
  if (existsSync(file)) {
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    for (const mod of manifest.modules) merged.modules.push({ ...mod, path: `${pkg.name}/${mod.path}` });
  }
}

// One manifest of every element for Storybook's controls and docs.
writeFileSync('.storybook/custom-elements.json', JSON.stringify(merged, null, 2));
console.log(`✔ .storybook/custom-elements.json (${merged.modules.length} modules)`);

// `npm run analyze`: custom-elements.json for every package that declares "customElements". The
// analyzer runs inside each package, so it only ever touches that package's own files.
import { run } from './run.js';
import { workspacePackages } from '../rollup.config.js';

for (const { dir, pkg } of workspacePackages()) {
  if (!pkg.customElements) continue;
  run(`custom-elements.json of ${pkg.name}`, 'sh', [
    '-c',
    `cd "${dir}" && npx --no-install custom-elements-manifest analyze --config ../../custom-elements-manifest.config.js --quiet --globs "src/**/*.ts" --exclude "src/**/*.styles.ts" --exclude "src/**/*.messages.ts" --outdir .`,
  ]);
}

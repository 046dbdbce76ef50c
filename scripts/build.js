// `npm run build`: every browser package as ESM (rollup, ES2019) with type declarations (tsc),
// then each element package's custom-elements.json.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.js';
import { workspacePackages } from '../rollup.config.js';

run('bundles (rollup)', 'npx', ['rollup', '-c', '--silent']);
for (const { dir, pkg } of workspacePackages()) {
  const tsconfig = join(dir, 'tsconfig.build.json');
  if (existsSync(tsconfig)) run(`type declarations of ${pkg.name}`, 'npx', ['tsc', '-p', tsconfig]);
}
run('custom-elements.json', 'node', ['scripts/analyze.js']);

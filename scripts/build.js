// `npm run build`: every browser package as ESM (rollup, ES2019) with type declarations (tsc),
// then each element package's custom-elements.json, and what frameworks and editors read from them.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.js';
import { workspacePackages } from '../rollup.config.js';

// A fresh dist/ each time: nothing stale is ever packed.
for (const { dir } of workspacePackages()) rmSync(join(dir, 'dist'), { recursive: true, force: true });
run('bundles (rollup)', 'npx', ['rollup', '-c', '--silent']);
for (const { dir, pkg } of workspacePackages()) {
  const tsconfig = join(dir, 'tsconfig.build.json');
  if (existsSync(tsconfig)) run(`type declarations of ${pkg.name}`, 'npx', ['tsc', '-p', tsconfig]);
}
run('custom-elements.json', 'node', ['scripts/analyze.js']);
run('framework types and editor data (React, Vue, VS Code, JetBrains)', 'node', [
  'scripts/generate-framework-types.js',
]);

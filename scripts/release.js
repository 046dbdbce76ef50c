// Releases, run by a maintainer (never by CI; CI runs scripts/publish-check.js, the dry run):
//   npm run version-packages  `changeset version` (versions and CHANGELOG.md files from .changeset/),
//                             then the CDN URLs the READMEs pin follow the new version, then the lock
//   npm run release           a clean build, every publish check (publint, attw, npm publish
//                             --dry-run, tarball contents), then `changeset publish`: npm publish of
//                             each package not yet on the registry, and its git tag
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.js';

const ROOT = new URL('..', import.meta.url).pathname;
const READMES = ['README.md', 'packages/elements/README.md'];

/** Pins `@clienteling/elements@x.y.z` in the READMEs' CDN URLs to the package's current version. */
function pinCdnVersion() {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'packages/elements/package.json'), 'utf8'));
  for (const file of READMES) {
    const path = join(ROOT, file);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace(/@clienteling\/elements@\d+\.\d+\.\d+[^/]*/g, `@clienteling/elements@${version}`));
  }
  console.log(`✔ CDN URLs pinned to @clienteling/elements@${version}`);
}

const [step] = process.argv.slice(2);
if (step === 'version') {
  run('changeset version', 'npx', ['changeset', 'version']);
  pinCdnVersion();
  run('lock file', 'npm', ['install', '--package-lock-only', '--no-audit', '--no-fund']);
} else if (step === 'publish') {
  run('build', 'node', ['scripts/build.js']);
  run('publish checks', 'node', ['scripts/publish-check.js']);
  run('changeset publish', 'npx', ['changeset', 'publish']);
} else {
  console.error('usage: node scripts/release.js version|publish');
  process.exit(1);
}

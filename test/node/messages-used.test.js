// Every string in an element's catalogs is one its code shows: a key no code names (literally, or
// through a template such as `transfer.status.${status}`) is dead weight that every page loads with
// the element. Keys under `error.` word the core's errors for one element (localize.error reads them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const repo = new URL('../../', import.meta.url).pathname;

for (const name of readdirSync(join(repo, 'packages'))) {
  const src = join(repo, 'packages', name, 'src');
  let files;
  try {
    files = readdirSync(src).filter((file) => file.endsWith('.ts'));
  } catch {
    continue;
  }
  const catalogs = files.filter((file) => /\.messages\.ts$/.test(file));
  if (!catalogs.length || name === 'core') continue;
  test(`${name}: every string of its catalogs is used`, () => {
    const code = files
      .filter((file) => !file.includes('.messages.'))
      .map((file) => readFileSync(join(src, file), 'utf8'))
      .join('\n');
    const templatePrefixes = [...code.matchAll(/[`']([A-Za-z]+(?:\.[A-Za-z-]+)*\.)\$\{/g)].map((match) => match[1]);
    const unused = catalogs.flatMap((file) =>
      [...readFileSync(join(src, file), 'utf8').matchAll(/^ {2}'([^']+)':/gm)]
        .map((match) => match[1])
        .filter(
          (key) =>
            !key.startsWith('error.') &&
            !code.includes(`'${key}'`) &&
            !templatePrefixes.some((prefix) => key.startsWith(prefix)),
        ),
    );
    assert.deepEqual(unused, []);
  });
}

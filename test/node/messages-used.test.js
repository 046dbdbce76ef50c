// Every string in an element's catalogs is one its code shows: a key no code names (literally, or
// through a template such as `transfer.status.${status}`) is dead weight that every page loads with
// the element. Keys under `error.` word the core's errors for one element (localize.error reads them).
// And a string only a part loaded on demand shows (`import('./send-sheet.js')`) is in that part's
// catalog (`send-sheet.messages.ts`, loaded with it), not in the element's, which loads first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const repo = new URL('../../', import.meta.url).pathname;

const keysOf = (source) => [...source.matchAll(/^ {2}'([^']+)':/gm)].map((match) => match[1]);
const templatePrefixesOf = (code) =>
  [...code.matchAll(/[`']([A-Za-z]+(?:\.[A-Za-z-]+)*\.)\$\{/g)].map((match) => match[1]);
/** Whether `code` names `key`, literally or through a template. */
const names = (code, prefixes, key) => code.includes(`'${key}'`) || prefixes.some((prefix) => key.startsWith(prefix));

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
  const sources = new Map(
    files.filter((file) => !file.includes('.messages.')).map((file) => [file, readFileSync(join(src, file), 'utf8')]),
  );
  const code = [...sources.values()].join('\n');
  const templatePrefixes = templatePrefixesOf(code);

  test(`${name}: every string of its catalogs is used`, () => {
    const unused = catalogs.flatMap((file) =>
      keysOf(readFileSync(join(src, file), 'utf8')).filter(
        (key) => !key.startsWith('error.') && !names(code, templatePrefixes, key),
      ),
    );
    assert.deepEqual(unused, []);
  });

  // The modules of this package it loads on demand, and the catalogs that load with them.
  const parts = new Set(
    [...code.matchAll(/import\('\.\/([a-z-]+)\.js'\)/g)].map((match) => `${match[1]}.ts`).filter((f) => sources.has(f)),
  );
  const partCatalogs = new Set([...parts].map((part) => part.replace(/\.ts$/, '.messages.ts')));
  const firstCatalogs = catalogs.filter((file) => !partCatalogs.has(file));
  if (!parts.size) continue;
  test(`${name}: the strings only its on-demand parts show load with them`, () => {
    const eagerCode = [...sources].filter(([file]) => !parts.has(file)).map(([, source]) => source);
    const eager = eagerCode.join('\n');
    const eagerPrefixes = templatePrefixesOf(eager);
    const partsOnly = firstCatalogs.flatMap((file) =>
      keysOf(readFileSync(join(src, file), 'utf8')).filter(
        (key) => !key.startsWith('error.') && !names(eager, eagerPrefixes, key),
      ),
    );
    assert.ok(eagerCode.length > 0, 'the element itself is among its modules');
    assert.deepEqual(partsOnly, [], `move them to the part's catalog: ${[...partCatalogs].join(', ')}`);
  });
}

// Migrations apply in order on a fresh database, are recorded, and are not applied twice.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, splitStatements } from '../src/db.js';
import { isEmpty, loadDataset } from '../src/dataset.js';
import { miniDataset } from '../src/mini-dataset.js';
import { databases, count } from './helpers.js';

const MIGRATIONS = fileURLToPath(new URL('../migrations/', import.meta.url));

for (const database of databases) {
  describe(`migrations (${database.name})`, () => {
    it('creates the schema on a fresh database, records it, and does nothing the second time', async () => {
      const { db, drop } = await database.create();
      try {
        const files = (await readdir(MIGRATIONS)).filter((f) => f.endsWith('.sql')).sort();
        assert.deepEqual(await migrate(db), files);
        assert.deepEqual(await migrate(db), []);
        assert.equal(await count(db, 'schema_migrations'), files.length);
        assert.equal(await isEmpty(db), true);
        await loadDataset(db, miniDataset());
        assert.equal(await isEmpty(db), false);
        assert.equal(await count(db, 'customers'), 5);
        // Loading again replaces rather than adds.
        await loadDataset(db, miniDataset());
        assert.equal(await count(db, 'customers'), 5);
      } finally {
        await drop();
      }
    });

    it('applies new files in order and rolls back a failing one', async () => {
      const { db, drop } = await database.create();
      const dir = await mkdtemp(join(tmpdir(), 'cl-migrations-'));
      try {
        await writeFile(
          join(dir, '001_a.sql'),
          'CREATE TABLE a (id int);\n-- a comment; with a semicolon\nINSERT INTO a VALUES (1);',
        );
        await writeFile(join(dir, '002_b.sql'), 'CREATE TABLE b (id int);\nINSERT INTO nowhere VALUES (1);');
        await assert.rejects(migrate(db, dir));
        assert.equal(await count(db, 'a'), 1);
        assert.equal((await db.query("SELECT to_regclass('b') AS t")).rows[0]!.t, null);
        await writeFile(join(dir, '002_b.sql'), 'CREATE TABLE b (id int);');
        assert.deepEqual(await migrate(db, dir), ['002_b.sql']);
      } finally {
        await drop();
      }
    });
  });
}

describe('splitStatements', () => {
  it('splits on semicolons at line ends and drops comments', () => {
    assert.deepEqual(splitStatements('-- hi\nCREATE TABLE x (a int);\n\nSELECT 1;\n'), [
      'CREATE TABLE x (a int)',
      'SELECT 1',
    ]);
  });
});

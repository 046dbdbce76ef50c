/**
 * `npm run server`: the reference server on 127.0.0.1 (port from PORT, default 8787), with seed data
 * on a fresh database.
 *
 * Environment:
 * - `DATABASE_URL`: a PostgreSQL connection string; embedded PGlite (in memory) when absent.
 * - `PGLITE_DATA_DIR`: keep PGlite's data in this directory between runs.
 * - `PORT`, `HOST` (default 127.0.0.1).
 * - `CORS_ORIGINS`: comma-separated origins allowed from browsers (default: the local dev servers).
 * - `SEED`, `SEED_LOCALE` (`zh-CN` or `en`): the seed data's random seed and language.
 * Flags: `--test-mode` enables the test hooks (`POST /__test/reset`, `X-Test-Now`): never in production.
 */
import { openDb, migrate } from './db.js';
import { devToken, isEmpty, loadDataset } from './dataset.js';
import { loadSeed } from './seed.js';
import { startServer } from './server.js';

const env = process.env;
const testMode = process.argv.includes('--test-mode');
const db = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });
const applied = await migrate(db);
if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);

if (await isEmpty(db)) {
  const data = await loadSeed({
    seed: Number(env.SEED ?? 1),
    locale: env.SEED_LOCALE === 'en' ? 'en' : 'zh-CN',
    now: new Date(),
  });
  await loadDataset(db, data);
  console.log(
    `seeded: ${data.staff.length} staff, ${data.customers.length} customers, ` +
      `${data.couponStocks.length} coupon stocks, ${data.groups.length} groups`,
  );
}

const server = await startServer({
  db,
  host: env.HOST ?? '127.0.0.1',
  port: Number(env.PORT ?? 8787),
  corsOrigins: (
    env.CORS_ORIGINS ?? 'http://localhost:5173,http://localhost:6006,http://localhost:8000,http://127.0.0.1:8000'
  )
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean),
  testMode,
  log: env.QUIET ? undefined : (line) => console.log(line),
});

const staff = await db.query<{ id: string; name: string }>(
  "SELECT id, doc->>'name' AS name FROM staff ORDER BY id LIMIT 10",
);
console.log(`\nclienteling reference server on ${server.url} (${db.kind}${testMode ? ', TEST MODE' : ''})`);
console.log('development tokens (Authorization: Bearer <token>):');
for (const member of staff.rows) console.log(`  ${member.name.padEnd(12)} ${devToken(member.id)}`);

const stop = async () => {
  await server.close();
  await db.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

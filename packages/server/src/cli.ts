/**
 * `clienteling-server` (`npm run server` passes `--dev`): the reference server on 127.0.0.1 (port
 * from PORT, default 8787), with seed data on a fresh database.
 *
 *     clienteling-server [--dev] [--test-mode]
 *     clienteling-server token create <staffId> [--days 90] [--label text]
 *     clienteling-server token list
 *     clienteling-server token revoke <tokenId>
 *     clienteling-server token create-pos [--label text]   (the POS's order ingestion, /pos/v1/...)
 *     clienteling-server token revoke-pos <posTokenId>
 *
 * Environment:
 * - `DATABASE_URL`: a PostgreSQL connection string; embedded PGlite (in memory) when absent.
 * - `PGLITE_DATA_DIR`: keep PGlite's data in this directory between runs (one process at a time).
 * - `PORT`, `HOST` (default 127.0.0.1), `PUBLIC_URL` (the address browsers use, for media URLs).
 * - `CORS_ORIGINS`: comma-separated origins allowed from browsers (default: the local dev servers;
 *   with `--dev`, any localhost or 127.0.0.1 port as well).
 * - `COUPON_RATE_LIMIT` (sends per window, default 30) and `COUPON_RATE_WINDOW_S` (default 60).
 * - `SEED`, `SEED_LOCALE` (`zh-CN` or `en`): the seed data's random seed and language;
 *   `SEED_DATASET=mini` seeds the small built-in data set instead.
 * - `MIGRATION_LOCK_TIMEOUT_S`: how long to wait for another process's migrations (default 60).
 * - `QUIET`: no request log (failures are still logged).
 * Flags: `--dev` accepts the development tokens `dev-<staffId>` (printed on start) and localhost
 * pages; `--test-mode` also enables the test hooks (`POST /__test/reset`, `X-Test-Now`). Never in
 * production.
 */
import { parseArgs } from 'node:util';
import { openDb, migrate, MIGRATION_LOCK_TIMEOUT_MS, type Db } from './db.js';
import { isEmpty, loadDataset } from './dataset.js';
import { miniDataset } from './mini-dataset.js';
import { loadSeed } from './seed.js';
import { startServer } from './server.js';
import { createPosToken, createToken, devToken, listTokens, revokePosToken, revokeToken } from './tokens.js';

const env = process.env;
const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dev: { type: 'boolean', default: false },
    'test-mode': { type: 'boolean', default: false },
    days: { type: 'string' },
    label: { type: 'string' },
  },
});
const testMode = flags['test-mode'];
const devMode = flags.dev || testMode;

/** Opens the database and brings it up to date; the first process on an empty database seeds it. */
async function prepare(): Promise<Db> {
  const db = await openDb({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.PGLITE_DATA_DIR,
    onConnectionError: (error) => console.error(`database connection lost (${error.message}); reconnecting`),
  });
  // Processes starting together on one database take turns: one migrates and seeds, the others wait.
  const lockTimeoutMs = env.MIGRATION_LOCK_TIMEOUT_S
    ? Number(env.MIGRATION_LOCK_TIMEOUT_S) * 1000
    : MIGRATION_LOCK_TIMEOUT_MS;
  await db.withLock('clienteling:migrate', lockTimeoutMs, async () => {
    const applied = await migrate(db);
    if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
    if (!(await isEmpty(db))) return;
    const data =
      env.SEED_DATASET === 'mini'
        ? miniDataset()
        : await loadSeed({
            seed: Number(env.SEED ?? 1),
            locale: env.SEED_LOCALE === 'en' ? 'en' : 'zh-CN',
            now: new Date(),
          });
    await loadDataset(db, data, { devTokens: devMode });
    console.log(
      `seeded: ${data.staff.length} staff, ${data.customers.length} customers, ` +
        `${data.couponStocks.length} coupon stocks, ${data.groups.length} groups`,
    );
  });
  return db;
}

async function tokenCommand(db: Db, [action, argument]: string[]): Promise<void> {
  if (action === 'create' && argument) {
    const days = flags.days === undefined ? undefined : Number(flags.days);
    const created = await createToken(db, argument, { days, label: flags.label });
    console.log(`token ${created.id} for ${argument}, valid until ${created.expiresAt} (shown once):`);
    console.log(created.token);
  } else if (action === 'list') {
    for (const token of await listTokens(db)) {
      const state = token.revokedAt ? `revoked ${token.revokedAt}` : `expires ${token.expiresAt ?? 'never'}`;
      console.log([token.id, token.staffId, token.kind, state, token.label ?? ''].join('\t'));
    }
  } else if (action === 'create-pos') {
    const created = await createPosToken(db, flags.label);
    console.log(`POS token ${created.id} (shown once; for /pos/v1/purchases and /pos/v1/purchases/import):`);
    console.log(created.token);
  } else if (action === 'revoke-pos' && argument) {
    if (!(await revokePosToken(db, argument))) throw new Error(`No valid POS token ${argument}`);
    console.log(`revoked ${argument}`);
  } else if (action === 'revoke' && argument) {
    if (!(await revokeToken(db, argument))) throw new Error(`No valid token ${argument}`);
    console.log(`revoked ${argument}`);
  } else {
    throw new Error(
      'Usage: clienteling-server token create <staffId> [--days N] [--label text] | list | revoke <id> | ' +
        'create-pos [--label text] | revoke-pos <id>',
    );
  }
}

async function serve(db: Db): Promise<void> {
  const server = await startServer({
    db,
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 8787),
    ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL } : {}),
    corsOrigins: (
      env.CORS_ORIGINS ?? 'http://localhost:5173,http://localhost:6006,http://localhost:8000,http://127.0.0.1:8000'
    )
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    couponRateLimit: {
      max: Number(env.COUPON_RATE_LIMIT ?? 30),
      windowMs: Number(env.COUPON_RATE_WINDOW_S ?? 60) * 1000,
    },
    devMode,
    testMode,
    log: env.QUIET ? undefined : (line) => console.log(line),
  });
  console.log(`\nclienteling reference server on ${server.url} (${db.kind}${testMode ? ', TEST MODE' : ''})`);
  if (devMode) {
    console.warn('WARNING: development mode: anyone can sign in with a development token. Never in production.');
    const staff = await db.query<{ id: string; name: string }>(
      "SELECT id, doc->>'name' AS name FROM staff ORDER BY id LIMIT 10",
    );
    console.log('development tokens (Authorization: Bearer <token>):');
    for (const member of staff.rows) console.log(`  ${member.name.padEnd(12)} ${devToken(member.id)}`);
  } else {
    console.log('sign-in tokens: clienteling-server token create <staffId>');
  }

  // SIGTERM / SIGINT: stop accepting, finish the requests in flight, close the database, exit 0.
  const stop = async (signal: string) => {
    console.log(`${signal}: finishing requests in flight`);
    await server.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

try {
  const db = await prepare();
  if (positionals[0] === 'token') {
    await tokenCommand(db, positionals.slice(1)).finally(() => db.close());
  } else {
    await serve(db);
  }
} catch (error) {
  console.error(`clienteling-server: ${(error as Error).message}`);
  process.exit(1);
}

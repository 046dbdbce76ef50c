/**
 * SQL storage: embedded PGlite (Postgres compiled to WebAssembly, zero set-up) by default, a real
 * PostgreSQL server through `pg` when a connection string is given. Both speak the same SQL; the
 * rest of the server only sees {@link Db}.
 */
import { readdir, readFile, writeFile, unlink, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Something that runs a parameterised SQL statement. */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

export interface Db extends Queryable {
  /** Runs `body` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(body: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters. */
  exec(sql: string): Promise<void>;
  /**
   * Runs `body` holding the database-wide lock `name`, so that processes starting together take
   * turns (migrations, the first seeding). Gives up with {@link LockTimeoutError} after `timeoutMs`.
   */
  withLock<T>(name: string, timeoutMs: number, body: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}

export interface DbOptions {
  /** A PostgreSQL connection string; PGlite is used when absent. */
  databaseUrl?: string;
  /** PGlite only: a directory to keep the data in (in memory when absent). */
  dataDir?: string;
  /** Told about connections PostgreSQL dropped (the pool replaces them). Default: console.error. */
  onConnectionError?: (error: Error) => void;
}

/** The database lock of {@link Db.withLock} was not free within the time allowed. */
export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError';
}

/** A PGlite data directory is already open in another process. */
export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

/**
 * Whether `error` says the database was briefly out of reach (a dropped connection, a server
 * shutting down, a deadlock or serialisation failure): trying again may work, so it is a 503.
 */
export function isTransientDbError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (/^(08|57P|53)/.test(code) || code === '40001' || code === '40P01') return true;
    if (['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT'].includes(code)) return true;
  }
  return typeof message === 'string' && /Connection terminated|connection error|not queryable/i.test(message);
}

export async function openDb(options: DbOptions = {}): Promise<Db> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.onConnectionError ?? ((error) => console.error(error.message)))
    : openPglite(options.dataDir);
}

/**
 * Claims a PGlite data directory for this process (PGlite has no locking of its own: two processes
 * on one directory would both start and lose writes). A claim left by a process that died is taken over.
 */
async function claimDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'clienteling-server.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockFile, String(process.pid), { flag: 'wx' });
      return () => unlink(lockFile).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(lockFile, 'utf8').catch(() => ''));
      if (holder && isAlive(holder))
        throw new DataDirInUseError(
          `PGLITE_DATA_DIR ${dataDir} is in use by process ${holder}: PGlite serves one process. ` +
            'Stop that process, or use PostgreSQL (DATABASE_URL) to run several.',
        );
      await unlink(lockFile).catch(() => undefined);
    }
  }
  throw new DataDirInUseError(`PGLITE_DATA_DIR ${dataDir}: could not claim ${lockFile}`);
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

async function openPglite(dataDir?: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const release = dataDir ? await claimDataDir(dataDir) : async () => undefined;
  let pglite: InstanceType<typeof PGlite>;
  try {
    pglite = await PGlite.create(dataDir ? { dataDir } : {});
  } catch (error) {
    await release();
    throw error;
  }
  return {
    kind: 'pglite',
    query: (sql, params) => pglite.query(sql, params) as never,
    // PGlite has one connection: transactions are queued behind each other.
    transaction: (body) => pglite.transaction((tx) => body({ query: (sql, params) => tx.query(sql, params) as never })),
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    // One process per data directory (claimed above): nobody to take turns with.
    withLock: (_name, _timeoutMs, body) => body(),
    async close() {
      await pglite.close();
      await release();
    },
  };
}

async function openPostgres(connectionString: string, onConnectionError: (error: Error) => void): Promise<Db> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection that PostgreSQL drops is reported here; the pool opens a new one when needed.
  pool.on('error', (error) => onConnectionError(error));
  // Fail early (and clearly) when the server cannot be reached.
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    query: (sql, params) => pool.query(sql, params) as never,
    async transaction(body) {
      const client = await pool.connect();
      // A connection dropped mid-transaction: the running query rejects (a 503); this only reports it.
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken = error;
        onConnectionError(error);
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await body({ query: (sql, params) => client.query(sql, params) as never });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        if (isTransientDbError(error)) broken ??= error as Error;
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.off('error', onError);
        // A broken connection is closed rather than given to the next request.
        client.release(broken);
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    async withLock(name, timeoutMs, body) {
      // A session lock on a connection of its own, held while `body` runs on the pool.
      const client = await pool.connect();
      client.on('error', onConnectionError);
      const deadline = Date.now() + timeoutMs;
      try {
        for (;;) {
          const { rows } = await client.query<{ locked: boolean }>(
            'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
            [name],
          );
          if (rows[0]?.locked) break;
          if (Date.now() >= deadline)
            throw new LockTimeoutError(
              `Another process has held the database lock "${name}" for more than ${timeoutMs} ms`,
            );
          await sleep(50 + Math.random() * 50);
        }
        try {
          return await body();
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
        }
      } finally {
        client.off('error', onConnectionError);
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Creates a new, empty database on the PostgreSQL server of `adminUrl` (for a test run) and returns
 * its connection string and a function that drops it.
 */
export async function createScratchDatabase(
  adminUrl: string,
  prefix = 'cl_test',
): Promise<{ url: string; drop(): Promise<void> }> {
  const { default: pg } = await import('pg');
  const { randomBytes } = await import('node:crypto');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

/** How long a starting process waits for another one's migrations and seeding. */
export const MIGRATION_LOCK_TIMEOUT_MS = 60_000;

/**
 * Applies the SQL files of `migrations/` (named `NNN_name.sql`) in order, each in a transaction,
 * and records them in `schema_migrations`. Returns the names applied now. Call it under
 * `db.withLock('clienteling:migrate', …)` when several processes may start at once (see `prepare`).
 */
export async function migrate(db: Db, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const files = (await readdir(dir)).filter((name) => /^\d+_.+\.sql$/.test(name)).sort();
  const applied = new Set(
    (await db.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version),
  );
  const done: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const sql = await readFile(join(dir, file), 'utf8');
    await db.transaction(async (tx) => {
      // Guard against two servers migrating the same database at once.
      const claimed = await tx.query(
        'INSERT INTO schema_migrations (version) VALUES ($1) ON CONFLICT DO NOTHING RETURNING version',
        [file],
      );
      if (claimed.rows.length === 0) return;
      for (const statement of splitStatements(sql)) await tx.query(statement);
    });
    done.push(file);
  }
  return done;
}

/** Splits a migration script on `;` at line ends (migrations keep one statement per `;`). */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}

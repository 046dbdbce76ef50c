/**
 * Test helpers: databases to run on (PGlite always; PostgreSQL too when TEST_DATABASE_URL is set,
 * each suite in a fresh database of its own), and a server on 127.0.0.1 over the mini data set.
 */
import { createScratchDatabase, openDb, migrate, type Db } from '../src/db.js';
import { loadDataset, type Dataset } from '../src/dataset.js';
import { miniDataset } from '../src/mini-dataset.js';
import { useSourceCondition } from '../src/source-condition.js';
import { startServer, type RunningServer, type ServerOptions } from '../src/server.js';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  /** A fresh, empty database (and its connection string, on PostgreSQL); `drop` removes it afterwards. */
  create(): Promise<{ db: Db; url?: string; drop(): Promise<void> }>;
}

export const databases: TestDatabase[] = [
  {
    name: 'pglite',
    async create() {
      const db = await openDb();
      return { db, drop: () => db.close() };
    },
  },
];

const adminUrl = process.env.TEST_DATABASE_URL;
if (adminUrl) {
  databases.push({
    name: 'postgres',
    async create() {
      const scratch = await createScratchDatabase(adminUrl);
      const db = await openDb({ databaseUrl: scratch.url });
      return {
        db,
        url: scratch.url,
        async drop() {
          await db.close();
          await scratch.drop();
        },
      };
    },
  });
}

export const ALLOWED_ORIGIN = 'http://shop.example.com';

export interface TestServer extends RunningServer {
  db: Db;
  /** The database's connection string (PostgreSQL only). */
  databaseUrl?: string;
  data: Dataset;
  /** POST /v1/{op} as `staffId` (staff-1 by default); resolves with status, JSON body and headers. */
  call(
    op: string,
    body: unknown,
    options?: { staffId?: string | null; headers?: Record<string, string> },
  ): Promise<Reply>;
  stop(): Promise<void>;
}

export interface Reply {
  status: number;
  body: Record<string, unknown> & { code?: string; field?: string; reason?: string };
  headers: Headers;
}

export async function startTestServer(
  database: TestDatabase,
  options: Partial<ServerOptions> = {},
  now = new Date(),
): Promise<TestServer> {
  const { db, drop, url: databaseUrl } = await database.create();
  await migrate(db);
  const data = miniDataset(now);
  await loadDataset(db, data, { devTokens: true });
  const running = await startServer({ db, port: 0, corsOrigins: [ALLOWED_ORIGIN], devMode: true, ...options });
  const call: TestServer['call'] = async (op, body, { staffId = 'staff-1', headers = {} } = {}) => {
    const response = await fetch(`${running.url}/v1/${op}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(staffId ? { Authorization: `Bearer dev-${staffId}` } : {}),
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {}, headers: response.headers };
  };
  return {
    ...running,
    db,
    databaseUrl,
    data,
    call,
    async stop() {
      await running.close();
      await drop();
    },
  };
}

export const count = async (db: Db, sql: string, params: unknown[] = []) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;

/**
 * `@clienteling/adapter-http` from source: adds the `source` export condition to Node's resolution
 * (the test command runs without `-C source`), then imports the package.
 */
export async function importHttpAdapter(): Promise<typeof import('../../adapter-http/src/index.js')> {
  useSourceCondition();
  return import('@clienteling/adapter-http');
}

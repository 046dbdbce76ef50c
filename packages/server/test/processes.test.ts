// Server processes as an operator runs them, through the package's bin (`clienteling-server`):
// several processes on one PostgreSQL keep every rule; processes starting together on an empty
// database migrate and seed once; SIGTERM loses no acknowledged write; a PGlite data directory
// serves one process; tokens are managed by the CLI.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScratchDatabase, migrate, openDb } from '../src/db.js';
import { loadDataset } from '../src/dataset.js';
import { miniDataset } from '../src/mini-dataset.js';
import { count } from './helpers.js';

const BIN = fileURLToPath(new URL('../bin/clienteling-server.js', import.meta.url));
const MIGRATIONS = fileURLToPath(new URL('../migrations/', import.meta.url));
const adminUrl = process.env.TEST_DATABASE_URL;

interface ServerProcess {
  child: ChildProcess;
  /** Resolves with the URL once the process serves, or rejects with its output if it exits first. */
  ready: Promise<string>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  output(): string;
}

/** Runs `clienteling-server` with `args` and extra environment (port 0, quiet, mini seed). */
function run(args: string[], env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, PORT: '0', QUIET: '1', SEED_DATASET: 'mini', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    const onData = () => {
      const url = /reference server on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => reject(new Error(`exited with ${code} before serving:\n${output}`)));
  });
  ready.catch(() => undefined);
  return { child, ready, exited, output: () => output };
}

async function stop(server: ServerProcess): Promise<number | null> {
  if (server.child.exitCode === null) server.child.kill('SIGTERM');
  return server.exited;
}

const call = async (
  url: string,
  op: string,
  body: unknown,
  staffId = 'staff-1',
  headers: Record<string, string> = {},
) => {
  const response = await fetch(`${url}/v1/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer dev-${staffId}`, ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const statuses = (replies: Array<{ status: number; body: Record<string, unknown> }>) =>
  replies.map((reply) => (reply.status === 200 ? '200' : `${reply.status} ${reply.body.code}`)).sort();

if (adminUrl) {
  describe('many processes on one PostgreSQL', () => {
    it('two processes keep idempotency, stock, per-customer limits, moment quota, member cap and rate limit', async () => {
      const scratch = await createScratchDatabase(adminUrl);
      const db = await openDb({ databaseUrl: scratch.url });
      const servers = [0, 1].map(() => run(['--dev'], { DATABASE_URL: scratch.url, COUPON_RATE_LIMIT: '6' }));
      try {
        await migrate(db);
        await loadDataset(db, miniDataset(), { devTokens: true });
        // A stock with room for many coupons per customer, so that only the rate limit stops them.
        await db.query(
          "INSERT INTO coupon_stocks (id, remaining, doc) SELECT 'stock-many', 100, jsonb_set(jsonb_set(doc, " +
            "'{id}', '\"stock-many\"'), '{perCustomerLimit}', '100') FROM coupon_stocks WHERE id = 'stock-1'",
        );
        await db.query(`UPDATE customer_groups SET doc = jsonb_set(doc, '{memberCap}', '4') WHERE id = 'group-1'`);
        const [a, b] = await Promise.all(servers.map((server) => server.ready));
        const both = <T>(n: number, send: (url: string, i: number) => Promise<T>) =>
          Promise.all(Array.from({ length: n }, (_, i) => send(i % 2 ? a! : b!, i)));

        // One Idempotency-Key sent to both at once: one coupon, one answer.
        const key = { requestId: 'req-two-key-01', stockId: 'stock-1', customerId: 'cust-1' };
        const keyed = await both(10, (url) =>
          call(url, 'issueCoupon', key, 'staff-1', { 'Idempotency-Key': key.requestId }),
        );
        assert.deepEqual(new Set(statuses(keyed)), new Set(['200']));
        assert.equal(new Set(keyed.map((reply) => reply.body.id)).size, 1);
        // The last coupon of a stock goes out once.
        const last = await both(8, (url, i) =>
          call(url, 'issueCoupon', { requestId: `req-two-last-${i}`, stockId: 'stock-4', customerId: 'cust-2' }),
        );
        assert.deepEqual(statuses(last), ['200', ...Array(7).fill('409 sold-out')]);
        // One coupon of stock-1 per customer.
        const limit = await both(6, (url, i) =>
          call(url, 'issueCoupon', { requestId: `req-two-limit-${i}`, stockId: 'stock-1', customerId: 'cust-3' }),
        );
        assert.deepEqual(statuses(limit), ['200', ...Array(5).fill('409 limit-reached')]);
        // One post a day.
        const draft = { text: '两个进程', audience: { type: 'all' } };
        const posts = await both(6, (url, i) =>
          call(url, 'publishMoment', { requestId: `req-two-post-${i}`, draft }, 'staff-2'),
        );
        assert.deepEqual(statuses(posts), ['200', ...Array(5).fill('409 limit-reached')]);
        // The group has room for one more member.
        const joins = await Promise.all([
          call(a!, 'addGroupMember', {
            requestId: 'req-two-join-a',
            groupId: 'group-1',
            customerId: 'cust-3',
            scene: 'link',
          }),
          call(b!, 'addGroupMember', {
            requestId: 'req-two-join-b',
            groupId: 'group-1',
            customerId: 'cust-4',
            scene: 'link',
          }),
        ]);
        assert.deepEqual(statuses(joins), ['200', '409 limit-reached']);
        // Six sends a minute, on both processes together.
        const rate = await both(10, (url, i) =>
          call(
            url,
            'issueCoupon',
            { requestId: `req-two-rate-${i}`, stockId: 'stock-many', customerId: 'cust-9' },
            'staff-2',
          ),
        );
        assert.deepEqual(statuses(rate), [...Array(6).fill('200'), ...Array(4).fill('429 limit-reached')]);
        assert.equal(await count(db, "issued_coupons WHERE stock_id = 'stock-many'"), 6);
      } finally {
        await Promise.all(servers.map(stop));
        await db.close();
        await scratch.drop();
      }
    });

    it('four processes started together on an empty database, twenty times: all serve, one migrates and seeds', async () => {
      const files = (await readdir(MIGRATIONS)).filter((name) => name.endsWith('.sql'));
      for (let round = 0; round < 20; round++) {
        const scratch = await createScratchDatabase(adminUrl, 'cl_start');
        const servers = Array.from({ length: 4 }, () => run([], { DATABASE_URL: scratch.url }));
        try {
          const urls = await Promise.all(servers.map((server) => server.ready));
          for (const url of urls) assert.equal((await fetch(`${url}/health`)).status, 200, `round ${round}`);
          const outputs = servers.map((server) => server.output());
          assert.equal(outputs.filter((text) => text.includes('seeded:')).length, 1, `round ${round}`);
          assert.equal(outputs.filter((text) => text.includes('migrations applied')).length, 1, `round ${round}`);
          const db = await openDb({ databaseUrl: scratch.url });
          try {
            assert.equal(await count(db, 'schema_migrations'), files.length);
            assert.equal(await count(db, 'customers'), 5);
          } finally {
            await db.close();
          }
        } finally {
          await Promise.all(servers.map(stop));
          await scratch.drop();
        }
      }
    });

    it('a process that cannot get the migration lock within its bound says so and exits non-zero', async () => {
      const scratch = await createScratchDatabase(adminUrl, 'cl_lock');
      const { default: pg } = await import('pg');
      const holder = new pg.Client({ connectionString: scratch.url });
      await holder.connect();
      try {
        await holder.query("SELECT pg_advisory_lock(hashtext('clienteling:migrate'))");
        const waiting = run([], { DATABASE_URL: scratch.url, MIGRATION_LOCK_TIMEOUT_S: '1' });
        assert.equal(await waiting.exited, 1);
        assert.match(waiting.output(), /held the database lock "clienteling:migrate" for more than 1000 ms/);
      } finally {
        await holder.end();
        await scratch.drop();
      }
    });
  });
}

/** Where a server process keeps its data: a scratch PostgreSQL database, or else a PGlite directory. */
async function storage(): Promise<{
  env: Record<string, string>;
  open(): ReturnType<typeof openDb>;
  drop(): Promise<void>;
}> {
  if (adminUrl) {
    const scratch = await createScratchDatabase(adminUrl, 'cl_stop');
    return { env: { DATABASE_URL: scratch.url }, open: () => openDb({ databaseUrl: scratch.url }), drop: scratch.drop };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'cl-stop-'));
  return { env: { PGLITE_DATA_DIR: dataDir }, open: () => openDb({ dataDir }), drop: async () => undefined };
}

describe('graceful shutdown', () => {
  it('on SIGTERM finishes the requests in flight, exits 0, and loses no acknowledged write', async () => {
    const place = await storage();
    const server = run(['--dev'], place.env);
    try {
      const url = await server.ready;
      let terminated = false;
      const writes = Array.from({ length: 30 }, async (_, i) => {
        try {
          const reply = await call(url, 'createTag', { groupId: 'tg-pref', name: `停机${i}` });
          if (!terminated) {
            terminated = true;
            server.child.kill('SIGTERM');
          }
          return reply;
        } catch {
          return undefined; // refused once the server stopped accepting: not acknowledged
        }
      });
      const replies = await Promise.all(writes);
      assert.equal(await server.exited, 0);
      const acknowledged = replies.filter((reply) => reply?.status === 200).map((reply) => reply!.body.id as string);
      assert.ok(acknowledged.length >= 1);
      const db = await place.open();
      try {
        const { rows } = await db.query<{ id: string }>(
          "SELECT tag->>'id' AS id FROM tag_groups, jsonb_array_elements(doc->'tags') AS tag WHERE id = 'tg-pref'",
        );
        const stored = new Set(rows.map((row) => row.id));
        assert.deepEqual(
          acknowledged.filter((id) => !stored.has(id)),
          [],
        );
      } finally {
        await db.close();
      }
    } finally {
      await stop(server);
      await place.drop();
    }
  });
});

describe('the package', () => {
  it('works installed: its bin is a JS entry and no source reaches outside the package', async () => {
    const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      bin: Record<string, string>;
      dependencies: Record<string, string>;
    };
    assert.equal(manifest.bin['clienteling-server'], './bin/clienteling-server.js');
    assert.match(await readFile(BIN, 'utf8'), /^#!\/usr\/bin\/env node\n/);
    assert.ok(manifest.dependencies.tsx, 'tsx runs the TypeScript source');
    const sources = new URL('../src/', import.meta.url);
    for (const file of await readdir(sources)) {
      const text = await readFile(new URL(file, sources), 'utf8');
      assert.doesNotMatch(text, /from '\.\.\/\.\.\/|import\('\.\.\/\.\.\//, `${file} imports another package by path`);
    }
  });
});

describe('tokens and PGlite data directories (CLI)', () => {
  it('creates, uses and revokes a token; a second process on one data directory is refused', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cl-cli-'));
    const env = { PGLITE_DATA_DIR: dataDir };
    const created = run(['token', 'create', 'staff-2', '--days', '7', '--label', 'till 2'], env);
    assert.equal(await created.exited, 0, created.output());
    const token = /^(cl_\S+)$/m.exec(created.output())?.[1];
    const id = /token (tok_\w+) for staff-2/.exec(created.output())?.[1];
    assert.ok(token && id, created.output());

    const server = run([], env);
    try {
      const url = await server.ready;
      assert.doesNotMatch(server.output(), /dev-staff/);
      const me = await fetch(`${url}/v1/getCurrentStaff`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      assert.equal(me.status, 200);
      assert.equal((await call(url, 'getCurrentStaff', {})).status, 401, 'no development tokens without --dev');
      const second = run([], env);
      assert.equal(await second.exited, 1);
      assert.match(second.output(), /PGLITE_DATA_DIR .* is in use by process \d+/);
    } finally {
      assert.equal(await stop(server), 0);
    }
    const list = run(['token', 'list'], env);
    assert.equal(await list.exited, 0);
    assert.match(list.output(), new RegExp(`${id}\\tstaff-2\\tissued\\texpires \\S+\\ttill 2`));
    const revoke = run(['token', 'revoke', id!], env);
    assert.equal(await revoke.exited, 0);
    const listed = run(['token', 'list'], env);
    await listed.exited;
    assert.match(listed.output(), new RegExp(`${id}\\tstaff-2\\tissued\\trevoked`));
  });
});

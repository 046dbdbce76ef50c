// `npm run bench:server`: load benchmark of the reference server (not part of `npm test`).
//
// Requests per second and p50/p99 latency of a read (`searchCustomers`) and a write (`markTags`) at
// 1, 16 and 64 connections, on PGlite and (with TEST_DATABASE_URL or DATABASE_URL) on PostgreSQL, beside
// a baseline measured in the same run: a bare `node:http` handler doing the same SQL through the same
// driver. Target: at 16 connections on PostgreSQL, at least 0.7x the baseline's throughput and a p99
// under 5x the baseline's. Loopback only; each run is bounded (BENCH_SECONDS, default 3, per cell).
//
// Each target (server or baseline) runs in a child process of its own; this process only sends load.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
/** Before measuring an operation: long enough to open every pool connection and let the JIT compile the hot path. */
const WARMUP_MS = 3000;
const CONNECTIONS = [1, 16, 64];
const OPERATIONS = ['searchCustomers', 'markTags'];
const TARGET = { throughput: 0.7, p99: 5, connections: 16 };
const SELF = fileURLToPath(import.meta.url);
const server = (path) => tsImport(`../packages/server/src/${path}`, import.meta.url);

/* ------------------------------------------------------------------ the targets (child processes) */

/** Opens the database (loading the seed into PGlite), starts the server or the baseline, prints READY. */
async function runTarget(kind) {
  const { openDb } = await server('db.ts');
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const db = await openDb({ databaseUrl });
  if (!databaseUrl) await loadSeed(db);
  const running = kind === 'baseline' ? await startBaseline(db) : await startReference(db);
  const targets = await db.query(
    `SELECT t.id AS token_id, c.id AS customer_id, t.staff_id FROM staff_tokens t
     JOIN LATERAL (SELECT id FROM customers WHERE owner_staff_id = t.staff_id ORDER BY id LIMIT 10) c ON true
     WHERE t.kind = 'dev' ORDER BY c.id`,
  );
  const { rows: tags } = await db.query(
    `SELECT tag->>'id' AS id FROM tag_groups g, jsonb_array_elements(g.doc->'tags') AS tag
     WHERE g.doc->>'kind' = 'manual' AND g.doc->>'selection' = 'multiple' AND NOT (g.doc->>'deleted')::boolean
       AND NOT (tag->>'deleted')::boolean LIMIT 1`,
  );
  const work = targets.rows.map((row) => ({ token: `dev-${row.staff_id}`, customerId: row.customer_id }));
  console.log(`READY ${JSON.stringify({ url: running.url, work, tagId: tags[0].id })}`);
  process.once('SIGTERM', async () => {
    await running.close();
    await db.close();
    process.exit(0);
  });
}

async function loadSeed(db) {
  const { migrate } = await server('db.ts');
  const { loadDataset } = await server('dataset.ts');
  const { loadSeed: seed } = await server('seed.ts');
  await migrate(db);
  await loadDataset(db, await seed({ seed: 1, locale: 'zh-CN', now: new Date() }), { devTokens: true });
}

async function startReference(db) {
  const { startServer } = await server('server.ts');
  return startServer({
    db,
    port: 0,
    devMode: true,
    couponRateLimit: { max: 1e9, windowMs: 60_000 },
    logError: (line) => console.error(line),
  });
}

/** The baseline: the same SQL through the same driver, with nothing else (no validation, no rules). */
async function startBaseline(db) {
  const hash = (token) => createHash('sha256').update(token).digest('hex');
  const answer = (res, status, body) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const handlers = {
    async searchCustomers(tx, staffId, input) {
      const { rows } = await tx.query(
        'SELECT doc FROM customers WHERE owner_staff_id = $1 ORDER BY added_at DESC, id',
        [staffId],
      );
      const items = rows.slice(0, input.limit ?? 50).map((row) => row.doc);
      return { items, nextCursor: null, total: rows.length };
    },
    async markTags(tx, staffId, input) {
      const { rows } = await tx.query('SELECT doc FROM customers WHERE id = $1 AND owner_staff_id = $2 FOR UPDATE', [
        input.customerId,
        staffId,
      ]);
      await tx.query('SELECT doc FROM tag_groups');
      const doc = rows[0].doc;
      const next = { ...doc, tagIds: [...new Set([...doc.tagIds, ...input.add])] };
      await tx.query('UPDATE customers SET doc = $2 WHERE id = $1', [input.customerId, next]);
      return next;
    },
  };
  const http = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', async () => {
      try {
        const token = /^Bearer\s+(\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
        const { rows } = await db.query(
          `SELECT staff_id, kind FROM staff_tokens
           WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
          [hash(token)],
        );
        if (!rows[0]) return answer(res, 401, { code: 'forbidden' });
        const handler = handlers[req.url.slice('/v1/'.length)];
        const input = JSON.parse(text);
        answer(res, 200, await db.transaction((tx) => handler(tx, rows[0].staff_id, input)));
      } catch (error) {
        answer(res, 500, { message: String(error) });
      }
    });
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${http.address().port}`,
    close: () => new Promise((resolve) => http.close(resolve) && http.closeAllConnections()),
  };
}

/* ------------------------------------------------------------------ the load (this process) */

/** Starts a target in a child process and resolves with what it printed on READY. */
function startTarget(kind, databaseUrl) {
  const child = spawn(process.execPath, [SELF, 'target', kind], {
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl ?? '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the ${kind} target exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('READY ')) resolve({ child, ...JSON.parse(line.slice(6)) });
    });
  });
}

const stopTarget = (target) =>
  new Promise((resolve) => {
    target.child.removeAllListeners('exit');
    target.child.once('exit', resolve);
    target.child.kill('SIGTERM');
  });

function post(agent, url, path, body, token) {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, {
      method: 'POST',
      agent,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Keeps `connections` requests in flight for `ms`; returns requests per second, p50, p99 (ms) and failures. */
async function load(target, operation, connections, ms) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies = [];
  let failures = 0;
  let next = 0;
  const until = performance.now() + ms;
  const bodyOf = (item) =>
    operation === 'searchCustomers'
      ? JSON.stringify({ limit: 20 })
      : JSON.stringify({ customerId: item.customerId, add: [target.tagId], remove: [] });
  const worker = async () => {
    while (performance.now() < until) {
      const item = target.work[next++ % target.work.length];
      const started = performance.now();
      const status = await post(agent, target.url, `/v1/${operation}`, bodyOf(item), item.token).catch(() => 0);
      latencies.push(performance.now() - started);
      if (status !== 200) failures++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), failures };
}

/**
 * Measures the server and the baseline cell by cell, one right after the other, so that both see the
 * same machine (a shared machine's load changes from minute to minute).
 */
async function measure(databaseUrl) {
  const targets = {
    server: await startTarget('server', databaseUrl),
    baseline: await startTarget('baseline', databaseUrl),
  };
  const results = { server: {}, baseline: {} };
  try {
    for (const operation of OPERATIONS) {
      for (const target of Object.values(targets)) await load(target, operation, 16, WARMUP_MS);
      for (const connections of CONNECTIONS)
        for (const [kind, target] of Object.entries(targets))
          results[kind][`${operation}@${connections}`] = await load(target, operation, connections, SECONDS * 1000);
    }
    return results;
  } finally {
    await Promise.all(Object.values(targets).map(stopTarget));
  }
}

async function main() {
  const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const { createScratchDatabase, openDb } = await server('db.ts');
  const databases = [{ name: 'pglite' }];
  let scratch;
  if (adminUrl) {
    scratch = await createScratchDatabase(adminUrl, 'cl_bench');
    const db = await openDb({ databaseUrl: scratch.url });
    await loadSeed(db);
    await db.close();
    databases.push({ name: 'postgres', url: scratch.url });
  } else {
    console.log('(PostgreSQL skipped: set TEST_DATABASE_URL to a server where the role may CREATE DATABASE)');
  }
  const rows = [];
  let verdict = true;
  try {
    for (const database of databases) {
      console.error(`measuring on ${database.name}…`);
      const { server: reference, baseline } = await measure(database.url);
      for (const cell of Object.keys(reference)) {
        const [operation, connections] = cell.split('@');
        const ours = reference[cell];
        const base = baseline[cell];
        const throughput = ours.rps / base.rps;
        const p99 = ours.p99 / base.p99;
        const judged = database.name === 'postgres' && Number(connections) === TARGET.connections;
        const meets = throughput >= TARGET.throughput && p99 <= TARGET.p99;
        if (judged && !meets) verdict = false;
        rows.push([
          database.name,
          operation,
          connections,
          ours.rps.toFixed(0),
          ours.p50.toFixed(1),
          ours.p99.toFixed(1),
          base.rps.toFixed(0),
          base.p50.toFixed(1),
          base.p99.toFixed(1),
          `${throughput.toFixed(2)}x`,
          `${p99.toFixed(2)}x`,
          String(ours.failures + base.failures),
          judged ? (meets ? 'meets target' : 'MISSES target') : '',
        ]);
      }
    }
  } finally {
    await scratch?.drop();
  }
  const header = [
    'db',
    'operation',
    'conns',
    'req/s',
    'p50 ms',
    'p99 ms',
    'base req/s',
    'base p50',
    'base p99',
    'throughput',
    'p99 ratio',
    'failed',
    '',
  ];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells) =>
    cells.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(`\nreference server vs bare node:http baseline (same SQL, same driver), ${SECONDS} s per cell`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(
    `\ntarget at ${TARGET.connections} connections on PostgreSQL: throughput >= ${TARGET.throughput}x, ` +
      `p99 <= ${TARGET.p99}x the baseline's${adminUrl ? (verdict ? ': met' : ': MISSED') : ' (not measured)'}`,
  );
}

if (process.argv[2] === 'target') await runTarget(process.argv[3]);
else await main();

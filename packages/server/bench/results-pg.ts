/**
 * Benchmark of `getStaffResults` on PostgreSQL (issue 24 #3): loads 1,000,000 orders (and 1,000,000
 * activities, 200,000 customers and 200,000 coupons of 500 associates in 25 stores, over a year) into a
 * scratch database with generate_series, then times the results query of one associate's 30 days and
 * of a store's 30 days with its ranking (the median of 7 runs after a warm-up) against the target of
 * 200 ms, and prints the plan of the orders' aggregate.
 *
 *   TEST_DATABASE_URL=postgres://… npx tsx packages/server/bench/results-pg.ts [orders]
 */
import { createScratchDatabase, migrate, openDb, type Db } from '../src/db.js';
import { staffResults } from '../src/results.js';
import { DEFAULT_POLICY, periodBounds, type StaffProfile } from '../src/core.js';

const TARGET_MS = 200;
const ORDERS = Number(process.argv[2] ?? 1_000_000);
const STAFF = 500;
const STORES = 25;
const CUSTOMERS = 200_000;
const ACTIVITIES = 1_000_000;
const COUPONS = 200_000;
const YEAR_START = '2025-12-01T00:00:00+08:00';

async function load(db: Db): Promise<void> {
  const started = performance.now();
  await db.query('INSERT INTO policy (id, doc) VALUES (1, $1)', [DEFAULT_POLICY]);
  await db.query(
    `INSERT INTO stores (id, doc) SELECT 'store-' || s, jsonb_build_object('id', 'store-' || s, 'name', '门店 ' || s)
     FROM generate_series(1, $1) AS s`,
    [STORES],
  );
  await db.query(
    `INSERT INTO staff (id, doc)
     SELECT 'staff-' || n, jsonb_build_object('id', 'staff-' || n, 'name', '导购 ' || n, 'companyName', '东方百货',
       'verified', true, 'externalAttributes', '[]'::jsonb,
       'store', jsonb_build_object('id', 'store-' || (n % $2 + 1), 'name', '门店 ' || (n % $2 + 1)),
       'role', CASE WHEN n <= $2 THEN 'manager' ELSE 'associate' END)
     FROM generate_series(1, $1) AS n`,
    [STAFF, STORES],
  );
  // Customers added over the year, by their owner, through a few channels.
  await db.query(
    `INSERT INTO customers (id, owner_staff_id, added_at, doc)
     SELECT 'cust-' || n, 'staff-' || (n % $2 + 1), added, jsonb_build_object('id', 'cust-' || n, 'name', '顾客 ' || n,
       'ownerStaffId', 'staff-' || (n % $2 + 1), 'addedBy', 'staff-' || (n % $2 + 1), 'addedAt', added,
       'tagIds', '[]'::jsonb, 'ruleTagIds', '[]'::jsonb,
       'addWay', CASE WHEN n % 3 = 0 THEN jsonb_build_object('kind', 'contact-me', 'state', 'spring-' || (n % 4))
                      ELSE jsonb_build_object('kind', 'qrcode') END)
     FROM (SELECT n, $3::timestamptz + (n::bigint * 7919 % 525600) * interval '1 minute' AS added
           FROM generate_series(1, $1) AS n) AS c`,
    [CUSTOMERS, STAFF, YEAR_START],
  );
  await db.query(
    `INSERT INTO customer_activity (id, customer_id, at, kind, staff_id, doc)
     SELECT 'act-' || n, 'cust-' || (n % $2 + 1), at, kind, 'staff-' || (n % $2 % $3 + 1),
       jsonb_build_object('id', 'act-' || n, 'customerId', 'cust-' || (n % $2 + 1), 'kind', kind, 'at', at,
         'staffId', 'staff-' || (n % $2 % $3 + 1), 'text', '跟进')
     FROM (SELECT n, $4::timestamptz + (n::bigint * 104729 % 525600) * interval '1 minute' AS at,
             CASE WHEN n % 2 = 0 THEN 'note' ELSE 'moment-sent' END AS kind
           FROM generate_series(1, $1) AS n) AS a`,
    [ACTIVITIES, CUSTOMERS, STAFF, YEAR_START],
  );
  await db.query(
    `INSERT INTO issued_coupons (id, stock_id, customer_id, staff_id, request_id, issued_at, doc)
     SELECT 'coupon-' || n, 'stock-1', 'cust-' || (n % $2 + 1), 'staff-' || (n % $2 % $3 + 1), 'req-' || n, issued,
       jsonb_build_object('id', 'coupon-' || n, 'code', 'CL' || n, 'stockId', 'stock-1', 'stockName', '满 300 减 50',
         'customerId', 'cust-' || (n % $2 + 1), 'staffId', 'staff-' || (n % $2 % $3 + 1), 'requestId', 'req-' || n,
         'issuedAt', issued, 'validFrom', issued, 'validUntil', issued + interval '30 days',
         'status', CASE WHEN n % 4 = 0 THEN 'redeemed' ELSE 'unused' END)
       || CASE WHEN n % 4 = 0 THEN jsonb_build_object('redeemedAt', issued + interval '2 days') ELSE '{}'::jsonb END
     FROM (SELECT n, $4::timestamptz + (n::bigint * 7907 % 525600) * interval '1 minute' AS issued
           FROM generate_series(1, $1) AS n) AS c`,
    [COUPONS, CUSTOMERS, STAFF, YEAR_START],
  );
  // Orders over the year: 1 in 10 redeemed a coupon, 6 in 10 went to the last touch, 16 in 100 after hours.
  await db.query(
    `INSERT INTO purchases (order_id, customer_id, store_id, amount, at, coupon_id, attributed_staff_id, attribution,
       after_hours, doc)
     SELECT 'order-' || n, 'cust-' || (n % $2 + 1), 'store-' || (n % $3 + 1), amount, at,
       CASE WHEN attribution = 'coupon' THEN 'coupon-x' || n END,
       CASE WHEN attribution <> 'none' THEN 'staff-' || (n % $2 % $4 + 1) END, attribution, after_hours,
       jsonb_build_object('orderId', 'order-' || n, 'customerId', 'cust-' || (n % $2 + 1), 'storeId', 'store-' || (n % $3 + 1),
         'amount', amount, 'at', at, 'attribution', attribution, 'afterHours', after_hours, 'recordedAt', at)
     FROM (SELECT n, (29900 + n::bigint * 37 % 300000) AS amount,
             $5::timestamptz + (n::bigint * 15485863 % 525600) * interval '1 minute' AS at,
             CASE WHEN n % 10 = 0 THEN 'coupon' WHEN n % 10 < 7 THEN 'last-touch' ELSE 'none' END AS attribution,
             n % 100 < 16 AS after_hours
           FROM generate_series(1, $1) AS n) AS o`,
    [ORDERS, CUSTOMERS, STORES, STAFF, YEAR_START],
  );
  // Index-only scans need the visibility map a VACUUM sets (autovacuum does it in production).
  await db.query('VACUUM (ANALYZE)');
  const { rows } = await db.query<{ count: string }>('SELECT count(*) AS count FROM purchases');
  console.log(`loaded ${rows[0]!.count} orders in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function time(label: string, run: () => Promise<unknown>): Promise<number> {
  await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  const result = median(times);
  console.log(
    `${label}: median ${result.toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ` +
      `${Math.max(...times).toFixed(1)}) — target < ${TARGET_MS} ms: ${result < TARGET_MS ? 'met' : 'MISSED'}`,
  );
  return result;
}

async function main(): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('Set TEST_DATABASE_URL to a PostgreSQL server (the connection needs CREATEDB)');
  const scratch = await createScratchDatabase(adminUrl, 'cl_bench');
  const db = await openDb({ databaseUrl: scratch.url });
  try {
    await migrate(db);
    await load(db);
    const staff = (await db.query<{ doc: StaffProfile }>('SELECT doc FROM staff ORDER BY id')).rows.map((r) => r.doc);
    const period = { from: '2026-06-01', to: '2026-06-30', timeZone: 'Asia/Shanghai' };
    const associate = staff.find((person) => person.id === 'staff-42')!;
    const store = staff.filter((person) => person.store?.id === 'store-3');
    const mine = await time(`one associate, 30 days (${associate.id})`, () =>
      db.transaction((tx) => staffResults(tx, [associate], period)),
    );
    const theirs = await time(`a store of ${store.length} associates, 30 days, with the ranking`, () =>
      db.transaction((tx) => staffResults(tx, store, period, 'store-3')),
    );
    // Where the store's time goes: each query of one run, slowest first.
    const spent: Array<[number, string]> = [];
    await db.transaction((tx) =>
      staffResults(
        {
          async query(sql: string, params?: unknown[]) {
            const started = performance.now();
            const result = await tx.query(sql, params);
            spent.push([performance.now() - started, sql.replace(/\s+/g, ' ').slice(0, 110)]);
            return result;
          },
        } as typeof tx,
        store,
        period,
        'store-3',
      ),
    );
    console.log("the store's queries, slowest first:");
    for (const [ms, sql] of spent.sort((a, b) => b[0] - a[0]).slice(0, 6)) console.log(`  ${ms.toFixed(1)} ms  ${sql}`);
    const { start, end } = periodBounds(period);
    const plan = await db.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS)
       SELECT attributed_staff_id, sum(amount) FILTER (WHERE attribution = 'coupon'),
         sum(amount) FILTER (WHERE attribution = 'last-touch'), count(*), sum(amount) FILTER (WHERE after_hours)
       FROM purchases WHERE attributed_staff_id = ANY($1) AND at >= $2 AND at < $3 GROUP BY attributed_staff_id`,
      [store.map((person) => person.id), start.toISOString(), end.toISOString()],
    );
    console.log("plan of the store's orders aggregate:");
    for (const row of plan.rows) console.log(`  ${row['QUERY PLAN']}`);
    if (mine >= TARGET_MS || theirs >= TARGET_MS) process.exitCode = 1;
  } finally {
    await db.close();
    await scratch.drop();
  }
}

await main();

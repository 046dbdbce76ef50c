// The POS's order ingestion: its own credential (a POS token; an associate's is refused, and a POS token
// reaches nothing of the associates' API), one order as JSON, a back-fill as NDJSON or CSV (one transaction
// per order, bad lines reported), idempotent on the order id; an associate's recordPurchase is refused
// outside development and test mode. PGlite always; PostgreSQL with TEST_DATABASE_URL.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPosToken, createToken, revokePosToken } from '../src/tokens.js';
import { count, databases, startTestServer, type TestServer } from './helpers.js';

for (const database of databases) {
  describe(`POS ingestion (${database.name})`, () => {
    let server: TestServer;
    let pos: { id: string; token: string };
    const at = new Date(Date.now() - 3_600_000).toISOString();
    before(async () => {
      server = await startTestServer(database, { devMode: false });
      pos = await createPosToken(server.db, 'test POS');
    });
    after(() => server.stop());

    const post = async (path: string, body: string, token: string, type = 'application/json') => {
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': type },
        body,
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : {} };
    };
    const order = (orderId: string, amount = 19900) => ({
      orderId,
      customerId: server.data.customers[0]!.id,
      storeId: 'store-1',
      amount,
      at,
    });

    it('records one order with a POS token, once per order id', async () => {
      const first = await post('/pos/v1/purchases', JSON.stringify(order('pos-1')), pos.token);
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.equal(first.body.orderId, 'pos-1');
      const again = await post('/pos/v1/purchases', JSON.stringify(order('pos-1')), pos.token);
      assert.deepEqual(again.body, first.body);
      assert.equal(await count(server.db, "purchases WHERE order_id = 'pos-1'"), 1);
      assert.equal(
        await count(server.db, "customer_activity WHERE kind = 'purchase' AND doc->>'orderId' = 'pos-1'"),
        1,
      );
      const reused = await post('/pos/v1/purchases', JSON.stringify(order('pos-1', 1)), pos.token);
      assert.equal(reused.status, 409);
      assert.equal(reused.body.reason, 'order-id-reused');
    });

    it("refuses an associate's token on the POS routes, and the associate's recordPurchase outside dev mode", async () => {
      const { token } = await createToken(server.db, 'staff-1');
      const refused = await post('/pos/v1/purchases', JSON.stringify(order('pos-2')), token);
      assert.equal(refused.status, 401);
      const viaApi = await post('/v1/recordPurchase', JSON.stringify(order('pos-2')), token);
      assert.equal(viaApi.status, 403);
      assert.equal(viaApi.body.reason, 'pos-only');
      const posOnApi = await post('/v1/getCurrentStaff', '{}', pos.token);
      assert.equal(posOnApi.status, 401, 'a POS token is no associate');
      assert.equal(await count(server.db, "purchases WHERE order_id = 'pos-2'"), 0);
    });

    it('imports NDJSON and CSV, one transaction per order: bad lines reported, a replayed file records nothing', async () => {
      const ndjson = [
        JSON.stringify(order('bulk-1')),
        '{not json',
        JSON.stringify({ ...order('bulk-2'), amount: -1 }),
        JSON.stringify(order('bulk-3')),
      ].join('\n');
      const imported = await post('/pos/v1/purchases/import', ndjson, pos.token, 'application/x-ndjson');
      assert.equal(imported.status, 200, JSON.stringify(imported.body));
      assert.equal(imported.body.recorded, 2);
      assert.deepEqual(
        imported.body.failed.map((failure: { line: number; code: string }) => [failure.line, failure.code]),
        [
          [2, 'invalid'],
          [3, 'invalid'],
        ],
      );
      const customerId = server.data.customers[1]!.id;
      const csv = `orderId,customerId,storeId,amount,at\r\ncsv-1,${customerId},store-1,5000,${at}\r\n"csv-2",${customerId},store-1,7000,${at}\r\n`;
      const fromCsv = await post('/pos/v1/purchases/import', csv, pos.token, 'text/csv');
      assert.deepEqual([fromCsv.body.recorded, fromCsv.body.replayed, fromCsv.body.failed], [2, 0, []]);
      const replayed = await post('/pos/v1/purchases/import', csv, pos.token, 'text/csv');
      assert.deepEqual([replayed.body.recorded, replayed.body.replayed], [0, 2]);
      assert.equal(await count(server.db, "purchases WHERE order_id LIKE 'csv-%'"), 2);
      const wrongType = await post('/pos/v1/purchases/import', csv, pos.token, 'text/plain');
      assert.equal(wrongType.status, 415);
    });

    it('refuses a revoked POS token', async () => {
      const revoked = await createPosToken(server.db);
      assert.equal(await revokePosToken(server.db, revoked.id), true);
      const reply = await post('/pos/v1/purchases', JSON.stringify(order('pos-3')), revoked.token);
      assert.equal(reply.status, 401);
    });
  });
}

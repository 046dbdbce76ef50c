// The server's security: 401, 403, 400 with field errors, 413, CORS, 429 on coupon sends, and the
// test hooks being off by default. Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ALLOWED_ORIGIN, databases, importHttpAdapter, startTestServer, type TestServer } from './helpers.js';

for (const database of databases) {
  describe(`security (${database.name})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(database, { maxBodyBytes: 4096, couponRateLimit: { max: 3, windowMs: 60_000 } });
    });
    after(() => server.stop());

    it('answers 401 without a token or with an unknown one', async () => {
      const none = await server.call('getCurrentStaff', {}, { staffId: null });
      assert.equal(none.status, 401);
      assert.equal(none.body.code, 'forbidden');
      assert.equal(none.body.reason, 'unauthenticated');
      assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
      const wrong = await server.call('getCurrentStaff', {}, { staffId: 'nobody' });
      assert.equal(wrong.status, 401);
    });

    it('knows who the token belongs to', async () => {
      const me = await server.call('getCurrentStaff', {}, { staffId: 'staff-2' });
      assert.equal(me.status, 200);
      assert.equal(me.body.id, 'staff-2');
    });

    it("answers 404 for another associate's customer, coupons, tags and group, as for absent ids", async () => {
      for (const [op, body] of [
        ['getCustomer', { customerId: 'cust-9' }],
        ['listCouponStocks', { customerId: 'cust-9' }],
        ['listCustomerCoupons', { customerId: 'cust-9' }],
        ['markTags', { customerId: 'cust-9', add: ['tag-pref-beauty'], remove: [] }],
        ['issueCoupon', { requestId: 'req-403-aaaa', stockId: 'stock-1', customerId: 'cust-9' }],
        ['getGroup', { groupId: 'group-2' }],
        ['listGroupMembers', { groupId: 'group-2' }],
        ['removeGroupMember', { groupId: 'group-2', memberId: 'cust-9' }],
      ] as const) {
        const reply = await server.call(op, body);
        assert.equal(reply.status, 404, op);
        assert.equal(reply.body.code, 'not-found', op);
        // The same answer as for an id that does not exist: others' ids cannot be probed.
        const absent = await server.call(op, JSON.parse(JSON.stringify(body).replace(/cust-9|group-2/g, 'nothing-9')));
        assert.deepEqual([absent.status, absent.body.code], [reply.status, reply.body.code], op);
        const normalised = (message: unknown) => String(message).replace(/cust-9|group-2|nothing-9/g, 'ID');
        assert.equal(normalised(reply.body.message), normalised(absent.body.message), op);
      }
      // The owner reaches the same customer.
      assert.equal((await server.call('getCustomer', { customerId: 'cust-9' }, { staffId: 'staff-2' })).status, 200);
      // Nothing changed.
      const stock = await server.call('listCouponStocks', { customerId: 'cust-9' }, { staffId: 'staff-2' });
      assert.equal(
        (stock.body as unknown as Array<{ id: string; held: number }>).find((s) => s.id === 'stock-1')!.held,
        0,
      );
    });

    it('answers 400 naming the fields of a malformed body', async () => {
      const reply = await server.call('issueCoupon', { requestId: 'short', customerId: 'cust-1' });
      assert.equal(reply.status, 400);
      assert.equal(reply.body.code, 'invalid');
      assert.equal(reply.body.field, 'requestId');
      const fields = (reply.body.errors as Array<{ field: string }>).map((e) => e.field).sort();
      assert.deepEqual(fields, ['requestId', 'stockId']);

      const nested = await server.call('publishMoment', {
        requestId: 'req-400-nested',
        draft: { text: '', audience: { type: 'all' } },
      });
      assert.equal(nested.status, 400);
      assert.equal(nested.body.field, 'draft.text');

      const notJson = await server.call('getCustomer', '{"customerId":');
      assert.equal(notJson.status, 400);
      assert.equal(notJson.body.code, 'invalid');
    });

    it('answers 404 for an unknown operation and 405 for GET', async () => {
      assert.equal((await server.call('dropTables', {})).status, 404);
      const get = await fetch(`${server.url}/v1/getPolicy`, { headers: { Authorization: 'Bearer dev-staff-1' } });
      assert.equal(get.status, 405);
    });

    it('answers 413 to a body over the limit, declared or streamed', async () => {
      const big = await server.call('searchCustomers', { query: 'x'.repeat(10_000) });
      assert.equal(big.status, 413);
      assert.equal(big.body.reason, 'too-large');
      // Without Content-Length (chunked), the limit holds while reading.
      const chunks = (async function* () {
        for (let i = 0; i < 10; i++)
          yield new TextEncoder().encode(`${i === 0 ? '{"query":"' : ''}${'y'.repeat(1000)}`);
      })();
      const streamed = await fetch(`${server.url}/v1/searchCustomers`, {
        method: 'POST',
        headers: { Authorization: 'Bearer dev-staff-1', 'Content-Type': 'application/json' },
        body: chunks as unknown as BodyInit,
        duplex: 'half',
      } as RequestInit);
      assert.equal(streamed.status, 413);
      // The server still answers afterwards.
      assert.equal((await server.call('getPolicy', {})).status, 200);
    });

    it('allows only configured origins (CORS)', async () => {
      const preflight = await fetch(`${server.url}/v1/getPolicy`, {
        method: 'OPTIONS',
        headers: {
          Origin: ALLOWED_ORIGIN,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization',
        },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
      assert.doesNotMatch(preflight.headers.get('access-control-allow-headers') ?? '', /X-Test-Now/);

      const allowed = await server.call('getPolicy', {}, { headers: { Origin: ALLOWED_ORIGIN } });
      assert.equal(allowed.status, 200);
      assert.equal(allowed.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);

      // A refused origin's call does nothing, but its page can read why (not a bare network error).
      const evilPost = await server.call('getPolicy', {}, { headers: { Origin: 'http://evil.example' } });
      assert.equal(evilPost.status, 403);
      assert.equal(evilPost.body.reason, 'origin');
      assert.match(String(evilPost.body.message), /http:\/\/evil\.example.*CORS_ORIGINS/);
      assert.equal(evilPost.headers.get('access-control-allow-origin'), 'http://evil.example');
      const evilUpload = await fetch(`${server.url}/v1/media`, {
        method: 'POST',
        headers: { Origin: 'http://evil.example', Authorization: 'Bearer dev-staff-1', 'X-Media-Kind': 'image' },
        body: new Uint8Array([0xff, 0xd8, 0xff, 0]),
      });
      assert.equal(evilUpload.status, 403);
      assert.equal(await server.db.query('SELECT 1 FROM media').then((r) => r.rows.length), 0);
    });

    it('in development mode allows pages on localhost and 127.0.0.1, any port; says why it refuses others', async () => {
      const logged: string[] = [];
      const strict = await startTestServer(database, { devMode: false, logError: (line) => logged.push(line) });
      try {
        for (const origin of ['http://localhost:5999', 'http://127.0.0.1:41234', 'http://localhost']) {
          const dev = await server.call('getPolicy', {}, { headers: { Origin: origin } });
          assert.equal(dev.status, 200, origin);
          assert.equal(dev.headers.get('access-control-allow-origin'), origin);
          const refused = await strict.call('getPolicy', {}, { headers: { Origin: origin } });
          assert.equal(refused.status, 403, origin);
        }
        assert.equal(
          (await server.call('getPolicy', {}, { headers: { Origin: 'http://localhost.evil.example' } })).status,
          403,
        );
        assert.ok(
          logged.some((line) => /CORS: refused .*http:\/\/localhost:5999.*CORS_ORIGINS/.test(line)),
          logged.join('\n'),
        );
        // The HTTP adapter carries the server's words, not only "unavailable".
        const { createHttpAdapter } = await importHttpAdapter();
        const adapter = createHttpAdapter({
          baseUrl: strict.url,
          headers: () => ({ Authorization: 'Bearer dev-staff-1', Origin: 'http://localhost:5999' }),
        });
        await assert.rejects(adapter.getPolicy({}), (error: Error & { code?: string; reason?: string }) => {
          assert.deepEqual([error.code, error.reason], ['forbidden', 'origin']);
          assert.match(error.message, /localhost:5999.*CORS_ORIGINS/);
          return true;
        });
      } finally {
        await strict.stop();
      }
    });

    it('rate-limits coupon sends that issued, per associate (429, Retry-After); replays and failures are free', async () => {
      // Room for several coupons per customer, so that only the rate limit stops them.
      await server.db.query(
        `UPDATE coupon_stocks SET doc = jsonb_set(doc, '{perCustomerLimit}', '100') WHERE id = 'stock-1'`,
      );
      const send = (n: number | string, { staffId = 'staff-2', stockId = 'stock-1', key = '' } = {}) =>
        server.call(
          'issueCoupon',
          { requestId: `req-rate-${n}-${staffId}`, stockId, customerId: staffId === 'staff-1' ? 'cust-3' : 'cust-9' },
          { staffId, headers: key ? { 'Idempotency-Key': key } : {} },
        );
      // Sends that issue nothing do not count.
      for (let n = 0; n < 5; n++)
        assert.equal((await send(`sold-out-${n}`, { stockId: 'stock-2' })).body.code, 'sold-out');
      const first = await send(0);
      assert.equal(first.status, 200);
      assert.equal((await send(1)).status, 200);
      assert.equal((await send(2, { key: 'rate-key-2' })).status, 200);
      const limited = await send(3);
      assert.equal(limited.status, 429);
      assert.equal(limited.body.code, 'limit-reached');
      assert.equal(limited.body.reason, 'rate-limited');
      assert.equal(limited.body.retryable, true);
      const wait = Number(limited.headers.get('retry-after'));
      assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
      // A retry of an acknowledged send gets its first answer, never 429, with or without the header.
      const replay = await send(0);
      assert.deepEqual([replay.status, replay.body.id], [200, first.body.id]);
      const keyed = await send(2, { key: 'rate-key-2' });
      assert.deepEqual([keyed.status, keyed.headers.get('idempotent-replayed')], [200, 'true']);
      // Another associate has a budget of their own; other operations are not limited.
      assert.equal((await send(0, { staffId: 'staff-1' })).status, 200);
      assert.equal((await server.call('getPolicy', {}, { staffId: 'staff-2' })).status, 200);
    });

    it('has no test hooks unless started in test mode', async () => {
      const reset = await fetch(`${server.url}/__test/reset`, { method: 'POST', body: '{}' });
      assert.equal(reset.status, 404);
      const now = await server.call('getMomentQuota', {}, { headers: { 'X-Test-Now': '2000-01-01T00:00:00Z' } });
      assert.ok(Date.parse(now.body.resetsAt as string) > Date.parse('2020-01-01'));
    });
  });
}

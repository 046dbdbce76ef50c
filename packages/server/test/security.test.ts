// The server's security: 401, 403, 400 with field errors, 413, CORS, 429 on coupon sends, and the
// test hooks being off by default. Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ALLOWED_ORIGIN, databases, startTestServer, type TestServer } from './helpers.js';

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

    it("answers 403 for another associate's customer, coupons, tags and group", async () => {
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
        assert.equal(reply.status, 403, op);
        assert.equal(reply.body.code, 'forbidden', op);
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

      const evil = await fetch(`${server.url}/v1/getPolicy`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://evil.example' },
      });
      assert.equal(evil.status, 403);
      assert.equal(evil.headers.get('access-control-allow-origin'), null);
      const evilPost = await server.call('getPolicy', {}, { headers: { Origin: 'http://evil.example' } });
      assert.equal(evilPost.status, 403);
      assert.equal(evilPost.body.reason, 'origin');
    });

    it('rate-limits coupon sends per associate with 429 and Retry-After', async () => {
      const send = (n: number, staffId = 'staff-2') =>
        server.call(
          'issueCoupon',
          {
            requestId: `req-rate-${n}-${staffId}`,
            stockId: 'stock-3',
            customerId: staffId === 'staff-1' ? 'cust-3' : 'cust-9',
          },
          { staffId },
        );
      for (let n = 0; n < 3; n++) assert.notEqual((await send(n)).status, 429);
      const limited = await send(3);
      assert.equal(limited.status, 429);
      assert.equal(limited.body.code, 'limit-reached');
      assert.equal(limited.body.reason, 'rate-limited');
      assert.equal(limited.body.retryable, true);
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
      // Another associate has a budget of their own; other operations are not limited.
      assert.notEqual((await send(0, 'staff-1')).status, 429);
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

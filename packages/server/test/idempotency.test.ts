// Idempotent replays, a connection killed mid-request followed by a retry, concurrent sends, and the
// HTTP adapter's retries against the real server. PGlite always; PostgreSQL with TEST_DATABASE_URL.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { count, databases, importHttpAdapter, startTestServer, type TestServer } from './helpers.js';

/**
 * A TCP proxy on 127.0.0.1 in front of the server. While `dropResponses` is above zero, it forwards
 * a request but, as soon as the answer starts, kills the client's connection: the server did the
 * work, the client never hears of it.
 */
async function lossyProxy(target: string) {
  const { port } = new URL(target);
  const state = { dropResponses: 0, dropped: 0 };
  const sockets = new Set<Socket>();
  const proxy: Server = createServer((client) => {
    sockets.add(client);
    const upstream = connect(Number(port), '127.0.0.1');
    sockets.add(upstream);
    // Decided per request, not per connection: a kept-alive connection carries several.
    let drop = false;
    client.on('data', (chunk) => {
      if (!drop && state.dropResponses > 0) {
        drop = true;
        state.dropResponses--;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (drop) {
        state.dropped++;
        client.destroy();
        upstream.destroy();
      } else client.write(chunk);
    });
    client.on('close', () => upstream.end());
    upstream.on('close', () => client.end());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    state,
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        proxy.close(() => resolve());
      }),
  };
}

for (const database of databases) {
  describe(`idempotency and rules (${database.name})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(database);
    });
    after(() => server.stop());

    const remaining = async (stockId: string) =>
      (await server.db.query<{ remaining: number }>('SELECT remaining FROM coupon_stocks WHERE id = $1', [stockId]))
        .rows[0]!.remaining;

    it('replays the first response to a repeated Idempotency-Key, without a second coupon', async () => {
      const body = { requestId: 'req-replay-0001', stockId: 'stock-1', customerId: 'cust-1' };
      const headers = { 'Idempotency-Key': body.requestId };
      const before = await remaining('stock-1');
      const first = await server.call('issueCoupon', body, { headers });
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('idempotent-replayed'), null);
      const second = await server.call('issueCoupon', body, { headers });
      assert.equal(second.status, 200);
      assert.equal(second.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(second.body, first.body);
      assert.equal(await remaining('stock-1'), before - 1);
      assert.equal(await count(server.db, 'issued_coupons WHERE request_id = $1', [body.requestId]), 1);
      // Without the header, the request id in the body still prevents a second coupon.
      const third = await server.call('issueCoupon', body);
      assert.equal(third.body.id, first.body.id);
      assert.equal(await remaining('stock-1'), before - 1);
    });

    it('refuses an Idempotency-Key reused for a different request (409)', async () => {
      const headers = { 'Idempotency-Key': 'req-reuse-0001' };
      assert.equal(
        (
          await server.call(
            'issueCoupon',
            { requestId: 'req-reuse-0001', stockId: 'stock-1', customerId: 'cust-2' },
            { headers },
          )
        ).status,
        200,
      );
      const other = await server.call(
        'issueCoupon',
        { requestId: 'req-reuse-0001', stockId: 'stock-1', customerId: 'cust-3' },
        { headers },
      );
      assert.equal(other.status, 409);
      assert.equal(other.body.reason, 'idempotency-key-reused');
      assert.equal(await count(server.db, 'issued_coupons WHERE customer_id = $1', ['cust-3']), 0);
    });

    it('issues exactly one coupon when the connection dies mid-request and the send is retried', async () => {
      const proxy = await lossyProxy(server.url);
      try {
        const body = JSON.stringify({ requestId: 'req-killed-0001', stockId: 'stock-1', customerId: 'cust-3' });
        const init = {
          method: 'POST',
          headers: {
            Authorization: 'Bearer dev-staff-1',
            'Content-Type': 'application/json',
            'Idempotency-Key': 'req-killed-0001',
          },
          body,
        };
        const before = await remaining('stock-1');
        proxy.state.dropResponses = 1;
        await assert.rejects(fetch(`${proxy.url}/v1/issueCoupon`, init), TypeError);
        assert.equal(proxy.state.dropped, 1);
        // The server committed the coupon although the client never saw the answer.
        assert.equal(await count(server.db, 'issued_coupons WHERE request_id = $1', ['req-killed-0001']), 1);
        const retry = await fetch(`${proxy.url}/v1/issueCoupon`, init);
        assert.equal(retry.status, 200);
        assert.equal(retry.headers.get('idempotent-replayed'), 'true');
        assert.equal(await count(server.db, 'issued_coupons WHERE request_id = $1', ['req-killed-0001']), 1);
        assert.equal(await remaining('stock-1'), before - 1);
      } finally {
        await proxy.close();
      }
    });

    it('lets adapter-http retry a lost coupon send by itself and get the one coupon', async () => {
      const { createHttpAdapter } = await importHttpAdapter();
      const proxy = await lossyProxy(server.url);
      try {
        const adapter = createHttpAdapter({
          baseUrl: proxy.url,
          headers: () => ({ Authorization: 'Bearer dev-staff-1' }),
          backoffMs: 1,
        });
        proxy.state.dropResponses = 2;
        const coupon = await adapter.issueCoupon({
          requestId: 'req-adapter-0001',
          stockId: 'stock-1',
          customerId: 'cust-4',
        });
        assert.equal(proxy.state.dropped, 2);
        assert.equal(coupon.customerId, 'cust-4');
        assert.equal(await count(server.db, 'issued_coupons WHERE request_id = $1', ['req-adapter-0001']), 1);
        // A plain write is not repeated after its answer was lost: the caller hears of the failure.
        proxy.state.dropResponses = 1;
        await assert.rejects(adapter.markTags({ customerId: 'cust-4', add: ['tag-pref-beauty'], remove: [] }), {
          code: 'unavailable',
        });
        assert.equal(proxy.state.dropped, 3);
        // Errors come back as AdapterErrors with the server's code and reason.
        await assert.rejects(adapter.getCustomer({ customerId: 'cust-9' }), {
          name: 'AdapterError',
          code: 'not-found',
        });
        await assert.rejects(adapter.markTags({ customerId: 'cust-4', add: ['tag-rule-vip'], remove: [] }), {
          name: 'AdapterError',
          code: 'forbidden',
          reason: 'rule-tag',
        });
      } finally {
        await proxy.close();
      }
    });

    it('serialises concurrent sends: the last coupon of a stock goes out once', async () => {
      // stock-4: one left, five per customer.
      const replies = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          server.call(
            'issueCoupon',
            { requestId: `req-race-000${i}`, stockId: 'stock-4', customerId: 'cust-2' },
            { headers: { 'Idempotency-Key': `req-race-000${i}` } },
          ),
        ),
      );
      assert.equal(replies.filter((r) => r.status === 200).length, 1);
      assert.deepEqual(new Set(replies.filter((r) => r.status !== 200).map((r) => r.body.code)), new Set(['sold-out']));
      assert.equal(await remaining('stock-4'), 0);
      assert.equal(await count(server.db, 'issued_coupons WHERE stock_id = $1', ['stock-4']), 1);
    });

    it('applies the coupon rules: limit per customer, sold out, not started, expired', async () => {
      const send = (stockId: string, n: string) =>
        server.call('issueCoupon', { requestId: `req-rule-${stockId}-${n}`, stockId, customerId: 'cust-1' });
      // cust-1 already holds one of stock-1 (first test): the limit is one.
      const limit = await send('stock-1', 'a');
      assert.equal(limit.body.code, 'limit-reached');
      assert.equal(limit.status, 409);
      assert.equal((await send('stock-2', 'a')).body.code, 'sold-out');
      const early = await send('stock-3', 'a');
      assert.equal(early.status, 410);
      assert.deepEqual([early.body.code, early.body.reason], ['expired', 'not-started']);
      assert.equal((await send('stock-5', 'a')).body.reason, 'expired');
      assert.equal((await send('stock-x', 'a')).status, 404);
      const offers = (await server.call('listCouponStocks', { customerId: 'cust-1' })).body as unknown as Array<{
        id: string;
        status: string;
        held: number;
      }>;
      assert.deepEqual(
        offers.map((o) => [o.id, o.status, o.held]),
        [
          ['stock-1', 'active', 1],
          ['stock-2', 'sold-out', 0],
          ['stock-3', 'not-started', 0],
          ['stock-4', 'sold-out', 0],
          ['stock-5', 'expired', 0],
        ],
      );
    });

    it('publishes a post once per request id and within the daily quota', async () => {
      const draft = { text: '今日新品到店', audience: { type: 'all' } };
      const first = await server.call(
        'publishMoment',
        { requestId: 'req-moment-01', draft },
        { headers: { 'Idempotency-Key': 'req-moment-01' } },
      );
      assert.equal(first.status, 200);
      assert.equal(first.body.state, 'submitted');
      const again = await server.call('publishMoment', { requestId: 'req-moment-01', draft });
      assert.equal(again.body.id, first.body.id);
      const quota = await server.call('getMomentQuota', {});
      assert.deepEqual([quota.body.used, quota.body.remaining], [1, 0]);
      const second = await server.call('publishMoment', { requestId: 'req-moment-02', draft });
      assert.equal(second.body.code, 'limit-reached');
      const read = await server.call('getMoment', { momentId: first.body.id });
      assert.deepEqual([read.body.state, read.body.text], ['published', '今日新品到店']);
      const otherDraft = await server.call('publishMoment', {
        requestId: 'req-moment-01',
        draft: { ...draft, text: '别的' },
      });
      assert.deepEqual([otherDraft.status, otherDraft.body.reason], [409, 'request-id-reused']);
      assert.equal((await server.call('getMoment', { momentId: first.body.id }, { staffId: 'staff-2' })).status, 404);
    });

    it('marks tags with single-select replacement, refuses rule tags, creates tags once', async () => {
      const marked = await server.call('markTags', {
        customerId: 'cust-1',
        add: ['tag-age-30', 'tag-pref-beauty'],
        remove: [],
      });
      assert.deepEqual(marked.body.tagIds, ['tag-age-30', 'tag-pref-beauty']);
      const rule = await server.call('markTags', { customerId: 'cust-1', add: ['tag-rule-vip'], remove: [] });
      assert.deepEqual([rule.status, rule.body.reason], [403, 'rule-tag']);
      const empty = await server.call('markTags', { customerId: 'cust-1', add: [], remove: [] });
      assert.deepEqual([empty.status, empty.body.field], [400, 'add']);
      const tag = await server.call('createTag', { groupId: 'tg-pref', name: ' 户外 ' });
      assert.equal(tag.body.name, '户外');
      const dup = await server.call('createTag', { groupId: 'tg-pref', name: '户外' });
      assert.deepEqual([dup.status, dup.body.code], [409, 'conflict']);
      assert.equal((await server.call('createTag', { groupId: 'tg-age', name: '40-50' })).status, 403);
      const groups = (await server.call('listTagGroups', {})).body as unknown as Array<{ id: string; tags: unknown[] }>;
      assert.deepEqual(
        groups.map((g) => g.id),
        ['tg-age', 'tg-pref', 'tg-rule'],
      );
      assert.equal(groups[1]!.tags.length, 3);
    });

    it('lists, searches and pages customers, groups and members', async () => {
      const page1 = await server.call('searchCustomers', { limit: 2 });
      assert.deepEqual(
        (page1.body.items as Array<{ id: string }>).map((c) => c.id),
        ['cust-4', 'cust-3'],
      );
      assert.equal(page1.body.total, 4);
      const page2 = await server.call('searchCustomers', { limit: 2, cursor: page1.body.nextCursor });
      assert.deepEqual(
        (page2.body.items as Array<{ id: string }>).map((c) => c.id),
        ['cust-2', 'cust-1'],
      );
      assert.equal(page2.body.nextCursor, null);
      assert.equal((await server.call('searchCustomers', { query: 'amy' })).body.total, 1);
      assert.equal((await server.call('searchCustomers', { cursor: 'nonsense' })).status, 400);
      const groups = await server.call('listGroups', {});
      assert.deepEqual(
        (groups.body.items as Array<{ id: string; viewerRole: string }>).map((g) => [g.id, g.viewerRole]),
        [['group-1', 'owner']],
      );
      const members = await server.call('listGroupMembers', { groupId: 'group-1', filter: 'customer' });
      assert.equal(members.body.total, 2);
    });

    it('adds a member once per request id and removes members by role', async () => {
      const add = { requestId: 'req-member-01', groupId: 'group-1', customerId: 'cust-3', scene: 'qrcode' };
      const first = await server.call('addGroupMember', add);
      assert.deepEqual([first.status, first.body.inviterId, first.body.joinScene], [200, 'staff-1', 'qrcode']);
      assert.equal((await server.call('addGroupMember', add)).body.id, 'cust-3');
      const again = await server.call('addGroupMember', { ...add, requestId: 'req-member-02' });
      assert.equal(again.body.code, 'conflict');
      assert.equal((await server.call('getGroup', { groupId: 'group-1' })).body.memberCount, 4);
      assert.equal((await server.call('removeGroupMember', { groupId: 'group-1', memberId: 'staff-1' })).status, 403);
      assert.equal(
        (await server.call('removeGroupMember', { groupId: 'group-1', memberId: 'cust-3' })).body.removed,
        true,
      );
      const members = await server.call('listGroupMembers', { groupId: 'group-1', limit: 1 });
      assert.deepEqual(
        (members.body.items as Array<{ id: string }>).map((m) => m.id),
        ['cust-2'],
      );
      const next = await server.call('listGroupMembers', {
        groupId: 'group-1',
        limit: 5,
        cursor: members.body.nextCursor,
      });
      assert.deepEqual(
        (next.body.items as Array<{ id: string }>).map((m) => m.id),
        ['cust-1', 'staff-1'],
      );
      assert.equal(
        (await server.call('removeGroupMember', { groupId: 'group-1', memberId: 'cust-3' })).body.removed,
        false,
      );
    });

    it('stores and serves uploaded media within the size policy', async () => {
      const upload = (body: Uint8Array, type: string, kind: string) =>
        fetch(`${server.url}/v1/media`, {
          method: 'POST',
          headers: { Authorization: 'Bearer dev-staff-1', 'Content-Type': type, 'X-Media-Kind': kind },
          body: new Blob([body as Uint8Array<ArrayBuffer>]),
        });
      const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0]);
      const ok = await upload(png, 'image/png', 'image');
      assert.equal(ok.status, 200);
      const media = (await ok.json()) as { url: string; size: number };
      assert.equal(media.size, 10);
      const file = await fetch(media.url);
      assert.equal(file.headers.get('content-type'), 'image/png');
      assert.equal((await file.arrayBuffer()).byteLength, 10);
      assert.equal((await upload(new Uint8Array([1]), 'text/html', 'image')).status, 400);
      assert.equal((await upload(new Uint8Array(10 * 1024 * 1024 + 1), 'image/png', 'image')).status, 413);
    });
  });
}

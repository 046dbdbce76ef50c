// Broadcasts on SQL: broadcasts made at the same time to the same customers use each customer's place
// under the cap once (the creation locks the customer rows), and a confirmation sends at once. PGlite
// always; PostgreSQL (several connections at once) with TEST_DATABASE_URL.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { count, databases, startTestServer, type TestServer } from './helpers.js';
import { handlers } from '../src/service.js';

const customers = ['cust-1', 'cust-2', 'cust-3'];
const content = { text: '周末会员日，全场八折', attachments: [] };

for (const database of databases) {
  describe(`broadcasts (${database.name})`, () => {
    let server: TestServer;
    const start = new Date();
    before(async () => {
      server = await startTestServer(database, { testMode: true }, start);
    });
    after(() => server.stop());

    it('six broadcasts at once to the same customers: one sends to them, the others find nobody left', async () => {
      const replies = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          server.call('createBroadcast', {
            requestId: `broadcasts-test-${i}`,
            audience: { type: 'customers', customerIds: customers },
            content,
          }),
        ),
      );
      const made = replies.filter((reply) => reply.status === 200);
      assert.equal(made.length, 1, JSON.stringify(replies.map((reply) => [reply.status, reply.body.reason])));
      for (const reply of replies.filter((other) => other.status !== 200))
        assert.equal(reply.body.reason, 'no-recipients', JSON.stringify(reply.body));
      assert.equal(
        await count(
          server.db,
          "broadcast_recipients WHERE status = 'awaiting-confirmation' AND customer_id = ANY($1)",
          [customers],
        ),
        3,
        'each customer waits for one message',
      );
    });

    it('a broadcast waits for one being made to the same customer, then finds them at the cap', async () => {
      const audience = { type: 'customers' as const, customerIds: ['cust-4'] };
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let firstMade!: () => void;
      const made = new Promise<void>((resolve) => (firstMade = resolve));
      const first = server.db.transaction(async (tx) => {
        const broadcast = await handlers.createBroadcast(
          { tx, staffId: 'staff-1', now: start },
          { requestId: 'broadcasts-held-1', audience, content },
        );
        firstMade();
        await held; // not committed yet
        return broadcast;
      });
      await made;
      let secondSettled = false;
      const second = server.db
        .transaction((tx) =>
          handlers.createBroadcast(
            { tx, staffId: 'staff-1', now: start },
            { requestId: 'broadcasts-held-2', audience, content },
          ),
        )
        .finally(() => (secondSettled = true));
      second.catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(secondSettled, false, 'the second waits while the first is being made');
      release();
      assert.equal((await first).counts['awaiting-confirmation'], 1);
      await assert.rejects(second, (error: { reason?: string }) => error.reason === 'no-recipients');
    });

    it('a confirmation sends at once: done, each recipient sent', async () => {
      const [broadcast] = (await server.call('listBroadcasts', {})).body.items as Array<{ id: string }>;
      const reply = await server.call('confirmBroadcast', { broadcastId: broadcast!.id });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.equal(reply.body.state, 'done');
      assert.deepEqual(reply.body.counts, { pending: 0, 'awaiting-confirmation': 0, sent: 3, failed: 0, skipped: 0 });
      assert.equal(await count(server.db, "broadcast_recipients WHERE status = 'sent'"), 3);
    });
  });
}

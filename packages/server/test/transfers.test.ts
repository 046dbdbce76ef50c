// Transfers on SQL: transfers of the same customers at the same time send each customer once (the
// others answer in-transfer), and reads at the same time after 24 h settle a takeover once (one
// `transferred` activity per customer). PGlite always; PostgreSQL with TEST_DATABASE_URL.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { count, databases, startTestServer, type TestServer } from './helpers.js';

const DAY = 86_400_000;
const customers = ['cust-1', 'cust-2', 'cust-3'];

for (const database of databases) {
  describe(`transfers (${database.name})`, () => {
    let server: TestServer;
    const start = new Date();
    before(async () => {
      server = await startTestServer(database, { testMode: true }, start);
    });
    after(() => server.stop());

    const asManager = (at: Date) => ({ staffId: 'staff-2', headers: { 'X-Test-Now': at.toISOString() } });

    it('sends each customer once when the same customers are transferred at the same time', async () => {
      const replies = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          server.call(
            'transferCustomers',
            {
              requestId: `transfers-test-${i}`,
              fromStaffId: 'staff-1',
              toStaffId: 'staff-2',
              customerIds: customers,
              mode: 'on-job',
              message: '您好，后续由我为您服务。',
            },
            asManager(start),
          ),
        ),
      );
      for (const reply of replies) assert.equal(reply.status, 200, JSON.stringify(reply.body));
      const counts = replies.map((reply) => reply.body.counts as { waiting: number; 'in-transfer': number });
      assert.deepEqual(counts.map((c) => c.waiting).sort(), [0, 0, 0, 0, 0, 3], 'one transfer sends the customers');
      assert.equal(counts.filter((c) => c['in-transfer'] === 3).length, 5, 'the others find them in a transfer');
      assert.equal(await count(server.db, 'transfers WHERE waiting_until IS NOT NULL'), 1);
    });

    it('settles a due takeover once when many reads come at the same time', async () => {
      const later = new Date(start.getTime() + DAY);
      const replies = await Promise.all(
        Array.from({ length: 6 }, () => server.call('listTransfers', {}, asManager(later))),
      );
      for (const reply of replies) assert.equal(reply.status, 200, JSON.stringify(reply.body));
      for (const reply of replies) {
        const items = reply.body.items as Array<{ counts: { done: number; waiting: number } }>;
        assert.equal(
          items.reduce((sum, item) => sum + item.counts.done, 0),
          3,
          'every answer shows them done',
        );
      }
      assert.equal(
        await count(server.db, "customer_activity WHERE kind = 'transferred' AND customer_id = ANY($1)", [customers]),
        3,
        'one transferred entry per customer',
      );
      assert.equal(
        await count(server.db, "customers WHERE owner_staff_id = 'staff-2' AND id = ANY($1)", [customers]),
        3,
      );
      assert.equal(await count(server.db, 'transfers WHERE waiting_until IS NOT NULL'), 0);
    });

    it('answers 403 to an associate', async () => {
      const reply = await server.call('listStaff', {}, { staffId: 'staff-1' });
      assert.equal(reply.status, 403);
      assert.equal(reply.body.reason, 'not-manager');
    });
  });
}

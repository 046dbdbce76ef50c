// The task rules on SQL: concurrent lists insert each rule task once (deterministic ids, ON CONFLICT
// DO NOTHING), and a coupon sent completes the birthday task in the same transaction. PGlite always;
// PostgreSQL with TEST_DATABASE_URL.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dayKey } from '../src/core.js';
import { count, databases, startTestServer, type TestServer } from './helpers.js';

const DAY = 86_400_000;

for (const database of databases) {
  describe(`tasks (${database.name})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(database);
      // 陈静's birthday is in 3 days (in the store's time zone): her birthday task is due.
      const birthday = dayKey(new Date(Date.now() + 3 * DAY), server.data.policy.timeZone).slice(5);
      await server.db.query(`UPDATE customers SET doc = jsonb_set(doc, '{importantDates}', $2::jsonb) WHERE id = $1`, [
        'cust-1',
        JSON.stringify([{ kind: 'birthday', date: birthday }]),
      ]);
    });
    after(() => server.stop());

    it('inserts a rule task once when many lists run the rules at the same time', async () => {
      const replies = await Promise.all(Array.from({ length: 8 }, () => server.call('listTasks', { bucket: 'today' })));
      for (const reply of replies) assert.equal(reply.status, 200, JSON.stringify(reply.body));
      const birthdays = await count(server.db, "tasks WHERE customer_id = 'cust-1' AND kind = 'birthday'");
      assert.equal(birthdays, 1);
      const ids = replies.map((reply) =>
        (reply.body.items as Array<{ id: string; kind: string }>)
          .filter((task) => task.kind === 'birthday')
          .map((t) => t.id),
      );
      assert.deepEqual(new Set(ids.flat()).size, 1, 'every answer names the same task');
    });

    it('completes the birthday task in the transaction of the coupon sent', async () => {
      const sent = await server.call('issueCoupon', {
        requestId: 'tasks-test-coupon-1',
        stockId: 'stock-1',
        customerId: 'cust-1',
      });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      const { rows } = await server.db.query<{ state: string; doc: { state: string; closedAt?: string } }>(
        "SELECT state, doc FROM tasks WHERE customer_id = 'cust-1' AND kind = 'birthday'",
      );
      assert.deepEqual(
        rows.map((row) => [row.state, row.doc.state, typeof row.doc.closedAt]),
        [['done', 'done', 'string']],
      );
      const today = await server.call('listTasks', { bucket: 'today', customerId: 'cust-1' });
      assert.equal((today.body.counts as { done: number }).done, 1);
    });

    it('answers 404 for a task of another associate, like an absent one', async () => {
      const created = await server.call(
        'createTask',
        { requestId: 'tasks-test-manual-1', customerId: 'cust-9', title: '回访', dueAt: new Date().toISOString() },
        { staffId: 'staff-2' },
      );
      assert.equal(created.status, 200, JSON.stringify(created.body));
      const other = await server.call('completeTask', { taskId: created.body.id });
      assert.equal(other.status, 404);
      const own = await server.call('completeTask', { taskId: created.body.id }, { staffId: 'staff-2' });
      assert.equal((own.body as { state: string }).state, 'done');
    });
  });
}

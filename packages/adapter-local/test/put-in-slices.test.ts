import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { putInSlices } from '../src/put-in-slices.js';
import { DB_VERSION, upgrade, type LocalSchema } from '../src/schema.js';
import { longestBusyStretch } from './busy-stretch.js';

const task = (n: number) => ({
  id: `task-${n}`,
  staffId: 'staff-1',
  customerId: `cust-${n % 97}`,
  kind: 'follow-up',
  note: 'x'.repeat(200),
});

describe('putInSlices', () => {
  it('stores every record in one transaction, giving the page turns between slices', async () => {
    const dbName = `put-in-slices-${Date.now()}`;
    const db = await openDB<LocalSchema>(dbName, DB_VERSION, { upgrade });
    const records = Array.from({ length: 5_000 }, (_, n) => task(n));
    const tx = db.transaction(['tasks'], 'readwrite');
    const { longest, total } = await longestBusyStretch(async () => {
      await putInSlices(tx, 'tasks', records);
      await tx.done;
    });
    const stored = await db.count('tasks');
    const lastStored = await db.get('tasks', 'task-4999');
    db.close();
    await deleteDB(dbName);
    expect(stored).to.equal(records.length);
    expect(lastStored).to.deep.equal(records.at(-1));
    // Slices are measured in time (8 ms each): the page waits at most about one slice for a turn. In one
    // go, the puts took a third of the whole time without one.
    expect(longest).to.be.below(total / 10);
  });

  it('stores nothing and resolves at once for no records', async () => {
    const dbName = `put-in-slices-empty-${Date.now()}`;
    const db = await openDB<LocalSchema>(dbName, DB_VERSION, { upgrade });
    const tx = db.transaction(['tasks'], 'readwrite');
    await putInSlices(tx, 'tasks', []);
    await tx.done;
    const stored = await db.count('tasks');
    db.close();
    await deleteDB(dbName);
    expect(stored).to.equal(0);
  });
});

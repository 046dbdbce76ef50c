/**
 * Benchmark (not a test): how long seeding the full dataset (2,000 customers, ~3,700 group members…)
 * into a fresh IndexedDB takes in headless Chromium, from the first call to a usable adapter
 * (target 500 ms), and until the customers' history (written in a second transaction) is readable.
 * Median of several runs.
 */
import { deleteDB } from 'idb';
import { createLocalAdapter } from '../src/index.js';
import { generateSeed } from '../src/seed.js';

const RUNS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const report = (name: string, value: number, target?: number, unit = 'ms') =>
  console.log(
    'BENCH ' + JSON.stringify({ name, value: Math.round(value * 10) / 10, unit, ...(target ? { target } : {}) }),
  );

describe('seed benchmark', function () {
  this.timeout(120_000);

  it('generates and seeds the full dataset', async () => {
    const generate: number[] = [];
    const seed: number[] = [];
    const total: number[] = [];
    const history: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const dbName = `bench-seed-${Date.now()}-${i}`;
      const t0 = performance.now();
      const dataset = generateSeed();
      const t1 = performance.now();
      const adapter = createLocalAdapter({ dbName, dataset });
      await adapter.ready;
      const t2 = performance.now();
      await adapter.listCustomerActivity({ customerId: dataset.customers[0]!.id, limit: 1 });
      const t3 = performance.now();
      generate.push(t1 - t0);
      history.push(t3 - t2);
      seed.push(t2 - t1);
      total.push(t2 - t0);
      adapter.close();
      await deleteDB(dbName);
    }
    report('adapter-local: generate seed data', median(generate));
    report('adapter-local: write seed into a fresh IndexedDB', median(seed));
    report('adapter-local: seed full dataset (generate + write)', median(total), 500);
    report('adapter-local: history readable after the adapter is ready', median(history));
    report('adapter-local: activity records in the seed', generateSeed().activity?.length ?? 0, undefined, 'count');
  });
});

/**
 * Benchmark (not a test): how long seeding the full dataset (2,000 customers, ~3,700 group members…)
 * into a fresh IndexedDB takes in headless Chromium, from the first call to a usable adapter.
 * Median of several runs; target 500 ms.
 */
import { deleteDB } from 'idb';
import { createLocalAdapter } from '../src/index.js';
import { generateSeed } from '../src/seed.js';

const RUNS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const report = (name: string, value: number, target?: number) =>
  console.log(
    'BENCH ' + JSON.stringify({ name, value: Math.round(value * 10) / 10, unit: 'ms', ...(target ? { target } : {}) }),
  );

describe('seed benchmark', function () {
  this.timeout(120_000);

  it('generates and seeds the full dataset', async () => {
    const generate: number[] = [];
    const seed: number[] = [];
    const total: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const dbName = `bench-seed-${Date.now()}-${i}`;
      const t0 = performance.now();
      const dataset = generateSeed();
      const t1 = performance.now();
      const adapter = createLocalAdapter({ dbName, dataset });
      await adapter.ready;
      const t2 = performance.now();
      generate.push(t1 - t0);
      seed.push(t2 - t1);
      total.push(t2 - t0);
      adapter.close();
      await deleteDB(dbName);
    }
    report('adapter-local: generate seed data', median(generate));
    report('adapter-local: write seed into a fresh IndexedDB', median(seed));
    report('adapter-local: seed full dataset (generate + write)', median(total), 500);
  });
});

import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { createLocalAdapter } from '../src/index.js';
import { generateSeed, generateSeedInSlices } from '../src/seed.js';

const now = new Date('2026-11-11T10:00:00Z');

const sha256 = async (text: string) => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
};

/**
 * Runs `work` while a ticker re-arms itself as a fresh task: returns the longest time the page went
 * without a turn, the whole time and the number of turns it had.
 */
async function longestBusyStretch(work: () => Promise<unknown>) {
  let last = performance.now();
  let longest = 0;
  let turns = 0;
  let running = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const time = performance.now();
    longest = Math.max(longest, time - last);
    last = time;
    turns++;
    if (running) channel.port2.postMessage(null);
  };
  channel.port2.postMessage(null);
  const start = performance.now();
  await work();
  running = false;
  const total = performance.now() - start;
  longest = Math.max(longest, performance.now() - last);
  channel.port1.close();
  return { longest, total, turns };
}

describe('seeding in slices', () => {
  it('generates byte for byte the data it always generated', async () => {
    // The hashes of the dataset before seeding was sliced: slicing must not change one byte.
    expect(await sha256(JSON.stringify(generateSeed({ now })))).to.equal(
      '7f02828c5a7b3963b5efee9a5454ce26de51b08bad03a626b2013547c360e422',
    );
    expect(await sha256(JSON.stringify(generateSeed({ now, locale: 'en' })))).to.equal(
      '771dd3ac579d2719430c19ab5f84e471ba6fcc8d8dab1cd95fef170eac11e576',
    );
  });

  it('generates in slices the same dataset as in one go', async () => {
    expect(JSON.stringify(await generateSeedInSlices({ now, locale: 'en' }))).to.equal(
      JSON.stringify(generateSeed({ now, locale: 'en' })),
    );
  });

  it('gives the page turns while generating', async () => {
    const { turns } = await longestBusyStretch(() => generateSeedInSlices({ now }));
    expect(turns).to.be.at.least(15);
  });

  it('gives the page turns while a fresh database is generated and written', async () => {
    const dbName = `seed-slices-${Date.now()}`;
    const adapter = createLocalAdapter({ dbName, clock: () => now });
    const { longest, total } = await longestBusyStretch(() => adapter.ready);
    const page = await adapter.searchCustomers({ query: '', limit: 5 });
    expect(page.items).to.have.length(5);
    adapter.close();
    await deleteDB(dbName);
    expect(longest).to.be.below(total / 4);
  });
});

/**
 * What the upgrade tests share: a database written by an earlier version holds the seed's meta
 * record; the adapter then opens it, upgrades it and must never seed it again.
 */
import { CONFORMANCE_START, createTestClock, type TestClock } from '@clienteling/adapter-testkit';
import type { Dataset } from '../src/dataset.js';
import { createLocalAdapter, type LocalAdapter } from '../src/index.js';

/** The meta record an earlier version wrote when it seeded `dataset` (with `policy` as it stored it). */
export function seededMeta(dataset: Dataset): { signedInStaffId: string; policy: Dataset['policy']; seededAt: string };
export function seededMeta<P extends object>(
  dataset: Dataset,
  policy: P,
): { signedInStaffId: string; policy: P; seededAt: string };
export function seededMeta(dataset: Dataset, policy: object = dataset.policy) {
  return { signedInStaffId: dataset.signedInStaffId, policy, seededAt: CONFORMANCE_START };
}

/** The adapter on a database an earlier version seeded, on the conformance clock; reseeding fails the test. */
export function openUpgraded(dbName: string): { adapter: LocalAdapter; clock: TestClock } {
  const clock = createTestClock(CONFORMANCE_START);
  const adapter = createLocalAdapter({
    dbName,
    clock: () => clock.now(),
    dataset: () => {
      throw new Error('must not reseed');
    },
  });
  return { adapter, clock };
}

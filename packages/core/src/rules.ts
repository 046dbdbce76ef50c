/**
 * The rules of the trade (DESIGN.md 2a) as pure functions, shared by every adapter, the reference
 * server and the elements, so that a rule is written once and a user learns of a limit before a
 * request fails.
 */
import { AdapterError } from './errors.js';
import { LIMITS } from './limits.js';
import { couponUnavailableReason } from './coupon-rules.js';
import { nextMidnight } from './wall-time.js';
import { isInvisible } from './text-rules.js';
import type { CouponStock, MomentQuota, Policy, TagGroup } from './schemas.js';

export { isContactState } from './contact-state.js';
export { hasBadCharacters, isInvisible, isWebUrl } from './text-rules.js';
export { couponStockStatus, couponUnavailableReason, type CouponUnavailableReason } from './coupon-rules.js';
export { FIXED_OFFSET_ZONES, dayKey, nextMidnight, startOfDay, wallTimeIn, type WallTime } from './wall-time.js';

/** Today's moments quota, given how many posts the associate has made today. */
export function momentQuota(policy: Policy, usedToday: number, now: Date): MomentQuota {
  return {
    limit: policy.momentsPerDay,
    used: usedToday,
    remaining: Math.max(0, policy.momentsPerDay - usedToday),
    resetsAt: nextMidnight(now, policy.timeZone).toISOString(),
  };
}

/** Throws the adapter error that matches {@link couponUnavailableReason}, if any. */
export function assertCouponSendable(
  stock: Pick<CouponStock, 'remaining' | 'validFrom' | 'validUntil' | 'perCustomerLimit'>,
  held: number,
  now: Date,
): void {
  const reason = couponUnavailableReason(stock, held, now);
  if (reason === null) return;
  if (reason === 'sold-out') throw new AdapterError('sold-out', 'This coupon stock is sold out');
  if (reason === 'limit-reached')
    throw new AdapterError('limit-reached', `The customer already holds ${held} of at most ${stock.perCustomerLimit}`);
  throw new AdapterError(
    'expired',
    reason === 'not-started' ? 'This coupon stock has not started' : 'This coupon stock has expired',
    {
      reason,
    },
  );
}

/** Whether a validity window respects the platform's 90-day maximum. */
export function isValidityWindowAllowed(validFrom: string, validUntil: string): boolean {
  const span = Date.parse(validUntil) - Date.parse(validFrom);
  return span > 0 && span <= LIMITS.couponValidityMaxDays * 86_400_000;
}

/** Problems with a new tag's name, as a message key, or null when it is fine. */
export type TagNameProblem = 'empty' | 'too-long' | 'duplicate';

export function tagNameProblem(
  name: string,
  group: Pick<TagGroup, 'tags'>,
  maxLength: number = LIMITS.nameMaxLength,
): TagNameProblem | null {
  const trimmed = name.trim();
  if (isInvisible(trimmed)) return 'empty';
  if ([...trimmed].length > maxLength) return 'too-long';
  const folded = trimmed.toLocaleLowerCase();
  if (group.tags.some((t) => !t.deleted && t.name.trim().toLocaleLowerCase() === folded)) return 'duplicate';
  return null;
}

/**
 * Applies an add/remove diff to a customer's tag ids with the semantics of tag groups: adding a tag
 * of a single-select group replaces the group's previous tag. Unknown and rule tags are refused.
 * Returns the new ids (order kept, additions appended) and the ids actually removed.
 */
export function applyTagDiff(
  current: readonly string[],
  diff: { add: readonly string[]; remove: readonly string[] },
  groups: readonly TagGroup[],
): { tagIds: string[]; removed: string[] } {
  if (diff.add.length + diff.remove.length === 0)
    throw new AdapterError('invalid', 'Add or remove at least one tag', { field: 'add' });
  const groupOf = new Map<string, TagGroup>();
  for (const group of groups) {
    for (const tag of group.tags) if (!tag.deleted && !group.deleted) groupOf.set(tag.id, group);
  }
  const next = current.filter((id) => !diff.remove.includes(id));
  const removed = current.filter((id) => diff.remove.includes(id));
  const seenSingle = new Set<string>();
  diff.add.forEach((id, index) => {
    const group = groupOf.get(id);
    if (!group) throw new AdapterError('not-found', `Tag ${id} does not exist`, { field: `add.${index}` });
    if (group.kind === 'rule')
      throw new AdapterError('forbidden', `Tag ${id} is a rule tag`, { field: `add.${index}`, reason: 'rule-tag' });
    if (group.selection === 'single') {
      if (seenSingle.has(group.id))
        throw new AdapterError('invalid', `Only one tag of group ${group.name} can be chosen`, {
          field: `add.${index}`,
        });
      seenSingle.add(group.id);
      for (let i = next.length - 1; i >= 0; i--) {
        const other = next[i]!;
        if (other !== id && groupOf.get(other)?.id === group.id) {
          removed.push(other);
          next.splice(i, 1);
        }
      }
    }
    if (!next.includes(id)) next.push(id);
  });
  return { tagIds: next, removed };
}

/** Groups and tags as elements show them: soft-deleted ones hidden, larger `order` first. */
export function visibleTagGroups(groups: readonly TagGroup[]): TagGroup[] {
  const byOrder = <T extends { order: number }>(a: T, b: T) => b.order - a.order;
  return groups
    .filter((g) => !g.deleted)
    .map((g) => ({ ...g, tags: g.tags.filter((t) => !t.deleted).sort(byOrder) }))
    .sort(byOrder);
}

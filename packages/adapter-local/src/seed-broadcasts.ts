/**
 * The seed's broadcasts (群发, issue 21), so that the demo tells the story of the cap: earlier today the
 * signed-in associate sent a broadcast that reached some of her customers (a new one shows "N already
 * received a message today"), a week ago another that skipped the unsubscribed and the unreachable, and a few of her
 * customers refused the company's messages (`unsubscribedAt`). The seed's unreachable customers stay so.
 * Deterministic for a given dataset and `now`; core's rules make the plans, as a backend would.
 */
import {
  DEFAULT_POLICY,
  audienceCandidates,
  broadcastPeriod,
  newBroadcast,
  planBroadcast,
  sentRecipient,
  settledBroadcast,
  type BroadcastRecipient,
  type Customer,
} from '@clienteling/core/adapter-kit.js';
import { prepareNameSorting } from '@clienteling/core/backend.js';
import { UNREACHABLE_TAG_ID, type DatasetBroadcast } from './dataset.js';
import { ALONE, type SliceStep } from './next-task.js';

export interface SeedBroadcastsInput {
  now: number;
  english: boolean;
  signedInStaffId: string;
  /** Every customer of the seed: the signed-in associate's few who refused messages get `unsubscribedAt`. */
  customers: Customer[];
}

const DAY = 86_400_000;
/** How many of the associate's customers this morning's broadcast reached, and how many refuse messages. */
const REACHED_TODAY = 23;
const UNSUBSCRIBED = 4;

const TEXTS = {
  today: [
    '本周六会员日，全场八折，到店还有小礼物，欢迎来玩～',
    'Members’ day this Saturday: 20% off everything and a small gift in store.',
  ],
  lastWeek: [
    '新款羊绒大衣到店，三种颜色可选，私信我预约试穿。',
    'New cashmere coats are in: message me to book a fitting.',
  ],
} as const;

/**
 * Marks a few of the associate's customers unsubscribed and answers the seed's broadcasts. Mutates
 * `customers` (the records the dataset carries). Each `yield` is a point where the seed may pause.
 */
export function* seedBroadcasts({
  now,
  english,
  signedInStaffId,
  customers,
}: SeedBroadcastsInput): Generator<SliceStep, { broadcasts: DatasetBroadcast[] }> {
  const policy = DEFAULT_POLICY;
  const mine = customers
    .filter((customer) => customer.ownerStaffId === signedInStaffId)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  // Every ninth from the fourth: spread over the list, none of the reached below (every fifth).
  const refusing = mine.filter((_, i) => i % 9 === 3).slice(0, UNSUBSCRIBED);
  refusing.forEach((customer, i) => (customer.unsubscribedAt = new Date(now - (10 + 7 * i) * DAY).toISOString()));

  const text = (texts: readonly [string, string]) => texts[english ? 1 : 0];
  const today = broadcastPeriod(new Date(now), policy.broadcastCap!, policy.timeZone).start.getTime();
  const sentAt = (at: number) => new Date(at);

  /** A broadcast of `customerIds` created at `at`, confirmed a minute later and done. */
  const byId = new Map(customers.map((customer) => [customer.id, customer]));
  const sentBroadcast = (id: string, at: number, customerIds: string[], body: string): DatasetBroadcast => {
    const audience = { type: 'customers' as const, customerIds };
    const plan = planBroadcast({
      staffId: signedInStaffId,
      candidates: audienceCandidates(audience, mine, (customerId) => byId.get(customerId)),
      receivedInPeriod: () => 0,
      policy,
      now: new Date(at),
    });
    const created = newBroadcast(plan, {
      id,
      requestId: `seed-${id}`,
      staffId: signedInStaffId,
      content: { text: body, attachments: [] },
      audience,
      now: new Date(at),
    });
    const confirmedAt = at + 60_000;
    const recipients = created.recipients.map((recipient, i): BroadcastRecipient =>
      recipient.status === 'awaiting-confirmation'
        ? sentRecipient(recipient, byId.get(recipient.customerId), sentAt(confirmedAt + 1000 + i * 10))
        : recipient,
    );
    const confirmed = {
      ...created.broadcast,
      state: 'sending' as const,
      confirmedAt: new Date(confirmedAt).toISOString(),
    };
    return { broadcast: settledBroadcast(confirmed, recipients, sentAt(confirmedAt + 2000)), recipients };
  };

  const reachable = mine.filter((customer) => !refusing.includes(customer));
  // This morning (or just after midnight when the demo opens early): every fifth customer.
  const morning = Math.max(today, now - 3 * 3_600_000);
  const reachedToday = reachable.filter((_, i) => i % 5 === 0).slice(0, REACHED_TODAY);
  // A week ago: a dozen customers, among them one who refuses messages and one who cannot be reached.
  const lost = mine.find((customer) => customer.ruleTagIds.includes(UNREACHABLE_TAG_ID));
  const lastWeek = [...reachable.filter((_, i) => i % 7 === 1).slice(0, 10), refusing[0]!, ...(lost ? [lost] : [])];
  // The plans sort their recipients by name: the collator is built in a task of its own (the first
  // Intl.Collator of a page costs about 40 ms at 4x CPU), not after other steps nor with the first plan.
  yield ALONE;
  prepareNameSorting();
  yield ALONE;
  const sentToday = sentBroadcast(
    'broadcast-seed-2',
    morning,
    reachedToday.map((c) => c.id),
    text(TEXTS.today),
  );
  // A pause between the two: the first runs the broadcast rules for the first time (about 10 ms at 4x CPU).
  yield;
  const sentLastWeek = sentBroadcast(
    'broadcast-seed-1',
    now - 7 * DAY,
    lastWeek.map((c) => c.id),
    text(TEXTS.lastWeek),
  );
  return { broadcasts: [sentToday, sentLastWeek] };
}

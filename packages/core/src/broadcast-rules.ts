/**
 * The rules of a broadcast (群发, issue 21), written once for every backend: the period the
 * per-customer cap counts in (a day, an ISO week from Monday or a month of the store's time zone),
 * who of an audience is sent to and who is skipped and why, and how the recipients move after the
 * associate confirms the send. Pure and free of zod: a backend gives the facts (the audience's
 * customers, the messages each already received in the period, the clock) and stores what these
 * functions answer.
 *
 * - A customer is skipped, in this precedence: `not-own-customer` (an explicit list naming an id that
 *   is absent or another associate's), `unsubscribed` (`unsubscribedAt` set), `unreachable` (core's
 *   {@link isUnreachable}), `limit-reached` (they already have `perCustomer` company messages — of any
 *   associate — of broadcasts created in the current period; see {@link countsTowardCap}).
 * - More recipients than the policy's maximum is `limit-reached` (`max-recipients`); none is `invalid`
 *   (`no-recipients`).
 * - After confirmation a backend that hears no platform results sends {@link BROADCAST_SEND_RATE}
 *   recipients a second, in their order ({@link recipientSendAt}); a recipient unreachable by then fails.
 */
import { addDays } from './attribution.js';
import { compareKeys, isUnreachable, type SortKey } from './backend.js';
import { AdapterError } from './errors.js';
import { DEFAULT_POLICY, LIMITS } from './limits.js';
import { dayKey, startOfDay } from './rules.js';
import type {
  Broadcast,
  BroadcastAudience,
  BroadcastCap,
  BroadcastCounts,
  BroadcastPreview,
  BroadcastRecipient,
  BroadcastRecipientStatus,
  BroadcastSkipReason,
  BroadcastSkipped,
  Customer,
  Policy,
} from './schemas.js';

/** The skip reasons in the order they are decided (the first that applies wins). */
export const BROADCAST_SKIP_REASONS: readonly BroadcastSkipReason[] = [
  'not-own-customer',
  'unsubscribed',
  'unreachable',
  'limit-reached',
];

/** The recipient statuses that use a customer's quota: a failed or skipped message does not. */
export const CAP_COUNTED_STATUSES: readonly BroadcastRecipientStatus[] = ['pending', 'awaiting-confirmation', 'sent'];

/** Whether a recipient of that status counts toward the customer's cap. */
export const countsTowardCap = (status: BroadcastRecipientStatus): boolean => CAP_COUNTED_STATUSES.includes(status);

/** Recipients a backend without the platform's results sends per second after confirmation. */
export const BROADCAST_SEND_RATE = 100;

/** The per-customer cap of a policy (absent: one a day). */
export const broadcastCap = (policy: Pick<Policy, 'broadcastCap'>): BroadcastCap =>
  policy.broadcastCap ?? DEFAULT_POLICY.broadcastCap!;

/** The most recipients one broadcast may have: the policy's, within the platform's 10,000. */
export const broadcastMaxRecipients = (policy: Pick<Policy, 'broadcastMaxRecipients'>): number =>
  Math.min(policy.broadcastMaxRecipients ?? LIMITS.broadcastRecipientsMax, LIMITS.broadcastRecipientsMax);

/** A period of the cap: `[start, end)`. */
export interface BroadcastPeriod {
  start: Date;
  end: Date;
}

/**
 * The period the cap counts in at `now`, in `timeZone`: the local calendar day, the ISO week (from
 * Monday 00:00 local) or the local calendar month that holds `now`.
 */
export function broadcastPeriod(now: Date, cap: Pick<BroadcastCap, 'period'>, timeZone: string): BroadcastPeriod {
  const today = dayKey(now, timeZone);
  let first = today;
  let next = addDays(today, 1);
  if (cap.period === 'week') {
    const sinceMonday = (new Date(Date.parse(today)).getUTCDay() + 6) % 7;
    first = addDays(today, -sinceMonday);
    next = addDays(first, 7);
  } else if (cap.period === 'month') {
    first = `${today.slice(0, 7)}-01`;
    const [year, month] = first.split('-').map(Number) as [number, number];
    next = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
  }
  return { start: startOfDay(first, timeZone), end: startOfDay(next, timeZone) };
}

/** Whether a broadcast created at `createdAt` counts in `period`. */
export const inPeriod = (createdAt: string, period: BroadcastPeriod): boolean => {
  const at = Date.parse(createdAt);
  return at >= period.start.getTime() && at < period.end.getTime();
};

/** One customer of an audience as a backend found it: `customer` absent when the id names no customer. */
export interface BroadcastCandidate {
  customerId: string;
  customer?: Customer;
}

/**
 * The candidates of an audience: the associate's own customers for `all`, those with any of the tags
 * (or rule tags) for `tags`, the named ids for `customers` (each once, in the order given, looked up in
 * `lookUp`, which answers whatever customer has the id).
 */
export function audienceCandidates(
  audience: BroadcastAudience,
  ownCustomers: readonly Customer[],
  lookUp: (customerId: string) => Customer | undefined,
): BroadcastCandidate[] {
  if (audience.type === 'customers')
    return [...new Set(audience.customerIds)].map((customerId) => {
      const customer = lookUp(customerId);
      return customer ? { customerId, customer } : { customerId };
    });
  const wanted = audience.type === 'tags' ? audience.tagIds : undefined;
  return ownCustomers
    .filter(
      (customer) => !wanted || wanted.some((id) => customer.tagIds.includes(id) || customer.ruleTagIds.includes(id)),
    )
    .map((customer) => ({ customerId: customer.id, customer }));
}

/** Everything the plan of a broadcast needs. */
export interface BroadcastFacts {
  staffId: string;
  candidates: readonly BroadcastCandidate[];
  /** Company messages each customer already received in the current period (counted statuses only). */
  receivedInPeriod: (customerId: string) => number;
  policy: Pick<Policy, 'broadcastCap' | 'broadcastMaxRecipients' | 'timeZone'>;
  now: Date;
}

/** Who a broadcast sends to now and who it skips, with the preview an associate sees. */
export interface BroadcastPlan {
  /** In the order they are sent: {@link recipientKey}. */
  recipients: Customer[];
  /** Every skipped customer (the preview lists the first 200), in {@link recipientKey} order. */
  skipped: BroadcastSkipped[];
  preview: BroadcastPreview;
}

/** Why `candidate` is skipped, or undefined when it is sent to. */
export function skipReasonOf(
  candidate: BroadcastCandidate,
  staffId: string,
  received: number,
  cap: BroadcastCap,
): BroadcastSkipReason | undefined {
  const { customer } = candidate;
  if (!customer || customer.ownerStaffId !== staffId) return 'not-own-customer';
  if (customer.unsubscribedAt) return 'unsubscribed';
  if (isUnreachable(customer)) return 'unreachable';
  if (received >= cap.perCustomer) return 'limit-reached';
  return undefined;
}

/** The order of recipients (and of the skipped): by name (zh-CN collation, an unnamed id first), then id. */
export const recipientKey = (recipient: { name?: string; customerId: string }): SortKey => [
  recipient.name ?? '',
  recipient.customerId,
];

/** The recipients and the skipped of a broadcast at `now`, and the preview that says so. */
export function planBroadcast(facts: BroadcastFacts): BroadcastPlan {
  const cap = broadcastCap(facts.policy);
  const period = broadcastPeriod(facts.now, cap, facts.policy.timeZone);
  const recipients: Customer[] = [];
  const skipped: BroadcastSkipped[] = [];
  const skippedByReason: BroadcastPreview['skippedByReason'] = {
    'limit-reached': 0,
    unreachable: 0,
    'not-own-customer': 0,
    unsubscribed: 0,
  };
  for (const candidate of facts.candidates) {
    const reason = skipReasonOf(candidate, facts.staffId, facts.receivedInPeriod(candidate.customerId), cap);
    if (!reason) {
      recipients.push(candidate.customer!);
      continue;
    }
    skippedByReason[reason]++;
    const name = reason === 'not-own-customer' ? undefined : candidate.customer?.name;
    skipped.push({ customerId: candidate.customerId, ...(name === undefined ? {} : { name }), reason });
  }
  recipients.sort((a, b) =>
    compareKeys(recipientKey({ ...a, customerId: a.id }), recipientKey({ ...b, customerId: b.id })),
  );
  skipped.sort((a, b) => compareKeys(recipientKey(a), recipientKey(b)));
  return {
    recipients,
    skipped,
    preview: {
      recipientCount: recipients.length,
      skippedCount: skipped.length,
      skippedByReason,
      skipped: skipped.slice(0, LIMITS.broadcastPreviewSkippedMax),
      cap,
      periodStart: period.start.toISOString(),
      periodEnd: period.end.toISOString(),
      maxRecipients: broadcastMaxRecipients(facts.policy),
    },
  };
}

/** Refuses a broadcast a backend may not create from `plan`: none to send to, or too many. */
export function assertBroadcastSendable(plan: BroadcastPlan): void {
  const { recipientCount, maxRecipients } = plan.preview;
  if (recipientCount === 0)
    throw new AdapterError('invalid', 'No customer of the audience can receive the broadcast', {
      reason: 'no-recipients',
      field: 'audience',
    });
  if (recipientCount > maxRecipients)
    throw new AdapterError('limit-reached', `At most ${maxRecipients} recipients per broadcast`, {
      reason: 'max-recipients',
    });
}

/** The recipients of a new broadcast: those sent to wait for the confirmation, the skipped carry their reason. */
export function broadcastRecipientsOf(plan: BroadcastPlan): BroadcastRecipient[] {
  return [
    ...plan.recipients.map((customer): BroadcastRecipient => ({
      customerId: customer.id,
      name: customer.name,
      ...(customer.avatarUrl ? { avatarUrl: customer.avatarUrl } : {}),
      status: 'awaiting-confirmation',
    })),
    ...plan.skipped.map(({ customerId, name, reason }): BroadcastRecipient => ({
      customerId,
      ...(name === undefined ? {} : { name }),
      status: 'skipped',
      reason,
    })),
  ];
}

/** The counts of recipients per status. */
export function broadcastCounts(recipients: readonly Pick<BroadcastRecipient, 'status'>[]): BroadcastCounts {
  const counts: BroadcastCounts = { pending: 0, 'awaiting-confirmation': 0, sent: 0, failed: 0, skipped: 0 };
  for (const { status } of recipients) counts[status]++;
  return counts;
}

/** A new broadcast waiting for the associate's confirmation. */
export function newBroadcast(
  plan: BroadcastPlan,
  input: Pick<Broadcast, 'id' | 'requestId' | 'staffId' | 'content' | 'audience'> & { now: Date },
): { broadcast: Broadcast; recipients: BroadcastRecipient[] } {
  const recipients = broadcastRecipientsOf(plan);
  const { now, ...fields } = input;
  return {
    broadcast: {
      ...fields,
      state: 'awaiting-confirmation',
      counts: broadcastCounts(recipients),
      createdAt: now.toISOString(),
    },
    recipients,
  };
}

/** The broadcast once the associate confirmed the send (a second confirmation changes nothing). */
export function confirmedBroadcast(broadcast: Broadcast, now: Date): Broadcast {
  if (broadcast.state !== 'awaiting-confirmation') return broadcast;
  return { ...broadcast, state: 'sending', confirmedAt: now.toISOString() };
}

/**
 * When the recipient at `position` (0-based, in sending order) of a broadcast confirmed at
 * `confirmedAt` is sent by a backend that paces itself: {@link BROADCAST_SEND_RATE} a second, the
 * first ones a second after confirmation.
 */
export const recipientSendAt = (confirmedAt: string, position: number): Date =>
  new Date(Date.parse(confirmedAt) + (Math.floor(position / BROADCAST_SEND_RATE) + 1) * 1000);

/** What became of a waiting recipient when it was sent at `at`: sent, or failed when the customer is unreachable. */
export function sentRecipient(
  recipient: BroadcastRecipient,
  customer: Pick<Customer, 'ruleTagIds'> | undefined,
  at: Date,
): BroadcastRecipient {
  if (!customer || isUnreachable(customer))
    return { ...recipient, status: 'failed', failureReason: 'The customer can no longer be reached' };
  return { ...recipient, status: 'sent', sentAt: at.toISOString() };
}

/** The broadcast with its counts recomputed, `done` (with `completedAt`) once no recipient waits. */
export function settledBroadcast(
  broadcast: Broadcast,
  recipients: readonly Pick<BroadcastRecipient, 'status'>[],
  at: Date,
): Broadcast {
  const counts = broadcastCounts(recipients);
  const waiting = counts.pending + counts['awaiting-confirmation'];
  if (broadcast.state === 'awaiting-confirmation' || waiting > 0) return { ...broadcast, counts };
  return { ...broadcast, counts, state: 'done', completedAt: broadcast.completedAt ?? at.toISOString() };
}

/**
 * What every operation group's schemas share: ids, times, days, links and names, and paging (the
 * parts operations are made of are in operation-parts.ts). The groups' own schemas build on them,
 * each a module of its own so that the first validation loads only what its operation needs (see
 * load-validation.ts): `schemas-staff.ts` (the store, its staff, the policy), `schemas-base.ts`
 * (customers and tags, the timeline), `schemas-attachments.ts` (images, videos, link and
 * mini-program cards), `schemas-outreach.ts` (moments, coupons, groups), `schemas-tasks.ts`,
 * `schemas-transfers.ts`, `schemas-results.ts` (contact-me codes, purchases, results),
 * `schemas-scripts.ts` and `schemas-broadcasts.ts`.
 */
import * as z from 'zod/mini';
import { LIMITS } from './limits.js';
import { isInvisible, isWebUrl } from './text-rules.js';
import { Count, PositiveCount, matching, opt, storableText } from './schema-kit.js';

export { LIMITS, byteLength, DEFAULT_POLICY } from './limits.js';
export { storableText } from './schema-kit.js';

export const IdSchema = storableText(128, 1);
/** An ISO 8601 date-time with a time zone (`Z` or an offset), checked cheaply without zod's regex. */
export const DateTimeSchema = z.string().check(
  z.refine(
    (value) =>
      /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(value) && !Number.isNaN(Date.parse(value)),
    {
      message: 'Expected an ISO date-time with a zone',
    },
  ),
);
/** A URL as the backend sent it. Elements sanitise before rendering it as a link. */
export const UrlSchema = storableText(2048, 1);
/** A link a customer may open: `http:` or `https:` only. */
export const WebUrlSchema = UrlSchema.check(z.refine(isWebUrl, { message: 'A link must be an http or https URL' }));
/** A tag or group name: something visible, not only spaces or invisible marks. */
export const NameSchema = storableText(LIMITS.nameMaxLength, 1).check(
  z.refine((value) => !isInvisible(value), { message: 'A name must have visible characters' }),
);

/** A calendar day, `YYYY-MM-DD`. */
export const DaySchema = z
  .string()
  .check(matching(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Expected YYYY-MM-DD'));

/** The per-customer cap of company messages, counted in days, ISO weeks or months of the store's time zone. */
export const BroadcastCapSchema = z.object({
  perCustomer: PositiveCount,
  period: z.enum(['day', 'week', 'month']),
});

/* ------------------------------------------------------------------ paging */

export const CursorSchema = z.nullable(storableText(512));

/** One page of a cursor-paged list. `nextCursor` is null on the last page. */
export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: CursorSchema,
    /** Total matching items, when the backend knows it cheaply. */
    total: opt(Count),
  });

export type BroadcastCap = z.infer<typeof BroadcastCapSchema>;
export type Page<T> = { items: T[]; nextCursor: string | null; total?: number };

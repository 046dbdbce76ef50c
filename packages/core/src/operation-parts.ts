/**
 * What the operations of every group are made of (`operations-<group>.ts`): the empty input, the
 * paging query, the request id and `operation` itself.
 */
import * as z from 'zod/mini';
import { LIMITS } from './limits.js';
import { PositiveCount, storableText } from './schema-kit.js';

/** What an operation without input takes. */
export const Empty = z.object({});
/** The query, cursor and page size of a searchable, cursor-paged list. */
export const PageQuery = {
  query: z.optional(storableText(64)),
  cursor: z.optional(z.nullable(storableText(512))),
  limit: z.optional(PositiveCount.check(z.lte(LIMITS.pageSizeMax))),
};
/** A caller-supplied id that makes a non-repeatable mutation idempotent. */
export const RequestIdSchema = storableText(128, 8);

/** An operation's input and output schemas (see `operations` in contract.ts). */
export const operation = <I extends z.ZodMiniType, O extends z.ZodMiniType>(input: I, output: O) => ({ input, output });

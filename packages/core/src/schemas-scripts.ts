/**
 * The domain's schemas of scripts (话术): the company's approved words and an associate's own, with
 * the attachments of `schemas-attachments.ts` (see `schemas-common.ts` for what every group shares).
 */
import * as z from 'zod/mini';
import { LIMITS } from './limits.js';
import { isInvisible } from './text-rules.js';
import { SCRIPT_VARIABLES, unknownScriptVariables } from './script-rules.js';
import { Count, opt, storableText } from './schema-kit.js';
import { DateTimeSchema, IdSchema } from './schemas-common.js';
import { ImageAttachmentSchema, LinkCardSchema, MiniProgramCardSchema } from './schemas-attachments.js';

/* ------------------------------------------------------------------ scripts (话术) */

/** Who a script belongs to: the company's approved words, or one associate's own. */
export const ScriptScopeSchema = z.enum(['company', 'own']);

export const ScriptCategorySchema = z.object({
  id: IdSchema,
  name: storableText(LIMITS.scriptCategoryNameMaxLength, 1),
  /** Position among the categories (the library's tabs), smallest first. */
  order: Count,
});

/**
 * A text script: at most 1,000 characters, with variables written `{customerName}`, `{staffName}` or
 * `{storeName}` (filled in by core's `fillScript` for the customer at hand); any other `{name}` is refused.
 */
export const ScriptTextSchema = storableText(LIMITS.scriptTextMaxLength, 1).check(
  z.refine((value) => !isInvisible(value), { message: 'A script must have visible characters' }),
  z.refine((value) => unknownScriptVariables(value).length === 0, {
    message: `Unknown variable; use ${SCRIPT_VARIABLES.map((name) => `{${name}}`).join(', ')}`,
  }),
);

/** What a script sends: a text, an image, a link card or a mini-program card. */
export const ScriptContentSchema = z.union([
  z.object({ kind: z.literal('text'), text: ScriptTextSchema }),
  z.object({ kind: z.literal('image'), image: ImageAttachmentSchema }),
  z.object({ kind: z.literal('link'), link: LinkCardSchema }),
  z.object({ kind: z.literal('miniprogram'), miniprogram: MiniProgramCardSchema }),
]);

export const ScriptTitleSchema = storableText(LIMITS.scriptTitleMaxLength, 1).check(
  z.refine((value) => !isInvisible(value), { message: 'A title must have visible characters' }),
);

/** A script of the library (话术库 / 素材库). */
export const ScriptSchema = z.object({
  id: IdSchema,
  categoryId: IdSchema,
  title: ScriptTitleSchema,
  content: ScriptContentSchema,
  scope: ScriptScopeSchema,
  /** The associate whose own script it is (scope `own`). */
  ownerId: opt(IdSchema),
  /** How often the signed-in associate used it: the library lists the most used first. */
  useCount: Count,
  lastUsedAt: opt(DateTimeSchema),
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema,
});

/** How a script was used: sent into the chat, copied, or put into a broadcast. */
export const ScriptUseChannelSchema = z.enum(['chat', 'copy', 'broadcast']);

export type ScriptScope = z.infer<typeof ScriptScopeSchema>;
export type ScriptCategory = z.infer<typeof ScriptCategorySchema>;
export type ScriptContent = z.infer<typeof ScriptContentSchema>;
export type Script = z.infer<typeof ScriptSchema>;
export type ScriptUseChannel = z.infer<typeof ScriptUseChannelSchema>;

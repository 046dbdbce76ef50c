/** The operations of scripts (话术) (see schemas-common.ts for what every group shares). */
import * as z from 'zod/mini';
import type { OperationsOf } from './operation-groups.js';
import { Empty, PageQuery, RequestIdSchema, operation } from './operation-parts.js';
import { IdSchema, pageOf } from './schemas-common.js';
import {
  ScriptCategorySchema,
  ScriptContentSchema,
  ScriptSchema,
  ScriptScopeSchema,
  ScriptTitleSchema,
  ScriptUseChannelSchema,
} from './schemas-scripts.js';

/** The script library: company-wide and the signed-in associate's own scripts, most used first. */
export const ListScriptsInputSchema = z.object({
  ...PageQuery,
  categoryId: z.optional(IdSchema),
  scope: z.optional(ScriptScopeSchema),
});
export const CreateScriptInputSchema = z.object({
  requestId: RequestIdSchema,
  categoryId: IdSchema,
  title: ScriptTitleSchema,
  content: ScriptContentSchema,
});
/** Changes one of the associate's own scripts; a company script is `forbidden`. */
export const UpdateScriptInputSchema = z.object({
  scriptId: IdSchema,
  categoryId: z.optional(IdSchema),
  title: z.optional(ScriptTitleSchema),
  content: z.optional(ScriptContentSchema),
});
export const RecordScriptUseInputSchema = z.object({
  scriptId: IdSchema,
  channel: ScriptUseChannelSchema,
  customerId: z.optional(IdSchema),
});

/** The input and output schema of each operation of this group (see `operations` in contract.ts). */
export const scriptOperations = {
  listScriptCategories: operation(Empty, z.array(ScriptCategorySchema)),
  listScripts: operation(ListScriptsInputSchema, pageOf(ScriptSchema)),
  createScript: operation(CreateScriptInputSchema, ScriptSchema),
  updateScript: operation(UpdateScriptInputSchema, ScriptSchema),
  deleteScript: operation(z.object({ scriptId: IdSchema }), z.object({ deleted: z.boolean() })),
  recordScriptUse: operation(RecordScriptUseInputSchema, ScriptSchema),
} as const satisfies Record<OperationsOf<'scripts'>, unknown>;

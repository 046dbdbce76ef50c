/**
 * Parsing at the boundary, free of zod at run time (it only calls a schema's `safeParse`): malformed
 * data becomes an `invalid` {@link AdapterError} that names the offending field, never a crash deeper
 * in an element. It loads with the first validation (see load-validation.ts).
 */
import type * as z from 'zod/mini';
import type { ClientelingAdapter, UploadMediaInput } from './contract.js';
import { AdapterError, toAdapterError } from './errors.js';
import { nextTask } from './next-task.js';

/** A zod issue path as a dotted field name: `items.3.joinedAt`. */
export const fieldPath = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/**
 * Parses `data` with `schema`, or throws an `invalid` AdapterError naming the first offending field,
 * prefixed with `what` (for example `getCustomer response`).
 */
export function parseOrInvalid<S extends z.ZodMiniType>(schema: S, data: unknown, what: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  let issue = result.error.issues[0]!;
  let prefix: PropertyKey[] = [];
  // A union (attachments, audience, benefit…) fails as a whole: name the field inside the option
  // that came closest, i.e. whose first problem lies deepest.
  while (issue.code === 'invalid_union' && issue.errors.length > 0) {
    prefix = [...prefix, ...issue.path];
    // An option whose literal tag (`kind`, `type`) does not match is the wrong option, unless all are.
    const score = (issues: ReadonlyArray<{ code: string; path: readonly PropertyKey[] }>) =>
      (issues.some((i) => i.code === 'invalid_value' && i.path.length === 1) ? 0 : 100) + (issues[0]?.path.length ?? 0);
    const best = issue.errors.reduce((a, b) => (score(b) > score(a) ? b : a));
    if (!best[0]) break;
    issue = best[0];
  }
  const field = fieldPath([...prefix, ...issue.path]);
  const detail = issue.message && issue.message !== 'Invalid input' ? issue.message : issue.code.replace(/_/g, ' ');
  throw new AdapterError('invalid', `${what}: ${field || '(root)'}: ${detail}`, { field, cause: result.error });
}

/**
 * How long checking an answer may take (ms) before the caller gets it in a task of its own: the
 * element that renders it would otherwise check and render in one task, on a phone often one of
 * more than 50 ms (a long task). A quick check costs no pause.
 */
export const LONG_CHECK_MS = 4;

/**
 * One validated call of operation `name`: checks `input` against the operation's input schema, calls
 * `call` with what was checked, and checks its answer against the output schema (after a check of
 * more than {@link LONG_CHECK_MS}, the answer comes in a task of its own). A failure of `call`
 * becomes an AdapterError.
 */
export async function callValidated(
  name: string,
  schemas: { input: z.ZodMiniType; output: z.ZodMiniType },
  call: (input: unknown) => Promise<unknown>,
  input: unknown,
): Promise<unknown> {
  const checked = parseOrInvalid(schemas.input, input ?? {}, `${name} input`);
  let result: unknown;
  try {
    result = await call(checked);
  } catch (error) {
    throw toAdapterError(error);
  }
  const checkStarted = performance.now();
  const answer = parseOrInvalid(schemas.output, result, `${name} response`);
  if (performance.now() - checkStarted > LONG_CHECK_MS) await nextTask();
  return answer;
}

/** Uploads `input` through `adapter` and checks the answer against `schema` (the uploaded media's). */
export async function uploadValidated<S extends z.ZodMiniType>(
  adapter: ClientelingAdapter,
  input: UploadMediaInput,
  schema: S,
): Promise<z.output<S>> {
  let result: unknown;
  try {
    result = await adapter.uploadMedia(input);
  } catch (error) {
    throw toAdapterError(error);
  }
  return parseOrInvalid(schema, result, 'uploadMedia response');
}

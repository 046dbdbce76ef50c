/**
 * Validation at the boundary: malformed data becomes an `invalid` {@link AdapterError} that names
 * the offending field, never a crash deeper in an element.
 */
import type * as z from 'zod/mini';
import { AdapterError, toAdapterError } from './errors.js';
import { operationNames } from './operation-kinds.js';
import {
  operations,
  type ClientelingAdapter,
  type OperationInput,
  type OperationName,
  type OperationOutput,
} from './contract.js';
import { UploadedMediaSchema } from './schemas-outreach.js';

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

const VALIDATED = Symbol.for('clienteling.validated');

/**
 * Wraps an adapter so that every input is checked before it is sent and every response is checked
 * before an element sees it. Errors of the underlying adapter pass through as AdapterErrors.
 * Wrapping twice returns the same wrapper.
 */
export function withValidation(adapter: ClientelingAdapter): ClientelingAdapter {
  if ((adapter as unknown as Record<symbol, unknown>)[VALIDATED]) return adapter;
  const wrapped: Record<string, unknown> = {
    [VALIDATED]: true,
    get capabilities() {
      return adapter.capabilities;
    },
    async uploadMedia(input: Parameters<ClientelingAdapter['uploadMedia']>[0]) {
      let result: unknown;
      try {
        result = await adapter.uploadMedia(input);
      } catch (error) {
        throw toAdapterError(error);
      }
      return parseOrInvalid(UploadedMediaSchema, result, 'uploadMedia response');
    },
  };
  for (const name of operationNames) {
    wrapped[name] = async <K extends OperationName>(input: OperationInput<K>): Promise<OperationOutput<K>> => {
      const { input: inSchema, output: outSchema } = operations[name];
      const checked = parseOrInvalid(inSchema, input ?? {}, `${name} input`);
      const call = adapter[name] as unknown as (input: unknown) => Promise<unknown>;
      let result: unknown;
      try {
        result = await call.call(adapter, checked);
      } catch (error) {
        throw toAdapterError(error);
      }
      return parseOrInvalid(outSchema, result, `${name} response`) as OperationOutput<K>;
    };
  }
  return wrapped as unknown as ClientelingAdapter;
}

/**
 * Validation at the boundary: malformed data becomes an `invalid` {@link AdapterError} that names
 * the offending field, never a crash deeper in an element (see parse.ts). `withValidation` wraps a
 * whole adapter with every operation's schemas; elements validate each call with its group's only
 * (see load-validation.ts).
 */
import { callValidated, uploadValidated } from './parse.js';
import { operationNames } from './operation-kinds.js';
import { operations, type ClientelingAdapter } from './contract.js';
import { UploadedMediaSchema } from './schemas-attachments.js';

export { fieldPath, parseOrInvalid } from './parse.js';

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
    uploadMedia: (input: Parameters<ClientelingAdapter['uploadMedia']>[0]) =>
      uploadValidated(adapter, input, UploadedMediaSchema),
  };
  for (const name of operationNames) {
    const call = (checked: unknown) => (adapter[name] as (input: unknown) => Promise<unknown>).call(adapter, checked);
    wrapped[name] = (input: unknown) => callValidated(name, operations[name], call, input);
  }
  return wrapped as unknown as ClientelingAdapter;
}

/**
 * Loads the schemas and validation (zod included) on first use: what elements and adapters call
 * before they validate, so that zod stays out of what a page loads first. All but this module's few
 * lines load then too (operation-loader.ts): validating one operation loads the schemas of its group
 * only, in short tasks.
 */
import type { ClientelingAdapter, OperationName } from './contract.js';

export type { OperationValidation, ValidationModule } from './operation-loader.js';
type OperationLoader = typeof import('./operation-loader.js');

let loading: Promise<OperationLoader> | undefined;
let loaded: OperationLoader | undefined;

/** The loader of the schemas; a failed load (a chunk offline) is tried again on the next call. */
export const loadValidator = (): Promise<OperationLoader> =>
  (loading ??= import('./operation-loader.js').then(
    (loader) => (loaded = loader),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));

/**
 * Calls `adapter[name]` with `input` validated (see operation-loader.ts's `callOperation`); once the
 * operation's schemas are loaded, the adapter is called at once, in the same task.
 */
export const callValidatedOperation = (adapter: ClientelingAdapter, name: string, input: unknown): Promise<unknown> =>
  loaded
    ? loaded.callOperation(adapter, name, input)
    : loadValidator().then((loader) => loader.callOperation(adapter, name, input));

/** The schemas of operation `name` (and `parseOrInvalid`, `callValidated`), loaded with its group's. */
export const loadOperation = <K extends OperationName>(name: K) =>
  loadValidator().then((loader) => loader.loadOperation(name));

/** The schema of an uploaded file's answer (`uploadMedia`), with `parseOrInvalid`. */
export const loadMediaValidation = () => loadValidator().then((loader) => loader.loadMediaValidation());

/** The schemas of the store, its staff and the policy (`schemas-staff.ts`), with `parseOrInvalid`. */
export const loadStaffSchemas = () => loadValidator().then((loader) => loader.loadStaffSchemas());

/**
 * Every schema, `operations` and `parseOrInvalid` / `withValidation`: for a page or adapter that
 * wants the whole contract (each group still evaluated in a task of its own).
 */
export const loadValidation = () => loadValidator().then((loader) => loader.loadValidation());

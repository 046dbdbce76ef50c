/**
 * Loads the schemas and validation (zod included) on first use (this module itself loads with the
 * first validation, see load-validation.ts), so that zod stays out of what a page loads first.
 *
 * Validating one operation loads the schemas of its group only (`OPERATION_GROUPS`: a list of tasks
 * needs neither the moments' nor the broadcasts' schemas), and evaluates them in short tasks on a
 * mid-range phone: zod and the parsing first, then what every group shares (ids, times, paging),
 * then the attachments' schemas for a group that carries them, then the group. The price: each part
 * is a chunk fetched once the one before has run, a network round trip each on a first visit (a page
 * that wants them sooner lists them as `<link rel="modulepreload">`).
 */
import type { ClientelingAdapter, OperationName, Operations, UploadMediaInput } from './contract.js';
import { OPERATION_GROUPS, type OperationGroup } from './operation-groups.js';

export type ValidationModule = typeof import('./validation-chunk.js');
type ParseModule = typeof import('./schema-kit.js');

/** Lets the page paint and handle input before the next part is evaluated. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** `load` run once and its promise kept; a failed load (a chunk offline) is tried again on the next call. */
const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
};

/** zod with the parsing, then the schemas every group shares: before any group. */
const loadShared = once(async (): Promise<ParseModule> => {
  const kit = await import('./schema-kit.js');
  await nextTask();
  await import('./operation-parts.js');
  await nextTask();
  return kit;
});

const loadAttachmentSchemas = once(() => import('./schemas-attachments.js'));

/** A group's table once the attachments' schemas it carries are evaluated, in a task of their own. */
const withAttachments = async <T>(load: () => Promise<T>): Promise<T> => {
  await loadAttachmentSchemas();
  await nextTask();
  return load();
};

type OperationSchemas = { [K in OperationName]: Pick<Operations[K], 'input' | 'output'> };

const groupLoaders: Record<OperationGroup, () => Promise<Partial<OperationSchemas>>> = {
  common: once(() => import('./operations-common.js').then((m) => m.commonOperations)),
  people: once(() => import('./operations-people.js').then((m) => m.peopleOperations)),
  outreach: once(() => withAttachments(() => import('./operations-outreach.js').then((m) => m.outreachOperations))),
  tasks: once(() => import('./operations-tasks.js').then((m) => m.taskOperations)),
  transfers: once(() => import('./operations-transfers.js').then((m) => m.transferOperations)),
  results: once(() => import('./operations-results.js').then((m) => m.resultOperations)),
  scripts: once(() => withAttachments(() => import('./operations-scripts.js').then((m) => m.scriptOperations))),
  broadcasts: once(() =>
    withAttachments(() => import('./operations-broadcasts.js').then((m) => m.broadcastOperations)),
  ),
};

/** What validating one operation needs: its input and output schemas, and the parsing. */
export type OperationValidation<K extends OperationName> = OperationSchemas[K] &
  Pick<ParseModule, 'parseOrInvalid' | 'callValidated'>;

/** What `loadOperation` has loaded, by operation: a later call (the adapters make one per request) reuses it. */
const loadedOperations = new Map<string, OperationValidation<OperationName>>();

/** The schemas of operation `name` (and `parseOrInvalid`, `callValidated`), loaded with its group's. */
export async function loadOperation<K extends OperationName>(name: K): Promise<OperationValidation<K>> {
  const loaded = loadedOperations.get(name);
  if (loaded) return loaded as OperationValidation<K>;
  const group = OPERATION_GROUPS[name];
  if (!group) throw new TypeError(`${String(name)} is not an operation of the contract`);
  const { parseOrInvalid, callValidated } = await loadShared();
  const schemas = (await groupLoaders[group]())[name] as OperationSchemas[K];
  const validation = { ...schemas, parseOrInvalid, callValidated };
  loadedOperations.set(name, validation as OperationValidation<OperationName>);
  return validation;
}

/** The schema of an uploaded file's answer (`uploadMedia`), with `parseOrInvalid` and `uploadValidated`. */
export async function loadMediaValidation() {
  const { parseOrInvalid, uploadValidated } = await loadShared();
  const { UploadedMediaSchema } = await loadAttachmentSchemas();
  return { parseOrInvalid, uploadValidated, UploadedMediaSchema };
}

/**
 * Calls `adapter[name]` (an operation, or `uploadMedia`) with `input` checked, and checks its answer:
 * what an element's validated adapter does on each call (see element.ts).
 */
export async function callOperation(adapter: ClientelingAdapter, name: string, input: unknown): Promise<unknown> {
  if (name === 'uploadMedia') {
    const { uploadValidated, UploadedMediaSchema } = await loadMediaValidation();
    return uploadValidated(adapter, input as UploadMediaInput, UploadedMediaSchema);
  }
  const operation = loadedOperations.get(name) ?? (await loadOperation(name as OperationName));
  const call = (checked: unknown) =>
    (adapter[name as OperationName] as (input: unknown) => Promise<unknown>).call(adapter, checked);
  return operation.callValidated(name, operation, call, input);
}

/** The schemas of the store, its staff and the policy (`schemas-staff.ts`), with `parseOrInvalid`. */
export async function loadStaffSchemas() {
  const { parseOrInvalid } = await loadShared();
  return { parseOrInvalid, schemas: await import('./schemas-staff.js') };
}

/**
 * Every schema, `operations` and `parseOrInvalid` / `withValidation`: for a page or adapter that
 * wants the whole contract (each group still evaluated in a task of its own).
 */
export const loadValidation = once(async (): Promise<ValidationModule> => {
  await loadShared();
  for (const loadGroup of Object.values(groupLoaders)) {
    await loadGroup();
    await nextTask();
  }
  return import('./validation-chunk.js');
});

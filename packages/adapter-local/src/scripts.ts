/**
 * The script library (话术库, issue 21) on IndexedDB: the handlers of `listScriptCategories`, `listScripts`,
 * `createScript`, `updateScript`, `deleteScript` and `recordScriptUse`, spread into the adapter by
 * `createLocalAdapter`, which hands them its validation (`handle`), transactions and idempotency.
 *
 * - The library is the company's scripts and the signed-in associate's own; another associate's own are
 *   not found, like absent ones.
 * - Each associate has their own use counts (`scriptUses`): the list is the most used first, then the most
 *   recently changed, then by id, in keyset pages whose cursor is the last item's `[useCount, updatedAt, id]`.
 * - Only the associate's own scripts change (capability `manageScripts`): a company script is `forbidden`
 *   (reason `company-script`). A deleted script is kept with `deletedAt`, so deleting it again answers
 *   `deleted: false` instead of claiming it never existed.
 */
import {
  AdapterError,
  type Capabilities,
  type OperationInput,
  type OperationName,
  type OperationOutput,
  type Page,
  type Script,
} from '@clienteling/core/adapter-kit.js';
import type { IDBPTransaction } from 'idb';
import type { ScriptUse } from './dataset.js';
import { payloadOf, type DB, type LocalSchema, type Name, type ScriptRecord } from './schema.js';

/** What a script handler works with: the open database and who is signed in. */
interface ScriptSession {
  db: DB;
  signedInStaffId: string;
}
type Handler<K extends OperationName> = (input: OperationInput<K>) => Promise<OperationOutput<K>>;
type Body<K extends OperationName> = (
  session: ScriptSession,
  input: OperationInput<K>,
  now: Date,
) => Promise<OperationOutput<K>>;
/** A readwrite transaction over the stores a handler names. */
type ScriptTx = IDBPTransaction<LocalSchema, Name[], 'readwrite'>;

/** What `createLocalAdapter` lends the script handlers. */
export interface ScriptHandlerDeps {
  handle<K extends OperationName>(name: K, body: Body<K>): Handler<K>;
  /** Runs `body` in one readwrite transaction over `stores`. */
  write<T>(db: DB, stores: Name[], body: (tx: ScriptTx) => Promise<T>): Promise<T>;
  /** The stored result of an earlier request with this key, or undefined; another payload is a conflict. */
  replay(tx: ScriptTx, key: string, payload: string): Promise<unknown>;
  capabilities: Capabilities;
  newId(): string;
}

type ScriptOperation =
  'listScriptCategories' | 'listScripts' | 'createScript' | 'updateScript' | 'deleteScript' | 'recordScriptUse';

const notFound = (scriptId: string) => new AdapterError('not-found', `Script ${scriptId} does not exist`);

/** The script as the signed-in associate sees it: with their use count. */
export const scriptView = ({ deletedAt: _deleted, ...script }: ScriptRecord, use?: ScriptUse): Script => ({
  ...script,
  useCount: use?.useCount ?? 0,
  ...(use?.lastUsedAt ? { lastUsedAt: use.lastUsedAt } : {}),
});

/** The library's order: most used first, then the newest change, then the id. */
export const compareScripts = (a: Script, b: Script): number =>
  b.useCount - a.useCount ||
  Date.parse(b.updatedAt) - Date.parse(a.updatedAt) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The keyset cursor after `script`: `[useCount, updatedAt, id]`. */
const cursorOf = (script: Script) => JSON.stringify([script.useCount, script.updatedAt, script.id]);

/** The position a cursor names, as a script to compare with; anything else is `invalid` (field `cursor`). */
function afterCursor(cursor: string): Script {
  try {
    const [useCount, updatedAt, id] = JSON.parse(cursor) as unknown[];
    if (typeof useCount === 'number' && typeof updatedAt === 'string' && typeof id === 'string')
      if (!Number.isNaN(Date.parse(updatedAt))) return { useCount, updatedAt, id } as Script;
  } catch {
    /* not JSON: answered below */
  }
  throw new AdapterError('invalid', 'Unknown cursor', { field: 'cursor' });
}

/** Whether a script matches the search: its title or its text, ignoring case. */
const matchesQuery = (script: Script, query: string | undefined) => {
  const folded = query?.trim().toLocaleLowerCase();
  if (!folded) return true;
  const text = script.content.kind === 'text' ? script.content.text : '';
  return [script.title, text].some((value) => value.toLocaleLowerCase().includes(folded));
};

/** One page of the library in its order, after `cursor`. */
export function scriptPage(
  scripts: Script[],
  { cursor, limit = 50 }: { cursor?: string | null; limit?: number },
): Page<Script> {
  const sorted = [...scripts].sort(compareScripts);
  const after = cursor ? afterCursor(cursor) : undefined;
  const rest = after ? sorted.filter((script) => compareScripts(script, after) > 0) : sorted;
  const items = rest.slice(0, limit);
  return { items, nextCursor: rest.length > limit ? cursorOf(items[items.length - 1]!) : null };
}

/** The script handlers of the local adapter (see the file's comment). */
export function scriptHandlers(deps: ScriptHandlerDeps): { [K in ScriptOperation]: Handler<K> } {
  const { handle, write, replay, capabilities } = deps;

  const assertMayManage = () => {
    if (!capabilities.manageScripts)
      throw new AdapterError('forbidden', 'Scripts of your own are not available here', { reason: 'no-own-scripts' });
  };

  const assertCategory = async (tx: ScriptTx, categoryId: string) => {
    if (!(await tx.objectStore('scriptCategories').get(categoryId)))
      throw new AdapterError('invalid', `Script category ${categoryId} does not exist`, {
        field: 'categoryId',
        reason: 'unknown-category',
      });
  };

  /** A script of the library the associate sees (the company's or their own, not deleted). */
  const visibleScript = async (tx: ScriptTx, staffId: string, scriptId: string) => {
    const script = await tx.objectStore('scripts').get(scriptId);
    if (!script || script.deletedAt || (script.scope === 'own' && script.ownerId !== staffId)) throw notFound(scriptId);
    return script;
  };

  /** One of the associate's own scripts, to change: a company script is forbidden, another's not found. */
  const ownScript = async (tx: ScriptTx, staffId: string, scriptId: string) => {
    const script = await tx.objectStore('scripts').get(scriptId);
    if (!script) throw notFound(scriptId);
    if (script.scope === 'company')
      throw new AdapterError('forbidden', 'Company scripts cannot be changed', { reason: 'company-script' });
    if (script.ownerId !== staffId) throw notFound(scriptId);
    return script;
  };

  const viewOf = async (tx: ScriptTx, staffId: string, script: ScriptRecord) =>
    scriptView(script, await tx.objectStore('scriptUses').get([staffId, script.id]));

  return {
    listScriptCategories: handle('listScriptCategories', async ({ db }) =>
      (await db.getAll('scriptCategories')).sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1)),
    ),

    listScripts: handle('listScripts', async ({ db, signedInStaffId }, input) => {
      const tx = db.transaction(['scripts', 'scriptUses']);
      const [scripts, uses] = await Promise.all([
        tx.objectStore('scripts').getAll(),
        tx.objectStore('scriptUses').index('byStaff').getAll(signedInStaffId),
      ]);
      const useOf = new Map(uses.map((use) => [use.scriptId, use]));
      const listed = scripts
        .filter(
          (script) =>
            !script.deletedAt &&
            (script.scope === 'company' || script.ownerId === signedInStaffId) &&
            (!input.scope || script.scope === input.scope) &&
            (!input.categoryId || script.categoryId === input.categoryId),
        )
        .map((script) => scriptView(script, useOf.get(script.id)))
        .filter((script) => matchesQuery(script, input.query));
      return scriptPage(listed, input);
    }),

    createScript: handle('createScript', ({ db, signedInStaffId }, input, now) => {
      assertMayManage();
      return write(db, ['requests', 'scripts', 'scriptCategories', 'scriptUses'], async (tx) => {
        const key = `createScript:${input.requestId}`;
        const payload = payloadOf(input);
        const earlier = (await replay(tx, key, payload)) as Script | undefined;
        if (earlier) {
          const current = await tx.objectStore('scripts').get(earlier.id);
          return current && !current.deletedAt ? viewOf(tx, signedInStaffId, current) : earlier;
        }
        await assertCategory(tx, input.categoryId);
        const at = now.toISOString();
        const record: ScriptRecord = {
          id: deps.newId(),
          categoryId: input.categoryId,
          title: input.title,
          content: input.content,
          scope: 'own',
          ownerId: signedInStaffId,
          createdAt: at,
          updatedAt: at,
        };
        const script = scriptView(record);
        void tx.objectStore('scripts').put(record);
        void tx.objectStore('requests').put({ key, payload, result: script });
        return script;
      });
    }),

    updateScript: handle('updateScript', ({ db, signedInStaffId }, input, now) => {
      assertMayManage();
      return write(db, ['scripts', 'scriptCategories', 'scriptUses'], async (tx) => {
        const script = await ownScript(tx, signedInStaffId, input.scriptId);
        if (script.deletedAt) throw notFound(input.scriptId);
        if (input.categoryId !== undefined) await assertCategory(tx, input.categoryId);
        const changed: ScriptRecord = {
          ...script,
          ...(input.categoryId !== undefined ? { categoryId: input.categoryId } : {}),
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.content !== undefined ? { content: input.content } : {}),
        };
        if (payloadOf(changed) === payloadOf(script)) return viewOf(tx, signedInStaffId, script);
        changed.updatedAt = now.toISOString();
        void tx.objectStore('scripts').put(changed);
        return viewOf(tx, signedInStaffId, changed);
      });
    }),

    deleteScript: handle('deleteScript', ({ db, signedInStaffId }, { scriptId }, now) => {
      assertMayManage();
      return write(db, ['scripts'], async (tx) => {
        const script = await ownScript(tx, signedInStaffId, scriptId);
        if (script.deletedAt) return { deleted: false };
        void tx.objectStore('scripts').put({ ...script, deletedAt: now.toISOString() });
        return { deleted: true };
      });
    }),

    recordScriptUse: handle('recordScriptUse', ({ db, signedInStaffId }, { scriptId }, now) =>
      write(db, ['scripts', 'scriptUses'], async (tx) => {
        const script = await visibleScript(tx, signedInStaffId, scriptId);
        const earlier = await tx.objectStore('scriptUses').get([signedInStaffId, scriptId]);
        const use: ScriptUse = {
          scriptId,
          staffId: signedInStaffId,
          useCount: (earlier?.useCount ?? 0) + 1,
          lastUsedAt: now.toISOString(),
        };
        void tx.objectStore('scriptUses').put(use);
        return scriptView(script, use);
      }),
    ),
  };
}

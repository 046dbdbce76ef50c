/**
 * The POS's order ingestion (issue 24 #2), apart from the associates' API and with its own credential
 * (a POS token, `clienteling-server token create-pos`):
 *
 * - `POST /pos/v1/purchases`: one order (`recordPurchase`'s input) as JSON; the stored purchase back.
 * - `POST /pos/v1/purchases/import`: a back-fill, NDJSON (`application/x-ndjson`, one order a line) or CSV
 *   (`text/csv`, a header row naming `orderId,customerId,storeId,amount,at[,couponId]`). Each order is
 *   recorded in a transaction of its own (a bad line does not undo the others); the answer counts the
 *   orders recorded and lists the lines that failed, with why.
 *
 * Both are idempotent on the order id, like `recordPurchase`: a replayed file records nothing twice.
 */
import type { Db } from './db.js';
import { recordPurchaseIn } from './service.js';
import { AdapterError, operations, parseOrInvalid, toAdapterError, type RecordPurchaseInput } from './core.js';

/** What a bulk import answers. */
export interface ImportResult {
  /** Orders recorded now. */
  recorded: number;
  /** Orders already recorded (a replay): nothing changed. */
  replayed: number;
  failed: Array<{ line: number; orderId?: string; code: string; message: string }>;
}

const CSV_COLUMNS = ['orderId', 'customerId', 'storeId', 'amount', 'at', 'couponId'] as const;

/** Splits one CSV line (RFC 4180 quotes, `""` inside a quoted field). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

/** The orders of an import body, each with its line number (1-based), or why the line is not an order. */
export function parseOrders(
  text: string,
  format: 'ndjson' | 'csv',
): Array<{ line: number; order?: unknown; error?: string }> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const out: Array<{ line: number; order?: unknown; error?: string }> = [];
  if (format === 'ndjson') {
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      try {
        out.push({ line: i + 1, order: JSON.parse(line) });
      } catch {
        out.push({ line: i + 1, error: 'The line is not valid JSON' });
      }
    });
    return out;
  }
  const header = csvFields(lines[0] ?? '').map((name) => name.trim());
  const missing = CSV_COLUMNS.slice(0, 5).filter((name) => !header.includes(name));
  if (missing.length) return [{ line: 1, error: `The header lacks ${missing.join(', ')}` }];
  lines.slice(1).forEach((line, i) => {
    if (!line.trim()) return;
    const fields = csvFields(line);
    const order: Record<string, unknown> = {};
    header.forEach((name, column) => {
      const value = fields[column]?.trim();
      if (!value || !(CSV_COLUMNS as readonly string[]).includes(name)) return;
      order[name] = name === 'amount' ? Number(value) : value;
    });
    out.push({ line: i + 2, order });
  });
  return out;
}

/** Records one order of the POS in a transaction of its own. */
export const recordOrder = (db: Db, order: unknown, now: Date) =>
  db.transaction((tx) =>
    recordPurchaseIn(tx, parseOrInvalid(operations.recordPurchase.input, order, 'order') as RecordPurchaseInput, now),
  );

/** Records every order of an import, one transaction each. */
export async function importOrders(db: Db, text: string, format: 'ndjson' | 'csv', now: Date): Promise<ImportResult> {
  const result: ImportResult = { recorded: 0, replayed: 0, failed: [] };
  for (const { line, order, error } of parseOrders(text, format)) {
    const orderId =
      typeof (order as { orderId?: unknown })?.orderId === 'string'
        ? (order as { orderId: string }).orderId
        : undefined;
    if (error) {
      result.failed.push({ line, code: 'invalid', message: error });
      continue;
    }
    try {
      const { replayed } = await recordOrder(db, order, now);
      if (replayed) result.replayed += 1;
      else result.recorded += 1;
    } catch (caught) {
      const failure = caught instanceof AdapterError ? caught : toAdapterError(caught);
      if (failure.code === 'unavailable') throw failure;
      result.failed.push({ line, ...(orderId ? { orderId } : {}), code: failure.code, message: failure.message });
    }
  }
  return result;
}

/**
 * The reference HTTP server of the contract (see packages/adapter-http/openapi.json), on `node:http`.
 *
 * - `POST /v1/{operation}`: the operation's input as the JSON body, its output as the JSON answer.
 * - `POST /v1/media`: a file as the raw body (`X-Media-Kind: image|video`); `GET /v1/media/{id}`.
 * - `POST /pos/v1/purchases` and `POST /pos/v1/purchases/import` (NDJSON or CSV): the POS's orders, with a
 *   POS token (never an associate's; see pos.ts).
 * - `GET /health` (and `HEAD`).
 * - Test mode only (never by default): `POST /__test/reset` with a data set as the body, and the
 *   `X-Test-Now` header taken as the current time. The reset route answers anyone, without a token:
 *   test mode is for a test run on a machine of its own, never for a shared server.
 *
 * Security (README "Security model"): a bearer token per staff member (401); an associate reaches
 * only their own customers, posts and groups (others' ids are 404 like absent ones); every body
 * validated (400 naming the field); body, header and time limits (413, 431, 408); media checked by
 * their bytes and served inert; a CORS allowlist; a rate limit on coupon sends held in the database
 * (429); and the first answer to each request id or `Idempotency-Key` replayed to a retry.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { isTransientDbError, type Db, type Queryable } from './db.js';
import { loadDataset, type Dataset } from './dataset.js';
import { detectMedia, isServableMediaType } from './media.js';
import { getPolicy, handlers, RateLimitedError, settleDueTransfers, type Context } from './service.js';
import { isPosToken, staffOfToken } from './tokens.js';
import { importOrders, recordOrder } from './pos.js';
import { AdapterError, operations, parseOrInvalid, type AdapterErrorCode, type OperationName } from './core.js';

export interface ServerOptions {
  db: Db;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Origins allowed to call from a browser, e.g. `http://localhost:8000`; `*` allows any (development only). */
  corsOrigins?: string[];
  /**
   * Development mode: development tokens (`dev-<staffId>`) are accepted, and pages on localhost or
   * 127.0.0.1 (any port) may call. Never in production.
   */
  devMode?: boolean;
  /** The server's address as browsers reach it (`PUBLIC_URL`), for media URLs. Default: where it listens. */
  publicUrl?: string;
  /** Largest JSON body, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Deepest nesting of a JSON body. Default 32. */
  maxJsonDepth?: number;
  /** Coupon sends that issued, per staff member per window, on all processes together. Default 30 a minute. */
  couponRateLimit?: { max: number; windowMs: number };
  /** Bytes of media one associate may keep. Default 200 MiB. */
  mediaQuotaBytes?: number;
  /** Longest time to receive a whole request (headers and body). Default 30 s. */
  requestTimeoutMs?: number;
  /** Longest time to receive a request's headers. Default 10 s. */
  headersTimeoutMs?: number;
  /** On close, how long requests in flight may take to finish before their connections are cut. Default 10 s. */
  shutdownGraceMs?: number;
  /** Enables `/__test/reset` and `X-Test-Now`. Never on by default. */
  testMode?: boolean;
  /** One line per request (method, path, status, ms). */
  log?: (line: string) => void;
  /** Server failures (every 5xx) and refused origins, even when `log` is off. Default: console.error. */
  logError?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  server: Server;
  /** Stops accepting, lets requests in flight finish (within `shutdownGraceMs`), then resolves. */
  close(): Promise<void>;
}

const STATUS: Record<AdapterErrorCode, number> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'sold-out': 409,
  'limit-reached': 409,
  expired: 410,
  unavailable: 503,
};

/** An error that carries its own HTTP status and headers (401, 413, 429…). */
/** The largest back-fill of one request (about 100,000 orders of CSV). */
const POS_IMPORT_MAX_BYTES = 16 * 1024 * 1024;

class HttpError extends AdapterError {
  constructor(
    readonly status: number,
    code: AdapterErrorCode,
    message: string,
    options: ConstructorParameters<typeof AdapterError>[2] & { headers?: Record<string, string> } = {},
  ) {
    super(code, message, options);
    this.headers = options.headers ?? {};
  }
  headers: Record<string, string>;
}

const ALLOWED_HEADERS = 'Authorization, Content-Type, Accept, Idempotency-Key, X-Media-Kind';
/** Pages served from this machine, on any port: allowed in development mode. */
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { db, testMode = false, devMode = false } = options;
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  const maxDepth = options.maxJsonDepth ?? 32;
  const couponRateLimit = options.couponRateLimit ?? { max: 30, windowMs: 60_000 };
  const mediaQuota = options.mediaQuotaBytes ?? 200 * 1024 * 1024;
  const origins = new Set(options.corsOrigins ?? []);
  const logError = options.logError ?? ((line: string) => console.error(line));
  const refusedOrigins = new Set<string>();
  let publicUrl = options.publicUrl?.replace(/\/+$/, '') ?? '';
  let closing = false;

  const originAllowed = (origin: string) =>
    origins.has('*') || origins.has(origin) || (devMode && LOCAL_ORIGIN.test(origin));

  /**
   * Says once per origin, in the log, why a page's calls are refused and how to allow them (for the
   * first 100 origins: anyone can send any Origin header).
   */
  function refuseOrigin(origin: string): HttpError {
    const allowed = [...origins].join(', ') || 'none';
    if (!refusedOrigins.has(origin) && refusedOrigins.size < 100) {
      refusedOrigins.add(origin);
      logError(
        `CORS: refused calls from the page origin ${origin} (allowed: ${allowed}${devMode ? ', localhost' : ''}). ` +
          'Add it to CORS_ORIGINS (comma-separated), or start with --dev for localhost pages.',
      );
    }
    return new HttpError(
      403,
      'forbidden',
      `The server does not allow calls from ${origin}: add this origin to the server's CORS_ORIGINS`,
      { reason: 'origin' },
    );
  }

  async function authenticate(req: IncomingMessage): Promise<string> {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const unauthenticated = (message: string) =>
      new HttpError(401, 'forbidden', message, {
        reason: 'unauthenticated',
        headers: { 'WWW-Authenticate': 'Bearer realm="clienteling"' },
      });
    if (!match) throw unauthenticated('Sign in: a bearer token is required');
    const staffId = await staffOfToken(db, match[1]!, devMode || testMode);
    if (!staffId) throw unauthenticated('The token is not valid (unknown, expired or revoked)');
    return staffId;
  }

  /** The POS's routes take a POS token only: an associate's token is refused (and the other way round). */
  async function authenticatePos(req: IncomingMessage): Promise<void> {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!match || !(await isPosToken(db, match[1]!)))
      throw new HttpError(401, 'forbidden', 'A POS token is required', {
        reason: 'unauthenticated',
        headers: { 'WWW-Authenticate': 'Bearer realm="clienteling-pos"' },
      });
  }

  /** `POST /pos/v1/purchases` (one order, JSON) and `/pos/v1/purchases/import` (NDJSON or CSV). */
  async function handlePos(req: IncomingMessage, path: string): Promise<{ status: number; body: unknown }> {
    await authenticatePos(req);
    if (path === '/pos/v1/purchases')
      return { status: 200, body: (await recordOrder(db, await readJson(req, maxBody), currentTime(req))).purchase };
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim();
    const format = type === 'text/csv' ? 'csv' : type === 'application/x-ndjson' ? 'ndjson' : undefined;
    if (!format) throw new HttpError(415, 'invalid', 'Send text/csv or application/x-ndjson', { reason: 'media-type' });
    const text = (await readBody(req, POS_IMPORT_MAX_BYTES)).toString('utf8');
    return { status: 200, body: await importOrders(db, text, format, currentTime(req)) };
  }

  function currentTime(req: IncomingMessage): Date {
    const given = req.headers['x-test-now'];
    if (testMode && typeof given === 'string') {
      const testNow = new Date(given);
      if (Number.isNaN(testNow.getTime()))
        throw new AdapterError('invalid', 'X-Test-Now is not a date', { field: 'X-Test-Now' });
      return testNow;
    }
    return new Date();
  }

  /** Reads and parses a JSON body: a leading BOM is allowed, nesting is bounded. */
  async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
    let text = (await readBody(req, limit)).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let json: unknown;
    try {
      json = text.trim() ? JSON.parse(text) : {};
    } catch {
      throw new AdapterError('invalid', 'The body is not valid JSON', { field: '' });
    }
    if (depthOf(json, maxDepth) > maxDepth)
      throw new AdapterError('invalid', `The body is nested deeper than ${maxDepth} levels`, {
        field: '',
        reason: 'too-deep',
      });
    return json;
  }

  async function handleOperation(
    req: IncomingMessage,
    name: OperationName,
  ): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const staffId = await authenticate(req);
    const json = await readJson(req, maxBody);
    const { kind, input: schema } = operations[name];
    const input = parseInput(schema, json, name);
    const handler = handlers[name] as (ctx: Context, input: unknown) => Promise<unknown>;
    // Statuses move with the clock: what has come due is settled first, in the operation's transaction.
    const run = async (ctx: Context, input: unknown) => {
      await settleDueTransfers(ctx);
      return handler(ctx, input);
    };
    const context = (tx: Queryable): Context => ({
      tx,
      staffId,
      now: currentTime(req),
      couponRateLimit,
      associatesRecordPurchases: devMode || testMode,
    });
    if (kind !== 'once') return { status: 200, body: await db.transaction((tx) => run(context(tx), input)) };
    const key = req.headers['idempotency-key'];
    if (typeof key === 'string' && key.length > 128)
      throw new AdapterError('invalid', 'Idempotency-Key is too long', { field: 'Idempotency-Key' });
    const requestId = (input as { requestId: string }).requestId;
    return db.transaction(async (tx) => {
      // Retries of one request id queue here, on every process: each sees what the first did.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${name}:${staffId}:${requestId}`]);
      if (typeof key !== 'string' || !key) return { status: 200, body: await run(context(tx), input) };
      // One request per key at a time: a concurrent retry waits here, then sees the stored answer.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${staffId}:${key}`]);
      const hash = createHash('sha256').update(name).update('\0').update(canonicalJson(json)).digest('hex');
      const { rows } = await tx.query<{ request_hash: string; status: number; response: unknown }>(
        'SELECT request_hash, status, response FROM idempotency_keys WHERE staff_id = $1 AND key = $2',
        [staffId, key],
      );
      const stored = rows[0];
      if (stored) {
        if (stored.request_hash !== hash)
          throw new AdapterError('conflict', 'This Idempotency-Key was used for another request', {
            reason: 'idempotency-key-reused',
            field: 'Idempotency-Key',
          });
        return { status: stored.status, body: stored.response, headers: { 'Idempotent-Replayed': 'true' } };
      }
      const body = await run(context(tx), input);
      await tx.query(
        'INSERT INTO idempotency_keys (staff_id, key, operation, request_hash, status, response) ' +
          'VALUES ($1, $2, $3, $4, 200, $5)',
        [staffId, key, name, hash, JSON.stringify(body)],
      );
      return { status: 200, body };
    });
  }

  async function handleUpload(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const staffId = await authenticate(req);
    const policy = await getPolicy(db);
    const kind = req.headers['x-media-kind'];
    if (kind !== 'image' && kind !== 'video')
      throw new AdapterError('invalid', 'X-Media-Kind must be image or video', { field: 'kind' });
    const bytes = await readBody(req, policy.mediaMaxBytes);
    if (!bytes.length) throw new AdapterError('invalid', 'The file is empty', { field: 'file' });
    const format = detectMedia(bytes);
    if (format?.kind !== kind)
      throw new AdapterError(
        'invalid',
        kind === 'image' ? 'The file is not a JPEG, PNG, GIF or WebP image' : 'The file is not an MP4 video',
        { field: 'file', reason: 'type' },
      );
    const id = randomUUID();
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`media:${staffId}`]);
      const { rows } = await tx.query<{ used: number }>(
        'SELECT coalesce(sum(size), 0)::bigint::float8 AS used FROM media WHERE staff_id = $1',
        [staffId],
      );
      if (rows[0]!.used + bytes.length > mediaQuota)
        throw new AdapterError('limit-reached', `Your media would exceed ${Math.floor(mediaQuota / 1048576)} MiB`, {
          reason: 'media-quota',
        });
      await tx.query(
        'INSERT INTO media (id, staff_id, kind, content_type, bytes, size) VALUES ($1, $2, $3, $4, $5, $6)',
        [id, staffId, kind, format.type, bytes, bytes.length],
      );
    });
    // Built from configuration, never from the request's Host header.
    return { status: 200, body: { url: `${publicUrl}/v1/media/${id}`, size: bytes.length } };
  }

  async function serveMedia(res: ServerResponse, id: string): Promise<void> {
    const { rows } = await db.query<{ content_type: string; bytes: Uint8Array }>(
      'SELECT content_type, bytes FROM media WHERE id = $1',
      [id],
    );
    if (!rows[0]) throw new HttpError(404, 'not-found', 'No such file');
    const inline = isServableMediaType(rows[0].content_type);
    res.writeHead(200, {
      'Content-Type': inline ? rows[0].content_type : 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
      // Opened as a page, the file can run nothing and reach nothing.
      'Content-Security-Policy': "sandbox; default-src 'none'",
      ...(inline ? {} : { 'Content-Disposition': `attachment; filename="${id}"` }),
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
    res.end(Buffer.from(rows[0].bytes));
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    let refused: HttpError | undefined;
    if (origin) {
      if (!originAllowed(origin)) refused = refuseOrigin(origin);
      // Also on a refusal: the page can then read why (the refused request does nothing).
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Expose-Headers', 'Retry-After, Idempotent-Replayed');
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': ALLOWED_HEADERS + (testMode ? ', X-Test-Now' : ''),
        'Access-Control-Max-Age': refused ? '0' : '600',
      });
      res.end();
      return;
    }
    if (refused) throw refused;
    if (path === '/health' && req.method === 'HEAD') {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    if (path === '/health' && req.method === 'GET') return send(res, 200, { ok: true, db: db.kind });
    const media = /^\/v1\/media\/([\w-]+)$/.exec(path);
    if (media && req.method === 'GET') return serveMedia(res, media[1]!);
    if (req.method !== 'POST')
      throw new HttpError(405, 'invalid', `${req.method} is not allowed here`, { headers: { Allow: 'POST' } });
    if (testMode && path === '/__test/reset') {
      const data = (await readJson(req, 256 * 1024 * 1024)) as Dataset;
      return send(res, 200, { tokens: await loadDataset(db, data, { devTokens: true }) });
    }
    if (path === '/pos/v1/purchases' || path === '/pos/v1/purchases/import') {
      const { status, body } = await handlePos(req, path);
      return send(res, status, body);
    }
    if (path === '/v1/media') {
      const { status, body } = await handleUpload(req);
      return send(res, status, body);
    }
    const name = /^\/v1\/(\w+)$/.exec(path)?.[1];
    if (!name || !Object.prototype.hasOwnProperty.call(operations, name))
      throw new HttpError(404, 'not-found', `No operation at ${path}`);
    const { status, body, headers } = await handleOperation(req, name as OperationName);
    return send(res, status, body, headers);
  }

  /** Answers a failed request: the error's own status, 503 for a database out of reach, else 500. */
  function sendError(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    // Nobody to answer: the client went away (or timed out), or the answer had already begun.
    if (res.headersSent || req.socket.destroyed) {
      res.destroy();
      return;
    }
    let status: number;
    let headers: Record<string, string> = {};
    let adapterError: AdapterError;
    if (error instanceof HttpError) {
      [status, headers, adapterError] = [error.status, error.headers, error];
    } else if (error instanceof RateLimitedError) {
      [status, headers, adapterError] = [429, { 'Retry-After': String(error.retryAfterSeconds) }, error];
    } else if (AdapterError.is(error)) {
      [status, adapterError] = [STATUS[error.code], error];
    } else if (isTransientDbError(error)) {
      status = 503;
      headers = { 'Retry-After': '1' };
      adapterError = new AdapterError('unavailable', 'The database is briefly out of reach; try again', {
        retryable: true,
      });
    } else {
      // A fault of the server: trying again would fail the same way.
      status = 500;
      adapterError = new AdapterError('unavailable', 'The server failed', { retryable: false });
    }
    if (status >= 500) logError(`${req.method} ${req.url} ${status}: ${(error as Error)?.stack ?? String(error)}`);
    // A body we refused (401, 413…) is not read to its end: the connection closes after the answer.
    if (!req.complete) headers = { ...headers, Connection: 'close' };
    const issues = (adapterError as { issues?: unknown }).issues;
    send(res, status, { ...adapterError.toJSON(), ...(issues ? { errors: issues } : {}) }, headers);
  }

  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(options.headersTimeoutMs ?? 10_000, requestTimeout),
      connectionsCheckingInterval: Math.min(1000, requestTimeout),
    },
    (req, res) => {
      const started = Date.now();
      if (closing) res.setHeader('Connection', 'close');
      route(req, res)
        .catch((error: unknown) => sendError(req, res, error))
        .finally(() => options.log?.(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`));
    },
  );
  // Malformed requests, oversized headers and timeouts get their status, then the connection closes.
  // (A client that vanishes mid-request crashes nothing: the work still commits, and a retry with the
  // same request id gets the first answer.)
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroySoon();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  publicUrl ||= url;
  return {
    url,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        const cut = setTimeout(() => server.closeAllConnections(), options.shutdownGraceMs ?? 10_000);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

/** How deeply `value` nests (arrays and objects), counted without recursion; stops past `limit`. */
function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** JSON with object keys sorted at every level: the same request in any key order has one text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** Validates an operation's input; a 400 names the first field and lists every problem. */
function parseInput(schema: (typeof operations)[OperationName]['input'], json: unknown, name: string): unknown {
  try {
    return parseOrInvalid(schema, json, `${name} input`);
  } catch (error) {
    const cause = (error as { cause?: { issues?: Array<{ path: PropertyKey[]; message: string }> } }).cause;
    throw Object.assign(error as AdapterError, {
      issues: cause?.issues?.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })),
    });
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

/** Reads a request body of at most `limit` bytes (413 beyond, told early by Content-Length). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () =>
    new HttpError(413, 'invalid', `The body is larger than ${limit} bytes`, { reason: 'too-large' });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('aborted', () => reject(new AdapterError('unavailable', 'The client went away', { retryable: true })));
  });
}

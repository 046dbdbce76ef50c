/**
 * The reference HTTP server of the contract (see packages/adapter-http/openapi.json), on `node:http`.
 *
 * - `POST /v1/{operation}`: the operation's input as the JSON body, its output as the JSON answer.
 * - `POST /v1/media`: a file as the raw body (`X-Media-Kind: image|video`); `GET /v1/media/{id}`.
 * - `GET /health`.
 * - Test mode only (never by default): `POST /__test/reset` with a data set as the body, and the
 *   `X-Test-Now` header taken as the current time.
 *
 * Security: bearer token per staff member (401), an associate acts only on their own customers and
 * groups (403), every body validated (400 naming the fields), body size limit (413), CORS allowlist,
 * a rate limit on coupon sends (429), and the first response to each `Idempotency-Key` stored and
 * replayed to a retried request.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from './db.js';
import { hashToken, loadDataset, type Dataset } from './dataset.js';
import { getPolicy, handlers, type Context } from './service.js';
import { AdapterError, operations, parseOrInvalid, type AdapterErrorCode, type OperationName } from './core.js';

export interface ServerOptions {
  db: Db;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Origins allowed to call from a browser, e.g. `http://localhost:8000`; `*` allows any (development only). */
  corsOrigins?: string[];
  /** Largest JSON body, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Coupon sends allowed per staff member per window. Default 30 per minute. */
  couponRateLimit?: { max: number; windowMs: number };
  /** Enables `/__test/reset` and `X-Test-Now`. Never on by default. */
  testMode?: boolean;
  /** One line per request (method, path, status, ms). */
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  server: Server;
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

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { db, testMode = false } = options;
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  const rate = options.couponRateLimit ?? { max: 30, windowMs: 60_000 };
  const origins = new Set(options.corsOrigins ?? []);
  const sends = new Map<string, number[]>();

  const originAllowed = (origin: string) => origins.has('*') || origins.has(origin);

  /** Sliding-window rate limit on coupon sends, per staff member. */
  function takeCouponSend(staffId: string): void {
    const now = Date.now();
    const recent = (sends.get(staffId) ?? []).filter((t) => t > now - rate.windowMs);
    if (recent.length >= rate.max) {
      const wait = Math.max(1, Math.ceil((recent[0]! + rate.windowMs - now) / 1000));
      sends.set(staffId, recent);
      throw new HttpError(
        429,
        'limit-reached',
        `Too many coupon sends: at most ${rate.max} per ${rate.windowMs / 1000} s`,
        {
          retryable: true,
          reason: 'rate-limited',
          headers: { 'Retry-After': String(wait) },
        },
      );
    }
    recent.push(now);
    sends.set(staffId, recent);
  }

  async function authenticate(req: IncomingMessage): Promise<string> {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const unauthenticated = (message: string) =>
      new HttpError(401, 'forbidden', message, {
        reason: 'unauthenticated',
        headers: { 'WWW-Authenticate': 'Bearer realm="clienteling"' },
      });
    if (!match) throw unauthenticated('Sign in: a bearer token is required');
    const { rows } = await db.query<{ staff_id: string }>('SELECT staff_id FROM staff_tokens WHERE token_hash = $1', [
      hashToken(match[1]!),
    ]);
    if (!rows[0]) throw unauthenticated('The token is not valid');
    return rows[0].staff_id;
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

  async function handleOperation(
    req: IncomingMessage,
    name: OperationName,
  ): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const staffId = await authenticate(req);
    const raw = await readBody(req, maxBody);
    let json: unknown;
    try {
      json = raw.length ? JSON.parse(raw.toString('utf8')) : {};
    } catch {
      throw new AdapterError('invalid', 'The body is not valid JSON', { field: '' });
    }
    const { kind, input: schema } = operations[name];
    const input = parseInput(schema, json, name);
    const now = currentTime(req);
    if (name === 'issueCoupon') takeCouponSend(staffId);
    const run = handlers[name] as (ctx: Context, input: unknown) => Promise<unknown>;
    const key = req.headers['idempotency-key'];
    if (kind !== 'once' || typeof key !== 'string' || !key) {
      return { status: 200, body: await db.transaction((tx) => run({ tx, staffId, now }, input)) };
    }
    if (key.length > 128)
      throw new AdapterError('invalid', 'Idempotency-Key is too long', { field: 'Idempotency-Key' });
    const hash = createHash('sha256').update(name).update('\0').update(JSON.stringify(json)).digest('hex');
    return db.transaction(async (tx) => {
      // One request per key at a time: a concurrent retry waits here, then sees the stored answer.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${staffId}:${key}`]);
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
      const body = await run({ tx, staffId, now }, input);
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
    const type = String(req.headers['content-type'] ?? '');
    if (!type.startsWith(`${kind}/`))
      throw new AdapterError('invalid', `The file is not an ${kind}`, { field: 'file', reason: 'type' });
    const bytes = await readBody(req, policy.mediaMaxBytes);
    if (!bytes.length) throw new AdapterError('invalid', 'The file is empty', { field: 'file' });
    const id = randomUUID();
    await db.query('INSERT INTO media (id, staff_id, kind, content_type, bytes) VALUES ($1, $2, $3, $4, $5)', [
      id,
      staffId,
      kind,
      type,
      bytes,
    ]);
    const host = req.headers.host ?? '127.0.0.1';
    return { status: 200, body: { url: `http://${host}/v1/media/${id}`, size: bytes.length } };
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    if (origin) {
      if (!originAllowed(origin))
        throw new HttpError(403, 'forbidden', 'This origin is not allowed', { reason: 'origin' });
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
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    if (path === '/health' && req.method === 'GET') return send(res, 200, { ok: true, db: db.kind });
    const media = /^\/v1\/media\/([\w-]+)$/.exec(path);
    if (media && req.method === 'GET') {
      const { rows } = await db.query<{ content_type: string; bytes: Uint8Array }>(
        'SELECT content_type, bytes FROM media WHERE id = $1',
        [media[1]],
      );
      if (!rows[0]) throw new HttpError(404, 'not-found', 'No such file');
      res.writeHead(200, {
        'Content-Type': rows[0].content_type,
        'Cache-Control': 'public, max-age=31536000, immutable',
      });
      res.end(Buffer.from(rows[0].bytes));
      return;
    }
    if (req.method !== 'POST')
      throw new HttpError(405, 'invalid', `${req.method} is not allowed here`, { headers: { Allow: 'POST' } });
    if (testMode && path === '/__test/reset') {
      const data = JSON.parse((await readBody(req, 256 * 1024 * 1024)).toString('utf8')) as Dataset;
      sends.clear();
      return send(res, 200, { tokens: await loadDataset(db, data) });
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

  const server = createServer((req, res) => {
    const started = Date.now();
    route(req, res)
      .catch((error: unknown) => {
        if (res.headersSent) return;
        const known = AdapterError.is(error);
        if (!known) options.log?.(`error: ${(error as Error)?.stack ?? String(error)}`);
        const adapterError = known
          ? error
          : new AdapterError('unavailable', 'The server failed; try again', { retryable: true });
        const status = error instanceof HttpError ? error.status : known ? STATUS[adapterError.code] : 500;
        const extra = error instanceof HttpError ? error.headers : {};
        const issues = (adapterError as { issues?: unknown }).issues;
        send(res, status, { ...adapterError.toJSON(), ...(issues ? { errors: issues } : {}) }, extra);
        // A body we refused to read would otherwise keep the connection busy.
        if (status === 413) req.resume();
      })
      .finally(() => options.log?.(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`));
  });
  // A client that vanishes mid-request must not crash anything: the work still commits, and a
  // retry with the same Idempotency-Key gets the stored answer.
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
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
        req.resume();
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

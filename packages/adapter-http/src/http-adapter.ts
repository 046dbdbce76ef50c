/**
 * The adapter contract over HTTP and JSON (see `openapi.json`): every operation of
 * {@link operations} is `POST {baseUrl}/v1/{operation}` with its input as the JSON body; media is
 * `POST {baseUrl}/v1/media` with the file as the raw body.
 *
 * Robustness: per-request headers from an auth hook and one token refresh on 401; a timeout per
 * attempt; retries with exponential backoff and full jitter (honouring `Retry-After`) for retryable
 * failures only; the request id of a `once` operation sent as `Idempotency-Key`; every response
 * validated against the contract; HTTP statuses and error bodies mapped to {@link AdapterError}s.
 */
import {
  AdapterError,
  ERROR_CODES,
  FULL_CAPABILITIES,
  OPERATION_KINDS,
  loadMediaValidation,
  loadOperation,
  operationNames,
  type AdapterErrorCode,
  type Capabilities,
  type ClientelingAdapter,
  type UploadMediaInput,
} from '@clienteling/core/adapter-kit.js';

export interface HttpAdapterOptions {
  /** Where the API lives, e.g. `https://api.example.com` (the `/v1/...` paths are appended). */
  baseUrl: string;
  /** Headers for each request (e.g. `Authorization`), called before every attempt. */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /** Called once when a request answers 401; the request is then repeated once. */
  refreshToken?: () => Promise<void>;
  /** Time limit of one attempt, in ms. Default 10000. */
  timeoutMs?: number;
  /** How many times a retryable failure is retried. Default 3. */
  retries?: number;
  /** Base of the exponential backoff, in ms. Default 300. */
  backoffMs?: number;
  /** Longest wait between two attempts, in ms (also caps `Retry-After`). Default 30000. */
  maxBackoffMs?: number;
  /** The fetch to use (tests, proxies). Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** What the backend supports; every capability is on unless turned off here. */
  capabilities?: Partial<Capabilities>;
}

/** The error body of the HTTP contract: what `AdapterError.toJSON()` produces. */
interface ErrorBody {
  code?: unknown;
  message?: unknown;
  retryable?: unknown;
  reason?: unknown;
  field?: unknown;
}

const STATUS_CODES: Record<number, AdapterErrorCode> = {
  400: 'invalid',
  401: 'forbidden',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  410: 'expired',
  413: 'invalid',
  422: 'invalid',
  429: 'limit-reached',
};
/** Statuses that say "try again": the request was not (or need not have been) carried out. */
const RETRY_STATUSES = [408, 429, 502, 503, 504];
/** Of those, the ones where the server says it refused the request before doing anything. */
const REFUSED_STATUSES = [429, 503];

/** Maps a non-2xx response (status and parsed body, if any) to an AdapterError. */
export function errorFromResponse(status: number, body: unknown, retryAfterMs?: number): AdapterError {
  const errorBody: ErrorBody = body && typeof body === 'object' ? (body as ErrorBody) : {};
  const byStatus: AdapterErrorCode = STATUS_CODES[status] ?? 'unavailable';
  const code =
    typeof errorBody.code === 'string' && (ERROR_CODES as readonly string[]).includes(errorBody.code)
      ? (errorBody.code as AdapterErrorCode)
      : byStatus;
  const retryable = typeof errorBody.retryable === 'boolean' ? errorBody.retryable : RETRY_STATUSES.includes(status);
  const message = typeof errorBody.message === 'string' && errorBody.message ? errorBody.message : `HTTP ${status}`;
  let reason = typeof errorBody.reason === 'string' ? errorBody.reason : undefined;
  if (reason === undefined && status === 401) reason = 'unauthenticated';
  const error = new AdapterError(code, message, {
    retryable,
    ...(reason !== undefined ? { reason } : {}),
    ...(typeof errorBody.field === 'string' ? { field: errorBody.field } : {}),
  });
  return Object.assign(error, { status, retryAfterMs });
}

/** `Retry-After` (seconds or an HTTP date) in ms, if present and sensible. */
function retryAfter(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  const delay = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(delay) ? Math.max(0, delay) : undefined;
}

const sleep = (delay: number) => new Promise<void>((resolve) => setTimeout(resolve, delay));

type Kind = 'read' | 'write' | 'once';
/** Why an attempt failed, as far as retrying is concerned. */
type Failure = AdapterError & { status?: number; retryAfterMs?: number; phase?: 'connect' | 'network' | 'timeout' };

/**
 * Whether a network failure certainly happened before the request was sent (no connection could be
 * made). Only Node's fetch says so (`cause.code`); browsers do not, so there it is never certain.
 */
const notSent = (error: unknown) =>
  ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'].includes(
    String((error as { cause?: { code?: unknown } } | null)?.cause?.code),
  );

/**
 * What a failed fetch means. In a page on another origin, a server that refuses the origin (CORS)
 * fails exactly like an absent network, so the message names that cause too.
 */
const networkFailure = (base: string) =>
  typeof location !== 'undefined' && /^https?:/.test(location.origin) && !base.startsWith(location.origin)
    ? `Network unavailable, or ${base} does not allow calls from ${location.origin} (its CORS settings)`
    : 'Network unavailable';

/** Creates an adapter that speaks the HTTP contract to `baseUrl`. */
export function createHttpAdapter(options: HttpAdapterOptions): ClientelingAdapter {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 300;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

  /** One attempt: resolves with the parsed JSON body of a 2xx response, or rejects with a Failure. */
  async function attempt(
    path: string,
    init: RequestInit,
    extraHeaders: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<unknown> {
    const headers = { ...(await options.headers?.()), ...extraHeaders };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort);
    let response: Response;
    try {
      response = await doFetch(base + path, { ...init, headers, signal: controller.signal });
    } catch (error) {
      if (signal?.aborted)
        throw new AdapterError('unavailable', 'Cancelled', { retryable: false, reason: 'aborted', cause: error });
      const timedOut = controller.signal.aborted;
      throw Object.assign(
        new AdapterError('unavailable', timedOut ? `No answer within ${timeoutMs} ms` : networkFailure(base), {
          retryable: true,
          reason: timedOut ? 'timeout' : 'network',
          cause: error,
        }),
        { phase: timedOut ? 'timeout' : notSent(error) ? 'connect' : 'network' },
      );
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
    let body: unknown;
    let parsed = true;
    try {
      const text = await response.text();
      body = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = false;
    }
    if (!response.ok) throw errorFromResponse(response.status, body, retryAfter(response.headers));
    if (!parsed) throw new AdapterError('invalid', `${path} response: (root): not JSON`, { field: '' });
    return body;
  }

  /** Whether a failure of an operation of `kind` may be retried. */
  function mayRetry(kind: Kind, failure: Failure): boolean {
    if (!failure.retryable) return false;
    // A plain write is only repeated when it certainly did not take effect.
    if (kind === 'write') return failure.phase === 'connect' || REFUSED_STATUSES.includes(failure.status ?? 0);
    return failure.phase !== undefined || RETRY_STATUSES.includes(failure.status ?? 0);
  }

  async function send(
    kind: Kind,
    path: string,
    init: RequestInit,
    extraHeaders: Record<string, string>,
    signal?: AbortSignal,
  ) {
    let refreshed = false;
    for (let retry = 0; ; retry++) {
      try {
        return await attempt(path, init, extraHeaders, signal);
      } catch (error) {
        const failure = error as Failure;
        if (failure.status === 401 && options.refreshToken && !refreshed) {
          refreshed = true;
          await options.refreshToken().catch((cause: unknown) => {
            throw new AdapterError('forbidden', 'Signing in again failed', { reason: 'unauthenticated', cause });
          });
          retry--; // the repeat after signing in again is not a retry
          continue;
        }
        if (retry >= retries || !mayRetry(kind, failure)) throw failure;
        // Full jitter: a random wait up to the exponential ceiling, unless the server said how long.
        const ceiling = Math.min(maxBackoffMs, backoffMs * 2 ** retry);
        await sleep(Math.min(maxBackoffMs, failure.retryAfterMs ?? Math.random() * ceiling));
      }
    }
  }

  const adapter: Record<string, unknown> = {
    capabilities: { ...FULL_CAPABILITIES, ...options.capabilities },
    async uploadMedia({ file, kind, onProgress, signal }: UploadMediaInput) {
      onProgress?.(0);
      const body = await send(
        'write',
        '/v1/media',
        { method: 'POST', body: file },
        { 'Content-Type': file.type || 'application/octet-stream', 'X-Media-Kind': kind },
        signal,
      );
      onProgress?.(1);
      const { parseOrInvalid, UploadedMediaSchema } = await loadMediaValidation();
      return parseOrInvalid(UploadedMediaSchema, body, 'uploadMedia response');
    },
  };
  for (const name of operationNames) {
    const kind = OPERATION_KINDS[name];
    adapter[name] = async (input: Record<string, unknown> = {}) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
      if (kind === 'once' && typeof input.requestId === 'string') headers['Idempotency-Key'] = input.requestId;
      const body = await send(kind, `/v1/${name}`, { method: 'POST', body: JSON.stringify(input) }, headers);
      const { output, parseOrInvalid } = await loadOperation(name);
      return parseOrInvalid(output, body, `${name} response`);
    };
  }
  return adapter as unknown as ClientelingAdapter;
}

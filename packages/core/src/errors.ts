/**
 * Explicit adapter errors. Every adapter rejects with an {@link AdapterError}; elements turn its
 * `code` (and `reason`, when present) into words a store associate understands.
 */
export const ERROR_CODES = [
  'not-found',
  'conflict',
  'limit-reached',
  'sold-out',
  'expired',
  'forbidden',
  'invalid',
  'unavailable',
] as const;
export type AdapterErrorCode = (typeof ERROR_CODES)[number];

export interface AdapterErrorOptions {
  /** Whether repeating the same request may succeed. Defaults to true for `unavailable` only. */
  retryable?: boolean;
  /** A finer reason within the code, e.g. `not-started` for `expired`, `customer-unreachable` for `forbidden`. */
  reason?: string;
  /** For `invalid`: the path of the offending field, e.g. `items.3.joinedAt`. */
  field?: string;
  cause?: unknown;
}

export class AdapterError extends Error {
  readonly code: AdapterErrorCode;
  readonly retryable: boolean;
  readonly reason?: string;
  readonly field?: string;

  constructor(code: AdapterErrorCode, message: string, options: AdapterErrorOptions = {}) {
    super(message);
    this.name = 'AdapterError';
    this.code = code;
    this.retryable = options.retryable ?? code === 'unavailable';
    if (options.reason !== undefined) this.reason = options.reason;
    if (options.field !== undefined) this.field = options.field;
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }

  /** True for an AdapterError, also one from another copy of this library on the page. */
  static is(value: unknown): value is AdapterError {
    return (
      value instanceof AdapterError ||
      (typeof value === 'object' &&
        value !== null &&
        (value as { name?: unknown }).name === 'AdapterError' &&
        ERROR_CODES.includes((value as { code?: AdapterErrorCode }).code as AdapterErrorCode))
    );
  }

  /** A plain object for JSON transport (HTTP error bodies, postMessage); absent fields are left out. */
  toJSON(): { code: AdapterErrorCode; message: string; retryable: boolean; reason?: string; field?: string } {
    const { code, message, retryable, reason, field } = this;
    return { code, message, retryable, reason, field };
  }
}

/**
 * Any thrown value as an AdapterError: AdapterErrors pass through, network failures
 * (`TypeError` from fetch, `AbortError`, `TimeoutError`) become retryable `unavailable`, anything
 * else `unavailable` without retry.
 */
export function toAdapterError(error: unknown): AdapterError {
  if (AdapterError.is(error)) return error;
  const name = (error as { name?: string } | null)?.name;
  // Never `String(error)`: a rejected object's own `toString` would run (hostile or throwing).
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const network = name === 'TypeError' || name === 'AbortError' || name === 'TimeoutError' || name === 'NetworkError';
  return new AdapterError('unavailable', message || 'Unavailable', { retryable: network, cause: error });
}

/**
 * Whether a send made once with a request id (a coupon, a broadcast, a handover) may be tried again
 * after `error`: when the error is retryable, or when its outcome is unknown (`unavailable`: no answer,
 * so it may have gone through; the retry reuses the request id and never sends twice). True before any
 * error.
 */
export const maySendAgain = (error: AdapterError | undefined): boolean =>
  !error || error.retryable || error.code === 'unavailable';

import type { HostErrorCode } from '@clienteling/core';

/**
 * A host call that failed, with a {@link HostErrorCode} that elements word for the associate
 * (core's `host.<code>` messages). `message` is for developers (it quotes WeCom's `errMsg`);
 * `cause` keeps what the host threw.
 */
export class HostBridgeError extends Error {
  readonly code: HostErrorCode;
  override readonly cause: unknown;

  constructor(code: HostErrorCode, message: string, cause?: unknown) {
    super(message);
    this.name = 'HostBridgeError';
    this.code = code;
    this.cause = cause;
  }
}

/** Whether `value` is a {@link HostBridgeError} (also across bundle copies: checks the name and code). */
export function isHostBridgeError(value: unknown): value is HostBridgeError {
  return (
    value instanceof HostBridgeError || (value instanceof Error && value.name === 'HostBridgeError' && 'code' in value)
  );
}

/**
 * How WeCom failures map to codes: the first row whose pattern matches the failure keyword wins.
 * The keyword is the part of `errMsg` after `api:`, lower-cased, with spaces and underscores removed
 * (WeCom spells the same failure `fail no permission`, `fail_no_permission` or `permission denied`).
 * Anything else is `failed`.
 */
export const WECOM_ERROR_TABLE: ReadonlyArray<readonly [HostErrorCode, RegExp]> = [
  ['cancelled', /^(fail)?cancel/],
  ['no-permission', /nopermission|permissiondenied|accessdenied|notinallowlist/],
  ['no-context', /withoutcontext|nocontext/],
  ['unsupported-version', /notsupport|unsupported|functionnotexist|versiontoolow|lowversion|upgrade/],
];

/**
 * The normalized failure keyword of a WeCom `errMsg`
 * (`"sendChatMessage:fail no permission"` -> `"failnopermission"`).
 */
function keyword(errMsg: string): string {
  return errMsg
    .slice(errMsg.indexOf(':') + 1)
    .toLowerCase()
    .replace(/[\s_]+/g, '');
}

/** The code of a WeCom `errMsg`, through {@link WECOM_ERROR_TABLE}. */
export function wecomErrorCode(errMsg: string): HostErrorCode {
  const failure = keyword(errMsg);
  for (const [code, pattern] of WECOM_ERROR_TABLE) if (pattern.test(failure)) return code;
  return 'failed';
}

/**
 * Turns whatever a WeCom call rejected with (a `{ errMsg, errCode }` result, an SDK `Error`, a
 * failed chunk load) into a {@link HostBridgeError}; a `HostBridgeError` passes through unchanged.
 */
export function toHostBridgeError(error: unknown): HostBridgeError {
  if (isHostBridgeError(error)) return error;
  const errMsg = (error as { errMsg?: unknown } | null)?.errMsg;
  if (typeof errMsg === 'string') {
    const errCode = (error as { errCode?: unknown }).errCode;
    return new HostBridgeError(
      wecomErrorCode(errMsg),
      errCode === undefined ? errMsg : `${errMsg} (errCode ${String(errCode)})`,
      error,
    );
  }
  return new HostBridgeError('failed', error instanceof Error ? error.message : String(error), error);
}

/** What the page can tell about its host from `navigator.userAgent` and `window`. No side effects. */

const currentUserAgent = (): string => (typeof navigator === 'undefined' ? '' : navigator.userAgent);

/** Whether the page runs inside WeCom (企业微信): its user agent carries `wxwork/<version>`. */
export function isWecom(userAgent: string = currentUserAgent()): boolean {
  return /wxwork/i.test(userAgent);
}

/** WeCom's client version from the user agent (`wxwork/4.1.22` -> `[4, 1, 22]`), if any. */
export function wecomVersion(userAgent: string = currentUserAgent()): number[] | undefined {
  const match = /wxwork\/(\d+(?:\.\d+)*)/i.exec(userAgent);
  return match ? match[1]!.split('.').map(Number) : undefined;
}

/** Whether `version` is at least `min` (`[3, 1, 12]`); an unknown version passes. */
export function versionAtLeast(version: number[] | undefined, min: readonly number[]): boolean {
  if (!version) return true;
  for (let i = 0; i < min.length; i++) {
    const part = version[i] ?? 0;
    const minPart = min[i]!;
    if (part !== minPart) return part > minPart;
  }
  return true;
}

/** Whether the user agent is a phone or tablet (WeCom's desktop clients lack some APIs, e.g. moments). */
export function isMobile(userAgent: string = currentUserAgent()): boolean {
  return /android|iphone|ipad|ipod|harmony|mobile/i.test(userAgent);
}

/**
 * Whether the page runs in a mini-program `<web-view>` (WeChat's or WeCom's): the JS bridge sets
 * `window.__wxjs_environment = 'miniprogram'`, and recent clients add `miniProgram` to the user agent.
 */
export function isMiniProgramWebView(
  userAgent: string = currentUserAgent(),
  win: { __wxjs_environment?: unknown } | undefined = typeof window === 'undefined'
    ? undefined
    : (window as { __wxjs_environment?: unknown }),
): boolean {
  return win?.__wxjs_environment === 'miniprogram' || /miniprogram/i.test(userAgent);
}

/**
 * The customer and group a plain page was opened for, from its URL (`?customerId=…&groupId=…`):
 * pass the result to `createBrowserBridge`.
 */
export function contextFromUrl(url: string | URL = typeof location === 'undefined' ? 'about:blank' : location.href): {
  customerId?: string;
  groupId?: string;
} {
  const params = new URL(url).searchParams;
  const customerId = params.get('customerId')?.trim();
  const groupId = params.get('groupId')?.trim();
  return { ...(customerId ? { customerId } : {}), ...(groupId ? { groupId } : {}) };
}

/**
 * Link safety: the only URL schemes `<cl-staff-card>` renders as links. Anything else (including
 * `javascript:`, `data:`, `vbscript:`, `file:` and relative URLs) is shown as text.
 */
const ALLOWED = /^(?:https?|tel|weixin):/i;

/**
 * Returns `url` when it is safe to render as a link (`https:`, `http:`, `tel:` or `weixin:`,
 * case-insensitive), otherwise `undefined`. Leading whitespace and control characters are stripped
 * before the check, and ASCII tab and newline characters anywhere are removed, as a browser's URL
 * parser does, so `java\tscript:` cannot slip through.
 */
export function safeHref(url: string | null | undefined): string | undefined {
  if (typeof url !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/, '');
  return ALLOWED.test(cleaned) ? cleaned : undefined;
}

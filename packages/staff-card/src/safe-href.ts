/**
 * Link safety: the only URL schemes `<cl-staff-card>` renders as links. Anything else (including
 * `javascript:`, `data:`, `vbscript:`, `file:` and relative URLs) is shown as text.
 */

/**
 * Returns `url` when it is safe to render as a link (`https:`, `http:`, `tel:` or `weixin:`,
 * case-insensitive), otherwise `undefined`. Leading whitespace and control characters are stripped
 * before the check, and tabs and line breaks anywhere are removed, as a browser's URL parser does,
 * so that neither ` javascript:` nor `java\tscript:` slips through.
 */
export function safeHref(url: string | null | undefined): string | undefined {
  if (typeof url != 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\s\u0000-\u001f\u007f-\u009f\u200b]+/, '');
  return /^(https?|tel|weixin):/i.test(cleaned) ? cleaned : undefined;
}

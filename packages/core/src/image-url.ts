/**
 * The one policy for image URLs (avatars, photos) that elements put in `<img src>`: `https:`,
 * relative URLs, URLs of the page's own origin, and inline `data:image/…` are loaded; everything
 * else (`javascript:`, `tel:`, `http:` elsewhere, `file:`, …) is refused before it reaches the DOM.
 */

/** Tabs and line breaks anywhere, and control characters or spaces at the ends: browsers drop them. */
// eslint-disable-next-line no-control-regex -- the control characters are what is removed
const IGNORED_BY_URL_PARSER = /[\t\n\r]|^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** The page's origin, when there is a page (not in Node). */
const pageOrigin = (): string | undefined => globalThis.location?.origin;

/**
 * `url` as it may go into `<img src>`, or undefined when the policy refuses it (or it is empty).
 *
 * ```ts
 * safeImageUrl('https://cdn.example.com/a.jpg'); // 'https://cdn.example.com/a.jpg'
 * safeImageUrl('/avatars/7.png');                 // '/avatars/7.png'
 * safeImageUrl('data:image/png;base64,iVBO…');    // kept
 * safeImageUrl('tel:10086');                      // undefined
 * ```
 */
export function safeImageUrl(url: string | null | undefined): string | undefined {
  if (typeof url !== 'string') return undefined;
  const cleaned = url.replace(IGNORED_BY_URL_PARSER, '');
  if (!cleaned) return undefined;
  const scheme = SCHEME.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme === undefined) return cleaned;
  if (scheme === 'https') return cleaned;
  if (scheme === 'data') return /^data:image\//i.test(cleaned) ? cleaned : undefined;
  const origin = pageOrigin();
  if (scheme === 'http' && origin && origin !== 'null') {
    try {
      if (new URL(cleaned).origin === origin) return cleaned;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

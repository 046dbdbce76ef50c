/**
 * The rules of the trade about text that the schemas check too (what shows nothing, what no store
 * keeps, which links a customer may open): a module of their own, so that validation loads them
 * without the rest of rules.ts. `rules.ts` re-exports them.
 */

/** Characters that show nothing: spaces, zero-width and bidirectional controls, fillers, the BOM. */
// Combining marks (U+034F, variation selectors) are listed on purpose: alone, they show nothing.
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class
  /[\s\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

/** Whether `text` shows nothing at all (empty, or only spaces, zero-width or direction marks). */
export const isInvisible = (text: string): boolean => text.replace(INVISIBLE, '') === '';

/** Whether `text` holds what no store keeps: a NUL character, or half of a surrogate pair. */
export const hasBadCharacters = (text: string): boolean =>
  /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

/** Whether `url` is an absolute `http:` or `https:` URL (never `javascript:`, `data:`…). */
export const isWebUrl = (url: string): boolean => /^https?:\/\/[^\s/?#]+/i.test(url);

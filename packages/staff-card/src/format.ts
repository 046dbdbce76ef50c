/** Small, pure formatting helpers of `<cl-staff-card>`. */
import type { Store } from '@clienteling/core';

/** Default map link: an Amap (高德地图) search for the store's address. */
export const DEFAULT_MAP_URL_TEMPLATE = 'https://uri.amap.com/search?keyword={address}&callnative=1';

/** The digits (and a leading `+`) of a phone number, as dialled in a `tel:` link. */
export const dialable = (phone: string): string => phone.replace(/(?!^\+)\D/g, '');

/**
 * A phone number with its middle digits hidden, as Chinese apps show it: `13800138000` (or
 * `+86 138 0013 8000`) → `138****8000`. Numbers too short to mask that way keep only their last
 * two digits.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  return digits.length > 6 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : `****${digits.slice(-2)}`;
}

/**
 * Fills a map URL template's `{address}`, `{name}`, `{lat}` and `{lng}` placeholders, each
 * URL-encoded (a missing value becomes empty). Undefined when the store has no address.
 */
export function mapUrl(template: string, store: Store): string | undefined {
  const values: Record<string, unknown> = {
    address: store.address,
    name: store.name,
    lat: store.latitude,
    lng: store.longitude,
  };
  return store.address
    ? template.replace(/\{(address|name|lat|lng)\}/g, (_, key: string) => encodeURIComponent(String(values[key] ?? '')))
    : undefined;
}

/**
 * Up to two characters to show when there is no avatar picture: the last two characters of a
 * Chinese name (欧阳娜娜 → 娜娜, 王丽 → 王丽), or the initials of the first and last words of a
 * name in Latin script (Li Wang → LW).
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  return /[\u3400-\u9fff]/.test(name)
    ? Array.from(words.join('')).slice(-2).join('')
    : (words[0]!.charAt(0) + (words.slice(1).pop() || '').charAt(0)).toUpperCase();
}

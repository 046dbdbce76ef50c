/** Small, pure formatting helpers of `<cl-staff-card>`. */
import type { Store } from '@clienteling/core';

/** Default map link: an Amap (高德地图) search for the store's address. */
export const DEFAULT_MAP_URL_TEMPLATE = 'https://uri.amap.com/search?keyword={address}&callnative=1';

/** The digits (and a leading `+`) of a phone number, as dialled in a `tel:` link. */
export const dialable = (phone: string): string => phone.replace(/(?!^\+)[^\d]/g, '');

/**
 * A phone number with its middle digits hidden, as Chinese apps show it: `13800138000` →
 * `138****8000`. Numbers too short to mask meaningfully keep only their last two digits.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `****${digits.slice(-2)}`;
}

/**
 * Fills a map URL template's `{address}`, `{name}`, `{lat}` and `{lng}` placeholders (each
 * URL-encoded; a missing value becomes empty). Returns undefined when the store has no address and
 * no coordinates, since a map link would then point nowhere.
 */
export function mapUrl(template: string, store: Store): string | undefined {
  const hasPlace = !!store.address || (store.latitude !== undefined && store.longitude !== undefined);
  if (!hasPlace || !template) return undefined;
  const values: Record<string, string> = {
    address: store.address ?? '',
    name: store.name,
    lat: store.latitude === undefined ? '' : String(store.latitude),
    lng: store.longitude === undefined ? '' : String(store.longitude),
  };
  return template.replace(/\{(address|name|lat|lng)\}/g, (_, key: string) => encodeURIComponent(values[key]!));
}

/**
 * Up to two characters to show when there is no avatar picture: the last two characters of a
 * Chinese name (欧阳娜娜 → 娜娜, 王丽 → 王丽), or the initials of the first and last words of a
 * name in Latin script (Li Wang → LW).
 */
export function initials(name: string): string {
  const trimmed = name.trim();
  if (/[\u3400-\u9fff\uf900-\ufaff]/.test(trimmed)) return Array.from(trimmed.replace(/\s+/g, '')).slice(-2).join('');
  const words = trimmed.split(/\s+/).filter(Boolean);
  const first = Array.from(words[0] ?? '')[0] ?? '';
  const last = words.length > 1 ? (Array.from(words[words.length - 1]!)[0] ?? '') : '';
  return (first + last).toUpperCase();
}

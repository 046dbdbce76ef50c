/**
 * The media formats the platform accepts, recognised by their first bytes (never by the
 * Content-Type a client claims): JPEG, PNG, GIF and WebP images, MP4 video.
 */
export type MediaKind = 'image' | 'video';

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

const FORMATS: Array<{ type: string; kind: MediaKind; matches(bytes: Uint8Array): boolean }> = [
  { type: 'image/jpeg', kind: 'image', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { type: 'image/png', kind: 'image', matches: (b) => startsWith(b, [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a]) },
  {
    type: 'image/gif',
    kind: 'image',
    matches: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')),
  },
  {
    type: 'image/webp',
    kind: 'image',
    matches: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8),
  },
  { type: 'video/mp4', kind: 'video', matches: (b) => startsWith(b, ascii('ftyp'), 4) },
];

/** The format of `bytes`, if it is one the platform accepts. */
export function detectMedia(bytes: Uint8Array): { type: string; kind: MediaKind } | undefined {
  const format = FORMATS.find((candidate) => candidate.matches(bytes));
  return format && { type: format.type, kind: format.kind };
}

/** Whether a stored Content-Type is one this server serves inline (anything else is a download). */
export const isServableMediaType = (type: string) => FORMATS.some((format) => format.type === type);

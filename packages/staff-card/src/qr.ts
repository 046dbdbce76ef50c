/**
 * The QR encoder, loaded with a dynamic import only when a card shows its QR code (a lazy chunk).
 * lean-qr's "nano" build encodes in UTF-8 byte mode; the modules become one SVG path.
 */
import { correction, generate } from 'lean-qr/nano';

export interface QrCode {
  /** Width and height in modules, without the quiet zone. */
  size: number;
  /** An SVG path (one unit per module) drawing every dark module. */
  path: string;
}

/** Encodes `text` (UTF-8 byte mode, error correction at least M). Throws when it is too long. */
export function encodeQr(text: string): QrCode {
  const code = generate(text, { minCorrectionLevel: correction.M });
  const { size } = code;
  let path = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // One rectangle per horizontal run of dark modules.
      let run = 0;
      while (code.get(x + run, y)) run++;
      if (run) path += `M${x} ${y}h${run}v1h-${run}z`;
      x += run;
    }
  }
  return { size, path };
}

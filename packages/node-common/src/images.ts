// Photos and signatures arrive as data URLs (or bare base64). Their bytes are checked, not their
// declared type: a JPEG starts FF D8 FF, a PNG with the 8-byte PNG signature.

export type ImageMime = 'image/jpeg' | 'image/png';

export const MAX_IMAGE_BYTES = 1.5 * 1024 * 1024;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function sniffImage(bytes: Buffer): ImageMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  return null;
}

export function imageMatches(bytes: Buffer, mime: string): boolean {
  return sniffImage(bytes) === mime;
}

export type DecodedImage =
  { ok: true; mime: ImageMime; bytes: Buffer } | { ok: false; problem: 'notImage' | 'tooLarge' };

const DATA_URL = /^data:(image\/(?:jpeg|png));base64,/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes a `data:image/…;base64,` URL or bare base64 and verifies the bytes are a JPEG or PNG. */
export function decodeImage(text: string, allowed: readonly ImageMime[] = ['image/jpeg', 'image/png']): DecodedImage {
  const m = DATA_URL.exec(text);
  const body = m ? text.slice(m[0].length) : text;
  if (!BASE64.test(body) || body.length % 4 !== 0) return { ok: false, problem: 'notImage' };
  if ((body.length / 4) * 3 - (body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0) > MAX_IMAGE_BYTES)
    return { ok: false, problem: 'tooLarge' };
  const bytes = Buffer.from(body, 'base64');
  const sniffed = sniffImage(bytes);
  if (!sniffed || !allowed.includes(sniffed) || (m && m[1] !== sniffed)) return { ok: false, problem: 'notImage' };
  return { ok: true, mime: sniffed, bytes };
}

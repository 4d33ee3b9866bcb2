// The ID card's own photo for the notary (issue 12): the reader's decoder plugin gives a BMP (102 × 126,
// idcard-reader.md §8) or a PNG; the agent and the centre take JPEG and PNG only, so a BMP is drawn
// once on a canvas and sent as PNG. Never logged; it lives in the visit's answers only.

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Far above a decoded card photo (38 862 bytes as BMP); anything bigger is not one. */
const MAX_BYTES = 512 * 1024;
const MAX_SIDE = 1024;

function bytesOf(base64: string): Uint8Array<ArrayBuffer> | null {
  try {
    const text = atob(base64);
    if (text.length > MAX_BYTES) return null;
    return Uint8Array.from(text, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** A PNG data URL of the card photo, or null when it is not an image the browser can read. */
export async function cardPhotoDataUrl(photo: { mimeType: string; base64: string }): Promise<string | null> {
  const bytes = bytesOf(photo.base64);
  if (!bytes) return null;
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return `data:image/png;base64,${photo.base64}`;
  if (bytes[0] !== 0x42 || bytes[1] !== 0x4d) return null; // 'BM'
  try {
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/bmp' }));
    try {
      if (!bitmap.width || !bitmap.height || bitmap.width > MAX_SIDE || bitmap.height > MAX_SIDE) return null;
      const canvas = document.createElement('canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
      const url = canvas.toDataURL('image/png');
      return url.startsWith('data:image/png;base64,') ? url : null;
    } finally {
      bitmap.close();
    }
  } catch {
    return null;
  }
}

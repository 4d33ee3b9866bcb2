import QRCode from 'qrcode';

/** A 1-bit image as GS v 0 wants it: rows of ceil(width/8) bytes, MSB leftmost, 1 = black. */
export interface MonoBitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

export const rowBytes = (width: number): number => Math.ceil(width / 8);

export function createBitmap(width: number, height: number): MonoBitmap {
  return { width, height, data: new Uint8Array(rowBytes(width) * height) };
}

export function getPixel(bitmap: MonoBitmap, x: number, y: number): boolean {
  const byte = bitmap.data[y * rowBytes(bitmap.width) + (x >> 3)];
  return (byte & (0x80 >> (x & 7))) !== 0;
}

export function setPixel(bitmap: MonoBitmap, x: number, y: number): void {
  const index = y * rowBytes(bitmap.width) + (x >> 3);
  bitmap.data[index] = bitmap.data[index] | (0x80 >> (x & 7));
}

/**
 * A QR code (model 2, ECC M, byte mode over UTF-8) as a bitmap: `moduleDots` dots per module and
 * a quiet zone of `quietModules` modules on every side.
 */
export function qrBitmap(data: string, moduleDots: number, quietModules = 4): MonoBitmap {
  // A form is rendered twice per print (validation, then the job): keep the last few symbols.
  const key = `${moduleDots}/${quietModules}/${data}`;
  const hit = qrCache.get(key);
  if (hit) return hit;
  const bitmap = buildQrBitmap(data, moduleDots, quietModules);
  qrCache.set(key, bitmap);
  if (qrCache.size > 8) qrCache.delete(qrCache.keys().next().value!);
  return bitmap;
}

const qrCache = new Map<string, MonoBitmap>();

function buildQrBitmap(data: string, moduleDots: number, quietModules: number): MonoBitmap {
  const modules = QRCode.create(data, { errorCorrectionLevel: 'M' }).modules;
  const side = (modules.size + 2 * quietModules) * moduleDots;
  const bitmap = createBitmap(side, side);
  const stride = rowBytes(side);
  const row = createBitmap(side, 1);
  for (let r = 0; r < modules.size; r++) {
    row.data.fill(0);
    for (let c = 0; c < modules.size; c++) {
      if (!modules.data[r * modules.size + c]) continue;
      const x0 = (c + quietModules) * moduleDots;
      for (let dx = 0; dx < moduleDots; dx++) setPixel(row, x0 + dx, 0);
    }
    // Each module row is the same dot row repeated moduleDots times.
    const y0 = (r + quietModules) * moduleDots;
    for (let dy = 0; dy < moduleDots; dy++) bitmap.data.set(row.data, (y0 + dy) * stride);
  }
  return bitmap;
}

/** A bitmap sent as base64 rows (e.g. a line the kiosk UI rendered on a canvas). */
export function bitmapFromBase64(width: number, height: number, base64: string): MonoBitmap {
  const data = new Uint8Array(Buffer.from(base64, 'base64'));
  if (data.length !== rowBytes(width) * height)
    throw new Error(`image data is ${data.length} bytes, expected ${rowBytes(width) * height} for ${width}×${height}`);
  return { width, height, data };
}

/** Reads a binary PBM (P4) file, the format of optional logos in content/forms/. */
export function bitmapFromPbm(file: Uint8Array): MonoBitmap {
  const header = Buffer.from(file.subarray(0, Math.min(file.length, 64))).toString('latin1');
  const match = /^P4\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s/.exec(header);
  if (!match) throw new Error('not a binary PBM (P4) image');
  const width = Number(match[1]);
  const height = Number(match[2]);
  const data = file.slice(match[0].length, match[0].length + rowBytes(width) * height);
  if (data.length !== rowBytes(width) * height) throw new Error('PBM image is truncated');
  return { width, height, data };
}

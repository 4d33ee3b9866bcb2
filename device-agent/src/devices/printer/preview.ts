import { getPixel, qrBitmap, type MonoBitmap } from './bitmap.js';
import { displayWidth } from './gb.js';
import type { Alignment, PrintedJob } from './job.js';

// An SVG picture of a printed job, at printer dots (203 dpi), for the admin page. Text is escaped;
// rasters and QR codes become one path of black runs each.

const DOT_ROW = 24;
const LINE_GAP = 6;
const HALF = 12;

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

function offset(align: Alignment, contentWidth: number, paperDots: number): number {
  if (align === 'center') return Math.max(0, Math.round((paperDots - contentWidth) / 2));
  if (align === 'right') return Math.max(0, paperDots - contentWidth);
  return 0;
}

function bitmapPath(bitmap: MonoBitmap, x0: number, y0: number, scale = 1): string {
  let d = '';
  for (let y = 0; y < bitmap.height; y++) {
    let x = 0;
    while (x < bitmap.width) {
      if (!getPixel(bitmap, x, y)) {
        x++;
        continue;
      }
      const start = x;
      while (x < bitmap.width && getPixel(bitmap, x, y)) x++;
      d += `M${x0 + start * scale} ${y0 + y * scale}h${(x - start) * scale}v${scale}h${-(x - start) * scale}z`;
    }
  }
  return d;
}

/** Renders a decoded job as a standalone SVG document. */
export function renderPreviewSvg(job: PrintedJob, paperDots: number): string {
  const body: string[] = [];
  let y = 16;
  for (const item of job.items) {
    if (item.kind === 'line') {
      const { line } = item;
      const h = DOT_ROW * line.height;
      const w = displayWidth(line.text) * HALF * line.width;
      const x = offset(line.align, w, paperDots);
      if (line.text) {
        // textLength pins each line to the dots it takes on paper (12 per column × width), whatever the font.
        body.push(
          `<text x="${x}" y="${y + h - 4}" font-size="${h}" textLength="${w}" lengthAdjust="spacingAndGlyphs"${line.bold ? ' font-weight="bold"' : ''} xml:space="preserve">${escapeXml(line.text)}</text>`,
        );
      }
      y += h + LINE_GAP;
    } else if (item.kind === 'feed') {
      y += item.lines * (DOT_ROW + LINE_GAP);
    } else {
      const bitmap = item.kind === 'raster' ? item.bitmap : qrBitmap(item.data, item.moduleDots);
      const x = offset(item.align, bitmap.width, paperDots);
      body.push(`<path d="${bitmapPath(bitmap, x, y)}"/>`);
      y += bitmap.height;
    }
  }
  const height = y + 16;
  const cut = job.cut
    ? `<line x1="0" y1="${height - 1}" x2="${paperDots}" y2="${height - 1}" stroke="#888" stroke-dasharray="8 6"/>`
    : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${paperDots}" height="${height}" viewBox="0 0 ${paperDots} ${height}">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<g fill="#000" font-family="'Noto Sans CJK SC','WenQuanYi Zen Hei',monospace">${body.join('')}</g>${cut}</svg>`
  );
}

import iconv from 'iconv-lite';

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;

export interface ReceiptLine {
  text: string;
  /** Double width and height (titles, the setup token). */
  large?: boolean;
  center?: boolean;
}

/**
 * A plain text receipt as ESC/POS bytes for `printer.printRaw` (setup token, test page,
 * readiness report): initialise, Chinese mode, GB18030 text, feed, partial cut, then GS r 1 so
 * the driver learns when the printer has processed it (a printer without it just ignores the query).
 */
export function textReceipt(lines: ReceiptLine[]): Buffer {
  const parts: Buffer[] = [Buffer.from([ESC, 0x40, FS, 0x26])];
  for (const line of lines) {
    parts.push(Buffer.from([ESC, 0x61, line.center ? 1 : 0, GS, 0x21, line.large ? 0x11 : 0x00]));
    parts.push(iconv.encode(`${line.text}\n`, 'gb18030'));
  }
  parts.push(Buffer.from([GS, 0x21, 0x00, ESC, 0x61, 0, ESC, 0x64, 4, GS, 0x56, 0x42, 0x00, GS, 0x72, 0x01]));
  return Buffer.concat(parts);
}

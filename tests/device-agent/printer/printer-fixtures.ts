import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import jsQRModule from 'jsqr';
import { EventBus } from '../../../device-agent/src/core/event-bus.js';
import type { ServiceDeps } from '../../../device-agent/src/core/service.js';
import { getPixel, type MonoBitmap } from '../../../device-agent/src/devices/printer/bitmap.js';
import type { PrinterDeviceConfig } from '../../../device-agent/src/config/schema.js';
import { createLogger } from '@kiosk/node-common/logger';
import { Redactor } from '@kiosk/node-common/redact';
import { createValidator } from '@kiosk/node-common/validator';
import type { PrintedJob } from '../../../device-agent/src/devices/printer/job.js';
import { CompletionError } from '../../../device-agent/src/core/errors.js';

export const CONTENT_DIR = resolve(import.meta.dirname, '../../../content');
export const TERMINAL = { id: 'test-0001', name: '测试村公共法律服务室', publicUrl: 'https://fw.example.gov.cn' };
/** What a receipt's QR carries: the centre's public status page for that receipt (center.publicUrl). */
export const statusUrlOf = (receiptNo: string): string => `${TERMINAL.publicUrl}/s/?r=${encodeURIComponent(receiptNo)}`;
export const FIXED_NOW = new Date('2026-11-29T02:30:00Z');

/** Obviously fake applicant data (style.md §4.6). */
export const LEGAL_AID_FIELDS = {
  receiptNo: 'FY-2026-000123',
  applicantName: '张三',
  idNumberMasked: '4501**********123X',
  matter: '劳动报酬（拖欠工资）',
  submittedAt: '2026-11-29T10:05:00+08:00',
  station: '测试村公共法律服务室',
  decisionDueBy: '2026-12-06',
  materials: ['身份证', '劳动合同', '工资欠条'],
  laterMaybe: ['经济困难证明'],
  qr: 'https://kiosk.example/r/FY-2026-000123?t=k3J9',
  uploadState: 'uploaded',
};

export const RECEIPT_FIELDS = {
  title: '受理回执',
  receiptNo: 'GZ-2026-000042',
  rows: [
    { label: '申请人', value: '李四' },
    { label: '事项', value: '远程公证预约：学历公证' },
  ],
  qr: 'https://kiosk.example/r/GZ-2026-000042',
  notes: ['请妥善保管本回执', '咨询电话 12348'],
};

/** Deps for a service built directly (no agent): a log sink the test can read. */
export function printerDeps(config: PrinterDeviceConfig): ServiceDeps<PrinterDeviceConfig> & { logText(): string } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const redactor = new Redactor();
  const log = createLogger({ destination: sink, level: 'debug', redactor });
  return {
    bus: new EventBus(log),
    log,
    validator: createValidator(),
    redactor,
    config,
    contentDir: CONTENT_DIR,
    dataDir: mkdtempSync(join(tmpdir(), 'kiosk-printer-')),
    terminal: TERMINAL,
    logText: () => lines.join(''),
  };
}

type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
/** jsqr is CommonJS with `exports.default`; the default import differs between loaders. */
const jsQR: JsQr = ((jsQRModule as unknown as { default?: JsQr }).default ?? jsQRModule) as JsQr;

/** Decodes a QR raster with jsQR (1 = black), padding a white quiet zone around it. */
export function decodeQrBitmap(bitmap: MonoBitmap): string | null {
  const pad = 16;
  const width = bitmap.width + 2 * pad;
  const height = bitmap.height + 2 * pad;
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < bitmap.height; y++)
    for (let x = 0; x < bitmap.width; x++)
      if (getPixel(bitmap, x, y)) {
        const i = ((y + pad) * width + x + pad) * 4;
        rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
      }
  return jsQR(rgba, width, height)?.data ?? null;
}

/** All printed text of a job as one string (lines joined by newlines). */
export const jobText = (job: PrintedJob): string => job.lines.join('\n');

export async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A print command's outcome whether it resolved or threw a CompletionError (paperOut, hardwareError …). */
export async function outcomeOf(
  p: Promise<{ completionCode: string; payload: unknown }>,
): Promise<{ completionCode: string; payload: unknown }> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof CompletionError) return { completionCode: err.completionCode, payload: err.payload };
    throw err;
  }
}

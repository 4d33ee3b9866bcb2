import { bitmapFromBase64, type MonoBitmap } from './bitmap.js';
import { EscPosBuilder } from './encoder.js';
import type { Condition, FormBlock, FormDefinition, TextImage } from './form-types.js';
import { displayWidth, unsupportedChars, wrapText } from './gb.js';
import { statusUrl } from './status-url.js';
import type { PrinterProfile } from './profiles.js';

// Lays a form out for the paper: placeholders filled, rows wrapped by display width (CJK counts
// double), lines with characters the printer cannot print as text replaced by the UI's image.

export interface RenderContext {
  profile: PrinterProfile;
  /** `publicUrl`: the centre's public base URL (checked by publicBaseUrl) for the receipt's QR code. */
  terminal: { id: string; name: string; publicUrl?: string };
  now: Date;
  /** Pre-rendered line images keyed by the exact text they show (a row value or a whole line). */
  textImages?: Record<string, TextImage>;
  /** Loads an image block's file (content/forms/<src>). */
  loadImage?: (src: string) => MonoBitmap;
}

export interface RenderedForm {
  bytes: Uint8Array;
  /** Characters that could not print as text (rasterised from an image, or printed as □). */
  unsupported: string[];
  /** The subset printed as □ because no image was supplied. */
  placeholders: string[];
}

export class FormRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormRenderError';
  }
}

/** Receipts show China Standard Time whatever the system time zone is. */
const CHINA_TIME = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Filters usable in placeholders: {field|date}, {field|datetime}. */
const FILTERS: Record<string, (value: string) => string> = {
  date: (value) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    const date = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
    if (!m || !date || date.getMonth() !== Number(m[2]) - 1 || date.getDate() !== Number(m[3]))
      throw new FormRenderError(`not a valid date: ${value}`);
    return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
  },
  datetime: (value) => {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) throw new FormRenderError(`not a valid date and time: ${value}`);
    const p = Object.fromEntries(CHINA_TIME.formatToParts(date).map((part) => [part.type, part.value]));
    return `${p['year']}-${p['month']}-${p['day']} ${p['hour'] === '24' ? '00' : p['hour']}:${p['minute']}`;
  },
};

function lookup(scope: Record<string, unknown>, path: string): unknown {
  let value: unknown = scope;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

function fill(template: string, scope: Record<string, unknown>): string {
  return template.replace(/\{([A-Za-z][\w.]*)(?:\|(\w+))?\}/g, (_all, path: string, filter?: string) => {
    const value = lookup(scope, path);
    const text =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
    if (!filter) return text;
    const fn = Object.hasOwn(FILTERS, filter) ? FILTERS[filter] : undefined;
    if (!fn) throw new FormRenderError(`unknown filter |${filter}`);
    return text ? fn(text) : '';
  });
}

function holds(condition: Condition | undefined, scope: Record<string, unknown>): boolean {
  if (condition === undefined) return true;
  if (typeof condition === 'string') {
    const value = lookup(scope, condition);
    return Array.isArray(value)
      ? value.length > 0
      : value !== undefined && value !== null && value !== '' && value !== false;
  }
  return lookup(scope, condition.field) === condition.equals;
}

class FormWriter {
  readonly out: EscPosBuilder;
  private readonly _unsupported: string[] = [];
  private readonly _placeholders: string[] = [];

  constructor(private readonly _ctx: RenderContext) {
    this.out = new EscPosBuilder(_ctx.profile);
  }

  get cols(): number {
    return this._ctx.profile.cols;
  }

  /** A line or a wrapped paragraph; rasterised from the UI's image when it cannot print as text. */
  paragraph(text: string, width = 1, indent = 0): void {
    if (this._image(text)) return;
    const lines = wrapText(text, Math.floor(this.cols / width) - indent);
    lines.forEach((line, i) => this._text((i > 0 ? ' '.repeat(indent) : '') + line));
  }

  row(label: string, value: string): void {
    const head = `${label}：`;
    const headWidth = displayWidth(head);
    if (unsupportedChars(value, this._ctx.profile).length && this._imageFor(value)) {
      this._text(head);
      this._image(value);
      return;
    }
    if (headWidth > this.cols / 2) {
      this._text(head);
      this.paragraph(value);
      return;
    }
    const lines = wrapText(value, this.cols - headWidth);
    lines.forEach((line, i) => this._text((i === 0 ? head : ' '.repeat(headWidth)) + line));
  }

  finish(): RenderedForm {
    this.out.cut();
    if (this._ctx.profile.endMarker) this.out.endMarker();
    return { bytes: this.out.bytes(), unsupported: [...this._unsupported], placeholders: [...this._placeholders] };
  }

  private _text(line: string): void {
    for (const ch of unsupportedChars(line, this._ctx.profile)) {
      if (!this._unsupported.includes(ch)) this._unsupported.push(ch);
      if (!this._placeholders.includes(ch)) this._placeholders.push(ch);
    }
    this.out.line(line);
  }

  private _imageFor(text: string): MonoBitmap | null {
    const images = this._ctx.textImages;
    const image = images && Object.hasOwn(images, text) ? images[text] : undefined;
    if (!image) return null;
    try {
      return bitmapFromBase64(image.width, image.height, image.data);
    } catch (err) {
      throw new FormRenderError(`textImages["…"]: ${(err as Error).message}`);
    }
  }

  private _image(text: string): boolean {
    const missing = unsupportedChars(text, this._ctx.profile);
    if (!missing.length) return false;
    const bitmap = this._imageFor(text);
    if (!bitmap) return false;
    for (const ch of missing) if (!this._unsupported.includes(ch)) this._unsupported.push(ch);
    this.out.raster(bitmap);
    return true;
  }
}

function renderBlock(block: FormBlock, w: FormWriter, scope: Record<string, unknown>, ctx: RenderContext): void {
  if (!holds(block.when, scope)) return;
  const out = w.out;
  switch (block.type) {
    case 'text': {
      const [width, height] = Array.isArray(block.size) ? block.size : [block.size ?? 1, block.size ?? 1];
      out
        .align(block.align ?? 'left')
        .size(width, height)
        .bold(block.bold ?? false);
      w.paragraph(fill(block.text, scope), width);
      out.size(1, 1).bold(false).align('left');
      return;
    }
    case 'row':
      w.row(fill(block.label, scope), fill(block.value, scope));
      return;
    case 'rows': {
      const rows = lookup(scope, block.from);
      for (const row of Array.isArray(rows) ? rows : []) {
        const { label, value } = row as { label: unknown; value: unknown };
        w.row(String(label), String(value));
      }
      return;
    }
    case 'list': {
      const items = lookup(scope, block.from);
      if (!Array.isArray(items) || !items.length) return;
      if (block.heading) w.paragraph(fill(block.heading, scope));
      const bullet = block.bullet ?? '';
      for (const item of items) w.paragraph(bullet + String(item), 1, displayWidth(bullet));
      return;
    }
    case 'qr':
      out.align('center').qr(fill(block.data, scope), block.mode).align('left');
      return;
    case 'image':
      if (!ctx.loadImage) throw new FormRenderError('image blocks need an image loader');
      out
        .align(block.align ?? 'center')
        .raster(ctx.loadImage(block.src))
        .align('left');
      return;
    case 'rule':
      out.rule();
      return;
    case 'feed':
      out.feed(block.lines);
      return;
  }
}

/** Renders a form with validated fields into one complete job (init … cut). */
export function renderForm(form: FormDefinition, fields: Record<string, unknown>, ctx: RenderContext): RenderedForm {
  // `statusUrl` is the agent's, never the caller's: a receipt's QR opens the centre's public page.
  const receiptNo = fields['receiptNo'];
  const base = ctx.terminal.publicUrl;
  const scope = {
    ...fields,
    terminal: ctx.terminal,
    now: ctx.now.toISOString(),
    statusUrl: base && typeof receiptNo === 'string' && receiptNo ? statusUrl(base, receiptNo) : undefined,
  };
  const writer = new FormWriter(ctx);
  writer.out.init();
  for (const block of form.layout) renderBlock(block, writer, scope, ctx);
  return writer.finish();
}

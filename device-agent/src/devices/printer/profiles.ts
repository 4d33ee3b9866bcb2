// Per-model printer profiles (escpos-printer.md §9). The generic ones are derived from the paper
// width; a named profile may be chosen with `devices.printer.profile`.

/** One status condition: which DLE EOT n reply, which bits, and whether "set" or "clear" means true. */
export interface StatusBit {
  n: 1 | 2 | 3 | 4;
  mask: number;
  active?: 'set' | 'clear';
}

export type Condition =
  | 'offline'
  | 'coverOpen'
  | 'paperStop'
  | 'error'
  | 'jam'
  | 'cutter'
  | 'unrecoverable'
  | 'autoRecoverable'
  | 'nearEnd'
  | 'paperEnd';

export interface StatusMap {
  /** DLE EOT n queries sent per status reading. */
  queries: Array<1 | 2 | 3 | 4>;
  /** A reply is valid when (b & mask) === value. */
  valid: { mask: number; value: number };
  bits: Partial<Record<Condition, StatusBit>>;
}

export interface PrinterProfile {
  name: string;
  dots: number;
  cols: number;
  qr: 'native' | 'raster';
  qrModule: number;
  qrMaxBytes: number;
  cut: number[];
  gb2312Only: boolean;
  rasterBandRows: number;
  /** Append GS r 1 to each job and wait for its reply as "all data processed". */
  endMarker: boolean;
  /** null: the model answers no status (print only). */
  statusMap: StatusMap | null;
}

/** Epson standard bit meanings (TM-T88III, SNBC BT-T080); n=3 bit 2 is a paper jam on kiosk models. */
export const EPSON_STATUS: StatusMap = {
  queries: [1, 2, 3, 4],
  valid: { mask: 0x93, value: 0x12 },
  bits: {
    offline: { n: 1, mask: 0x08 },
    coverOpen: { n: 2, mask: 0x04 },
    paperStop: { n: 2, mask: 0x20 },
    error: { n: 2, mask: 0x40 },
    jam: { n: 3, mask: 0x04 },
    cutter: { n: 3, mask: 0x08 },
    unrecoverable: { n: 3, mask: 0x20 },
    autoRecoverable: { n: 3, mask: 0x40 },
    nearEnd: { n: 4, mask: 0x0c },
    paperEnd: { n: 4, mask: 0x60 },
  },
};

/** SNBC BT-UR056: n=4 paper bits are inverted (bits 2,3 = 0 mean paper end). */
export const SNBC_UR056_STATUS: StatusMap = {
  queries: [1, 2, 4],
  valid: { mask: 0x93, value: 0x12 },
  bits: {
    offline: { n: 1, mask: 0x08 },
    coverOpen: { n: 2, mask: 0x04 },
    error: { n: 2, mask: 0x40 },
    paperEnd: { n: 4, mask: 0x0c, active: 'clear' },
  },
};

const CUT_PARTIAL_FEED = [0x1d, 0x56, 0x42, 0x00];

const generic = (paperWidthMm: 58 | 80): PrinterProfile =>
  paperWidthMm === 80
    ? {
        name: 'generic-80',
        dots: 576,
        cols: 48,
        qr: 'native',
        qrModule: 6,
        qrMaxBytes: 255,
        cut: CUT_PARTIAL_FEED,
        gb2312Only: false,
        rasterBandRows: 255,
        endMarker: true,
        statusMap: EPSON_STATUS,
      }
    : {
        name: 'generic-58',
        dots: 384,
        cols: 32,
        qr: 'native',
        qrModule: 4,
        qrMaxBytes: 255,
        cut: CUT_PARTIAL_FEED,
        gb2312Only: false,
        rasterBandRows: 255,
        endMarker: false,
        statusMap: EPSON_STATUS,
      };

/** Named profiles; each is applied on top of the generic profile for the configured paper width. */
const NAMED: Record<string, (base: PrinterProfile) => PrinterProfile> = {
  'generic-80': (b) => b,
  'generic-58': (b) => b,
  'raster-qr': (b) => ({ ...b, name: 'raster-qr', qr: 'raster' }),
  'snbc-bt-t080': (b) => ({ ...b, name: 'snbc-bt-t080', cut: [0x1d, 0x56, 0x42, 0x00] }),
  'snbc-bt-ur056': (b) => ({ ...b, name: 'snbc-bt-ur056', statusMap: SNBC_UR056_STATUS, endMarker: false }),
  'sprt-sp': (b) => ({ ...b, name: 'sprt-sp', gb2312Only: true, qr: 'raster', endMarker: false }),
  'print-only': (b) => ({ ...b, name: 'print-only', statusMap: null, endMarker: false }),
};

export const PROFILE_NAMES = Object.keys(NAMED);

/** The profile for a configuration; an unknown name falls back to the generic one (and says so). */
export function resolveProfile(paperWidthMm: 58 | 80, name?: string): { profile: PrinterProfile; known: boolean } {
  const base = generic(paperWidthMm);
  if (!name) return { profile: base, known: true };
  const make = Object.hasOwn(NAMED, name) ? NAMED[name] : undefined;
  return make ? { profile: make(base), known: true } : { profile: base, known: false };
}

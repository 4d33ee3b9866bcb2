import type { DeviceState, LastError, PaperState, PrinterErrorCode } from '@kiosk/contract/kiosk-api';
import type { Condition, StatusMap } from './profiles.js';

// DLE EOT replies → conditions (through the profile's bit map) → the agent's status and completion
// codes (escpos-printer.md §8.6).

export type StatusReplies = Partial<Record<1 | 2 | 3 | 4, number>>;
export type Conditions = Record<Condition, boolean>;

const CONDITIONS: Condition[] = [
  'offline',
  'coverOpen',
  'paperStop',
  'error',
  'jam',
  'cutter',
  'unrecoverable',
  'autoRecoverable',
  'nearEnd',
  'paperEnd',
];

export const isValidReply = (map: StatusMap, b: number): boolean => (b & map.valid.mask) === map.valid.value;

/** Decodes the replies; a condition whose reply is missing counts as false. */
export function decodeConditions(map: StatusMap, replies: StatusReplies): Conditions {
  const out = {} as Conditions;
  for (const condition of CONDITIONS) {
    const bit = map.bits[condition];
    const reply = bit ? replies[bit.n] : undefined;
    if (!bit || reply === undefined) {
      out[condition] = false;
      continue;
    }
    const masked = reply & bit.mask;
    out[condition] = bit.active === 'clear' ? masked === 0 : masked !== 0;
  }
  return out;
}

/** The inverse, for the simulator: replies that a printer in these conditions would send. */
export function encodeReplies(map: StatusMap, conditions: Partial<Conditions>): Record<1 | 2 | 3 | 4, number> {
  const replies: Record<1 | 2 | 3 | 4, number> = {
    1: map.valid.value,
    2: map.valid.value,
    3: map.valid.value,
    4: map.valid.value,
  };
  for (const [condition, bit] of Object.entries(map.bits) as Array<
    [Condition, NonNullable<StatusMap['bits'][Condition]>]
  >) {
    const on = conditions[condition] ?? false;
    const setBits = bit.active === 'clear' ? !on : on;
    if (setBits) replies[bit.n] |= bit.mask;
  }
  return replies;
}

/** The contract's error codes plus faults that complete `hardwareError` (no printer errorCode). */
export type PrinterFault = PrinterErrorCode | 'unrecoverable' | 'offline';

export interface PrinterCondition {
  paper: PaperState;
  coverOpen: boolean;
  /** The fault that stops printing, if any, with the operator action for common.error. */
  fault: { errorCode: PrinterFault; action: LastError['action']; description: string } | null;
  device: DeviceState;
}

const paperOut = (c: Conditions): boolean => c.paperEnd || c.paperStop;

/** The agent's view of the decoded conditions (§8.6). */
export function interpret(c: Conditions): PrinterCondition {
  const paper: PaperState = c.jam ? 'jammed' : paperOut(c) ? 'out' : c.nearEnd ? 'low' : 'full';
  let fault: PrinterCondition['fault'] = null;
  if (c.jam) fault = { errorCode: 'paperJammed', action: 'clear', description: 'paper jam: clear the paper path' };
  else if (paperOut(c)) fault = { errorCode: 'paperOut', action: 'clear', description: 'paper end: load a new roll' };
  else if (c.coverOpen) fault = { errorCode: 'coverOpen', action: 'clear', description: 'printer cover is open' };
  else if (c.cutter) fault = { errorCode: 'cutterError', action: 'maintenance', description: 'auto-cutter error' };
  else if (c.unrecoverable)
    fault = { errorCode: 'unrecoverable', action: 'maintenance', description: 'unrecoverable printer error' };
  // Offline with no cause given (e.g. waiting for online recovery): data sent now might print later,
  // so nothing is sent; the receipt is kept like any other fault.
  else if (c.offline) fault = { errorCode: 'offline', action: 'suspend', description: 'printer is offline' };
  return { paper, coverOpen: c.coverOpen, fault, device: fault ? 'hardwareError' : 'online' };
}

export const toHex = (bytes: ArrayLike<number>): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');

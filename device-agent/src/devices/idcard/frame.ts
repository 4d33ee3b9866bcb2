// GA 467 frames (idcard-reader.md §1): AA AA AA 96 69 | LEN (BE) | body | XOR.

export const PREAMBLE = Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69]);
/** Preamble + LEN. */
export const HEADER_BYTES = 7;
/** Largest LEN the parser accepts (the protocol's largest legal LEN is 0x090A = 2314). */
export const MAX_LEN = 4096;

/** A command the kiosk sends: CMD and PARA bytes plus optional data. */
export interface SamCommand {
  readonly name: string;
  readonly cmd: number;
  readonly para: number;
  readonly data?: readonly number[];
  /** Reply LEN values accepted for this command (others are stale and dropped). */
  readonly acceptLens: readonly number[];
  readonly timeoutMs: number;
}

export const COMMANDS = {
  resetSam: { name: 'resetSam', cmd: 0x10, para: 0xff, acceptLens: [0x04], timeoutMs: 1000 },
  samStatus: { name: 'samStatus', cmd: 0x11, para: 0xff, acceptLens: [0x04], timeoutMs: 1000 },
  samId: { name: 'samId', cmd: 0x12, para: 0xff, acceptLens: [0x14, 0x04], timeoutMs: 1000 },
  find: { name: 'find', cmd: 0x20, para: 0x01, acceptLens: [0x08, 0x04], timeoutMs: 1000 },
  select: { name: 'select', cmd: 0x20, para: 0x02, acceptLens: [0x0c, 0x04], timeoutMs: 1000 },
  readText: { name: 'readText', cmd: 0x30, para: 0x01, acceptLens: [0x0508, 0x04], timeoutMs: 3000 },
  newAddress: { name: 'newAddress', cmd: 0x30, para: 0x03, acceptLens: [0x4a, 0x04], timeoutMs: 1000 },
} as const satisfies Record<string, SamCommand>;

/** A decoded reader reply. */
export interface SamReply {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Buffer;
  /** LEN field as received. */
  len: number;
  /** The whole frame (never log it: a 30 01 frame carries personal data). */
  frame: Buffer;
}

export function xor(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let x = 0;
  for (let i = start; i < end; i++) x ^= bytes[i];
  return x;
}

/** Wraps a body (CMD PARA DATA, or SW1 SW2 SW3 DATA) into a frame: LEN counts body + CHK. */
export function encodeFrame(body: Uint8Array | readonly number[]): Buffer {
  const len = body.length + 1;
  const frame = Buffer.alloc(HEADER_BYTES + len);
  PREAMBLE.copy(frame, 0);
  frame.writeUInt16BE(len, 5);
  Buffer.from(body as Uint8Array).copy(frame, HEADER_BYTES);
  frame[frame.length - 1] = xor(frame, 5, frame.length - 1);
  return frame;
}

export function encodeRequest(command: Pick<SamCommand, 'cmd' | 'para' | 'data'>): Buffer {
  return encodeFrame([command.cmd, command.para, ...(command.data ?? [])]);
}

export function encodeReply(sw3: number, data: Uint8Array = Buffer.alloc(0), sw1 = 0, sw2 = 0): Buffer {
  return encodeFrame(Buffer.concat([Buffer.from([sw1, sw2, sw3]), data]));
}

/** True when a whole frame's XOR is right (the frame must start at the preamble). */
export function checksumOk(frame: Uint8Array): boolean {
  return frame.length >= HEADER_BYTES + 1 && xor(frame, 5, frame.length - 1) === frame[frame.length - 1];
}

/** Splits a checked response frame into its fields. */
export function decodeReply(frame: Buffer): SamReply {
  return {
    len: frame.readUInt16BE(5),
    sw1: frame[7],
    sw2: frame[8],
    sw3: frame[9],
    data: frame.subarray(10, frame.length - 1),
    frame,
  };
}

/** A request as the reader sees it (the simulator side). */
export interface SamRequest {
  cmd: number;
  para: number;
  data: Buffer;
}

export function decodeRequest(frame: Buffer): SamRequest {
  return { cmd: frame[7], para: frame[8], data: frame.subarray(9, frame.length - 1) };
}

export const hex = (bytes: Uint8Array): string =>
  Buffer.from(bytes)
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ')
    .toUpperCase();

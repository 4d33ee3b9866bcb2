import type { IdCardErrorCode } from '@kiosk/contract/kiosk-api';
import { COMMANDS, type SamCommand, type SamReply } from './frame.js';
import { CorruptReplyError, LinkFaultError, ReplyTimeoutError, type SamChannel, abortReason } from './sam-channel.js';
import { type Sw3Action, SW3, describeSw3, sw3Hex } from './status-codes.js';
import { PHOTO_BYTES, TEXT_BYTES } from './text-block.js';

/** A read that ended without card data: an idcard errorCode, or a link fault (hardwareError). */
export class ReadError extends Error {
  override name = 'ReadError';
  constructor(
    readonly kind: IdCardErrorCode | 'linkFault',
    message: string,
  ) {
    super(message);
  }
}

export interface CardBytes {
  text: Buffer;
  wlt: Buffer;
}

type Retry = 'cardMoved' | 'authRetry' | 'resend' | 'restart' | 'timeout';

/** What a failed step means, and what happens when its single retry is used up. */
const GIVE_UP: Record<Retry, ReadError['kind']> = {
  cardMoved: 'readFailed',
  authRetry: 'invalidMedia',
  resend: 'linkFault',
  restart: 'linkFault',
  timeout: 'linkFault',
};

class StepFailure extends Error {
  constructor(
    readonly retry: Retry | null,
    readonly final: ReadError['kind'],
    message: string,
  ) {
    super(message);
  }
}

/**
 * select → read after a successful find, with the read retry of idcard-reader.md §10.3: a
 * shaky hand (81/41/47, a corrupt or missing 30 01 reply) re-runs find → select → read once;
 * if that find says no card → noMedia; a second failure → readFailed. 31/32/33 retry once then
 * invalidMedia; 40 → invalidMedia; 23/60/66 → samError; 10/11/21/24 repeated → link fault.
 * Never sends 30 10 (no fingerprints: data minimisation).
 */
export async function selectAndRead(
  channel: SamChannel,
  signal: AbortSignal,
): Promise<CardBytes & { attempts: number }> {
  const used = new Set<Retry>();
  let fromFind = false;
  for (let attempts = 1; ; attempts++) {
    try {
      if (fromFind) {
        const found = await step(channel, COMMANDS.find, signal);
        if (found.sw3 === SW3.noCard) throw new ReadError('noMedia', 'card gone after a failed read');
        expect(found, SW3.found, 'find');
      }
      expect(await step(channel, COMMANDS.select, signal), SW3.ok, 'select');
      const read = await step(channel, COMMANDS.readText, signal);
      expect(read, SW3.ok, 'readText');
      return { ...splitRead(read), attempts };
    } catch (err) {
      if (!(err instanceof StepFailure)) throw err;
      if (!err.retry || used.has(err.retry)) throw new ReadError(err.final, err.message);
      used.add(err.retry);
      fromFind = true;
    }
  }
}

async function step(channel: SamChannel, command: SamCommand, signal: AbortSignal): Promise<SamReply> {
  try {
    return await channel.exchange(command, signal);
  } catch (err) {
    if (signal.aborted) throw abortReason(signal);
    if (err instanceof CorruptReplyError)
      throw new StepFailure('cardMoved', 'readFailed', `${command.name}: corrupt reply`);
    if (err instanceof ReplyTimeoutError) {
      // A read reply that never completes is usually a card lifted mid-read.
      if (command === COMMANDS.readText) throw new StepFailure('cardMoved', 'readFailed', err.message);
      throw new StepFailure('timeout', 'linkFault', err.message);
    }
    if (err instanceof LinkFaultError) throw new ReadError('linkFault', err.message);
    throw err;
  }
}

function expect(reply: SamReply, wanted: number, what: string): void {
  if (reply.sw3 === wanted) return;
  const { action, text } = describeSw3(reply.sw3);
  const message = `${what}: SW3 ${sw3Hex(reply.sw3)} (${text})`;
  const mapping: Partial<Record<Sw3Action, [Retry | null, ReadError['kind']]>> = {
    cardMoved: ['cardMoved', 'readFailed'],
    noCard: ['cardMoved', 'readFailed'],
    authRetry: ['authRetry', 'invalidMedia'],
    invalidMedia: [null, 'invalidMedia'],
    samError: [null, 'samError'],
    restart: ['restart', 'linkFault'],
    resend: ['resend', 'linkFault'],
  };
  const [retry, final] = mapping[action] ?? ['resend', 'linkFault'];
  throw new StepFailure(retry, retry ? GIVE_UP[retry] : final, message);
}

/** Cuts the 30 01 data: lengths from the two length fields, checked against the frame size. */
function splitRead(reply: SamReply): CardBytes {
  const data = reply.data;
  const textLen = data.length >= 4 ? data.readUInt16BE(0) : -1;
  const photoLen = data.length >= 4 ? data.readUInt16BE(2) : -1;
  if (textLen !== TEXT_BYTES || photoLen !== PHOTO_BYTES || 3 + 4 + textLen + photoLen + 1 !== reply.len)
    throw new StepFailure('cardMoved', 'readFailed', `readText: unexpected layout (${data.length} data bytes)`);
  return {
    text: Buffer.from(data.subarray(4, 4 + textLen)),
    wlt: Buffer.from(data.subarray(4 + textLen, 4 + textLen + photoLen)),
  };
}

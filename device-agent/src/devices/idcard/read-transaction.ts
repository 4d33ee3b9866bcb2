import type { IdCardFields } from '@kiosk/contract/kiosk-api';
import { CompletionError } from '../../core/errors.js';
import { type CommandContext, type CommandOutcome, success } from '../../core/service.js';
import { ReadError, selectAndRead } from './card-transaction.js';
import type { ReaderProbes } from './reader-probes.js';
import type { ReaderContext } from './reader-state.js';
import { CorruptReplyError, LinkFaultError, ReplyTimeoutError, abortReason } from './sam-channel.js';
import { decodeTextBlock } from './text-block.js';

export interface ReadTransactionDeps {
  reader: ReaderContext;
  probes: ReaderProbes;
  /** Called with the card's fields before they leave the service (redaction, photo plugin). */
  enrich(fields: IdCardFields, wlt: Buffer): Promise<void>;
}

/**
 * idcard.read: waits for the previous card to be lifted, polls find until a card is there, then
 * select → read once per placement. Throws a CompletionError (or the requester's abort reason).
 */
export async function readCard(deps: ReadTransactionDeps, ctx: CommandContext): Promise<CommandOutcome<IdCardFields>> {
  const { reader, probes } = deps;
  const { state, timing } = reader;
  const started = Date.now();
  const signal = AbortSignal.any([ctx.signal, state.lost.signal]);
  if (state.latched) {
    ctx.emit('idcard.insertCard', { liftCardFirst: true });
    while (!(await probes.probeRemoval(signal))) await sleep(timing.pollMs, signal);
  }
  ctx.emit('idcard.insertCard', {});
  let failures = 0;
  for (;;) {
    try {
      if (await probes.pollMedia(signal)) break;
      failures = 0;
      if (reader.status().device === 'hardwareError') throw new ReadError('samError', 'SAM fault while polling');
    } catch (err) {
      // A lost or corrupt find reply is just another poll; three in a row are a link fault.
      const transient = err instanceof CorruptReplyError || err instanceof ReplyTimeoutError;
      if (!transient || ++failures >= 3) throw err;
    }
    await sleep(timing.pollMs, signal);
  }
  ctx.emit('idcard.mediaDetected', {});
  const foundAt = Date.now();
  const card = await selectAndRead(reader.channel(), signal);
  const decoded = decodeTextBlock(card.text);
  // Whatever was read, this placement is used up: the next read waits for a lift.
  state.latched = true;
  if (!decoded.ok) throw new ReadError('invalidMedia', `text block not usable (${decoded.reason})`);
  const fields: IdCardFields = { ...decoded.fields, photo: { format: 'wlt', base64: card.wlt.toString('base64') } };
  await deps.enrich(fields, card.wlt);
  reader.log.info(
    {
      cardType: fields.cardType,
      attempts: card.attempts,
      readMs: Date.now() - foundAt,
      totalMs: Date.now() - started,
      warnings: decoded.warnings,
      idNumberValid: fields.idNumberValid,
    },
    'idcard read',
  );
  return success(fields);
}

/** Maps what ended a read to its completion, marking the device faulty where the reader is. */
export function readFailure(reader: ReaderContext, err: unknown, requester: AbortSignal): unknown {
  if (requester.aborted) return requester.reason;
  if (err instanceof ReadError) {
    reader.log.info({ errorCode: err.kind }, `idcard read failed: ${err.message}`);
    if (err.kind === 'samError') {
      reader.samFault(err.message);
      return new CompletionError('commandErrorCode', 'SAM fault', { errorCode: 'samError' });
    }
    if (err.kind === 'linkFault') {
      reader.linkFault();
      return new CompletionError('hardwareError', 'the ID card reader does not answer');
    }
    if (err.kind === 'noMedia') reader.setStatus({ media: 'notPresent' });
    return new CompletionError('commandErrorCode', err.message, { errorCode: err.kind });
  }
  if (err instanceof LinkFaultError || err instanceof ReplyTimeoutError || err instanceof CorruptReplyError) {
    if (!(err instanceof LinkFaultError)) reader.linkFault();
    return new CompletionError('hardwareError', 'the ID card reader was disconnected or does not answer');
  }
  return err;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done, fail) => {
    if (signal.aborted) return fail(abortReason(signal));
    const onAbort = (): void => {
      clearTimeout(timer);
      fail(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      done();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

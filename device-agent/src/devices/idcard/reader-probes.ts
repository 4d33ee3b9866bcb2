import { isUsable } from '../../core/service.js';
import { COMMANDS, type SamCommand, type SamReply } from './frame.js';
import type { ReaderContext } from './reader-state.js';
import { SW3, sw3Hex } from './status-codes.js';

/** The three idle exchanges: SAM health (11 FF), media (find), removal after a read (30 03). */
export class ReaderProbes {
  constructor(private readonly _reader: ReaderContext) {}

  async checkSam(signal: AbortSignal): Promise<void> {
    const r = this._reader;
    r.state.nextHealthAt = Date.now() + r.timing.healthMs;
    const reply = await this._exchange(COMMANDS.samStatus, signal);
    if (reply.sw3 !== SW3.ok) return r.samFault(`SW3 ${sw3Hex(reply.sw3)}`);
    if (isUsable(r.status().device)) return;
    r.samReady();
    if (!r.state.latched) await this.pollMedia(signal);
  }

  /** find: true when a card is there to read. */
  async pollMedia(signal: AbortSignal): Promise<boolean> {
    const r = this._reader;
    const reply = await this._exchange(COMMANDS.find, signal);
    if (reply.sw3 === SW3.found) r.setStatus({ media: 'present' });
    else if (reply.sw3 === SW3.noCard) r.setStatus({ media: 'notPresent' });
    else if (reply.sw3 === SW3.samSelfTestFailed || reply.sw3 === SW3.samNotAuthorised)
      r.samFault(`SW3 ${sw3Hex(reply.sw3)}`);
    return reply.sw3 === SW3.found;
  }

  /** After a read: 30 03 answers 41 once the card has gone (its data is discarded unread). */
  async probeRemoval(signal: AbortSignal): Promise<boolean> {
    const reply = await this._exchange(COMMANDS.newAddress, signal);
    const gone = reply.sw3 === SW3.readFailed || reply.sw3 === SW3.noCard;
    if (gone) this._reader.state.latched = false;
    this._reader.setStatus({ media: gone ? 'notPresent' : 'present' });
    return gone;
  }

  private _exchange(command: SamCommand, signal: AbortSignal): Promise<SamReply> {
    return this._reader.channel().exchange(command, signal);
  }
}

import type { IdCardStatus } from '@kiosk/contract/kiosk-api';
import type { Logger } from '@kiosk/node-common/logger';
import type { IdCardTiming } from './idcard-timing.js';
import { LinkFaultError, type SamChannel } from './sam-channel.js';

/**
 * What the driver believes about the reader and its card. It describes one connection: every
 * reopen starts from `connected()`, because an unplugged reader forgets its card (and the card
 * may have been swapped meanwhile).
 */
export class CardState {
  /** A card was read and has not been lifted since (driver-side latch, DESIGN §7). */
  latched = false;
  reading = false;
  /** Consecutive reply timeouts; two reopen the link. */
  timeouts = 0;
  nextHealthAt = 0;
  /** Aborted when the link goes away, so exchanges in flight end at once. */
  lost = new AbortController();

  /** A new connection: nothing is known about the card, the SAM is checked first. */
  connected(): void {
    this.lost = new AbortController();
    this.latched = false;
    this.timeouts = 0;
    this.nextHealthAt = 0;
  }

  disconnected(reason: string): void {
    this.lost.abort(new LinkFaultError(reason));
  }
}

/** What the idle loop and the read transaction need from the service. */
export interface ReaderContext {
  readonly log: Logger;
  readonly timing: IdCardTiming;
  readonly state: CardState;
  channel(): SamChannel;
  description(): string;
  status(): IdCardStatus;
  setStatus(patch: Partial<IdCardStatus>): void;
  /** The SAM reported a fault: hardwareError, reported once. */
  samFault(detail: string): void;
  /** The reader stopped answering: hardwareError and reopen. */
  linkFault(): void;
  /** The SAM answered: online again. */
  samReady(): void;
}

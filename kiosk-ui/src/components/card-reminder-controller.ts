import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { playBeep } from '../voice/beep.js';

/** How often the beep and the spoken reminder repeat while the card lies on the reader. */
export const CARD_REMINDER_INTERVAL_MS = 8000;

/**
 * Beeps and speaks a reminder while its host is shown (style R6): once when connected, then every
 * `CARD_REMINDER_INTERVAL_MS`; everything stops when the host is removed.
 */
export class CardReminderController implements ReactiveController {
  private _timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly _remind: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.now();
    this._timer = setInterval(() => this.now(), CARD_REMINDER_INTERVAL_MS);
  }

  hostDisconnected(): void {
    clearInterval(this._timer);
    this._timer = undefined;
  }

  /** Beeps and reminds at once (also on a tap). */
  now(): void {
    playBeep();
    this._remind();
  }
}

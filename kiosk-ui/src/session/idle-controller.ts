import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clockRunning, nextIdle, NO_VISIT, type IdleEvent, type IdleState } from '../shell/idle-machine.js';

export interface IdleTimings {
  warningSeconds: number;
  countdownSeconds: number;
}

/** Taps within this time after the warning appears are ignored (MIIT §2.3: no change under the finger). */
export const WARNING_GUARD_MS = 600;

/**
 * Runs the idle clock of a visit (style R6): listens for input on the window, owns the timers and
 * feeds the pure idle machine. `onVisitStart` fires at the first touch, `onExpire` at the end of
 * the countdown.
 */
export class IdleController implements ReactiveController {
  state: IdleState = NO_VISIT;
  private _warnTimer: ReturnType<typeof setTimeout> | undefined;
  private _tickTimer: ReturnType<typeof setInterval> | undefined;
  private _pointerDown = false;
  private _warnDeferred = false;
  private _warnedAt = 0;

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _timings: () => IdleTimings,
    private readonly _callbacks: { onVisitStart: () => void; onWarn: () => void; onExpire: () => void },
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pointerdown', this._onPointerDown, true);
    window.addEventListener('pointerup', this._onPointerUp, true);
    window.addEventListener('pointercancel', this._onPointerUp, true);
    window.addEventListener('keydown', this._onKey, true);
  }

  hostDisconnected(): void {
    window.removeEventListener('pointerdown', this._onPointerDown, true);
    window.removeEventListener('pointerup', this._onPointerUp, true);
    window.removeEventListener('pointercancel', this._onPointerUp, true);
    window.removeEventListener('keydown', this._onKey, true);
    this._clearTimers();
  }

  private readonly _onPointerDown = (): void => {
    this._pointerDown = true;
    this.input();
  };

  private readonly _onPointerUp = (): void => {
    this._pointerDown = false;
    if (this._warnDeferred) {
      this._warnDeferred = false;
      this._dispatch({ type: 'warnDue' });
    }
  };

  private readonly _onKey = (): void => this.input();

  private _clearTimers(): void {
    clearTimeout(this._warnTimer);
    clearInterval(this._tickTimer);
    this._warnTimer = undefined;
    this._tickTimer = undefined;
  }

  private _restartClock(): void {
    clearTimeout(this._warnTimer);
    this._warnTimer = undefined;
    if (!clockRunning(this.state)) return;
    this._warnTimer = setTimeout(() => {
      this._warnTimer = undefined;
      // Never raise the warning while a finger is on the screen.
      if (this._pointerDown) this._warnDeferred = true;
      else this._dispatch({ type: 'warnDue' });
    }, this._timings().warningSeconds * 1000);
  }

  private _dispatch(event: IdleEvent): void {
    const before = this.state;
    this.state = nextIdle(before, event, this._timings().countdownSeconds);
    if (this.state === before) return;
    if (before.phase === 'noVisit' && this.state.phase === 'active') this._callbacks.onVisitStart();
    if (this.state.phase === 'warning' && before.phase !== 'warning') {
      this._warnedAt = performance.now();
      clearInterval(this._tickTimer);
      this._tickTimer = setInterval(() => this._dispatch({ type: 'tick' }), 1000);
      this._callbacks.onWarn();
    }
    if (this.state.phase !== 'warning') {
      clearInterval(this._tickTimer);
      this._tickTimer = undefined;
    }
    const wasRunning = clockRunning(before);
    if (clockRunning(this.state) && !wasRunning) this._restartClock();
    if (!clockRunning(this.state)) {
      clearTimeout(this._warnTimer);
      this._warnTimer = undefined;
    }
    this._host.requestUpdate();
    if (this.state.phase === 'expired') {
      this._clearTimers();
      this._callbacks.onExpire();
    }
  }

  /** Any touch or key: starts a visit, or restarts the clock of the running one. */
  input(): void {
    if (this.state.phase === 'active') {
      this._restartClock();
      return;
    }
    this._dispatch({ type: 'input' });
  }

  /** "我还在用": one tap extends, as many times as needed. Ignored during the guard time. */
  stay(): boolean {
    if (this.state.phase !== 'warning' || performance.now() - this._warnedAt < WARNING_GUARD_MS) return false;
    this._dispatch({ type: 'stay' });
    this._restartClock();
    return true;
  }

  pause(reason: string): void {
    this._dispatch({ type: 'pause', reason });
  }

  resume(reason: string): void {
    this._dispatch({ type: 'resume', reason });
  }

  /** The visit ended (完成, idle expiry, abandoned flow): back to waiting for a first touch. */
  end(): void {
    this._clearTimers();
    this._warnDeferred = false;
    this.state = NO_VISIT;
    this._host.requestUpdate();
  }
}

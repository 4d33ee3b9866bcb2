// The visit's idle clock as a pure module (accessibility.md §5): a warning after
// `idleWarningSeconds` of no input, then a countdown of `idleCountdownSeconds`, unlimited extensions,
// paused (not reset) while a device, a call or speech is working. The controller owns the timers.

export interface IdleState {
  phase: 'noVisit' | 'active' | 'warning' | 'expired';
  /** Reasons the clock is paused. */
  paused: readonly string[];
  /** Seconds left in the warning countdown. */
  remaining: number;
}

export type IdleEvent =
  | { type: 'input' }
  | { type: 'warnDue' }
  | { type: 'tick' }
  | { type: 'stay' }
  | { type: 'pause'; reason: string }
  | { type: 'resume'; reason: string }
  | { type: 'end' };

export const NO_VISIT: IdleState = { phase: 'noVisit', paused: [], remaining: 0 };

export function nextIdle(state: IdleState, event: IdleEvent, countdownSeconds: number): IdleState {
  switch (event.type) {
    case 'input':
      // The first touch starts the visit; later input only restarts the clock (the controller does that).
      return state.phase === 'noVisit' || state.phase === 'expired'
        ? { phase: 'active', paused: [], remaining: 0 }
        : state;
    case 'warnDue':
      if (state.phase !== 'active' || state.paused.length) return state;
      return { ...state, phase: 'warning', remaining: countdownSeconds };
    case 'tick':
      if (state.phase !== 'warning' || state.paused.length) return state;
      return state.remaining <= 1
        ? { ...state, phase: 'expired', remaining: 0 }
        : { ...state, remaining: state.remaining - 1 };
    case 'stay':
      return state.phase === 'warning' ? { ...state, phase: 'active', remaining: 0 } : state;
    case 'pause':
      if (state.phase === 'noVisit' || state.phase === 'expired' || state.paused.includes(event.reason)) return state;
      // During the warning a pause (speech of the warning itself, a call) freezes the countdown.
      return { ...state, paused: [...state.paused, event.reason] };
    case 'resume':
      if (!state.paused.includes(event.reason)) return state;
      return { ...state, paused: state.paused.filter((r) => r !== event.reason) };
    case 'end':
      return NO_VISIT;
    default: {
      const never: never = event;
      return never;
    }
  }
}

/** Whether the warning timer should be running in this state. */
export function clockRunning(state: IdleState): boolean {
  return state.phase === 'active' && state.paused.length === 0;
}

// The shell's screen state: a pure module (style R3), no DOM, no timers.

export type InfoPage = 'guide' | 'institutions' | 'hotline' | 'progress' | 'help';

export type Screen =
  | { kind: 'attract' }
  | { kind: 'home' }
  | { kind: 'info'; page: InfoPage }
  | { kind: 'guideDetail'; service: string }
  | { kind: 'preparing'; service: string }
  | { kind: 'flow'; service: string; flow: string };

/** What a screen may ask for; the attract screen is only reached by ending the visit. */
export type ScreenRequest = Exclude<Screen, { kind: 'attract' }>;

export interface NavState {
  screen: Screen;
  /** Screens to return to with 返回 (most recent last). */
  history: Screen[];
}

export type NavEvent =
  { type: 'open'; screen: ScreenRequest } | { type: 'back' } | { type: 'home' } | { type: 'wake' } | { type: 'reset' };

export const INITIAL_NAV: NavState = { screen: { kind: 'attract' }, history: [] };

export function screenId(screen: Screen): string {
  switch (screen.kind) {
    case 'attract':
    case 'home':
      return screen.kind;
    case 'info':
      return `info:${screen.page}`;
    case 'guideDetail':
      return `guide:${screen.service}`;
    case 'preparing':
      return `preparing:${screen.service}`;
    case 'flow':
      return `flow:${screen.service}`;
    default: {
      const never: never = screen;
      return never;
    }
  }
}

export function nextNav(state: NavState, event: NavEvent): NavState {
  switch (event.type) {
    case 'wake':
      return state.screen.kind === 'attract' ? { screen: { kind: 'home' }, history: [] } : state;
    case 'open': {
      if (state.screen.kind === 'attract') return state;
      if (screenId(event.screen) === screenId(state.screen)) return state;
      // Opening help from help, or home-level entries from home, keeps the history short.
      return { screen: event.screen, history: [...state.history, state.screen] };
    }
    case 'back': {
      if (state.screen.kind === 'attract' || state.screen.kind === 'home') return state;
      const history = state.history.slice(0, -1);
      const previous = state.history[state.history.length - 1] ?? { kind: 'home' };
      return { screen: previous, history };
    }
    case 'home':
      return state.screen.kind === 'home' || state.screen.kind === 'attract'
        ? state
        : { screen: { kind: 'home' }, history: [] };
    case 'reset':
      return INITIAL_NAV;
    default: {
      const never: never = event;
      return never;
    }
  }
}

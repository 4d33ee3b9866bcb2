/** 1 很不满意 … 5 很满意. */
export type SatisfactionScore = 1 | 2 | 3 | 4 | 5;

/** The villager tapped a face (`score`) or 不评价 (`score` null) on <kiosk-satisfaction>. */
export class KioskSatisfactionRateEvent extends Event {
  constructor(readonly score: SatisfactionScore | null) {
    super('kiosk-satisfaction-rate', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-satisfaction-rate': KioskSatisfactionRateEvent;
  }
}

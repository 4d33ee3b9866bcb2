/**
 * Fired by <kiosk-review-list> when the villager taps 改一下 beside an answer: the review step turns
 * it into its flow's `editRequested` event for the owner (style R2/R3); the list changes nothing.
 */
export class KioskReviewEditEvent extends Event {
  constructor(
    readonly itemId: string,
    /** The flow step that asks for this answer (the item's `editStep`). */
    readonly step: string,
  ) {
    super('kiosk-review-edit', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-review-edit': KioskReviewEditEvent;
  }
}

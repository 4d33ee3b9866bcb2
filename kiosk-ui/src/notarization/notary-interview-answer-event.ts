import type { NotaryInterviewEvent } from '../flows/notary-interview-machine.js';

/** A 我预约了公证视频 screen reports what the villager did; only the flow owner listens. */
export class NotaryInterviewAnswerEvent extends Event {
  constructor(readonly detail: NotaryInterviewEvent) {
    super('kiosk-notary-interview-answer', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-notary-interview-answer': NotaryInterviewAnswerEvent;
  }
}

import { Task, TaskStatus } from '@lit/task';
import { css, html, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { IntakeNotarySlot } from '@kiosk/contract/notary-api';
import '../components/kiosk-pager.js';
import '../components/kiosk-step.js';
import type { InterviewChoice } from '../flows/notarization-machine.js';
import type { MessageKey } from '../i18n/message-types.js';
import { say, textRuns } from '../i18n/say.js';
import { NotarizationStepBase } from './notarization-step-base.js';
import { slotLabel, slotLines } from './notary-slot-label.js';
import {
  holdNotarySlot,
  loadNotarySlots,
  releaseNotarySlotHold,
  type HoldOutcome,
  type SlotsOutcome,
} from './notary-slots-data.js';
import './notary-interview-messages.js';

/** What she picked: now, the phone, or a slot by its id. */
type Choice = { kind: 'now' } | { kind: 'phone' } | { kind: 'slot'; slotId: string };

/** Why the last 下一步 did not hold the seat. */
type Notice = 'taken' | 'failed';

const SPINNER_DELAY_MS = 250;

/**
 * @summary The notary's video interview: the office's free slots of the next working days as big
 * buttons in China time (12月9日 星期三 上午 9:30), paged with 上一页 / 下一页; "现在就和公证员视频"
 * when a notary is online; "公证处将电话联系您预约" when there are no slots or the centre cannot be
 * reached. 下一步 on a slot holds its seat through the agent; a seat someone else just took is said in
 * plain words and the list is loaded again. Coming back to the step keeps the seat already held. A hold
 * that answers after she left the step (上一步, 首页, the end of the visit) is released at once.
 * @fires kiosk-notarization-answer - interviewChosen | back
 */
@customElement('kiosk-notarization-interview')
export class KioskNotarizationInterview extends NotarizationStepBase {
  static override styles = [
    ...NotarizationStepBase.styles,
    css`
      .wrap {
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
        height: 100%;
        min-height: 0;
      }
      .wrap > p {
        margin: 0;
      }
      .choices {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 0.75rem;
      }
      .choices .card {
        align-items: center;
        justify-content: center;
        text-align: center;
      }
      kiosk-pager {
        flex: 1 1 0;
        min-height: 0;
        --kiosk-pager-columns: 3;
        --kiosk-pager-gap: 0.75rem;
      }
      @media (orientation: portrait) {
        kiosk-pager {
          --kiosk-pager-columns: 2;
        }
      }
      /* Two lines that never wrap (date, then time), so every row of the pager has one height. */
      .slot {
        display: block;
        /* Not the 64 px minimum: the pager's grid would shrink its rows to it; two lines are taller. */
        min-height: auto;
        background: var(--kiosk-bg);
        color: var(--kiosk-text);
        border: 0.15rem solid var(--kiosk-border);
        padding: 0.5rem 0.75rem;
      }
      .slot span.line {
        display: block;
        white-space: nowrap;
      }
      .slot[aria-pressed='true'],
      .choices .card[aria-pressed='true'] {
        background: var(--kiosk-primary);
        color: var(--kiosk-on-primary);
      }
    `,
  ];

  /** The county's office publishes slots through the centre (content/notarization/counties). */
  @property({ type: Boolean, attribute: 'with-slots' }) withSlots = false;

  @state() private _choice: Choice | null = null;
  @state() private _notice: Notice | null = null;
  @state() private _loadRound = 0;
  /** The list has been loading for longer than the spinner delay. */
  @state() private _slow = false;
  private _slowTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly _slots = new Task(this, {
    task: async ([, withSlots]: [number, boolean], { signal }): Promise<SlotsOutcome> => {
      const out = await loadNotarySlots(signal);
      return out.kind === 'slots' && !withSlots ? { ...out, slots: [] } : out;
    },
    args: () => [this._loadRound, this.withSlots] as [number, boolean],
    onComplete: (out) => this._loaded(out),
    onError: () => this._loaded({ kind: 'unreachable' }),
  });

  private readonly _hold = new Task(this, {
    autoRun: false,
    task: async ([slotId]: [string], { signal }): Promise<HoldOutcome> => holdNotarySlot(slotId, signal),
    onComplete: (out) => this._held(out),
    onError: () => this._held({ kind: 'failed' }),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    const prev = this.answers.interview;
    this._choice = prev?.kind === 'slot' ? { kind: 'slot', slotId: prev.slotId } : (prev ?? null);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._slowTimer);
    this._slots.abort();
    // Not the hold: the centre may take the seat anyway, so its answer is awaited and the seat released.
  }

  override firstUpdated(): void {
    this._startSpinnerClock();
  }

  private _startSpinnerClock(): void {
    this._slow = false;
    clearTimeout(this._slowTimer);
    this._slowTimer = setTimeout(() => {
      if (this._slots.status !== TaskStatus.PENDING) return;
      this._slow = true;
      this._visit?.speak('notaryInterview.slots.loading');
    }, SPINNER_DELAY_MS);
  }

  private _reload(): void {
    this._loadRound++;
    this._startSpinnerClock();
  }

  /** The seat held before (she came back from the review): shown first, even when now full. */
  private _heldBefore(): Extract<InterviewChoice, { kind: 'slot' }> | null {
    const prev = this.answers.interview;
    return prev?.kind === 'slot' ? prev : null;
  }

  private _offered(out: SlotsOutcome | undefined): IntakeNotarySlot[] {
    const list = out?.kind === 'slots' ? out.slots : [];
    const held = this._heldBefore();
    if (!held || list.some((s) => s.slotId === held.slotId)) return list;
    return [{ slotId: held.slotId, startsAt: held.slot, lengthMin: held.lengthMin, free: 1 }, ...list];
  }

  private _online(out: SlotsOutcome | undefined): boolean {
    return out?.kind === 'slots' && out.notariesOnline > 0;
  }

  private _loaded(out: SlotsOutcome): void {
    clearTimeout(this._slowTimer);
    this._slow = false;
    const offered = this._offered(out);
    const online = this._online(out);
    const c = this._choice;
    // A choice that is no longer offered is dropped (the seat went, the notary went offline).
    if (c?.kind === 'slot' && !offered.some((s) => s.slotId === c.slotId)) this._choice = null;
    if (c?.kind === 'now' && !online) this._choice = null;
    // Nothing else to choose: the office phones her, already chosen; 下一步 goes on.
    if (!offered.length && !online) this._choice = { kind: 'phone' };
    if (this._notice) return; // the notice is spoken; the new list is on screen
    this._visit?.speak(this._statusKey(out, offered, online));
  }

  private _held(out: HoldOutcome): void {
    if (!this.isConnected) {
      if (out.kind === 'held') void releaseNotarySlotHold(out.hold.holdId);
      return;
    }
    if (out.kind === 'held') {
      const h = out.hold;
      this._emit({
        type: 'interviewChosen',
        choice: { kind: 'slot', slot: h.startsAt, slotId: h.slotId, holdId: h.holdId, lengthMin: h.lengthMin },
      });
      return;
    }
    this._notice = out.kind;
    this._choice = null;
    this._visit?.speak(out.kind === 'taken' ? 'notaryInterview.slots.taken' : 'notaryInterview.slots.failed');
    this._reload();
  }

  private _statusKey(out: SlotsOutcome | undefined, offered: IntakeNotarySlot[], online: boolean): MessageKey {
    if (out?.kind === 'unreachable') return 'notaryInterview.slots.unreachableVoice';
    if (offered.length) return online ? 'notaryInterview.slots.nowVoice' : 'notaryInterview.slots.voice';
    return online ? 'notarization.steps.interview.voice' : 'notaryInterview.slots.noneVoice';
  }

  private _pick(choice: Choice): void {
    if (this._hold.status === TaskStatus.PENDING) return;
    this._choice = choice;
    this._notice = null;
  }

  protected _next(): void {
    const c = this._choice;
    if (!c || this._hold.status === TaskStatus.PENDING) return;
    if (c.kind !== 'slot') {
      this._emit({ type: 'interviewChosen', choice: c });
      return;
    }
    const held = this._heldBefore();
    if (held?.slotId === c.slotId) {
      this._emit({ type: 'interviewChosen', choice: held });
      return;
    }
    this._visit?.speak('notaryInterview.slots.holding');
    void this._hold.run([c.slotId]);
  }

  private _statusLine(out: SlotsOutcome | undefined, offered: IntakeNotarySlot[], online: boolean): TemplateResult {
    const t = this._t;
    if (this._hold.status === TaskStatus.PENDING)
      return html`<p role="status">${say(t, 'notaryInterview.slots.holding')}</p>`;
    if (this._notice)
      return html`<p class="error" role="alert" data-notice=${this._notice}>
        ${say(t, this._notice === 'taken' ? 'notaryInterview.slots.taken' : 'notaryInterview.slots.failed')}
      </p>`;
    if (!out)
      return html`<p role="status">
        ${this._slow ? say(t, 'notaryInterview.slots.loading') : say(t, 'notarization.steps.interview.body')}
      </p>`;
    if (out.kind === 'unreachable')
      return html`<p role="status" data-status="unreachable">${say(t, 'notaryInterview.slots.unreachable')}</p>`;
    if (!offered.length && !online)
      return html`<p role="status" data-status="none">${say(t, 'notaryInterview.slots.none')}</p>`;
    return html`<p>${say(t, 'notarization.steps.interview.body')}</p>`;
  }

  private _slotButton(s: IntakeNotarySlot): TemplateResult {
    const c = this._choice;
    const label = slotLabel(this._t, s.startsAt);
    const parts = slotLines(this._t, s.startsAt);
    return html`<button
      type="button"
      class="slot"
      data-slot=${s.slotId}
      data-say-text=${label}
      aria-pressed=${String(c?.kind === 'slot' && c.slotId === s.slotId)}
      @click=${() => this._pick({ kind: 'slot', slotId: s.slotId })}
    >
      <span class="line">${textRuns(parts.date)}</span>
      <span class="line">${textRuns(parts.time)}</span>
    </button>`;
  }

  override render() {
    const t = this._t;
    // The last answer stays on screen while the list is loaded again after a refused hold.
    const out = this._slots.value;
    const offered = this._offered(out);
    const online = this._online(out);
    const c = this._choice;
    return html`<kiosk-step
      heading-key="notarization.steps.interview.title"
      ?next-disabled=${!c || this._hold.status === TaskStatus.PENDING}
      missing-key="notaryInterview.slots.missing"
      @kiosk-step-done=${this._onStepDone}
    >
      <div class="wrap">
        ${this._statusLine(out, offered, online)}
        <div class="choices">
          ${
            online
              ? html`<button
                  type="button"
                  class="card"
                  data-choice="now"
                  aria-pressed=${String(c?.kind === 'now')}
                  @click=${() => this._pick({ kind: 'now' })}
                >
                  <span>${t('notarization.steps.interview.now')}</span>
                </button>`
              : null
          }
          ${
            out
              ? html`<button
                  type="button"
                  class="card"
                  data-choice="phone"
                  aria-pressed=${String(c?.kind === 'phone')}
                  @click=${() => this._pick({ kind: 'phone' })}
                >
                  <span>${t('notarization.steps.interview.phone')}</span>
                </button>`
              : null
          }
        </div>
        ${
          offered.length
            ? html`<p>${say(t, 'notaryInterview.slots.or')}</p>
                <kiosk-pager>${offered.map((s) => this._slotButton(s))}</kiosk-pager>`
            : null
        }
      </div>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-notarization-interview': KioskNotarizationInterview;
  }
}

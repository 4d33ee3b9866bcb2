import { consume } from '@lit/context';
import { css, html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { localizeContext, uiConfigContext, visitContext, type VisitApi } from '../context/contexts.js';
import { sendRating } from '../data/rating.js';
import { DEFAULT_UI_CONFIG, type UiConfig } from '../data/ui-config.js';
import '../components/kiosk-satisfaction.js';
import type { KioskSatisfactionRateEvent } from '../events/kiosk-satisfaction-rate.js';
import { assessEligibility } from '../eligibility/engine.js';
import { exemptGroupsFor, mattersFor } from '../eligibility/catalogue.js';
import type { KioskBackRequestEvent } from '../events/kiosk-back-request.js';
import { KioskFlowExitEvent } from '../events/kiosk-flow-exit.js';
import {
  COUNTED_STEPS,
  initialLegalAidState,
  nextFlow,
  type LegalAidEvent,
  type LegalAidFlowState,
} from '../flows/legal-aid-machine.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { tokens } from '../styles/tokens.js';
import type { LegalAidAnswerEvent } from './legal-aid-answer-event.js';
import { LegalAidEffects } from './legal-aid-effects.js';
import { countyRulesFor, LEGAL_AID_RULES } from './legal-aid-rules.js';
import { birthDateFor, decide } from './legal-aid-submission.js';
import { ageOn } from '../eligibility/engine.js';
import './legal-aid-steps.js';

/**
 * @summary The legal-aid application (法律援助法): the one owner of the flow state (style R3). Feeds
 * the steps' events into the pure `nextFlow`, runs the submission and the receipt printing, and
 * leaves through `kiosk-flow-exit`.
 * @fires kiosk-flow-exit - home (declined, or back from the first step) | done (完成)
 */
@customElement('kiosk-legal-aid-flow')
export class KioskLegalAidFlow extends LitElement {
  static override styles = [
    tokens,
    css`
      /* The step fills what the header leaves (a screen, not a page: DESIGN §9). */
      :host {
        display: flex;
        flex-direction: column;
        height: 100%;
        min-height: 0;
        box-sizing: border-box;
      }
      .progress {
        font-size: var(--kiosk-font-body);
        color: #1f2937;
        margin: 0 0 0.25rem;
      }
      /* Landscape: "第n步，共m步" at the right of the step's heading row, not a row of its own. */
      @media (orientation: landscape) {
        :host {
          position: relative;
        }
        .progress {
          position: absolute;
          top: 0;
          right: 0;
          margin: 0;
          line-height: calc(var(--kiosk-font-heading) * 1.3);
        }
      }
      .step {
        flex: 1 1 auto;
        min-height: 0;
      }
    `,
  ];

  @consume({ context: localizeContext, subscribe: true })
  @state()
  private _t: Localize = createLocalize();

  @consume({ context: uiConfigContext, subscribe: true })
  @state()
  private _config: UiConfig = DEFAULT_UI_CONFIG;

  @consume({ context: visitContext, subscribe: true })
  @state()
  private _visit: VisitApi | undefined;

  @state() private _flow: LegalAidFlowState = initialLegalAidState();
  /** 好差评 answered (or skipped) on the way to 办完了; the score goes out as a count only. */
  @state() private _rated = false;

  /** Increases at every transition so each step mounts fresh (no stale internal state: R5). */
  private _round = 0;
  private readonly _effects = new LegalAidEffects(this, {
    dispatch: (e) => this._dispatch(e),
    current: () => this._flow,
    context: () => ({ t: this._t, rules: LEGAL_AID_RULES, county: this._county(), visit: this._visit }),
  });
  private _unsubscribeVisitEnd: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('kiosk-legal-aid-answer', this._onAnswer);
    this.addEventListener('kiosk-back-request', this._onBackRequest);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('kiosk-legal-aid-answer', this._onAnswer);
    this.removeEventListener('kiosk-back-request', this._onBackRequest);
    this._unsubscribeVisitEnd?.();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('_visit') && this._visit) {
      this._unsubscribeVisitEnd?.();
      this._unsubscribeVisitEnd = this._visit.onVisitEnd(() => this._dispatch({ type: 'reset' }));
    }
  }

  protected override updated(changed: PropertyValues): void {
    const previous = changed.get('_flow') as LegalAidFlowState | undefined;
    if (changed.has('_flow')) {
      if (this._flow.step === 'exited') this.dispatchEvent(new KioskFlowExitEvent('home'));
      this._effects.onTransition(previous, this._flow);
    }
  }

  private _county() {
    return countyRulesFor(this._config.county);
  }

  private _dispatch(event: LegalAidEvent): void {
    const next = nextFlow(this._flow, event);
    if (next === this._flow) return;
    if (next.step !== this._flow.step) this._round++;
    this._flow = next;
  }

  private readonly _onAnswer = (e: LegalAidAnswerEvent): void => {
    e.stopPropagation();
    if (e.detail.type === 'finished' && this._flow.step === 'done') {
      this.dispatchEvent(new KioskFlowExitEvent('done'));
      return;
    }
    this._dispatch(e.detail);
  };

  /** The shell's 返回: step back inside the flow; on the first step let the shell leave. */
  private readonly _onBackRequest = (e: KioskBackRequestEvent): void => {
    const next = nextFlow(this._flow, { type: 'back' });
    if (next.step === 'exited') return;
    e.preventDefault();
    this._dispatch({ type: 'back' });
  };

  private _progress(): TemplateResult | null {
    const i = COUNTED_STEPS.indexOf(this._flow.step);
    if (i < 0) return null;
    return html`<p class="progress">${this._t('legalAid.progress', { step: i + 1, total: COUNTED_STEPS.length })}</p>`;
  }

  private _step(): TemplateResult | null {
    const f = this._flow;
    const a = f.answers;
    const rules = LEGAL_AID_RULES;
    const county = this._county();
    const decision = decide(rules, county, a, new Date());
    switch (f.step) {
      case 'consent':
      case 'declined':
        return html`<kiosk-legal-aid-consent
          .answers=${a}
          ?declined=${f.step === 'declined'}
          .hotline=${this._config.hotline.number}
        ></kiosk-legal-aid-consent>`;
      case 'idCard':
        return html`<kiosk-legal-aid-id-card .answers=${a}></kiosk-legal-aid-id-card>`;
      case 'manualId':
        return html`<kiosk-legal-aid-manual-id .answers=${a}></kiosk-legal-aid-manual-id>`;
      case 'phone':
        return html`<kiosk-legal-aid-phone .answers=${a}></kiosk-legal-aid-phone>`;
      case 'matter':
        return html`<kiosk-legal-aid-matter
          .answers=${a}
          .matters=${mattersFor(rules, county)}
        ></kiosk-legal-aid-matter>`;
      case 'details':
        return html`<kiosk-legal-aid-details
          .answers=${a}
          .phrases=${[...(rules.phrases.byMatter[a.matterId ?? ''] ?? []), ...rules.phrases.common]}
        ></kiosk-legal-aid-details>`;
      case 'circumstances': {
        const base = decide(rules, county, { ...a, circumstances: [] }, new Date());
        const applicable = rules.noEconomicTest
          .map((c) => c.id)
          .filter(
            (id) => decide(rules, county, { ...a, circumstances: [id] }, new Date()).economic.kind === 'noEconomicTest',
          );
        return html`<kiosk-legal-aid-circumstances
          .answers=${a}
          .circumstances=${rules.noEconomicTest.map((c) => c.id)}
          .applicable=${applicable}
          ?matter-exempt=${base.economic.kind === 'noEconomicTest'}
        ></kiosk-legal-aid-circumstances>`;
      }
      case 'group': {
        const birth = birthDateFor(a);
        const age = birth ? ageOn(birth, new Date()) : undefined;
        const groups = exemptGroupsFor(rules, county).map((g) => ({
          id: g.id,
          exempt:
            assessEligibility(rules, county, {
              matterId: a.matterId ?? 'other',
              circumstances: [],
              exemptGroupId: g.id,
              ...(age === undefined ? {} : { age }),
              deadlineSoon: false,
              preservationNeeded: false,
              stage: 'notStarted',
            }).economic.kind === 'checkExempt',
        }));
        return html`<kiosk-legal-aid-group .answers=${a} .groups=${groups}></kiosk-legal-aid-group>`;
      }
      case 'pledge':
        return html`<kiosk-legal-aid-pledge
          .answers=${a}
          max-fine=${rules.pledge.maxFineYuan}
        ></kiosk-legal-aid-pledge>`;
      case 'urgency':
        return html`<kiosk-legal-aid-urgency .answers=${a}></kiosk-legal-aid-urgency>`;
      case 'assessment':
        return html`<kiosk-legal-aid-assessment .answers=${a} .decision=${decision}></kiosk-legal-aid-assessment>`;
      case 'documents': {
        const materials = decision.materials.filter((m) => !(m === 'idCard' && a.identity?.source === 'card'));
        return html`<kiosk-legal-aid-documents .answers=${a} .materials=${materials}></kiosk-legal-aid-documents>`;
      }
      case 'review':
        return html`<kiosk-legal-aid-review .answers=${a} .decision=${decision}></kiosk-legal-aid-review>`;
      case 'signature':
        return html`<kiosk-legal-aid-signature .answers=${a}></kiosk-legal-aid-signature>`;
      case 'submitting':
        return html`<kiosk-legal-aid-submitting
          .answers=${a}
          ?failed=${f.submitError}
          .reason=${f.submitReason}
          .hotline=${this._config.hotline.number}
        ></kiosk-legal-aid-submitting>`;
      case 'receipt':
        return html`<kiosk-legal-aid-receipt
          .answers=${a}
          .submission=${f.submission}
          .print=${f.print}
          decide-days=${decision.decision.decideDays}
        ></kiosk-legal-aid-receipt>`;
      case 'done':
        return this._rated
          ? html`<kiosk-legal-aid-done .answers=${a}></kiosk-legal-aid-done>`
          : html`<kiosk-satisfaction
              @kiosk-satisfaction-rate=${(e: KioskSatisfactionRateEvent) => {
                e.stopPropagation();
                if (e.score !== null) void sendRating('legalAid', e.score);
                this._rated = true;
              }}
            ></kiosk-satisfaction>`;
      case 'exited':
        return null;
      default: {
        const never: never = f.step;
        return never;
      }
    }
  }

  override render() {
    return html`${this._progress()}
      <div class="step">${keyed(this._round, this._step())}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-legal-aid-flow': KioskLegalAidFlow;
  }
}

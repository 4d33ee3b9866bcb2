import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { EligibilityDecision } from '../eligibility/types.js';
import { say } from '../i18n/say.js';
import '../components/kiosk-step.js';
import { basisText, explainDecision } from './legal-aid-explain.js';
import { legalAidKey } from './legal-aid-messages.js';
import { LegalAidStepBase } from './legal-aid-step-base.js';

/**
 * @summary What the eligibility engine found, in plain words: it never refuses; it says what the
 * legal-aid office will check and which materials to photograph. Opening it speaks one short line
 * (≤ 20 s); each sentence is read when tapped. The articles are shown small and read only when
 * asked (依据).
 * @fires kiosk-legal-aid-answer - assessmentSeen | back
 */
@customElement('kiosk-legal-aid-assessment')
export class KioskLegalAidAssessment extends LegalAidStepBase {
  static override styles = [
    ...LegalAidStepBase.styles,
    css`
      ul {
        margin: 0 0 1rem;
        padding-left: 1.5em;
      }
      .basis {
        display: block;
        color: #1f2937;
        /* As small as the text floor allows (28 px, accessibility.md §2): a note, not the message. */
        font-size: var(--kiosk-font-body);
        font-weight: 400;
      }
      h2 {
        font-size: calc(2.25rem * var(--kiosk-text-scale, 1));
      }
    `,
  ];

  @property({ attribute: false }) decision: EligibilityDecision | null = null;

  override firstUpdated(): void {
    this._visit?.speak('legalAid.steps.assessment.voice');
  }

  /** 依据: the articles, read only when asked. */
  private _speakBasis(): void {
    if (!this.decision) return;
    const t = this._t;
    const articles = explainDecision(this.decision, t)
      .filter((s) => s.basis.length)
      .map((s) => basisText(s.basis, t));
    this._visit?.speakText([...new Set(articles)].join('；'));
  }

  protected _next(): void {
    this._emit({ type: 'assessmentSeen' });
  }

  override render() {
    const t = this._t;
    const d = this.decision;
    if (!d) return null;
    return html`<kiosk-step heading-key="legalAid.steps.assessment.title" @kiosk-step-done=${this._onStepDone}>
      <ul data-decision>
        ${explainDecision(d, t).map(
          (s) =>
            html`<li>
              ${say(t, s.key, s.params)}${
                s.basis.length ? html`<span class="basis">${basisText(s.basis, t)}</span>` : null
              }
            </li>`,
        )}
      </ul>
      <h2>${t('legalAid.steps.assessment.checksLabel')}</h2>
      <ul>
        ${d.centreChecks.map((c) => html`<li>${say(t, legalAidKey(`decision.checks.${c}`))}</li>`)}
      </ul>
      <h2>${t('legalAid.steps.assessment.materialsLabel')}</h2>
      <ul>
        ${d.materials.map((m) => html`<li>${say(t, legalAidKey(`material.${m}`))}</li>`)}
      </ul>
      <button slot="actions" type="button" class="secondary" @click=${() => this._speakBasis()}>
        ${t('legalAid.steps.assessment.basisLabel')}
      </button>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-legal-aid-assessment': KioskLegalAidAssessment;
  }
}

import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { EligibilityDecision } from '../eligibility/types.js';
import '../components/kiosk-step.js';
import { basisText, explainDecision } from './legal-aid-explain.js';
import { legalAidKey } from './legal-aid-messages.js';
import { LegalAidStepBase } from './legal-aid-step-base.js';

/**
 * @summary What the eligibility engine found, in plain words with the articles, read aloud: it never
 * refuses; it says what the legal-aid office will check and which materials to photograph.
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
      }
      h2 {
        font-size: calc(2.25rem * var(--kiosk-text-scale, 1));
      }
    `,
  ];

  @property({ attribute: false }) decision: EligibilityDecision | null = null;

  override firstUpdated(): void {
    this._speakAll();
  }

  private _speakAll(): void {
    if (!this.decision) return;
    const t = this._t;
    const text = explainDecision(this.decision, t)
      .map((s) => t(s.key, s.params))
      .join('');
    this._visit?.speakText(`${t('legalAid.steps.assessment.voice')}${text}`);
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
              ${t(s.key, s.params)}${s.basis.length ? html`<span class="basis">${basisText(s.basis, t)}</span>` : null}
            </li>`,
        )}
      </ul>
      <h2>${t('legalAid.steps.assessment.checksLabel')}</h2>
      <ul>
        ${d.centreChecks.map((c) => html`<li>${t(legalAidKey(`decision.checks.${c}`))}</li>`)}
      </ul>
      <h2>${t('legalAid.steps.assessment.materialsLabel')}</h2>
      <ul>
        ${d.materials.map((m) => html`<li>${t(legalAidKey(`material.${m}`))}</li>`)}
      </ul>
      <button slot="actions" type="button" class="secondary" @click=${() => this._speakAll()}>
        ${t('legalAid.nav.listen')}
      </button>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-legal-aid-assessment': KioskLegalAidAssessment;
  }
}

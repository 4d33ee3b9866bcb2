import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { EligibilityDecision } from '../eligibility/types.js';
import { say } from '../i18n/say.js';
import '../components/kiosk-pager.js';
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
      /* Reading only, so paged (上一页 / 下一页) when it does not fit (issue 15): one item a child. */
      .item {
        margin: 0 0 0.5rem;
        padding-left: 1.2em;
        text-indent: -1.2em;
      }
      .item::before {
        content: '•';
        display: inline-block;
        width: 1.2em;
        text-indent: 0;
      }
      .basis {
        display: block;
        text-indent: 0;
        color: #1f2937;
        /* As small as the text floor allows (28 px, accessibility.md §2): a note, not the message. */
        font-size: var(--kiosk-font-body);
        font-weight: 400;
      }
      h2 {
        font-size: calc(2.25rem * var(--kiosk-text-scale, 1));
        margin: 0.5rem 0;
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
      <kiosk-pager data-decision>
        ${explainDecision(d, t).map(
          (s) =>
            html`<p class="item">
              ${say(t, s.key, s.params)}${
                s.basis.length ? html`<span class="basis">${basisText(s.basis, t)}</span>` : null
              }
            </p>`,
        )}
        <h2>${t('legalAid.steps.assessment.checksLabel')}</h2>
        ${d.centreChecks.map((c) => html`<p class="item">${say(t, legalAidKey(`decision.checks.${c}`))}</p>`)}
        <h2>${t('legalAid.steps.assessment.materialsLabel')}</h2>
        ${d.materials.map((m) => html`<p class="item">${say(t, legalAidKey(`material.${m}`))}</p>`)}
      </kiosk-pager>
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

import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import { LegalAidStepBase } from './legal-aid-step-base.js';
import { legalAidKey } from './legal-aid-messages.js';
import { matterIcon } from './matter-icons.js';

export interface MatterChoice {
  id: string;
  icon: string;
}

/**
 * @summary The matter as large picture buttons (the county's list, content/legal-aid), plus 其他事情.
 * One tap chooses and moves on; the label is spoken on the way.
 * @fires kiosk-legal-aid-answer - matterChosen | back
 */
@customElement('kiosk-legal-aid-matter')
export class KioskLegalAidMatter extends LegalAidStepBase {
  static override styles = [
    ...LegalAidStepBase.styles,
    css`
      .grid {
        display: grid;
        grid-template-columns: repeat(4, 1fr);
        gap: var(--kiosk-gap);
      }
      .grid button {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 0.25rem;
        padding: 0.75rem;
        min-height: 8rem;
        background: var(--kiosk-bg);
        border: 0.15rem solid var(--kiosk-border);
      }
      .grid button[aria-pressed='true'] {
        background: var(--kiosk-primary);
        color: var(--kiosk-on-primary);
      }
      svg {
        width: 4rem;
        height: 4rem;
      }
    `,
  ];

  @property({ attribute: false }) matters: MatterChoice[] = [];

  override firstUpdated(): void {
    this._visit?.speak('legalAid.steps.matter.voice');
  }

  protected _next(): void {
    if (this.answers.matterId) this._emit({ type: 'matterChosen', matterId: this.answers.matterId });
    else this._visit?.speak('legalAid.steps.matter.voice');
  }

  private _choose(id: string): void {
    this._visit?.speak(legalAidKey(`matter.${id}.spoken`));
    this._emit({ type: 'matterChosen', matterId: id });
  }

  override render() {
    const t = this._t;
    const all = [...this.matters, { id: 'other', icon: 'question' }];
    return html`<kiosk-step
      heading-key="legalAid.steps.matter.title"
      ?without-next=${!this.answers.matterId}
      @kiosk-step-done=${this._onStepDone}
    >
      <div class="grid" role="group" aria-label=${t('legalAid.steps.matter.title')}>
        ${all.map(
          (m) =>
            html`<button
              type="button"
              aria-pressed=${String(this.answers.matterId === m.id)}
              data-matter=${m.id}
              @click=${() => this._choose(m.id)}
            >
              ${matterIcon(m.icon)}<span>${t(legalAidKey(`matter.${m.id}.label`))}</span>
            </button>`,
        )}
      </div>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-legal-aid-matter': KioskLegalAidMatter;
  }
}

import { css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
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
 * Like every single-choice question: a tap highlights (and speaks the label), 下一步 confirms.
 * @fires kiosk-legal-aid-answer - matterChosen | back
 */
@customElement('kiosk-legal-aid-matter')
export class KioskLegalAidMatter extends LegalAidStepBase {
  static override styles = [
    ...LegalAidStepBase.styles,
    css`
      /* The tiles share the content area's height (rows of 1fr): the icons shrink before anything
         overflows, and in portrait the tiles grow into the full height (issue 15). */
      .grid {
        display: grid;
        grid-template-columns: repeat(4, minmax(0, 1fr));
        grid-auto-rows: minmax(var(--kiosk-target), 1fr);
        gap: 0.75rem var(--kiosk-gap);
        height: 100%;
      }
      .grid button {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 0.25rem;
        padding: 0.25rem 0.5rem;
        min-height: var(--kiosk-target);
        line-height: 1.25;
        background: var(--kiosk-bg);
        border: 0.15rem solid var(--kiosk-border);
      }
      .grid button[aria-pressed='true'] {
        background: var(--kiosk-primary);
        color: var(--kiosk-on-primary);
      }
      svg {
        flex: 0 1 4rem;
        min-height: 0;
        width: 4rem;
        max-height: 4rem;
      }
      @media (orientation: portrait) {
        .grid {
          grid-template-columns: repeat(3, minmax(0, 1fr));
        }
        svg {
          flex-basis: 6rem;
          width: 6rem;
          max-height: 6rem;
        }
      }
    `,
  ];

  @property({ attribute: false }) matters: MatterChoice[] = [];

  @state() private _picked: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this._picked = this.answers.matterId;
  }

  override firstUpdated(): void {
    this._visit?.speak('legalAid.steps.matter.voice');
  }

  protected _next(): void {
    if (this._picked) this._emit({ type: 'matterChosen', matterId: this._picked });
  }

  private _choose(id: string): void {
    this._visit?.speak(legalAidKey(`matter.${id}.spoken`));
    this._picked = id;
  }

  override render() {
    const t = this._t;
    const all = [...this.matters, { id: 'other', icon: 'question' }];
    return html`<kiosk-step
      heading-key="legalAid.steps.matter.title"
      ?next-disabled=${!this._picked}
      @kiosk-step-done=${this._onStepDone}
    >
      <div class="grid" role="group" aria-label=${t('legalAid.steps.matter.title')}>
        ${all.map(
          (m) =>
            html`<button
              type="button"
              aria-pressed=${String(this._picked === m.id)}
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

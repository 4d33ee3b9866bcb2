import { css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { say } from '../i18n/say.js';
import '../components/kiosk-step.js';
import { legalAidKey } from './legal-aid-messages.js';
import { LegalAidStepBase } from './legal-aid-step-base.js';
import { toggleStyles } from './legal-aid-toggle-styles.js';

export interface GroupChoice {
  id: string;
  /** The engine says this group spares the hardship check for this matter and age. */
  exempt: boolean;
}

/**
 * @summary Art. 42: the groups spared the hardship check (statute seed list + county additions),
 * or 以上都不是 (→ Art. 41 pledge): a tap highlights, 下一步 confirms; nothing is preselected.
 * @fires kiosk-legal-aid-answer - groupChosen | back
 */
@customElement('kiosk-legal-aid-group')
export class KioskLegalAidGroup extends LegalAidStepBase {
  static override styles = [
    ...LegalAidStepBase.styles,
    toggleStyles,
    css`
      /* Two columns, so 以上都不是 (the answer the voice asks for) is on screen with the rest. */
      .options {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
      p {
        margin-bottom: 0.75rem;
      }
    `,
  ];

  @property({ attribute: false }) groups: GroupChoice[] = [];

  @state() private _picked: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this._picked = this.answers.exemptGroupId;
  }

  override firstUpdated(): void {
    this._visit?.speak('legalAid.steps.group.voice');
  }

  protected _next(): void {
    const id = this._picked;
    if (!id) return;
    const exempt = this.groups.find((g) => g.id === id)?.exempt ?? false;
    this._emit({ type: 'groupChosen', groupId: id, exempt });
  }

  override render() {
    const t = this._t;
    const picked = this._picked;
    const choose = (id: string) => () => (this._picked = id);
    return html`<kiosk-step
      heading-key="legalAid.steps.group.title"
      ?next-disabled=${!picked}
      @kiosk-step-done=${this._onStepDone}
    >
      <p>${say(t, 'legalAid.steps.group.body')}</p>
      <div class="options" role="group" aria-label=${t('legalAid.steps.group.title')}>
        ${this.groups.map(
          (g) =>
            html`<button type="button" aria-pressed=${String(picked === g.id)} @click=${choose(g.id)}>
              ${t(legalAidKey(`group.${g.id}`))}
            </button>`,
        )}
        <button type="button" aria-pressed=${String(picked === 'none')} @click=${choose('none')}>
          ${t('legalAid.steps.group.none')}
        </button>
      </div>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-legal-aid-group': KioskLegalAidGroup;
  }
}

import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import type { UseWhere } from '../flows/notarization-machine.js';
import { say } from '../i18n/say.js';
import { notarizationKey } from './notarization-messages.js';
import { NotarizationStepBase } from './notarization-step-base.js';

export const USES = ['study', 'work', 'settle', 'pension', 'bank', 'court', 'other'] as const;
export const COUNTRIES = [
  'hongKong',
  'macao',
  'taiwan',
  'usa',
  'canada',
  'uk',
  'australia',
  'japan',
  'korea',
  'singapore',
  'germany',
  'other',
] as const;

/**
 * @summary Where the certificate is used (国内 / 境外) and what for; abroad also asks the country and
 * says that a translation and 附加证明书 or 认证 are needed (公证法 Art 33).
 * @fires kiosk-notarization-answer - purposeChosen | back
 */
@customElement('kiosk-notarization-purpose')
export class KioskNotarizationPurpose extends NotarizationStepBase {
  @state() private _where: UseWhere | null = null;
  @state() private _use: string | null = null;
  @state() private _country: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this._where = this.answers.where;
    this._use = this.answers.use;
    this._country = this.answers.country;
  }

  private _complete(): boolean {
    return Boolean(this._where && this._use && (this._where === 'domestic' || this._country));
  }

  protected _next(): void {
    if (!this._complete() || !this._where || !this._use) return;
    this._emit({ type: 'purposeChosen', where: this._where, use: this._use, country: this._country });
  }

  private _card(label: string, pressed: boolean, onClick: () => void, data = '') {
    return html`<button
      type="button"
      class="card"
      data-choice=${data}
      aria-pressed=${String(pressed)}
      @click=${onClick}
    >
      ${label}
    </button>`;
  }

  override render() {
    const t = this._t;
    const abroad = this._where === 'abroad';
    return html`<kiosk-step
      heading-key="notarization.steps.purpose.title"
      prompt-key="notarization.steps.purpose.prompt"
      ?next-disabled=${!this._complete()}
      missing-key="notarization.steps.purpose.missing"
      @kiosk-step-done=${this._onStepDone}
    >
      <div class="cards" role="group" aria-label=${t('notarization.steps.purpose.whereLabel')}>
        ${this._card(
          t('notarization.steps.purpose.domestic'),
          this._where === 'domestic',
          () => {
            this._where = 'domestic';
            this._country = null;
          },
          'domestic',
        )}
        ${this._card(
          t('notarization.steps.purpose.abroad'),
          abroad,
          () => {
            this._where = 'abroad';
            this._visit?.speak('notarization.steps.purpose.abroadNote');
          },
          'abroad',
        )}
      </div>
      <h2>${t('notarization.steps.purpose.useLabel')}</h2>
      <div class="cards" role="group" aria-label=${t('notarization.steps.purpose.useLabel')}>
        ${USES.map((u) => this._card(t(notarizationKey(`use.${u}`)), this._use === u, () => (this._use = u), u))}
      </div>
      ${
        abroad
          ? html`<p>${say(t, 'notarization.steps.purpose.abroadNote')}</p>
              <h2>${t('notarization.steps.purpose.countryLabel')}</h2>
              <div class="cards" role="group" aria-label=${t('notarization.steps.purpose.countryLabel')}>
                ${COUNTRIES.map((c) =>
                  this._card(t(notarizationKey(`country.${c}`)), this._country === c, () => (this._country = c), c),
                )}
              </div>`
          : null
      }
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-notarization-purpose': KioskNotarizationPurpose;
  }
}

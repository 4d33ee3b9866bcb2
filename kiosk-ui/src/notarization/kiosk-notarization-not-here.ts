import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import { say, sayText } from '../i18n/say.js';
import type { NotarizationMatter, NotaryCounty } from './catalogue.js';
import { notarizationKey } from './notarization-messages.js';
import { NotarizationStepBase } from './notarization-step-base.js';

/**
 * @summary A matter the terminal cannot take: says so, and how to do it instead (the office, a home
 * visit where the catalogue allows it, 12348), with what to bring. Never a dead end: 选别的公证.
 * @fires kiosk-notarization-answer - back
 */
@customElement('kiosk-notarization-not-here')
export class KioskNotarizationNotHere extends NotarizationStepBase {
  @property({ attribute: false }) matter: NotarizationMatter | null = null;
  @property({ attribute: false }) county: NotaryCounty | null = null;
  @property() hotline = '12348';

  override firstUpdated(): void {
    this._visit?.speak('notarization.steps.notHere.voice');
  }

  protected _next(): void {
    this._emit({ type: 'back' });
  }

  override render() {
    const t = this._t;
    const m = this.matter;
    const c = this.county;
    if (!m || !c) return null;
    const matter = t(notarizationKey(`matter.${m.id}.label`));
    const ways = m.instead ?? ['office', 'hotline'];
    return html`<kiosk-step
      heading-key="notarization.steps.notHere.title"
      next-key="notarization.steps.notHere.other"
      without-previous
      @kiosk-step-done=${this._onStepDone}
    >
      <p>${say(t, 'notarization.steps.notHere.body', { matter })}</p>
      <ul>
        ${ways.map((w) =>
          w === 'office'
            ? html`<li>
                ${sayText(t('notarization.steps.notHere.office', { office: c.office, phone: c.officePhone }))}
              </li>`
            : w === 'homeVisit'
              ? html`<li>${say(t, 'notarization.steps.notHere.homeVisit')}</li>`
              : html`<li>${say(t, 'notarization.steps.notHere.hotline', { hotline: this.hotline })}</li>`,
        )}
      </ul>
      <p>
        ${t('notarization.steps.notHere.materials', {
          materials: m.materials.map((x) => t(notarizationKey(`material.${x.id}`))).join('、'),
        })}
      </p>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-notarization-not-here': KioskNotarizationNotHere;
  }
}

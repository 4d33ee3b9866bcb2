// A minimal flow used by the visit tests: reads the ID card through the data layer, shows the
// card's fields, and takes typed text and stored state, like a real flow would.
import { consume } from '@lit/context';
import { html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { IdCardFields } from '@kiosk/contract/kiosk-api';
import { visitContext, type VisitApi } from '../../../kiosk-ui/src/context/contexts.js';
import { runCommand } from '../../../kiosk-ui/src/data/agent-http.js';
import '../../../kiosk-ui/src/inputs/kiosk-digit-pad.js';
import '../../../kiosk-ui/src/inputs/kiosk-pinyin-input.js';

@customElement('kiosk-test-visit-flow')
export class KioskTestVisitFlow extends LitElement {
  @consume({ context: visitContext, subscribe: true })
  @state()
  private _visit: VisitApi | undefined;

  @state() private _card: IdCardFields | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._readCard();
  }

  private async _readCard(): Promise<void> {
    this._visit?.pauseIdle('cardReading');
    const outcome = await runCommand('idcard.read', {});
    this._visit?.resumeIdle('cardReading');
    if (outcome.completionCode === 'success') {
      this._card = outcome.payload as IdCardFields;
      sessionStorage.setItem('draft', JSON.stringify({ name: this._card.name }));
      localStorage.setItem('draft', this._card.idNumber);
      const db = indexedDB.open('visit-drafts');
      db.onupgradeneeded = () => db.result.createObjectStore('drafts');
      db.onsuccess = () => db.result.close();
    }
  }

  override render() {
    return html`<h1>测试办理</h1>
      ${this._card ? html`<p data-card>${this._card.name} ${this._card.idNumber} ${this._card.address}</p>` : null}
      <kiosk-digit-pad name="phone" label="手机号" maxlength="11"></kiosk-digit-pad>
      <kiosk-pinyin-input name="otherParty" label="对方姓名" mode="name"></kiosk-pinyin-input>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-test-visit-flow': KioskTestVisitFlow;
  }
}

import { css, html, LitElement, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import QRCode from 'qrcode';

/**
 * @summary A `tel:` QR code for the hotline, drawn as SVG squares (a phone's camera app offers to
 * dial it). The number comes from the UI config.
 * @cssproperty --kiosk-qr-size - the drawn size (default 12rem)
 */
@customElement('kiosk-tel-qr')
export class KioskTelQr extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
      width: var(--kiosk-qr-size, 12rem);
      height: var(--kiosk-qr-size, 12rem);
      background: #ffffff;
    }
    svg {
      width: 100%;
      height: 100%;
      display: block;
    }
  `;

  /** The number to dial, e.g. 12348. */
  @property() number = '';
  /** What the picture is, for assistive technology. */
  @property() label = '';

  override render() {
    const digits = this.number.replace(/[^0-9+-]/g, '');
    if (!digits) return null;
    const qr = QRCode.create(`tel:${digits}`, { errorCorrectionLevel: 'M' });
    const size = qr.modules.size;
    const quiet = 2;
    const rects = [];
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++)
        if (qr.modules.get(x, y)) rects.push(svg`<rect x=${x + quiet} y=${y + quiet} width="1" height="1" />`);
    return html`<svg
      viewBox="0 0 ${size + quiet * 2} ${size + quiet * 2}"
      role="img"
      aria-label=${this.label}
      shape-rendering="crispEdges"
      fill="#000000"
    >
      ${rects}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-tel-qr': KioskTelQr;
  }
}

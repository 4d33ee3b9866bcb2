import { css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import { matterIcon } from '../legal-aid/matter-icons.js';
import type { DisputeKindSpec } from './mediation-content.js';
import { mediationKey } from './mediation-messages.js';
import { MediationStepBase } from './mediation-step-base.js';

/**
 * @summary What kind of dispute, as large picture buttons (content/mediation/kinds.json). A tap
 * highlights and speaks the label; 下一步 confirms.
 * @fires kiosk-mediation-answer - kindChosen | back
 */
@customElement('kiosk-mediation-kind')
export class KioskMediationKind extends MediationStepBase {
  static override styles = [
    ...MediationStepBase.styles,
    css`
      /* The tiles share the content area's height: the pictures shrink before anything overflows. */
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
        flex: 0 1 5rem;
        min-height: 0;
        width: 5rem;
        max-height: 5rem;
      }
      @media (orientation: portrait) {
        .grid {
          grid-template-columns: repeat(2, minmax(0, 1fr));
        }
      }
    `,
  ];

  @state() private _picked: string | null = null;

  @property({ attribute: false }) kinds: DisputeKindSpec[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this._picked = this.answers.kind;
  }

  override firstUpdated(): void {
    this._visit?.speak('mediation.steps.kind.voice');
  }

  protected _next(): void {
    if (this._picked) this._emit({ type: 'kindChosen', kind: this._picked });
  }

  private _pick(id: string): void {
    this._picked = id;
    this._visit?.speakText(this._t(mediationKey(`kind.${id}`)));
  }

  override render() {
    const t = this._t;
    return html`<kiosk-step
      heading-key="mediation.steps.kind.title"
      ?next-disabled=${!this._picked}
      missing-key="mediation.steps.kind.required"
      @kiosk-step-done=${this._onStepDone}
    >
      <div class="grid" role="group" aria-label=${t('mediation.steps.kind.title')}>
        ${this.kinds.map(
          (k) =>
            html`<button
              type="button"
              data-kind=${k.id}
              aria-pressed=${String(this._picked === k.id)}
              @click=${() => this._pick(k.id)}
            >
              ${matterIcon(k.icon)}<span>${t(mediationKey(`kind.${k.id}`))}</span>
            </button>`,
        )}
      </div>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-mediation-kind': KioskMediationKind;
  }
}

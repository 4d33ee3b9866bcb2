import { css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import '../home-visit/kiosk-home-visit-offer.js';
import type { NotarizationCatalogue, NotarizationMatter, NotaryCounty } from './catalogue.js';
import { mattersOf } from './catalogue.js';
import { textRuns } from '../i18n/say.js';
import { notarizationKey } from './notarization-messages.js';
import { NotarizationStepBase } from './notarization-step-base.js';

/**
 * @summary Pick the matter: big group buttons on the left, the group's matters as big cards on the right
 * (each with its materials count; the in-person and office-only ones say so on the card).
 * @fires kiosk-notarization-answer - matterChosen | back
 */
@customElement('kiosk-notarization-matter')
export class KioskNotarizationMatter extends NotarizationStepBase {
  static override styles = [
    ...NotarizationStepBase.styles,
    css`
      .layout {
        display: grid;
        grid-template-columns: 20rem 1fr;
        gap: 1.5rem;
        height: 100%;
      }
      .groups {
        display: grid;
        align-content: start;
        gap: 0.75rem;
      }
      .tag {
        font-size: var(--kiosk-font-body);
        font-weight: 700;
      }
    `,
  ];

  @property({ attribute: false }) catalogue: NotarizationCatalogue | null = null;
  @property({ attribute: false }) county: NotaryCounty | null = null;
  @state() private _group = '';

  override connectedCallback(): void {
    super.connectedCallback();
    const chosen = this.catalogue?.matters.find((m) => m.id === this.answers.matterId);
    this._group = chosen?.group ?? this.catalogue?.groups[0]?.id ?? '';
  }

  protected _next(): void {
    const m = this.catalogue?.matters.find((x) => x.id === this.answers.matterId);
    if (m) this._choose(m);
  }

  private _choose(m: NotarizationMatter): void {
    this._emit({ type: 'matterChosen', matterId: m.id, remote: m.remote, inPersonOnly: m.inPersonOnly });
  }

  override render() {
    const t = this._t;
    const cat = this.catalogue;
    const county = this.county;
    if (!cat || !county) return null;
    return html`<kiosk-step
      heading-key="notarization.steps.matter.title"
      prompt-key="notarization.steps.matter.prompt"
      without-next
      @kiosk-step-done=${this._onStepDone}
    >
      <div class="layout">
        <div class="groups" role="group" aria-label=${t('notarization.steps.matter.groupsLabel')}>
          ${cat.groups.map(
            (g) =>
              html`<button
                type="button"
                class="card"
                aria-pressed=${String(this._group === g.id)}
                @click=${() => {
                  this._group = g.id;
                  this._visit?.speak(notarizationKey(`group.${g.id}`));
                }}
              >
                ${t(notarizationKey(`group.${g.id}`))}
              </button>`,
          )}
        </div>
        <div class="cards" role="group" aria-label=${t('notarization.steps.matter.mattersLabel')}>
          ${mattersOf(cat, county, this._group).map(
            (m) =>
              html`<button
                type="button"
                class="card"
                data-matter=${m.id}
                aria-pressed=${String(this.answers.matterId === m.id)}
                @click=${() => this._choose(m)}
              >
                <span>${t(notarizationKey(`matter.${m.id}.label`))}</span>
                <small>${t(notarizationKey(`matter.${m.id}.detail`))}</small>
                ${
                  m.remote
                    ? html`<small
                        >${textRuns(t('notarization.steps.matter.materialsCount', { count: m.materials.length }))}</small
                      >`
                    : html`<span class="tag">${t('notarization.steps.matter.notHereTag')}</span>`
                }
                ${m.inPersonOnly && m.remote ? html`<span class="tag">${t('notarization.steps.matter.inPersonTag')}</span>` : null}
              </button>`,
          )}
        </div>
      </div>
      <kiosk-home-visit-offer slot="actions" short source="notarization"></kiosk-home-visit-offer>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-notarization-matter': KioskNotarizationMatter;
  }
}

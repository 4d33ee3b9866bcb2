import { css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SubmissionStatus } from '@kiosk/contract/kiosk-api';
import { printProgress } from '../data/submissions.js';
import '../components/kiosk-pager.js';
import { say, sayText } from '../i18n/say.js';
import { detailLines, spokenDetails } from './progress-details.js';
import { ScreenBase } from './screen-base.js';

/** ISO timestamp → "2026-11-29". */
const day = (iso: string): string => iso.slice(0, 10);

/**
 * @summary 查询进度 by ID card: her submissions on this terminal with their status and the 补充材料
 * list, spoken when shown (no name, no ID number), with 打印 for all of it (progress-status form).
 */
@customElement('kiosk-progress-mine')
export class KioskProgressMine extends ScreenBase {
  static override styles = [
    ...ScreenBase.styles,
    css`
      /* The list pages (上一页 / 下一页) instead of scrolling, in 大字 and portrait too (issue 15). */
      :host {
        display: flex;
        flex-direction: column;
        height: 100%;
        min-height: 0;
      }
      h2 {
        margin: 0 0 0.5rem;
      }
      kiosk-pager {
        flex: 1 1 0;
        min-height: 0;
        --kiosk-pager-columns: 2;
        --kiosk-pager-gap: 0.5rem 1rem;
      }
      @media (orientation: portrait) {
        kiosk-pager {
          --kiosk-pager-columns: 1;
        }
      }
      article {
        background: var(--kiosk-muted-bg);
        border-radius: var(--kiosk-radius);
        padding: 0.5rem 1rem;
      }
      article p {
        margin: 0.125rem 0;
      }
      .state {
        font-weight: 700;
      }
      .actions {
        display: flex;
        gap: 2rem;
        align-items: center;
        margin-top: 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) submissions: SubmissionStatus[] = [];
  @state() private _print: 'idle' | 'printing' | 'printed' | 'failed' = 'idle';
  private _abort: AbortController | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._abort?.abort();
  }

  protected override firstUpdated(_changed: PropertyValues): void {
    this._speak();
  }

  /** Everything on the list in plain words: the count, each kind and state, what is missing. */
  private _speak(): void {
    const t = this._t;
    const list = this.submissions;
    if (!list.length) return this._visit?.speak('progress.card.none');
    const parts = [t('progress.card.spokenCount', { n: list.length })];
    list.forEach((s, i) => {
      parts.push(
        t('progress.card.spokenItem', {
          i: i + 1,
          kind: t(`progress.kinds.${s.kind}`),
          state: t(`progress.states.${s.state}`),
        }),
      );
      if (s.missingMaterials?.length)
        parts.push(t('progress.card.spokenMissing', { list: s.missingMaterials.join('，') }));
      parts.push(spokenDetails(t, s));
    });
    this._visit?.speakText(parts.join(''));
  }

  /** The printed slip: no name, no ID number; one block of rows per submission. */
  private _rows(): Array<{ label: string; value: string }> {
    const t = this._t;
    return this.submissions.flatMap((s) => [
      { label: t('progress.card.receiptNo'), value: s.receiptNo },
      { label: t('progress.kindLabel').slice(0, 12), value: t(`progress.kinds.${s.kind}`) },
      { label: t('progress.submittedAt'), value: day(s.submittedAt) },
      { label: t('progress.resultTitle'), value: t(`progress.states.${s.state}`) },
      ...detailLines(t, s).map((l) => ({ label: t(l.label), value: l.value.slice(0, 200) })),
      ...(s.missingMaterials?.length
        ? [{ label: t('progress.missingMaterials'), value: s.missingMaterials.join('；').slice(0, 200) }]
        : []),
      ...(s.reason ? [{ label: t('progress.reason'), value: s.reason.slice(0, 200) }] : []),
    ]);
  }

  private async _printAll(): Promise<void> {
    this._abort?.abort();
    const abort = new AbortController();
    this._abort = abort;
    this._print = 'printing';
    try {
      const ok = await printProgress(
        { title: this._t('progress.card.printTitle'), rows: this._rows().slice(0, 30) },
        abort.signal,
      );
      this._print = ok ? 'printed' : 'failed';
      this._visit?.speak(ok ? 'progress.card.printed' : 'progress.card.printFailed');
    } catch {
      return;
    }
  }

  override render() {
    const t = this._t;
    const list = this.submissions;
    if (!list.length) return html`<p class="state" role="status">${say(t, 'progress.card.none')}</p>`;
    return html`
      <h2>${say(t, 'progress.card.title')}（${say(t, 'progress.card.count', { n: list.length })}）</h2>
      <kiosk-pager data-mine>
        ${list.map(
          (s) =>
            html`<article data-receipt=${s.receiptNo}>
              <p>${say(t, `progress.kinds.${s.kind}`)} · ${sayText(s.receiptNo)} · ${sayText(day(s.submittedAt))}</p>
              <p class="state" data-state=${s.state}>${say(t, `progress.states.${s.state}`)}</p>
              ${detailLines(t, s).map(
                (l) => html`<p data-detail=${l.label}>${say(t, l.label)}：${sayText(l.value)}</p>`,
              )}
              ${
                s.missingMaterials?.length
                  ? html`<p>${say(t, 'progress.missingMaterials')}：${sayText(s.missingMaterials.join('；'))}</p>`
                  : null
              }
              ${s.reason ? html`<p>${say(t, 'progress.reason')}：${sayText(s.reason)}</p>` : null}
            </article>`,
        )}
      </kiosk-pager>
      <div class="actions">
        <button
          type="button"
          class="primary"
          ?disabled=${this._print === 'printing'}
          @click=${() => void this._printAll()}
        >
          ${t('progress.card.print')}
        </button>
        ${
          this._print === 'idle'
            ? null
            : html`<p role="status">
                ${say(
                  t,
                  this._print === 'printing'
                    ? 'progress.card.printing'
                    : this._print === 'printed'
                      ? 'progress.card.printed'
                      : 'progress.card.printFailed',
                )}
              </p>`
        }
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-progress-mine': KioskProgressMine;
  }
}

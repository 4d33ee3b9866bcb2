import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ApplicationDocument } from '@kiosk/contract/staff-api';
import { documentUrl } from './api.js';
import { formatTime, notarizationLabel, t, type CenterKey } from './i18n.js';
import { consoleStyles } from './styles.js';

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const index = (v: unknown): number | undefined =>
  Number.isInteger(v) && (v as number) >= 0 ? (v as number) : undefined;

/**
 * Which photo is which: the face crop is `liveness.facePhoto` (the kiosk appends it after the
 * materials); the ID card photo is the card's own photo (`identity.cardPhoto`, decoded by the
 * terminal's WLT plugin) or else the photo of the 本人身份证 material (taken when the card was typed,
 * or by a proxy). `cardRead`: the card was read on the reader, so its photo is missing only because the
 * terminal has no decoder.
 */
export function identityPhotos(
  data: Record<string, unknown>,
  photos: readonly ApplicationDocument[],
): { face?: ApplicationDocument; idCard?: ApplicationDocument; fromCard: boolean; cardRead: boolean } {
  const at = (i: number | undefined): ApplicationDocument | undefined =>
    i === undefined ? undefined : photos.find((p) => p.index === i);
  const face = at(index(obj(data['liveness'])['facePhoto']));
  const identity = obj(data['identity']);
  const cardRead = identity['source'] === 'card';
  const card = cardRead ? at(index(identity['cardPhoto'])) : undefined;
  const fromCard = card !== undefined && card !== face;
  const idLabel = notarizationLabel('material.idCard', 'idCard');
  const idCard = fromCard ? card : photos.find((p) => p !== face && p.label === idLabel);
  return { ...(face ? { face } : {}), ...(idCard ? { idCard } : {}), fromCard, cardRead };
}

/**
 * @summary A notarization request as the notary reads it: the matter from the catalogue, purpose and
 * country of use, the applicant (or the family member applying for her), the interview booking, the
 * face crop of the live-person check beside the ID card photo (or why there is none), the materials
 * list and every photo.
 * Everything is text (Lit escapes it).
 */
@customElement('center-notarization-detail')
export class CenterNotarizationDetail extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: 12rem 1fr;
        gap: 0.4rem 1rem;
        margin: 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .pair,
      .photos {
        display: flex;
        flex-wrap: wrap;
        gap: 1.5rem;
        align-items: flex-start;
      }
      figure {
        margin: 0;
      }
      figure img {
        max-width: 18rem;
        max-height: 18rem;
        border: 1px solid #888;
        background: #fff;
      }
      .pair figure img {
        width: 16rem;
        height: 16rem;
        object-fit: contain;
      }
      figcaption {
        font-weight: 600;
      }
      ul {
        margin: 0;
        padding-left: 1.5rem;
      }
      .missing {
        color: #a00000;
      }
    `,
  ];

  /** The centre's id of the request (for the photo URLs). */
  @property() centerId = '';
  /** The request's answers (submission-notarization.schema.json). */
  @property({ attribute: false }) data: Record<string, unknown> = {};
  /** Its documents (photos and signature). */
  @property({ attribute: false }) documents: ApplicationDocument[] = [];

  private _row(label: CenterKey, value: TemplateResult | string): TemplateResult {
    return html`<dt>${t(label)}</dt>
      <dd>${value || t('detail.none')}</dd>`;
  }

  private _booking(): string {
    const b = obj(this.data['booking']);
    if (b['kind'] === 'now') return t('notary.bookingNow');
    if (b['kind'] === 'phone') return t('notary.bookingPhone');
    if (b['kind'] === 'slot' && str(b['slot'])) return t('notary.bookingSlot', { at: formatTime(str(b['slot'])) });
    return '';
  }

  private _request(): TemplateResult {
    const d = this.data;
    const code = str(obj(d['matter'])['code']);
    const abroad = d['where'] === 'abroad';
    return html`<section class="card" aria-labelledby="request">
      <h3 id="request">${t('notary.request')}</h3>
      <dl>
        ${this._row('notary.matter', code ? notarizationLabel(`matter.${code}.label`, code) : '')}
        ${this._row('notary.purpose', str(d['purpose']))}
        ${d['where'] ? this._row('notary.where', t(abroad ? 'notary.abroad' : 'notary.domestic')) : ''}
        ${abroad ? this._row('notary.country', str(d['country'])) : ''} ${this._row('notary.booking', this._booking())}
        ${
          obj(d['consent'])['accepted'] === true
            ? this._row('notary.consent', t('notary.consentAt', { at: formatTime(str(obj(d['consent'])['at'])) }))
            : ''
        }
      </dl>
    </section>`;
  }

  private _applicant(): TemplateResult {
    const a = obj(this.data['applicant']);
    const proxy = obj(this.data['proxy']);
    const relation = str(proxy['relation']);
    return html`<section class="card" aria-labelledby="applicant">
      <h3 id="applicant">${t('notary.applicant')}</h3>
      <dl>
        ${this._row('detail.name', str(a['name']))} ${this._row('detail.idNumber', str(a['idNumber']))}
        ${this._row('detail.phone', str(a['phone']))}
        ${a['address'] ? this._row('detail.address', str(a['address'])) : ''}
        ${this._row(
          'notary.proxy',
          relation
            ? `${t('notary.proxyRelation', { relation: notarizationLabel(`relation.${relation}`, relation) })}；${t('notary.proxyPhotos')}`
            : t('notary.self'),
        )}
      </dl>
    </section>`;
  }

  private _figure(p: ApplicationDocument, caption: string): TemplateResult {
    const url = documentUrl(this.centerId, 'photo', p.index);
    return html`<figure>
      <a href=${url} target="_blank" rel="noopener"><img src=${url} alt=${caption} /></a>
      <figcaption>${caption}</figcaption>
    </figure>`;
  }

  private _liveness(): string {
    const l = obj(this.data['liveness']);
    if (l['result'] !== 'passed') return t('notary.livenessNone');
    const order = (Array.isArray(l['order']) ? (l['order'] as unknown[]) : [])
      .map((o) => (o === 'left' ? t('notary.left') : o === 'right' ? t('notary.right') : ''))
      .filter(Boolean)
      .join('、');
    return t('notary.livenessPassed', {
      attempts: typeof l['attempts'] === 'number' ? l['attempts'] : 1,
      order: order || t('detail.none'),
      at: formatTime(str(l['checkedAt'])),
    });
  }

  private _identity(photos: ApplicationDocument[]): TemplateResult {
    const { face, idCard, fromCard, cardRead } = identityPhotos(this.data, photos);
    const missing = cardRead ? 'notary.noCardPhoto' : 'notary.noIdPhoto';
    return html`<section class="card" aria-labelledby="identity">
      <h3 id="identity">${t('notary.identity')}</h3>
      <div class="pair" data-identity>
        ${face ? this._figure(face, t('notary.faceCrop')) : html`<p class="note">${t('notary.noFaceCrop')}</p>`}
        ${
          idCard
            ? this._figure(idCard, t(fromCard ? 'notary.cardPhoto' : 'notary.idPhoto'))
            : html`<p class="note" data-id-photo-missing=${cardRead ? 'noDecoder' : 'none'}>${t(missing)}</p>`
        }
      </div>
      <dl>${this._row('notary.liveness', this._liveness())}</dl>
      <p class="note">${t('notary.livenessNote')}</p>
    </section>`;
  }

  private _materials(photos: ApplicationDocument[]): TemplateResult {
    const list = (Array.isArray(this.data['materials']) ? (this.data['materials'] as unknown[]) : []).map(obj);
    const { face, idCard, fromCard } = identityPhotos(this.data, photos);
    // The face crop and the card's own photo are shown under 本人核验, not as materials.
    const shown = photos.filter((p) => p !== face && !(fromCard && p === idCard));
    return html`<section class="card" aria-labelledby="materials">
        <h3 id="materials">${t('notary.materials')}</h3>
        <ul data-materials>
          ${list.map((m) => {
            const id = str(m['id']);
            const taken = m['photographed'] === true;
            return html`<li data-material=${id}>
              ${notarizationLabel(`material.${id}`, id)}：<span class=${taken ? '' : 'missing'}
                >${t(taken ? 'notary.photographed' : 'notary.notPhotographed')}</span
              >
            </li>`;
          })}
        </ul>
      </section>
      <section class="card" aria-labelledby="photos">
        <h3 id="photos">${t('notary.photos')}</h3>
        <div class="photos">
          ${shown.map((p) => this._figure(p, `${p.index + 1}. ${p.label ?? t('notary.photos')}`))}
        </div>
      </section>`;
  }

  override render(): TemplateResult {
    const photos = this.documents.filter((d) => d.role === 'photo');
    return html`${this._request()} ${this._applicant()} ${this._identity(photos)} ${this._materials(photos)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'center-notarization-detail': CenterNotarizationDetail;
  }
}

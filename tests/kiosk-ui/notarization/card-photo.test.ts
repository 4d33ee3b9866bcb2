// The ID card's own photo for the notary (issue 12): kept from the reader only when the agent's WLT
// decoder plugin gave one; a BMP (the decoder's usual 102 × 126 × 24-bit output) becomes a PNG the
// agent and the centre accept; the notarization request carries it after the face crop and says so in
// `identity.cardPhoto`; a typed identity or a terminal without a decoder sends none.
import { describe, expect, it } from 'vitest';
import type { IdCardFields } from '@kiosk/contract/kiosk-api';
import {
  initialNotarizationState,
  type NotarizationAnswers,
} from '../../../kiosk-ui/src/flows/notarization-machine.js';
import { identityFromCard } from '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-id-card.js';
import { cardPhotoDataUrl } from '../../../kiosk-ui/src/notarization/card-photo.js';
import { toNotarizationData } from '../../../kiosk-ui/src/notarization/notarization-submission.js';

/** A 24-bit bottom-up BMP of `w` × `h`, every pixel the colour (r, g, b). */
function bmp(w: number, h: number, [r, g, b]: [number, number, number]): string {
  const row = Math.ceil((w * 3) / 4) * 4;
  const bytes = new Uint8Array(54 + row * h);
  const view = new DataView(bytes.buffer);
  bytes.set([0x42, 0x4d]);
  view.setUint32(2, bytes.length, true);
  view.setUint32(10, 54, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, w, true);
  view.setInt32(22, h, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, 24, true);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) bytes.set([b, g, r], 54 + y * row + x * 3);
  return btoa(String.fromCharCode(...bytes));
}

async function pixels(url: string): Promise<{ width: number; height: number; rgb: number[] }> {
  const img = new Image();
  img.src = url;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(img, 0, 0);
  const [r, g, b] = ctx.getImageData(50, 60, 1, 1).data;
  return { width: img.naturalWidth, height: img.naturalHeight, rgb: [r, g, b] };
}

const CARD: IdCardFields = {
  cardType: 'resident',
  name: '张三',
  gender: '男',
  genderCode: '1',
  birthDate: '1949-12-31',
  idNumber: '11010519491231002X',
  idNumberValid: true,
  issuingAuthority: '公安局',
  validFrom: '2010-01-01',
  validUntil: '长期',
  photo: { format: 'wlt', base64: 'AAAA' },
};

const LABELS = {
  material: (m: string) => m,
  use: (u: string) => u,
  country: (c: string) => c,
  faceCrop: '现场人像照片',
  cardPhoto: '身份证照片（读卡器读出）',
};

function answers(identity: NotarizationAnswers['identity']): NotarizationAnswers {
  return {
    ...initialNotarizationState().answers,
    matterId: 'education',
    where: 'domestic',
    use: 'job',
    role: 'self',
    consentAt: '2026-12-02T02:00:00.000Z',
    identity,
    liveness: {
      passedAt: '2026-12-02T02:01:00.000Z',
      attempts: 1,
      faceCrop: 'data:image/jpeg;base64,/9j/',
      order: ['left', 'right'],
    },
    photos: [{ dataUrl: 'data:image/jpeg;base64,/9j/AA', width: 10, height: 10, bytes: 4, materialId: 'diploma' }],
    phone: '13800138000',
    interview: { kind: 'phone' },
    signature: 'data:image/png;base64,iVBORw0KGgo=',
  };
}

describe('the ID card photo from the reader', () => {
  it('is kept only when the decoder gave one', () => {
    expect(identityFromCard(CARD)).not.toHaveProperty('cardPhoto');
    const decoded = { mimeType: 'image/bmp' as const, base64: bmp(2, 2, [0, 0, 0]) };
    expect(identityFromCard({ ...CARD, photo: { format: 'wlt', base64: 'AAAA', decoded } }).cardPhoto).toEqual(decoded);
  });

  it('a decoded BMP (102 × 126) becomes a PNG of the same picture; a PNG passes as it is; junk is dropped', async () => {
    const url = await cardPhotoDataUrl({ mimeType: 'image/bmp', base64: bmp(102, 126, [200, 30, 60]) });
    expect(url).toMatch(/^data:image\/png;base64,/);
    expect(await pixels(url!)).toEqual({ width: 102, height: 126, rgb: [200, 30, 60] });
    const png = url!.slice('data:image/png;base64,'.length);
    expect(await cardPhotoDataUrl({ mimeType: 'image/png', base64: png })).toBe(url);
    for (const base64 of [
      '',
      'not base64!',
      btoa('GIF89a....'),
      btoa('BM' + 'x'.repeat(60)),
      btoa('x'.repeat(600_000)),
    ])
      expect(await cardPhotoDataUrl({ mimeType: 'image/bmp', base64 }), base64.slice(0, 12)).toBeNull();
  });

  it('the request carries it after the face crop, as identity.cardPhoto; without one, or typed, none', () => {
    const card = { source: 'card' as const, name: '张三', idNumber: '11010519491231002X' };
    const withPhoto = toNotarizationData(answers(card), ['diploma'], LABELS, 'data:image/png;base64,iVBORw0KGgo=');
    const photos = (withPhoto['documents'] as { photos: Array<{ dataUrl: string; label?: string }> }).photos;
    expect(photos.map((p) => p.label)).toEqual(['diploma', '现场人像照片', '身份证照片（读卡器读出）']);
    expect(withPhoto['identity']).toEqual({ source: 'card', cardPhoto: 2 });
    expect(withPhoto['liveness']).toMatchObject({ facePhoto: 1 });

    const noDecoder = toNotarizationData(answers(card), ['diploma'], LABELS, null);
    expect(noDecoder['identity']).toEqual({ source: 'card' });
    expect((noDecoder['documents'] as { photos: unknown[] }).photos).toHaveLength(2);

    const typed = { source: 'typed' as const, name: '张三', idNumber: '11010519491231002X' };
    const fromTyped = toNotarizationData(answers(typed), ['diploma'], LABELS, 'data:image/png;base64,iVBORw0KGgo=');
    expect(fromTyped['identity']).toEqual({ source: 'typed' });
    expect((fromTyped['documents'] as { photos: unknown[] }).photos).toHaveLength(2);
  });
});

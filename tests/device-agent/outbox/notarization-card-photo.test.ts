// The agent's check of a notarization request with the reader's card photo (issue 12): 9 material
// photos, the face crop and the card photo fit (11 photos and the signature); a 12th photo does not;
// a typed identity carries no card photo.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createValidator } from '@kiosk/node-common/validator';
import { loadSubmissionContent } from '../../../device-agent/src/outbox/submission-content.js';
import { validateSubmission } from '../../../device-agent/src/outbox/validate-submission.js';
import { TINY_JPEG_BASE64, pngBase64, validId } from './fixtures.js';

const { schemas } = loadSubmissionContent(resolve(import.meta.dirname, '../../../content'));
const validator = createValidator();
const jpeg = `data:image/jpeg;base64,${TINY_JPEG_BASE64}`;

function request(materialPhotos: number, identity: Record<string, unknown>) {
  const at = new Date().toISOString();
  const photos = Array.from({ length: materialPhotos }, (_, i) => ({ dataUrl: jpeg, label: `材料${i + 1}` }));
  const facePhoto = photos.length;
  photos.push({ dataUrl: jpeg, label: '现场人像照片' });
  if (identity['cardPhoto'] !== undefined)
    photos.push({ dataUrl: `data:image/png;base64,${pngBase64(102, 126)}`, label: '身份证照片（读卡器读出）' });
  return {
    kind: 'notarization',
    data: {
      applicant: { name: '韦秀兰', idNumber: validId(), phone: '13907710001' },
      identity,
      matter: { code: 'education' },
      purpose: '找工作',
      where: 'domestic',
      liveness: { result: 'passed', method: 'faceDetector-headTurn', checkedAt: at, attempts: 1, facePhoto },
      documents: { photos, signature: { dataUrl: `data:image/png;base64,${pngBase64()}` } },
      consent: { accepted: true, at },
    },
  };
}

describe('a notarization request with the card photo, at the agent', () => {
  it('9 materials, the face crop and the card photo pass; the card photo is stored as a PNG document', () => {
    const out = validateSubmission(request(9, { source: 'card', cardPhoto: 10 }), schemas, validator);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value.documents.filter((d) => d.role === 'photo')).toHaveLength(11);
    expect(out.value.documents[10]).toMatchObject({ role: 'photo', index: 10, mime: 'image/png' });
    expect(out.value.data['identity']).toEqual({ source: 'card', cardPhoto: 10 });
  });

  it('a card read without a decoder sends the source alone', () => {
    expect(validateSubmission(request(2, { source: 'card' }), schemas, validator).ok).toBe(true);
  });

  it('refuses a 12th photo, a typed identity with a card photo, and an unknown source', () => {
    const tooMany = validateSubmission(request(10, { source: 'card', cardPhoto: 11 }), schemas, validator);
    expect(tooMany).toMatchObject({ ok: false, rejection: { error: 'tooManyPhotos' } });
    expect(validateSubmission(request(2, { source: 'typed', cardPhoto: 3 }), schemas, validator).ok).toBe(false);
    expect(validateSubmission(request(2, { source: 'scanned' }), schemas, validator).ok).toBe(false);
  });
});

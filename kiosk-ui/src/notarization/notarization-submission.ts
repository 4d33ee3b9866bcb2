// Pure builders: the answers → the submission data (content/schemas/submission-notarization.schema.json)
// and → the notarization-receipt form fields (content/forms/notarization-receipt.json). No DOM, no I/O.
import { addChinaWorkingDays } from '@kiosk/domain/china-time';
import { maskIdNumber } from '@kiosk/domain/mask';
import type { NotarizationAnswers, SubmissionResult } from '../flows/notarization-machine.js';
import type { NotarizationMatter, NotaryCounty } from './catalogue.js';

export interface Labels {
  material(id: string): string;
  use(id: string): string;
  country(id: string): string;
  faceCrop: string;
  cardPhoto: string;
}

/**
 * The `data` of POST /api/v1/submissions {kind:'notarization'}. After the material photos come the
 * face crop and, when the card was read on a terminal with a WLT decoder, the card's own photo
 * (`cardPhoto`: its PNG data URL), for the notary to compare (`identity.cardPhoto` says which it is).
 */
export function toNotarizationData(
  a: NotarizationAnswers,
  materials: string[],
  labels: Labels,
  cardPhoto: string | null = null,
): Record<string, unknown> {
  const id = a.identity;
  if (!id || !a.consentAt || !a.signature || !a.matterId || !a.liveness || !a.use || !a.where || !a.interview)
    throw new Error('notarization submission built before its answers');
  const applicant: Record<string, unknown> = { name: id.name, idNumber: id.idNumber, phone: a.phone };
  if (id.address) applicant['address'] = id.address.slice(0, 120);
  if (id.gender === '男' || id.gender === '女') applicant['gender'] = id.gender;
  const photos = a.photos.map((p) => ({
    dataUrl: p.dataUrl,
    ...(p.materialId ? { label: labels.material(p.materialId).slice(0, 40) } : {}),
  }));
  const facePhoto = photos.length;
  photos.push({ dataUrl: a.liveness.faceCrop, label: labels.faceCrop });
  const identity: Record<string, unknown> = { source: id.source };
  if (id.source === 'card' && cardPhoto) {
    identity['cardPhoto'] = photos.length;
    photos.push({ dataUrl: cardPhoto, label: labels.cardPhoto.slice(0, 40) });
  }
  const indexOf = (m: string): number => a.photos.findIndex((p) => p.materialId === m);
  const data: Record<string, unknown> = {
    applicant,
    identity,
    matter: { code: a.matterId },
    purpose: labels.use(a.use).slice(0, 100),
    where: a.where,
    ...(a.where === 'abroad' && a.country ? { country: labels.country(a.country).slice(0, 60) } : {}),
    liveness: {
      result: 'passed',
      method: 'faceDetector-headTurn',
      checkedAt: a.liveness.passedAt,
      attempts: a.liveness.attempts,
      order: a.liveness.order,
      facePhoto,
    },
    booking:
      a.interview.kind === 'slot'
        ? { kind: 'slot', slot: a.interview.slot, holdId: a.interview.holdId }
        : { kind: a.interview.kind },
    materials: materials.map((m) => ({ id: m, photographed: indexOf(m) >= 0 })),
    documents: { photos, signature: { dataUrl: a.signature } },
    consent: { accepted: true, at: a.consentAt },
  };
  if (a.role === 'family' && a.relation) {
    const principalId = indexOf('principalId');
    const authorisation = indexOf('authorisation');
    data['proxy'] = {
      relation: a.relation,
      ...(principalId >= 0 ? { principalIdPhoto: principalId } : {}),
      ...(authorisation >= 0 ? { authorisationPhoto: authorisation } : {}),
    };
  }
  return data;
}

export interface ReceiptInput {
  answers: NotarizationAnswers;
  submission: SubmissionResult;
  matter: NotarizationMatter;
  county: NotaryCounty;
  workingDays: number;
  matterLabel: string;
  useLabel: string;
  forWhom: string;
  interviewLabel: string;
  received: string[];
  later: string[];
  feeNote: string;
}

/** Fields of the notarization-receipt form; the ID number is masked. */
export function toNotarizationReceipt(r: ReceiptInput): Record<string, unknown> {
  const clip = (list: string[]): string[] => list.slice(0, 20).map((s) => s.slice(0, 40));
  const fields: Record<string, unknown> = {
    receiptNo: r.submission.receiptNo,
    applicantName: r.answers.identity?.name ?? '',
    idNumberMasked: maskIdNumber(r.answers.identity?.idNumber ?? ''),
    matter: r.matterLabel.slice(0, 60),
    use: r.useLabel.slice(0, 60),
    forWhom: r.forWhom.slice(0, 40),
    submittedAt: r.submission.storedAt,
    office: r.county.office,
    officePhone: r.county.officePhone,
    interview: r.interviewLabel.slice(0, 60),
    workingDays: r.workingDays,
    estimatedBy: addChinaWorkingDays(r.submission.storedAt, r.workingDays),
    materials: clip(r.received),
    feeNote: r.feeNote.slice(0, 120),
    qr: r.county.progressUrl.replace('{receiptNo}', encodeURIComponent(r.submission.receiptNo)),
    uploadState: r.submission.uploaded ? 'uploaded' : 'pending',
  };
  if (r.later.length) fields['laterMaybe'] = clip(r.later);
  return fields;
}

// Pure builders: the answers → the submission data (content/schemas/submission-mediation.schema.json)
// and → the mediation-receipt form fields (content/forms/mediation-receipt.json). No DOM, no I/O.
import { maskIdNumber } from '@kiosk/domain/mask';
import {
  VILLAGE_ELSEWHERE,
  VILLAGE_UNKNOWN,
  type MediationAnswers,
  type SubmissionResult,
} from '../flows/mediation-machine.js';
import type { Committee, MediationCounty } from './mediation-content.js';

/** The village id the jurisdiction rule reads: null for 不在这些村 / 不知道. */
export function knownVillage(id: string | null): string | null {
  return id && id !== VILLAGE_ELSEWHERE && id !== VILLAGE_UNKNOWN ? id : null;
}

/** The `data` of POST /api/v1/submissions {kind:'mediation'}. */
export function toMediationData(
  a: MediationAnswers,
  county: MediationCounty,
  committee: Committee,
): Record<string, unknown> {
  const id = a.identity;
  if (!id || !a.consentAt || !a.mark || !a.kind || a.requests.length === 0 || (!a.callMe && !a.description))
    throw new Error('mediation submission built before its answers');
  const name = (v: string | null): string | undefined => county.villages.find((x) => x.id === knownVillage(v))?.name;
  const applicant: Record<string, unknown> = { name: id.name, idNumber: id.idNumber, phone: a.phone };
  const village = name(a.village);
  if (village) applicant['village'] = village;
  const otherParty: Record<string, unknown> = a.otherName ? { name: a.otherName } : { nameUnknown: true };
  const otherVillage = name(a.otherVillage);
  if (otherVillage) otherParty['village'] = otherVillage;
  else if (a.otherVillage === VILLAGE_UNKNOWN) otherParty['villageUnknown'] = true;
  if (a.otherPhone) otherParty['phone'] = a.otherPhone;
  const data: Record<string, unknown> = {
    applicant,
    otherParty,
    disputeKind: a.kind,
    requests: a.requests.map((r) => r.slice(0, 100)),
    ...(a.callMe ? { callMe: true } : { description: a.description.slice(0, 500) }),
    committee: committee.id,
    committeeName: committee.name,
    mark: a.mark.kind,
    ...(a.mark.kind === 'fingerprint' ? { markedAt: a.mark.at } : {}),
    consent: { accepted: true, at: a.consentAt },
  };
  if (a.mark.kind === 'signature') data['documents'] = { signature: { dataUrl: a.mark.signature } };
  return data;
}

export interface MediationReceiptInput {
  answers: MediationAnswers;
  submission: SubmissionResult;
  county: MediationCounty;
  committee: Committee;
  kindLabel: string;
  /** 对方当事人 as printed: the name, or 不知道, with the village when known. */
  otherParty: string;
  markLabel: string;
}

/** Fields of the mediation-receipt form; the ID number is masked. */
export function toMediationReceipt(r: MediationReceiptInput): Record<string, unknown> {
  const a = r.answers;
  return {
    receiptNo: r.submission.receiptNo,
    applicantName: a.identity?.name ?? '',
    idNumberMasked: maskIdNumber(a.identity?.idNumber ?? ''),
    kind: r.kindLabel.slice(0, 20),
    otherParty: r.otherParty.slice(0, 60),
    requests: a.requests.slice(0, 3).map((q) => q.slice(0, 100)),
    ...(a.callMe ? { callMe: true } : {}),
    committee: r.committee.name.slice(0, 40),
    committeePhone: r.committee.phone.slice(0, 20),
    submittedAt: r.submission.storedAt,
    mark: r.markLabel.slice(0, 10),
    qr: r.county.progressUrl.replace('{receiptNo}', encodeURIComponent(r.submission.receiptNo)),
    uploadState: r.submission.uploaded ? 'uploaded' : 'pending',
  };
}

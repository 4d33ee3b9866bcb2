import { createHash, timingSafeEqual } from 'node:crypto';
import type { SubmissionKind, SubmissionState } from '@kiosk/contract/kiosk-api';
import { addChinaWorkingDays, chinaDate } from '@kiosk/domain/china-time';
import type { ApplicationDetail, CenterRepository } from '../store/repository.js';

/** 公证法 Art. 30: a certificate within 15 working days of acceptance. */
export const NOTARIZATION_WORKING_DAYS = 15;

/** What the public page may show: the status and its dates, nothing about the person. */
export interface PublicStatus {
  receiptNo: string;
  kind: SubmissionKind;
  state: SubmissionState;
  /** China date the villager submitted. */
  submittedOn: string;
  /** Legal aid: the Art. 43 decision date set when the centre received it. */
  legalAidDueBy?: string;
  /** Notarization: 15 working days after acceptance (or receipt, until accepted). */
  notarizationDueBy?: string;
  missingMaterials?: string[];
  reason?: string;
}

export const RECEIPT_INPUT = /^[A-Z]{2}[0-9A-Z-]{6,30}$/;
export const LAST4_INPUT = /^[0-9X]{4}$/;

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** The last four characters the villager is asked for: the applicant's ID number, else the phone. */
function checkValue(a: ApplicationDetail): string | undefined {
  const applicant = a.data['applicant'];
  const id =
    applicant && typeof applicant === 'object' && Object.hasOwn(applicant, 'idNumber')
      ? (applicant as Record<string, unknown>)['idNumber']
      : undefined;
  const phone = Object.hasOwn(a.data, 'phone') ? a.data['phone'] : undefined;
  const source = typeof id === 'string' ? id : typeof phone === 'string' ? phone : undefined;
  return source && source.length >= 4 ? source.slice(-4).toUpperCase() : undefined;
}

function publicStatus(a: ApplicationDetail): PublicStatus {
  const acceptedAt = a.history.find((h) => h.state === 'accepted')?.at ?? a.receivedAt;
  return {
    receiptNo: a.receiptNo,
    kind: a.kind,
    state: a.state,
    submittedOn: chinaDate(a.submittedAt),
    ...(a.kind === 'legalAid' && a.decisionDueBy ? { legalAidDueBy: a.decisionDueBy } : {}),
    ...(a.kind === 'notarization'
      ? { notarizationDueBy: addChinaWorkingDays(acceptedAt, NOTARIZATION_WORKING_DAYS) }
      : {}),
    ...(a.state === 'needMaterials' && a.missingMaterials?.length ? { missingMaterials: a.missingMaterials } : {}),
    ...(a.state === 'rejected' && a.reason ? { reason: a.reason } : {}),
  };
}

/**
 * The status of `receiptNo` when `last4` matches its applicant's; null otherwise. An unknown receipt
 * compares against a dummy, so neither the answer nor its timing tells which receipts exist.
 * Call-backs and ratings are not looked up here.
 */
export async function lookUpStatus(
  repo: Pick<CenterRepository, 'findByReceiptNo'>,
  receiptNo: string,
  last4: string,
): Promise<PublicStatus | null> {
  const candidates = (await repo.findByReceiptNo(receiptNo)).filter(
    (a) => a.kind !== 'callback' && a.kind !== 'rating',
  );
  const typed = digest(last4);
  let match: ApplicationDetail | undefined;
  for (const a of candidates.length ? candidates : [undefined]) {
    const stored = a ? checkValue(a) : undefined;
    const same = timingSafeEqual(digest(stored ?? '\u0000none'), typed);
    if (a && stored && same && !match) match = a;
  }
  return match ? publicStatus(match) : null;
}

// The booking as the outbox stores it (content/schemas/submission-home-visit.schema.json) and as its
// receipt prints it (content/forms/home-visit-receipt.json). Pure: the owner passes the words.
import type {
  AgeGroup,
  Disability,
  HomeVisitAnswers,
  HomeVisitMode,
  HomeVisitService,
  HomeVisitSource,
} from '../flows/home-visit-machine.js';
import { maskPhone } from '../flows/home-visit-machine.js';
import type { SubmissionResult } from '../flows/legal-aid-machine.js';
import type { Village } from './villages.js';

/** content/schemas/submission-home-visit.schema.json — no ID number of the absent person. */
export interface HomeVisitSubmission {
  person: { name: string; ageGroup: AgeGroup; disability: Disability };
  service: HomeVisitService;
  mode: HomeVisitMode;
  address: { township?: string; village: string; group?: string };
  phone: string;
  preferredDays: string[];
  source: HomeVisitSource;
  consent: { accepted: true; at: string };
}

/** The answers as the outbox takes them; throws when the flow let an answer through unset. */
export function toHomeVisitData(
  a: HomeVisitAnswers,
  source: HomeVisitSource,
  village: Village | undefined,
  groupLabel: string | null,
): HomeVisitSubmission {
  if (!a.ageGroup || !a.disability || !a.service || !a.mode || !village || !a.consentAt)
    throw new Error('home visit: an answer is missing');
  return {
    person: { name: a.name.trim(), ageGroup: a.ageGroup, disability: a.disability },
    service: a.service,
    mode: a.mode,
    address: { township: village.township, village: village.name, ...(groupLabel ? { group: groupLabel } : {}) },
    phone: a.phone,
    preferredDays: a.days,
    source,
    consent: { accepted: true, at: a.consentAt },
  };
}

export interface HomeVisitReceiptInput {
  data: HomeVisitSubmission;
  submission: SubmissionResult;
  forWhom: string;
  serviceLabel: string;
  modeLabel: string;
  dayLabels: string[];
  /** The centre's public status page, `{receiptNo}` replaced. */
  progressUrl: string;
}

/** Fields of the home-visit-receipt form; the phone is masked. */
export function toHomeVisitReceipt(r: HomeVisitReceiptInput): Record<string, unknown> {
  const a = r.data.address;
  return {
    receiptNo: r.submission.receiptNo,
    forWhom: r.forWhom.slice(0, 80),
    service: r.serviceLabel.slice(0, 20),
    mode: r.modeLabel.slice(0, 20),
    address: [a.township, a.village, a.group].filter(Boolean).join(' ').slice(0, 80),
    phoneMasked: maskPhone(r.data.phone),
    preferredDays: r.dayLabels.slice(0, 7).map((d) => d.slice(0, 20)),
    submittedAt: r.submission.storedAt,
    qr: r.progressUrl.replace('{receiptNo}', encodeURIComponent(r.submission.receiptNo)),
    uploadState: r.submission.uploaded ? 'uploaded' : 'pending',
  };
}

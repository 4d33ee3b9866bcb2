import { addChinaDays } from '@kiosk/domain/china-time';
// Pure builders: the flow's answers → the submission data (content/schemas/submission-legal-aid.schema.json)
// and → the receipt form fields (content/forms/legal-aid-receipt.json). No DOM, no I/O.
import { assessEligibility } from '../eligibility/engine.js';
import { maskIdNumber } from '@kiosk/domain/mask';
import type { CountyRules, EligibilityDecision, LegalAidRules } from '../eligibility/types.js';
import type { LegalAidAnswers, SubmissionResult } from '../flows/legal-aid-machine.js';
import { ageOn } from '../eligibility/engine.js';
import { birthDateOf } from '@kiosk/domain/id-number';

/** Birth date as YYYY-MM-DD from the card field (YYYYMMDD or ISO) or from the ID number. */
export function birthDateFor(answers: LegalAidAnswers): string | undefined {
  const raw = answers.identity?.birthDate;
  const m = raw ? /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(raw) : null;
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  return answers.identity ? birthDateOf(answers.identity.idNumber) : undefined;
}

/** The engine's view of the answers so far (unanswered questions count as "no"). */
export function decide(
  rules: LegalAidRules,
  county: CountyRules,
  answers: LegalAidAnswers,
  today: Date,
): EligibilityDecision {
  const birth = birthDateFor(answers);
  const age = birth ? ageOn(birth, today) : undefined;
  return assessEligibility(rules, county, {
    matterId: answers.matterId ?? 'other',
    circumstances: answers.circumstances,
    exemptGroupId: answers.exemptGroupId === null || answers.exemptGroupId === 'none' ? null : answers.exemptGroupId,
    ...(age === undefined ? {} : { age }),
    deadlineSoon: answers.deadlineSoon ?? false,
    preservationNeeded: answers.preservationNeeded ?? false,
    stage: answers.stage ?? 'notStarted',
  });
}

export interface SubmissionInput {
  answers: LegalAidAnswers;
  decision: EligibilityDecision;
  /** Localized material labels, for the photos' `label`. */
  materialLabel: (materialId: string) => string;
}

/** The `data` of POST /api/v1/submissions {kind:'legalAid'}; exactly the schema's shape. */
export function toSubmissionData({ answers, decision, materialLabel }: SubmissionInput): Record<string, unknown> {
  const id = answers.identity;
  if (!id || !answers.consentAt || !answers.signature)
    throw new Error('legal-aid submission built before identity, consent and signature');
  const birthDate = birthDateFor(answers);
  const applicant: Record<string, unknown> = { name: id.name, idNumber: id.idNumber, phone: answers.phone };
  if (id.address) applicant['address'] = id.address.slice(0, 120);
  if (id.gender === '男' || id.gender === '女') applicant['gender'] = id.gender;
  if (birthDate) applicant['birthDate'] = birthDate;
  if (id.ethnicity) applicant['ethnicity'] = id.ethnicity.slice(0, 20);

  const economic = decision.economic;
  const proofIds = economic.kind === 'checkExempt' ? economic.proof : [];
  const proofPhotos = answers.photos.flatMap((p, i) => (p.materialId && proofIds.includes(p.materialId) ? [i] : []));

  const data: Record<string, unknown> = {
    applicant,
    matter: { code: decision.matterId },
    ...(answers.stage ? { stage: answers.stage } : {}),
    ...(answers.otherParty.trim() ? { otherParty: { name: answers.otherParty.trim().slice(0, 60) } } : {}),
    facts: answers.what.trim().slice(0, 2000),
    circumstances: [...new Set(answers.circumstances)],
    exemption: {
      group: economic.kind === 'checkExempt' ? economic.groupId : null,
      ...(proofPhotos.length ? { proofPhotos } : {}),
    },
    urgency: {
      deadlineWithin7Days: answers.deadlineSoon ?? false,
      preservationNeeded: answers.preservationNeeded ?? false,
    },
    eligibility: decision,
    documents: {
      photos: answers.photos.map((p) => ({
        dataUrl: p.dataUrl,
        ...(p.materialId ? { label: materialLabel(p.materialId).slice(0, 40) } : {}),
      })),
      signature: { dataUrl: answers.signature },
    },
    consent: { accepted: true, at: answers.consentAt },
  };
  if (economic.kind === 'pledge' && answers.pledgedAt) {
    data['pledge'] = {
      accepted: true,
      at: answers.pledgedAt,
      ...(answers.monthlyIncomeYuan === null ? {} : { monthlyIncomeYuan: answers.monthlyIncomeYuan }),
    };
  }
  return data;
}

/** YYYY-MM-DD (China time) `days` calendar days after an ISO instant (Art. 43 clock, as the centre counts). */
export const dueDate = (iso: string, days: number): string => addChinaDays(iso, days);

export interface ReceiptInput {
  answers: LegalAidAnswers;
  decision: EligibilityDecision;
  submission: SubmissionResult;
  county: CountyRules;
  matterLabel: string;
  /** Localized labels: "身份证信息", "材料照片3张", … */
  submittedLabels: string[];
  laterLabels: string[];
  /** The centre's Art. 43 due date once it has received the application (its clock, not ours). */
  centreDecisionDueBy?: string;
}

/** Fields of the `legal-aid-receipt` print form. The ID number is masked: first 4 and last 4 kept. */
export function toReceiptFields(input: ReceiptInput): Record<string, unknown> {
  const { answers, decision, submission, county } = input;
  const clip = (list: string[]): string[] => list.slice(0, 20).map((s) => s.slice(0, 40));
  const fields: Record<string, unknown> = {
    receiptNo: submission.receiptNo,
    applicantName: answers.identity?.name ?? '',
    idNumberMasked: maskIdNumber(answers.identity?.idNumber ?? ''),
    matter: input.matterLabel.slice(0, 60),
    submittedAt: submission.storedAt,
    decisionDueBy: input.centreDecisionDueBy ?? dueDate(submission.storedAt, decision.decision.decideDays),
    materials: clip(input.submittedLabels),
    qr: county.progressUrl.replace('{receiptNo}', encodeURIComponent(submission.receiptNo)),
    uploadState: submission.uploaded ? 'uploaded' : 'pending',
  };
  if (input.laterLabels.length) fields['laterMaybe'] = clip(input.laterLabels);
  return fields;
}

/**
 * "LA-2026-01" → "L，A，二，零，二，六，零，一": each character on its own, hyphens dropped, digits as the
 * locale speaks them (`digits`: the ten digit words, 0–9; `separator`: the pause between them).
 */
export function digitByDigit(receiptNo: string, digits: string, separator: string): string {
  const words = [...digits];
  return [...receiptNo.replace(/[^0-9A-Za-z]/g, '')]
    .map((c) => (/[0-9]/.test(c) ? words[Number(c)] : c))
    .join(separator);
}

import type { SubmissionKind } from '@kiosk/contract/kiosk-api';
import type { SchemaError, Validator } from '@kiosk/node-common/validator';
import { decodeImage } from '@kiosk/node-common/images';
import { idLast4, isValidIdNumber } from '@kiosk/domain/id-number';
import type { StoredDocument } from './outbox-store.js';

export const SUBMISSION_KINDS: readonly SubmissionKind[] = [
  'legalAid',
  'notarization',
  'mediation',
  'homeVisit',
  'callback',
  'rating',
];

/** content/schemas/submission-<file>.schema.json per kind. */
export const SCHEMA_FILES: Record<SubmissionKind, string> = {
  legalAid: 'submission-legal-aid.schema.json',
  notarization: 'submission-notarization.schema.json',
  mediation: 'submission-mediation.schema.json',
  homeVisit: 'submission-home-visit.schema.json',
  callback: 'submission-callback.schema.json',
  rating: 'submission-rating.schema.json',
};

const requestSchema = {
  type: 'object',
  properties: {
    kind: { enum: [...SUBMISSION_KINDS] },
    data: { type: 'object' },
    clientSubmissionId: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' },
  },
  required: ['kind', 'data'],
  additionalProperties: false,
} as const;

/** Message keys of content/i18n/zh-CN/submissions.json. */
export type RejectionKey =
  | 'invalidRequest'
  | 'invalidField'
  | 'factsRequired'
  | 'factsTooLong'
  | 'textTooLong'
  | 'phoneInvalid'
  | 'idNumberInvalid'
  | 'nameRequired'
  | 'consentRequired'
  | 'pledgeRequired'
  | 'tooManyPhotos'
  | 'photoTooLarge'
  | 'photoNotImage'
  | 'proofPhotoMissing'
  | 'signatureInvalid';

export interface Rejection {
  error: RejectionKey;
  /** JSON paths inside `data` that are wrong. */
  fields: string[];
  /** 1-based photo number for the photo messages. */
  n?: number;
}

export interface ValidSubmission {
  kind: SubmissionKind;
  clientId?: string;
  /** The answers without the documents. */
  data: Record<string, unknown>;
  documents: StoredDocument[];
  /** What the villager types to look the receipt up: the ID's (or the phone's) last 4. */
  checkValue?: string;
}

interface DocumentsInput {
  photos?: Array<{ dataUrl: string; label?: string }>;
  signature?: { dataUrl: string };
}

/** Why a schema error happened, in words a villager understands. */
function explain(errors: SchemaError[], data: Record<string, unknown>): Rejection {
  const fields = errors.map((e) => e.path);
  const first = fields[0] ?? '/';
  const has = (prefix: string): boolean => fields.some((f) => f === prefix || f.startsWith(`${prefix}/`));
  if (has('/facts'))
    return {
      error: typeof data['facts'] === 'string' && data['facts'].length > 0 ? 'factsTooLong' : 'factsRequired',
      fields,
    };
  if (fields.includes('/documents/photos')) return { error: 'tooManyPhotos', fields };
  const photo = /^\/documents\/photos\/(\d+)/.exec(first);
  if (photo) {
    const photos = (data['documents'] as DocumentsInput | undefined)?.photos ?? [];
    const url = photos[Number(photo[1])]?.dataUrl;
    const tooLong = typeof url === 'string' && url.length > 2_100_000;
    return { error: tooLong ? 'photoTooLarge' : 'photoNotImage', fields, n: Number(photo[1]) + 1 };
  }
  if (has('/documents/signature')) return { error: 'signatureInvalid', fields };
  if (has('/applicant/idNumber')) return { error: 'idNumberInvalid', fields };
  if (fields.some((f) => f.endsWith('/phone') || f === '/phone')) return { error: 'phoneInvalid', fields };
  if (fields.some((f) => f.endsWith('/name'))) return { error: 'nameRequired', fields };
  if (has('/consent')) return { error: 'consentRequired', fields };
  if (has('/pledge')) return { error: 'pledgeRequired', fields };
  if (errors.some((e) => /must NOT have more than/.test(e.message))) return { error: 'textTooLong', fields };
  return { error: 'invalidField', fields };
}

/**
 * Checks a POST /api/v1/submissions body: the request shape, the kind's JSON Schema, the ID
 * check digit, and every photo's real bytes. Text stays text (it is never rendered as HTML).
 */
export function validateSubmission(
  body: unknown,
  schemas: Record<SubmissionKind, object>,
  { validate }: Validator,
): { ok: true; value: ValidSubmission } | { ok: false; rejection: Rejection } {
  if (validate(requestSchema, body).length) return { ok: false, rejection: { error: 'invalidRequest', fields: [] } };
  const req = body as { kind: SubmissionKind; data: Record<string, unknown>; clientSubmissionId?: string };
  const errors = validate(schemas[req.kind], req.data);
  if (errors.length) return { ok: false, rejection: explain(errors, req.data) };

  const { documents: docsInput, ...data } = req.data as Record<string, unknown> & { documents?: DocumentsInput };
  const applicant = data['applicant'] as { idNumber?: string; phone?: string } | undefined;
  if (applicant?.idNumber !== undefined) {
    if (!isValidIdNumber(applicant.idNumber))
      return { ok: false, rejection: { error: 'idNumberInvalid', fields: ['/applicant/idNumber'] } };
    applicant.idNumber = applicant.idNumber.toUpperCase();
  }

  const documents: StoredDocument[] = [];
  const photos = docsInput?.photos ?? [];
  for (const [i, p] of photos.entries()) {
    const decoded = decodeImage(p.dataUrl);
    if (!decoded.ok)
      return {
        ok: false,
        rejection: {
          error: decoded.problem === 'tooLarge' ? 'photoTooLarge' : 'photoNotImage',
          fields: [`/documents/photos/${i}`],
          n: i + 1,
        },
      };
    documents.push({
      role: 'photo',
      index: i,
      mime: decoded.mime,
      bytes: decoded.bytes,
      ...(p.label ? { label: p.label } : {}),
    });
  }
  if (docsInput?.signature) {
    const decoded = decodeImage(docsInput.signature.dataUrl, ['image/png']);
    if (!decoded.ok) return { ok: false, rejection: { error: 'signatureInvalid', fields: ['/documents/signature'] } };
    documents.push({ role: 'signature', index: 0, mime: decoded.mime, bytes: decoded.bytes });
  }
  const proof = (data['exemption'] as { proofPhotos?: number[] } | undefined)?.proofPhotos ?? [];
  if (proof.some((i) => i >= photos.length))
    return { ok: false, rejection: { error: 'proofPhotoMissing', fields: ['/exemption/proofPhotos'] } };

  const checkSource = applicant?.idNumber ?? (typeof data['phone'] === 'string' ? data['phone'] : undefined);
  return {
    ok: true,
    value: {
      kind: req.kind,
      ...(req.clientSubmissionId ? { clientId: req.clientSubmissionId } : {}),
      data,
      documents,
      ...(checkSource ? { checkValue: idLast4(checkSource) } : {}),
    },
  };
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IntakeError, IntakeSubmission } from '@kiosk/contract/intake-api';
import type { SubmissionKind } from '@kiosk/contract/kiosk-api';
import { isValidIdNumber } from '@kiosk/domain/id-number';
import { RECEIPT_PATTERN, RECEIPT_PREFIX, terminalSuffix } from '@kiosk/domain/receipt-number';
import { describeErrors, type Validator } from '@kiosk/node-common/validator';

// The centre does not trust what a terminal forwards (issue 13 item 10): each kind's answers are
// checked against the kiosk's own JSON Schema (content/schemas/submission-*.schema.json), ID numbers
// against their check character, the whole against a size limit, and the receipt number against
// the terminal whose token sent it (its suffix is the terminal's; DESIGN §5, receipt-number.ts).

const SCHEMA_FILES: Record<SubmissionKind, string> = {
  legalAid: 'submission-legal-aid.schema.json',
  notarization: 'submission-notarization.schema.json',
  mediation: 'submission-mediation.schema.json',
  homeVisit: 'submission-home-visit.schema.json',
  callback: 'submission-callback.schema.json',
  rating: 'submission-rating.schema.json',
};

/** Most bytes of a submission's answers (JSON, documents apart): ~30× a full legal aid form. */
export const MAX_DATA_BYTES = 64 * 1024;

export type IntakeSchemas = Record<SubmissionKind, object>;

/**
 * Each kind's schema as the centre receives the answers: the terminal sends the photos and the
 * signature as `documents[]` beside `data`, so the schema's `documents` property is taken out.
 */
export function loadIntakeSchemas(contentDir: string): IntakeSchemas {
  const entries = (Object.keys(SCHEMA_FILES) as SubmissionKind[]).map((kind) => {
    const raw = JSON.parse(readFileSync(join(contentDir, 'schemas', SCHEMA_FILES[kind]), 'utf8')) as Record<
      string,
      unknown
    >;
    // Without $id and $schema: compiled as-is, never looked up by its id.
    const { $id: _id, $schema: _meta, ...schema } = raw;
    const properties = { ...(schema['properties'] as Record<string, unknown>) };
    delete properties['documents'];
    const required = ((schema['required'] as string[] | undefined) ?? []).filter((r) => r !== 'documents');
    return [kind, { ...schema, properties, required }] as const;
  });
  return Object.fromEntries(entries) as IntakeSchemas;
}

/** Deeper than any kind's answers can be (the schemas nest 3 levels): refused before any recursion. */
const MAX_DEPTH = 16;

/** Whether a JSON value nests deeper than `max`, checked without recursion (no stack overflow). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

const invalid = (detail: string): IntakeError => ({ error: 'invalidSubmission', detail: detail.slice(0, 500) });

/**
 * Why a terminal's (already shape-checked) submission cannot be stored, or null. `foreignReceipt`
 * when the receipt number is not one this terminal can have issued.
 */
export function checkSubmissionContent(
  { validate }: Validator,
  schemas: IntakeSchemas,
  terminalId: string,
  s: IntakeSubmission,
): IntakeError | null {
  if (!RECEIPT_PATTERN.test(s.receiptNo)) return invalid('/receiptNo: not a receipt number');
  if (!s.receiptNo.startsWith(RECEIPT_PREFIX[s.kind])) return invalid(`/receiptNo: not a ${s.kind} receipt`);
  if (s.receiptNo.split('-')[1] !== terminalSuffix(terminalId))
    return { error: 'foreignReceipt', detail: 'the receipt number belongs to another terminal' };
  if (nestsDeeperThan(s.data, MAX_DEPTH)) return invalid(`/data: nested deeper than ${MAX_DEPTH} levels`);
  if (Buffer.byteLength(JSON.stringify(s.data)) > MAX_DATA_BYTES)
    return invalid(`/data: more than ${MAX_DATA_BYTES} bytes`);
  const errors = validate(schemas[s.kind], s.data);
  if (errors.length) return invalid(describeErrors(errors.map((e) => ({ ...e, path: `/data${e.path}` }))));
  const applicant = s.data['applicant'] as { idNumber?: unknown } | undefined;
  if (typeof applicant?.idNumber === 'string' && !isValidIdNumber(applicant.idNumber))
    return invalid('/data/applicant/idNumber: not a valid ID number (check character, birth date)');
  return null;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SubmissionKind } from '@kiosk/contract/kiosk-api';
import { SCHEMA_FILES, SUBMISSION_KINDS } from './validate-submission.js';

/** Chinese answer texts by error key (content/i18n/zh-CN/submissions.json). */
export type SubmissionMessages = Record<string, string>;

export interface SubmissionContent {
  schemas: Record<SubmissionKind, object>;
  messages: SubmissionMessages;
}

/** Reads each kind's JSON Schema and the answer texts from content/. */
export function loadSubmissionContent(contentDir: string): SubmissionContent {
  const schemaDir = join(contentDir, 'schemas');
  const schemas = Object.fromEntries(
    SUBMISSION_KINDS.map((kind) => {
      // Without $id and $schema: the schema is compiled as-is, never looked up by its id.
      const {
        $id: _id,
        $schema: _meta,
        ...schema
      } = JSON.parse(readFileSync(join(schemaDir, SCHEMA_FILES[kind]), 'utf8')) as Record<string, unknown>;
      return [kind, schema];
    }),
  ) as Record<SubmissionKind, object>;
  const messages = JSON.parse(
    readFileSync(join(contentDir, 'i18n/zh-CN/submissions.json'), 'utf8'),
  ) as SubmissionMessages;
  return { schemas, messages };
}

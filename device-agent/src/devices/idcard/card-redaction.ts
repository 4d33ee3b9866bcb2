import type { IdCardFields } from '@kiosk/contract/kiosk-api';
import type { Redactor } from '@kiosk/node-common/redact';

/**
 * Registers the card's free-text values with the agent's redactor, so they are scrubbed from any
 * later log line of this visit (they can turn up inside other text, e.g. a receipt's fields).
 */
export function rememberCardValues(redactor: Redactor, fields: IdCardFields): void {
  redactor.remember([fields.name, fields.idNumber, fields.address, fields.englishName]);
}

// Makes the consultation namespace's keys typed (style R9; see i18n/message-types.ts).
import type { ConsultationTopic } from '@kiosk/contract/signalling-api';
import type { FallbackReason } from '../flows/consultation-machine.js';
import type { MessageKey } from '../i18n/message-types.js';

declare global {
  interface KioskMessageNamespaces {
    // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- a JSON shape needs import() with an attribute
    consultation: typeof import('../../../content/i18n/zh-CN/consultation.json', { with: { type: 'json' } });
  }
}

/** The picture button's label, or what is said when it is tapped. */
export function topicKey(topic: ConsultationTopic, part: 'label' | 'spoken'): MessageKey {
  return `consultation.topic.${topic}.${part}`;
}

export function fallbackReasonKey(reason: FallbackReason): MessageKey {
  return `consultation.fallback.reason.${reason}`;
}

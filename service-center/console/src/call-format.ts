import type { CallOutcomeReferral, ConsultationTopic, HangupReason } from '@kiosk/contract/signalling-api';
import { t, type CenterKey } from './i18n.js';

// Labels and durations shown on the lawyer's desk (topics arrive as data, so the keys are checked
// at run time against the shape of center.json).

export const topicLabel = (topic: ConsultationTopic): string => t(`topic.${topic}` as CenterKey);

export const endedText = (reason: HangupReason): string => t(`lawyer.ended.${reason}` as CenterKey);

const REFERRAL_KEYS: Record<CallOutcomeReferral, CenterKey> = {
  none: 'lawyer.note.referralNone',
  legalAid: 'lawyer.note.legalAid',
  notarization: 'lawyer.note.notarization',
  mediation: 'lawyer.note.mediation',
};
export const REFERRALS = Object.keys(REFERRAL_KEYS) as CallOutcomeReferral[];
export const referralLabel = (r: CallOutcomeReferral): string => t(REFERRAL_KEYS[r]);

/** "3分05秒" or "45秒". */
export function durationText(totalS: number): string {
  const s = Math.max(0, Math.floor(totalS));
  if (s < 60) return t('lawyer.records.seconds', { s });
  return t('lawyer.records.minutes', { m: Math.floor(s / 60), s: String(s % 60).padStart(2, '0') });
}

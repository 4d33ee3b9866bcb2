import type { CallOutcomeReferral, ConsultationTopic, HangupReason } from '@kiosk/contract/signalling-api';
import consultation from '../../../content/i18n/zh-CN/consultation.json' with { type: 'json' };
import { t, type CenterKey } from './i18n.js';

// Labels and durations shown on the lawyer's desk. Topic labels are the kiosk's own (the lawyer
// reads the same words the villager touched).

const TOPICS: Record<string, { label?: string } | undefined> = consultation.topic as unknown as Record<
  string,
  { label?: string } | undefined
>;
export const topicLabel = (topic: ConsultationTopic): string => TOPICS[topic]?.label ?? topic;

/** Hang-up reasons are kebab-case on the wire, camelCase as text keys. */
export const endedText = (reason: HangupReason): string =>
  t(`lawyer.ended.${reason.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}` as CenterKey);

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

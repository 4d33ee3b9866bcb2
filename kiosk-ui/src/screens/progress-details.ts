// Pure: what 查询进度 shows, speaks and prints beyond the state — the due date, the notarization's
// 15-working-day clock, and the status details the centre sent (领取方式, 时间 + 地点 in China time,
// 说明). No DOM, no I/O; the screen and the by-card list render the same lines.
import type { SubmissionStatus } from '@kiosk/contract/kiosk-api';
import type { Localize, MessageKey } from '../i18n/message-types.js';

/** One line: its label key and the value as plain text (digits get the digit size when shown). */
export interface DetailLine {
  label: MessageKey;
  value: string;
}

/** ISO timestamp → "2026-11-29". */
const day = (iso: string): string => iso.slice(0, 10);

/** Notarization states during which the certificate's clock runs (公证法 Art 30). */
const CLOCK_STATES = new Set(['received', 'accepted', 'needMaterials', 'approved']);

/** An instant in China time as she says it: "12月9日 上午9:30"; the text itself when it is not a time. */
export function chinaWhen(t: Localize, iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const local = new Date(ms + 8 * 3600_000);
  const hour = local.getUTCHours();
  const minute = String(local.getUTCMinutes()).padStart(2, '0');
  const part = hour < 12 ? 'morning' : hour < 13 ? 'noon' : hour < 18 ? 'afternoon' : 'evening';
  const h12 = hour > 12 ? hour - 12 : hour;
  return t('progress.when', {
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    part: t(`progress.parts.${part}`),
    time: `${h12}:${minute}`,
  });
}

/** The lines after the state, in the order shown (missing materials and the reason are shown apart). */
export function detailLines(t: Localize, s: SubmissionStatus): DetailLine[] {
  const lines: DetailLine[] = [];
  if (s.kind === 'notarization') {
    if (s.decisionDueBy) lines.push({ label: 'progress.notaryDueBy', value: day(s.decisionDueBy) });
    else if (CLOCK_STATES.has(s.state))
      lines.push({ label: 'progress.notaryClock', value: t('progress.notaryClockRule') });
  } else if (s.decisionDueBy) lines.push({ label: 'progress.decisionDueBy', value: day(s.decisionDueBy) });
  const d = s.details;
  if (d?.delivery) lines.push({ label: 'progress.delivery', value: t(`progress.deliveries.${d.delivery}`) });
  if (d?.schedule) {
    lines.push({ label: 'progress.scheduleAt', value: chinaWhen(t, d.schedule.at) });
    lines.push({ label: 'progress.schedulePlace', value: d.schedule.place });
  }
  if (d?.note) lines.push({ label: 'progress.note', value: d.note });
  return lines;
}

/** Dates are shown and printed, not spoken (as before details existed). */
const UNSPOKEN = new Set<MessageKey>(['progress.decisionDueBy', 'progress.notaryDueBy']);

/** The lines as one spoken text, dates apart: "领取方式：到村里领取。" */
export function spokenDetails(t: Localize, s: SubmissionStatus): string {
  return detailLines(t, s)
    .filter((l) => !UNSPOKEN.has(l.label))
    .map((l) => t('progress.spokenDetail', { label: t(l.label), value: l.value }))
    .join('');
}

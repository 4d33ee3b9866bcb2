// Pure: an interview slot's start as she reads and hears it, in China time (UTC+8, no summer time):
// "12月9日 星期三 上午 9:30". No DOM, no I/O.
import type { InterviewChoice } from '../flows/notarization-machine.js';
import type { Localize, MessageKey } from '../i18n/message-types.js';
import './notarization-messages.js';
import './notary-interview-messages.js';

const CHINA_OFFSET_MS = 8 * 3600_000;

export interface ChinaSlotTime {
  month: number;
  day: number;
  /** 0 = Sunday. */
  weekday: number;
  part: 'morning' | 'noon' | 'afternoon' | 'evening';
  /** 12-hour clock as said in China: 9:30, 2:00. */
  time: string;
}

export function chinaSlotTime(iso: string): ChinaSlotTime | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const local = new Date(ms + CHINA_OFFSET_MS);
  const hour = local.getUTCHours();
  const part = hour < 12 ? 'morning' : hour < 13 ? 'noon' : hour < 18 ? 'afternoon' : 'evening';
  const h12 = hour > 12 ? hour - 12 : hour;
  return {
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: local.getUTCDay(),
    part,
    time: `${h12}:${String(local.getUTCMinutes()).padStart(2, '0')}`,
  };
}

/** The two lines of a slot button: "12月9日 星期三" and "上午 9:30". */
export function slotLines(t: Localize, iso: string): { date: string; time: string } {
  const c = chinaSlotTime(iso);
  if (!c) return { date: iso, time: '' };
  return {
    date: t('notaryInterview.slots.date', {
      month: c.month,
      day: c.day,
      weekday: t(`notaryInterview.slots.weekdays.d${c.weekday}` as MessageKey),
    }),
    time: t('notaryInterview.slots.time', { part: t(`notaryInterview.slots.${c.part}`), time: c.time }),
  };
}

/** "12月9日 星期三 上午 9:30"; the text itself when it is not a time. */
export function slotLabel(t: Localize, iso: string): string {
  if (!chinaSlotTime(iso)) return iso;
  const { date, time } = slotLines(t, iso);
  return t('notaryInterview.slots.slot', { date, time });
}

/** The interview as the review and the receipt say it: the slot's time, 现在视频面谈 or 公证处电话预约. */
export function interviewLabel(t: Localize, choice: InterviewChoice | null): string {
  if (choice?.kind === 'slot') return slotLabel(t, choice.slot);
  return t(`notarization.interviewKind.${choice?.kind === 'now' ? 'now' : 'phone'}`);
}

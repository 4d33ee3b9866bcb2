// Which call-back windows can still be offered, and what the booking says (pure; China time).
import { addChinaDays, chinaDate } from '@kiosk/domain/china-time';
import { CALLBACK_WINDOWS, type CallbackWindow } from '../flows/consultation-machine.js';

const CHINA_OFFSET_MS = 8 * 3600_000;

/** The China hour (0–23) of an instant. */
function chinaHour(at: Date): number {
  return new Date(at.getTime() + CHINA_OFFSET_MS).getUTCHours();
}

/** Today's morning only before 11:00, today's afternoon only before 16:00 (time left for a call). */
export function openWindows(now: Date): CallbackWindow[] {
  const hour = chinaHour(now);
  return CALLBACK_WINDOWS.filter((w) => (w !== 'todayMorning' || hour < 11) && (w !== 'todayAfternoon' || hour < 16));
}

export function windowDate(window: CallbackWindow, now: Date): string {
  return window.startsWith('today') ? chinaDate(now) : addChinaDays(now, 1);
}

export function windowTime(window: CallbackWindow): 'morning' | 'afternoon' {
  return window.endsWith('Morning') ? 'morning' : 'afternoon';
}

// The next 7 days as the booking offers them (China dates: the county counts in China time). Pure.
import { addChinaDays } from '@kiosk/domain/china-time';

export interface OfferedDay {
  /** YYYY-MM-DD (China). */
  date: string;
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** 0 today, 1 tomorrow, … */
  offset: number;
}

/** Today and the six days after it, in China time. */
export function nextDays(now: Date, count = 7): OfferedDay[] {
  return Array.from({ length: count }, (_, offset) => {
    const date = addChinaDays(now, offset);
    const [, month, day] = date.split('-').map(Number) as [number, number, number];
    return { date, month, day, weekday: new Date(`${date}T00:00:00Z`).getUTCDay(), offset };
  });
}

// China has one time zone (UTC+8, no daylight saving). Dates that a villager or a law counts in —
// the receipt's day, the Art. 43 seven-day clock, the notarization's working days — are China dates,
// whatever the machine's own zone is.

const CHINA_OFFSET_MS = 8 * 3600_000;

/** The China date (YYYY-MM-DD) of an instant. */
export function chinaDate(at: Date | string | number): string {
  return new Date(new Date(at).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The China date and time of an instant, as a technician or a slip shows it: `2026-12-02 15:04:05`. */
export function chinaDateTime(at: Date | string | number): string {
  return new Date(new Date(at).getTime() + CHINA_OFFSET_MS).toISOString().replace('T', ' ').slice(0, 19);
}

/** YYMMDD of the China date of an instant (receipt numbers). */
export const chinaDayCode = (at: Date): string => chinaDate(at).slice(2).replace(/-/g, '');

/** The China date `days` calendar days after the China date of `at`. */
export function addChinaDays(at: Date | string | number, days: number): string {
  const local = new Date(new Date(at).getTime() + CHINA_OFFSET_MS);
  local.setUTCDate(local.getUTCDate() + days);
  return local.toISOString().slice(0, 10);
}

/** Whole China calendar days from the date of `from` to the date of `to` (negative when `to` is earlier). */
export function chinaDaysBetween(from: Date | string | number, to: Date | string | number): number {
  return Math.round((Date.parse(chinaDate(to)) - Date.parse(chinaDate(from))) / 86_400_000);
}

/** Whether a China date (YYYY-MM-DD) is a working day. Weekends only: public holidays and 调休 are not known here. */
export function isChinaWorkingDay(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

/**
 * The China date `days` working days after the China date of `at` (公证法 Art 30's 15 working days).
 * The day of `at` itself is not counted. Working days are Monday to Friday only: holidays and
 * 调休 make the real date later, so the result is an estimate, not the legal deadline.
 */
export function addChinaWorkingDays(at: Date | string | number, days: number): string {
  let date = chinaDate(at);
  let left = days;
  while (left > 0) {
    date = addChinaDays(`${date}T00:00:00+08:00`, 1);
    if (isChinaWorkingDay(date)) left--;
  }
  return date;
}

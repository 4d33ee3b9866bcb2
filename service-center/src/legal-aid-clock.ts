// 法律援助法 Art. 43: the office decides within 7 days of receiving the application. The clock starts
// when the centre receives it (not when the villager pressed submit on a kiosk that was offline).

const CHINA_OFFSET_MS = 8 * 3600_000;

/** The due date (YYYY-MM-DD, China time) `days` calendar days after `receivedAt`. */
export function decisionDueBy(receivedAt: Date, days: number): string {
  const local = new Date(receivedAt.getTime() + CHINA_OFFSET_MS);
  local.setUTCDate(local.getUTCDate() + days);
  return local.toISOString().slice(0, 10);
}

// 法律援助法 Art. 43: the office decides within 7 days of receiving the application. The clock starts
// when the centre receives it (not when the villager pressed submit on a kiosk that was offline).
import { addChinaDays } from '@kiosk/domain/china-time';

/** The due date (YYYY-MM-DD, China time) `days` calendar days after `receivedAt`. */
export const decisionDueBy = (receivedAt: Date, days: number): string => addChinaDays(receivedAt, days);

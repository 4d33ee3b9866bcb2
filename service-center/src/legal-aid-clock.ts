// 法律援助法 Art. 43: the office decides within 7 days of receiving the application. The clock starts
// when the centre receives it (not when the villager pressed submit on a kiosk that was offline).
import { addChinaDays, addChinaWorkingDays } from '@kiosk/domain/china-time';

/** The due date (YYYY-MM-DD, China time) `days` calendar days after `receivedAt`. */
export const decisionDueBy = (receivedAt: Date, days: number): string => addChinaDays(receivedAt, days);

// 公证法 Art. 30 / 公证程序规则 Art. 35: the certificate is issued within 15 working days of acceptance
// (an office may promise fewer); that clock starts when the notary accepts the request.
export const DEFAULT_NOTARIZATION_WORKING_DAYS = 15;

/** The date (YYYY-MM-DD, China time) `workingDays` working days after `acceptedAt`. */
export const certificateDueBy = (acceptedAt: Date, workingDays: number): string =>
  addChinaWorkingDays(acceptedAt, workingDays);

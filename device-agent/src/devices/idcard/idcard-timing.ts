export interface IdCardTiming {
  /** find interval while an idcard.read is pending (§10.2: 300 ms). */
  pollMs: number;
  /** find interval with no read pending, to keep `media` current. */
  idlePollMs: number;
  /** 30 03 removal probe interval after a read. */
  removalProbeMs: number;
  /** 11 FF SAM health interval while idle. */
  healthMs: number;
  /** Reply timeout of find, select, 11 FF, 30 03 (§10.2: 1000 ms). */
  replyTimeoutMs: number;
  /** Reply timeout of 30 01 (§10.2: 3000 ms). */
  readTimeoutMs: number;
}

export const DEFAULT_TIMING: IdCardTiming = {
  pollMs: 300,
  idlePollMs: 1000,
  removalProbeMs: 300,
  healthMs: 5000,
  replyTimeoutMs: 1000,
  readTimeoutMs: 3000,
};

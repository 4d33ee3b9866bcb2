// Cost of one admin login (scrypt verify) at each work factor, to choose N on the real kiosk CPU
// (reference/device-agent.md §4.3: keep N = 2^17 when it fits, never below 2^16).
// Budget: a login answers within 2 s (the technician waits; the event loop stays free, scrypt is async).
// Reference: 1643 ms for N = 2^17 measured on the 2-core Debian 12 reference VM.
import { cpus } from 'node:os';
import { hashPassword, verifyPassword } from '../device-agent/src/admin/password-hash.js';

const BUDGET_MS = 2000;
const REFERENCE_MS: Record<number, number> = { 14: 141, 15: 299, 16: 711, 17: 1643 };
const RUNS = 3;

console.log(`CPU: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`);
for (const ln of [14, 15, 16, 17]) {
  const params = { ln, r: 8, p: 1 };
  const hash = await hashPassword('bench password 2026', params);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await verifyPassword('bench password 2026', hash, params);
    times.push(performance.now() - t0);
  }
  const median = times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  const memMiB = (128 * 2 ** ln * 8) / 2 ** 20;
  console.log(
    `scrypt N=2^${ln} r=8 p=1 (${memMiB} MiB): login ${median.toFixed(0)} ms — budget ${BUDGET_MS} ms → ${(median / BUDGET_MS).toFixed(2)}× ${median <= BUDGET_MS ? 'OK' : 'OVER'}; ` +
      `${(median / REFERENCE_MS[ln]).toFixed(2)}× the reference VM (${REFERENCE_MS[ln]} ms)`,
  );
}

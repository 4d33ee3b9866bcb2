import { describe, expect, it } from 'vitest';
import { backoffDelay } from '@kiosk/domain/backoff';
import { FailureLimiter } from '@kiosk/node-common/failure-limiter';
import { isValidIdNumber } from '@kiosk/domain/id-number';
import { decodeImage } from '@kiosk/node-common/images';
import { RECEIPT_PATTERN, formatReceiptNo, terminalSuffix } from '@kiosk/domain/receipt-number';
import { decisionDueBy } from '../../../service-center/src/legal-aid-clock.js';
import { TINY_JPEG_BASE64, pngBase64 } from './fixtures.js';

describe('GB 11643 check digit', () => {
  it('accepts the standard example and an X check character, rejects a changed digit', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('11010519491231002')).toBe(false);
    expect(isValidIdNumber('1101051949123100２X')).toBe(false);
  });
});

describe('receipt numbers', () => {
  it('reads kind, China date, terminal suffix and daily sequence', () => {
    // 2026-11-29T17:30Z is already 30 November in China.
    const no = formatReceiptNo('legalAid', new Date('2026-11-29T17:30:00Z'), 'demo-0001', 7);
    expect(no).toBe('FY261130-0001-0007');
    expect(no).toMatch(RECEIPT_PATTERN);
    expect(formatReceiptNo('notarization', new Date('2026-01-02T03:00:00Z'), 'x', 12345)).toBe('GZ260102-000X-12345');
    expect(terminalSuffix('gx-nanning-ab12')).toBe('AB12');
  });
});

describe('retry backoff', () => {
  it('doubles from the base up to the cap, with jitter in [½, 1)', () => {
    expect(backoffDelay(0, 1000, 60_000)).toBe(0);
    expect(backoffDelay(1, 1000, 60_000, () => 0.999)).toBeLessThanOrEqual(1000);
    expect(backoffDelay(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffDelay(4, 1000, 60_000, () => 0)).toBe(4000);
    expect(backoffDelay(40, 1000, 60_000, () => 0.999)).toBeLessThanOrEqual(60_000);
    expect(backoffDelay(40, 1000, 60_000, () => 0)).toBe(30_000);
  });
});

describe('failure limiter', () => {
  it('counts failures only within the window and forgets them afterwards', () => {
    let now = 0;
    const limiter = new FailureLimiter([[3, 60_000]], () => now);
    for (let i = 0; i < 3; i++) limiter.fail('k');
    expect(limiter.retryAfterMs('k')).toBe(60_000);
    expect(limiter.retryAfterMs('other')).toBe(0);
    now = 60_001;
    expect(limiter.retryAfterMs('k')).toBe(0);
  });
});

describe('image checks', () => {
  it('goes by the bytes, not the declared type', () => {
    expect(decodeImage(`data:image/jpeg;base64,${TINY_JPEG_BASE64}`)).toMatchObject({ ok: true, mime: 'image/jpeg' });
    expect(decodeImage(`data:image/jpeg;base64,${pngBase64()}`)).toEqual({ ok: false, problem: 'notImage' });
    expect(decodeImage(pngBase64(), ['image/png'])).toMatchObject({ ok: true, mime: 'image/png' });
    expect(decodeImage('data:text/html;base64,PHNjcmlwdD4=')).toEqual({ ok: false, problem: 'notImage' });
    expect(decodeImage('not base64 at all!')).toEqual({ ok: false, problem: 'notImage' });
  });
});

describe('Art. 43 clock', () => {
  it('counts 7 calendar days from the centre’s receipt, in China time', () => {
    expect(decisionDueBy(new Date('2026-11-29T03:00:00Z'), 7)).toBe('2026-12-06');
    expect(decisionDueBy(new Date('2026-11-29T17:00:00Z'), 7)).toBe('2026-12-07');
  });
});

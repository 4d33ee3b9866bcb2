import { describe, expect, it } from 'vitest';
import { publicBaseUrl, statusUrl } from '../../../device-agent/src/devices/printer/status-url.js';

// The receipt QR's base: the centre's public address from center.publicUrl, never a loopback one.

describe('receipt status URL', () => {
  it('keeps a public http(s) base without its trailing slash', () => {
    expect(publicBaseUrl('https://fw.example.gov.cn/')).toBe('https://fw.example.gov.cn');
    expect(publicBaseUrl('http://10.20.0.5:7400')).toBe('http://10.20.0.5:7400');
    expect(publicBaseUrl('https://example.gov.cn/legal/')).toBe('https://example.gov.cn/legal');
  });

  it('refuses loopback, absent and non-web addresses (the receipt then has no QR)', () => {
    for (const raw of [
      undefined,
      '',
      'http://127.0.0.1:7400',
      'http://127.8.9.10',
      'http://localhost:7400',
      'http://kiosk.localhost',
      'http://[::1]:7400',
      'http://0.0.0.0',
      'ftp://fw.example.gov.cn',
      'not a url',
    ])
      expect(publicBaseUrl(raw), String(raw)).toBeUndefined();
  });

  it('puts the receipt number in the query, encoded', () => {
    expect(statusUrl('https://fw.example.gov.cn', 'FY261129-0001-0007')).toBe(
      'https://fw.example.gov.cn/s/?r=FY261129-0001-0007',
    );
    expect(statusUrl('https://a.cn', 'A B&c')).toBe('https://a.cn/s/?r=A%20B%26c');
  });
});

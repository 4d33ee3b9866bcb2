import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  displayWidth,
  encodeGb,
  isPrintable,
  SUBSTITUTIONS,
  wrapText,
} from '../../../device-agent/src/devices/printer/gb.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** A 4-byte GB18030 sequence: lead 81–FE followed by a digit byte 30–39. */
function hasFourByte(bytes: Uint8Array): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] < 0x80) continue;
    if (bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39) return true;
    i++;
  }
  return false;
}

describe('GB18030 text restricted to 2-byte codes', () => {
  it('encodes hanzi as the printer expects (受理回执 = CA DC C0 ED BB D8 D6 B4)', () => {
    expect(hex(encodeGb('受理回执').bytes)).toBe('cadcc0edbbd8d6b4');
    expect(hex(encodeGb('张三 A1').bytes)).toBe('d5c5c8fd204131');
  });

  it('prints a rare name character (𠮷) as □ and reports it — never ? and never 4 bytes', () => {
    const { bytes, unsupported } = encodeGb('吉𠮷祥');
    expect(unsupported).toEqual(['𠮷']);
    expect(hex(bytes)).toBe(hex(iconv.encode('吉', 'gb18030')) + 'a1f5' + hex(iconv.encode('祥', 'gb18030')));
    expect(bytes).not.toContain(0x3f);
    expect(hasFourByte(bytes)).toBe(false);
  });

  it('substitutes documented equivalents for 4-byte symbols (¥ → ￥, ✓ → √, • → ·, © → (C))', () => {
    expect(hex(encodeGb('¥').bytes)).toBe('a3a4');
    expect(hex(encodeGb('✓☑✔').bytes)).toBe('a1cc'.repeat(3));
    expect(hex(encodeGb('•').bytes)).toBe('a1a4');
    expect(Buffer.from(encodeGb('©').bytes).toString('latin1')).toBe('(C)');
    for (const [from, to] of Object.entries(SUBSTITUTIONS)) {
      const r = encodeGb(from);
      expect(r.unsupported, `substitute for ${from} (${to})`).toEqual([]);
      expect(hasFourByte(r.bytes)).toBe(false);
    }
  });

  it('keeps GBK-only name characters (堃 赟 昇 曌) but refuses them on GB2312-only models', () => {
    expect(hex(encodeGb('堃赟昇曌').bytes)).toBe('88d2da53954e95d7');
    expect(encodeGb('堃', { gb2312Only: true }).unsupported).toEqual(['堃']);
    expect(encodeGb('张', { gb2312Only: true }).unsupported).toEqual([]);
  });

  it('turns control characters from field values into spaces (no ESC/DLE injection)', () => {
    const { bytes } = encodeGb('张\x1b@三\x10\x04\x01\u0085');
    expect([...bytes].some((b) => b < 0x20 || b === 0x7f)).toBe(false);
    expect(hex(bytes)).toBe('d5c520' + '40' + 'c8fd' + '202020' + '20');
  });

  it('agrees with Node’s own GB18030 decoder for every 2-byte code it accepts (cross-check)', () => {
    const decoder = new TextDecoder('gb18030');
    let checked = 0;
    for (let lead = 0x81; lead <= 0xfe; lead += 7) {
      for (let trail = 0x40; trail <= 0xfe; trail += 3) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if ([...ch].length !== 1 || ch === '\ufffd') continue;
        const { bytes, unsupported } = encodeGb(ch);
        if (unsupported.length) continue;
        if (bytes.length === 2) {
          expect(hex(bytes)).toBe(hex(Uint8Array.of(lead, trail)));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('counts a hanzi as two columns and wraps without splitting a character', () => {
    expect(displayWidth('受理 A')).toBe(6);
    const lines = wrapText('法律援助机构将自收到申请之日起7日内作出决定', 16);
    expect(lines.join('')).toBe('法律援助机构将自收到申请之日起7日内作出决定');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(16);
    expect(lines[0]).toBe('法律援助机构将自');
  });

  it('keeps ASCII words whole when wrapping mixed text', () => {
    expect(wrapText('终端 demo-0001 已连接', 11)).toEqual(['终端', 'demo-0001', '已连接']);
    expect(wrapText('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 10)).toEqual(['ABCDEFGHIJ', 'KLMNOPQRST', 'UVWXYZ']);
  });

  it('never ends a line with an opening bracket nor starts one with closing punctuation', () => {
    expect(wrapText('终端：演示村公共法律服务室（demo-0001）', 26)).toEqual([
      '终端：演示村公共法律服务室',
      '（demo-0001）',
    ]);
    expect(wrapText('一二三四五六七，八', 14)).toEqual(['一二三四五六', '七，八']);
    const text = '法律援助机构将自收到申请之日起7日内作出是否给予法律援助的决定，最迟于2026年12月6日前告知您。';
    const lines = wrapText(text, 32);
    expect(lines.join('')).toBe(text);
    for (const line of lines) {
      expect(displayWidth(line)).toBeLessThanOrEqual(32);
      expect(line).not.toMatch(/^[，。、：；！？）】》]/);
      expect(line).not.toMatch(/[（【《]$/);
    }
  });

  it('knows which text cannot print as text', () => {
    expect(isPrintable('张三 ¥12')).toBe(true);
    expect(isPrintable('吉𠮷祥')).toBe(false);
  });
});

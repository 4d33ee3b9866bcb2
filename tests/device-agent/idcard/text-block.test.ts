import { describe, expect, it } from 'vitest';
import { ETHNICITIES, genderLabel } from '../../../device-agent/src/devices/idcard/code-tables.js';
import { cardFixture, encodeTextBlock } from '../../../device-agent/src/devices/idcard/fixtures.js';
import { checkCharacter, isValidIdNumber } from '@kiosk/domain/id-number';
import { decodeTextBlock, isoDate } from '../../../device-agent/src/devices/idcard/text-block.js';

describe('GB 11643 check character (idcard-reader.md §6)', () => {
  it('validates the worked examples', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber('440308199901101512')).toBe(true);
    expect(isValidIdNumber('110105194912310020')).toBe(false);
    expect(isValidIdNumber('1101051949123100')).toBe(false);
  });
});

describe('code tables (idcard-reader.md §5)', () => {
  it('keeps 0 and 9 apart from 女, and shows unknown codes raw', () => {
    expect(['0', '1', '2', '9', '7'].map(genderLabel)).toEqual(['未知', '男', '女', '未说明', '7']);
    expect(ETHNICITIES['01']).toBe('汉');
    expect(ETHNICITIES['46']).toBe('德昂');
    expect(ETHNICITIES['56']).toBe('基诺');
    expect(ETHNICITIES['97']).toBe('其他');
    expect(ETHNICITIES['98']).toBe('外国血统中国籍人士');
  });
});

describe('text block (idcard-reader.md §4)', () => {
  const today = '2026-11-29';

  it('decodes a resident card with 长期 and trims padding', () => {
    const result = decodeTextBlock(cardFixture('resident').text, today);
    expect(result).toEqual({
      ok: true,
      warnings: [],
      fields: {
        cardType: 'resident',
        name: '张三',
        gender: '女',
        genderCode: '2',
        ethnicity: '汉',
        ethnicityCode: '01',
        birthDate: '1949-12-31',
        address: '北京市朝阳区测试路一号',
        idNumber: '11010519491231002X',
        idNumberValid: true,
        issuingAuthority: '北京市公安局朝阳分局',
        validFrom: '2010-01-01',
        validUntil: '长期',
        expired: false,
      },
    });
  });

  it('reads the raw 长期 bytes 7F 95 1F 67', () => {
    expect(Buffer.from('长期', 'utf16le').toString('hex')).toBe('7f951f67');
    expect(isoDate('长期')).toBe('长期');
    expect(isoDate('20200101')).toBe('2020-01-01');
  });

  it('decodes the J, I and Y layouts by the flag at offset 248', () => {
    expect(decodeTextBlock(cardFixture('hkMacaoTaiwan').text, today)).toMatchObject({
      ok: true,
      fields: { cardType: 'hkMacaoTaiwan', passNumber: 'H12345678', issueCount: '01', expired: true },
    });
    expect(decodeTextBlock(cardFixture('foreignPermanent2017').text, today)).toMatchObject({
      ok: true,
      fields: {
        cardType: 'foreignPermanent2017',
        englishName: 'TEST, ALICE',
        name: '测试爱丽丝',
        gender: '女',
        idNumberValid: true,
        nationality: 'USA',
        cardVersion: '01',
        issuingAuthority: '1100',
      },
    });
    expect(decodeTextBlock(cardFixture('foreignPermanent2023').text, today)).toMatchObject({
      ok: true,
      warnings: [],
      fields: {
        cardType: 'foreignPermanent2023',
        englishName: 'TEST, BOB EXAMPLE',
        issueCount: '00',
        nationality: 'GBR',
      },
    });
  });

  it('reports a bad check digit and inconsistencies as codes, not by throwing', () => {
    const result = decodeTextBlock(cardFixture('corrupt').text, today);
    expect(result).toMatchObject({ ok: true, fields: { idNumberValid: false, gender: '未说明', ethnicity: '99' } });
    const mismatch = encodeTextBlock(
      [
        [36, 16, '19500101'],
        [122, 36, '11010519491231002X'],
        [30, 2, '1'],
      ],
      ' ',
    );
    const warned = decodeTextBlock(mismatch, today);
    expect(warned.ok && warned.warnings).toEqual(['birthDateMismatch', 'genderParityMismatch']);
    const wrongType = encodeTextBlock(
      [
        [36, 16, '19491231'],
        [122, 36, '11010519491231002X'],
      ],
      'J',
    );
    expect(decodeTextBlock(wrongType, today)).toMatchObject({ ok: true, warnings: ['prefixTypeMismatch'] });
  });

  it('refuses an unknown type flag and a wrong length instead of guessing', () => {
    expect(decodeTextBlock(encodeTextBlock([], 'Q'), today)).toEqual({
      ok: false,
      reason: 'unknownCardType',
      flag: '51',
    });
    expect(decodeTextBlock(Buffer.alloc(100), today)).toEqual({ ok: false, reason: 'badLength' });
  });
});

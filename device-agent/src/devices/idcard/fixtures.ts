// Fictional cards for the simulator and tests (idcard-reader.md §9.4). Never data from a real card.
import { withCheckCharacter } from '@kiosk/domain/id-number';
import { PHOTO_BYTES, TEXT_BYTES } from './text-block.js';

export interface CardFixture {
  /** 256-byte UCS-2LE text block. */
  text: Buffer;
  /** 1024 bytes of "WLT" (any bytes: nothing decodes them here). */
  wlt: Buffer;
  /** 70-byte newest address for `30 03`; absent → the reader answers 91. */
  newAddress?: Buffer;
}

export type FixtureName =
  'resident' | 'hkMacaoTaiwan' | 'foreignPermanent2017' | 'foreignPermanent2023' | 'expired' | 'corrupt';

/** Builds a text block: each entry is [offset, bytes, value]; the rest is U+0020 padding. */
export function encodeTextBlock(entries: Array<[number, number, string]>, flag: string): Buffer {
  const text = Buffer.from(' '.repeat(TEXT_BYTES / 2), 'utf16le');
  for (const [offset, bytes, value] of entries) {
    const encoded = Buffer.from(value, 'utf16le');
    if (encoded.length > bytes) throw new Error(`fixture value too long for offset ${offset}`);
    encoded.copy(text, offset);
  }
  Buffer.from(flag, 'utf16le').copy(text, 248);
  return text;
}

function fakeWlt(seed: number): Buffer {
  const wlt = Buffer.alloc(PHOTO_BYTES);
  let x = seed;
  for (let i = 0; i < wlt.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    wlt[i] = x >>> 24;
  }
  return wlt;
}

export const RESIDENT_ID = '11010519491231002X';
export const HMT_ID = withCheckCharacter('81000019900101001');
export const FOREIGN_2023_ID = withCheckCharacter('93311019850615001');
export const FOREIGN_2017_ID = 'USA110085061500';

const resident = (
  name: string,
  idNumber: string,
  validTo: string,
  extra: Array<[number, number, string]> = [],
): Buffer =>
  encodeTextBlock(
    [
      [0, 30, name],
      [30, 2, '2'],
      [32, 4, '01'],
      [36, 16, idNumber.slice(6, 14)],
      [52, 70, '北京市朝阳区测试路一号'],
      [122, 36, idNumber],
      [158, 30, '北京市公安局朝阳分局'],
      [188, 16, '20100101'],
      [204, 16, validTo],
      ...extra,
    ],
    ' ',
  );

export function cardFixture(name: FixtureName): CardFixture {
  switch (name) {
    case 'resident':
      return { text: resident('张三', RESIDENT_ID, '长期'), wlt: fakeWlt(1) };
    case 'expired':
      return { text: resident('王五', withCheckCharacter('44030819800101152'), '20200101'), wlt: fakeWlt(2) };
    case 'corrupt':
      return {
        text: resident('赵六', '110105194912310020', '长期', [
          [30, 2, '9'],
          [32, 4, '99'],
        ]),
        wlt: fakeWlt(3),
      };
    case 'hkMacaoTaiwan':
      return {
        text: encodeTextBlock(
          [
            [0, 30, '李四'],
            [30, 2, '1'],
            [36, 16, '19900101'],
            [52, 70, '广东省深圳市福田区测试街二号'],
            [122, 36, HMT_ID],
            [158, 30, '深圳市公安局'],
            [188, 16, '20200101'],
            [204, 16, '20250101'],
            [220, 18, 'H12345678'],
            [238, 4, '01'],
          ],
          'J',
        ),
        wlt: fakeWlt(4),
      };
    case 'foreignPermanent2017':
      return {
        text: encodeTextBlock(
          [
            [0, 120, 'TEST, ALICE'],
            [120, 2, '2'],
            [122, 30, FOREIGN_2017_ID],
            [152, 6, 'USA'],
            [158, 30, '测试爱丽丝'],
            [188, 16, '20170601'],
            [204, 16, '20270601'],
            [220, 16, '19850615'],
            [236, 4, '01'],
            [240, 8, '1100'],
          ],
          'I',
        ),
        wlt: fakeWlt(5),
      };
    case 'foreignPermanent2023':
      return {
        text: encodeTextBlock(
          [
            [0, 30, '测试鲍勃'],
            [30, 2, '1'],
            [32, 4, '00'],
            [36, 16, '19850615'],
            [52, 70, 'TEST, BOB EXAMPLE'],
            [122, 36, FOREIGN_2023_ID],
            [188, 16, '20230601'],
            [204, 16, '20330601'],
            [242, 6, 'GBR'],
          ],
          'Y',
        ),
        wlt: fakeWlt(6),
        newAddress: Buffer.from('北京市海淀区测试路三号'.padEnd(35, ' '), 'utf16le'),
      };
  }
}

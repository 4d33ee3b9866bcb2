import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@kiosk/node-common/logger';
import { Redactor } from '@kiosk/node-common/redact';

const CARD = {
  cardType: 'resident',
  name: '张三丰',
  gender: '男',
  idNumber: '11010519491231002X',
  address: '北京市东城区景山前街4号',
  photo: { format: 'wlt', base64: 'V0xUAAAA'.repeat(200) },
};

function capture(): { log: ReturnType<typeof createLogger>; redactor: Redactor; text: () => string } {
  const lines: string[] = [];
  const redactor = new Redactor();
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger({ destination: sink, level: 'debug', redactor }), redactor, text: () => lines.join('') };
}

describe('log redaction', () => {
  it('removes ID numbers, names, addresses and photos from a card-shaped object, wherever nested', () => {
    const { log, text } = capture();
    log.info({ result: { payload: CARD }, list: [CARD] }, 'read done');
    log.warn(CARD, 'card');
    const out = text();
    expect(out).not.toContain('11010519491231002X');
    expect(out).not.toContain('张三丰');
    expect(out).not.toContain('景山前街');
    expect(out).not.toContain('V0xUAAAA');
    expect(out).toContain('read done');
    expect(out).toContain('resident'); // non-personal fields stay useful
  });

  it('scrubs ID numbers and phone numbers inside free text and error messages', () => {
    const { log, text } = capture();
    log.error({ err: new Error('lookup failed for 11010519491231002X') }, 'caller 13800138000 said 110105194912310021');
    const out = text();
    expect(out).not.toMatch(/11010519491231002X|110105194912310021|13800138000/);
    expect(out).toContain('[id]');
  });

  it('scrubs remembered card values from any later text until the visit ends', () => {
    const { log, redactor, text } = capture();
    redactor.remember(['李四', '广西南宁市青秀区民族大道100号']);
    log.info('printing receipt for 李四 of 广西南宁市青秀区民族大道100号');
    expect(text()).not.toContain('李四');
    expect(text()).not.toContain('民族大道');
    redactor.forget();
  });

  it('keeps command and service names (ASCII identifiers) readable', () => {
    const { log, text } = capture();
    log.info({ name: 'printer.printForm', requestId: 3 }, 'command completed');
    expect(text()).toContain('printer.printForm');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import {
  FOREIGN_2017_ID,
  FOREIGN_2023_ID,
  HMT_ID,
  RESIDENT_ID,
} from '../../../device-agent/src/devices/idcard/fixtures.js';
import { type IdCardAgent, startIdCardAgent } from './idcard-harness.js';

const NO_LATENCY = { latency: { find: 0, select: 0, read: 0 } };
let agent: IdCardAgent | undefined;

async function simulated(options = {}): Promise<IdCardAgent> {
  agent = await startIdCardAgent({ transport: 'simulated' }, { simulator: { ...NO_LATENCY, ...options } });
  await agent.waitForDevice('online');
  return agent;
}

afterEach(async () => {
  await agent?.stop();
  agent = undefined;
});

describe('idcard service over the simulator (MemoryLink)', () => {
  it('reads a resident card: fields, codes, words, ISO dates, 长期, photo as WLT', async () => {
    const a = await simulated();
    a.service.simulator!.placeCard('resident');
    const done = await a.read();
    expect(done.completionCode).toBe('success');
    expect(done.payload).toMatchObject({
      cardType: 'resident',
      name: '张三',
      gender: '女',
      genderCode: '2',
      ethnicity: '汉',
      ethnicityCode: '01',
      birthDate: '1949-12-31',
      address: '北京市朝阳区测试路一号',
      idNumber: RESIDENT_ID,
      idNumberValid: true,
      issuingAuthority: '北京市公安局朝阳分局',
      validFrom: '2010-01-01',
      validUntil: '长期',
      expired: false,
      photo: { format: 'wlt' },
    });
    expect(Buffer.from(done.payload.photo!.base64, 'base64')).toHaveLength(1024);
    expect(a.logText()).not.toContain('张三');
    expect(a.logText()).not.toContain(RESIDENT_ID);
    expect(a.service.simulator!.requests).not.toContain('30 10');
  });

  it('reads the HK/Macao/Taiwan permit and both foreign permanent resident cards', async () => {
    const a = await simulated();
    const sim = a.service.simulator!;
    sim.placeCard('hkMacaoTaiwan');
    expect((await a.read()).payload).toMatchObject({
      cardType: 'hkMacaoTaiwan',
      name: '李四',
      idNumber: HMT_ID,
      idNumberValid: true,
      passNumber: 'H12345678',
      issueCount: '01',
      gender: '男',
    });
    await a.swapCard('foreignPermanent2017');
    expect((await a.read()).payload).toMatchObject({
      cardType: 'foreignPermanent2017',
      englishName: 'TEST, ALICE',
      name: '测试爱丽丝',
      idNumber: FOREIGN_2017_ID,
      nationality: 'USA',
      birthDate: '1985-06-15',
      validUntil: '2027-06-01',
    });
    await a.swapCard('foreignPermanent2023');
    expect((await a.read()).payload).toMatchObject({
      cardType: 'foreignPermanent2023',
      name: '测试鲍勃',
      englishName: 'TEST, BOB EXAMPLE',
      idNumber: FOREIGN_2023_ID,
      idNumberValid: true,
      nationality: 'GBR',
    });
  });

  it('reports a bad check digit, unknown codes raw, and an expired card on the result', async () => {
    const a = await simulated();
    a.service.simulator!.placeCard('corrupt');
    const done = await a.read();
    expect(done.completionCode).toBe('success');
    expect(done.payload).toMatchObject({
      idNumberValid: false,
      gender: '未说明',
      genderCode: '9',
      ethnicity: '99',
      ethnicityCode: '99',
    });
    await a.swapCard('expired');
    expect((await a.read()).payload).toMatchObject({ expired: true, validUntil: '2020-01-01' });
  });

  it('still reads with 1-byte chunks, random chunks and garbage around frames', async () => {
    const a = await simulated();
    const sim = a.service.simulator!;
    sim.chunking({ min: 1, max: 1 });
    sim.placeCard('resident');
    expect((await a.read()).completionCode).toBe('success');
    sim.chunking({ min: 1, max: 70 });
    sim.garbage({ before: true, between: true });
    await a.swapCard('hkMacaoTaiwan');
    expect((await a.read()).payload.idNumber).toBe(HMT_ID);
  });

  it('a corrupt reply is retried once; a persistent checksum fault ends readFailed', async () => {
    const a = await simulated();
    const sim = a.service.simulator!;
    sim.placeCard('resident');
    sim.corruptNextFrames(1, '2002');
    expect((await a.read()).completionCode).toBe('success');
    await a.swapCard('resident');
    sim.corruptNextFrames(2, '3001');
    const failed = await a.read(3000);
    expect(failed).toMatchObject({ completionCode: 'commandErrorCode', payload: { errorCode: 'readFailed' } });
    expect(failed.payload).not.toHaveProperty('name');
  });

  it('every reply corrupt (e.g. a wrong baud rate) → hardwareError, then recovery', async () => {
    const a = await simulated();
    const sim = a.service.simulator!;
    sim.corruptNextFrames(1000);
    expect((await a.read(3000)).completionCode).toBe('hardwareError');
    sim.corruptNextFrames(0);
    await a.waitForDevice('online', 3000);
  });

  it('the reader answering 10 (bad checksum received) is resent once, then a link fault', async () => {
    const a = await simulated();
    const sim = a.service.simulator!;
    sim.placeCard('resident');
    sim.failNext('3001', 0x10);
    expect((await a.read()).completionCode).toBe('success');
  });

  it('a truncated read reply times out, is retried once and succeeds', async () => {
    const a = await simulated();
    const sim = a.service.simulator!;
    sim.placeCard('resident');
    sim.truncateNext(400, '3001');
    const done = await a.read();
    expect(done.completionCode).toBe('success');
    expect(sim.requests.filter((r) => r === '30 01')).toHaveLength(2);
  });

  it('a status-only 90 to 30 01 (wrong layout) is not taken as card data', async () => {
    const a = await simulated();
    const sim = a.service.simulator!;
    sim.placeCard('resident');
    sim.failNext('3001', 0x90);
    expect((await a.read()).completionCode).toBe('success');
    expect(sim.requests.filter((r) => r === '30 01')).toHaveLength(2);
  });

  it('a reader that stops answering → hardwareError, reported once while it stays silent, then recovers', async () => {
    const a = await simulated();
    const sim = a.service.simulator!;
    sim.silenceNext(1_000_000);
    await a.waitForDevice('hardwareError', 5000);
    expect(a.status()).toMatchObject({ media: 'unknown', lastError: { eventId: 'idcard.noReply', action: 'reset' } });
    await new Promise((r) => setTimeout(r, 1500));
    expect(
      a
        .logText()
        .split('\n')
        .filter((l) => l.includes('no replies; reopening')),
    ).toHaveLength(1);
    expect(a.status().device).toBe('hardwareError');
    sim.silenceNext(0);
    await a.waitForDevice('online', 5000);
  });

  it('card removed after find, after select or during the read → noMedia without partial data', async () => {
    const a = await simulated();
    const sim = a.service.simulator!;
    for (const stage of ['afterFind', 'afterSelect', 'duringRead'] as const) {
      sim.placeCard('resident');
      sim.removeCardAt(stage);
      const done = await a.read();
      expect(done, stage).toMatchObject({ completionCode: 'commandErrorCode', payload: { errorCode: 'noMedia' } });
      expect(done.payload).not.toHaveProperty('idNumber');
    }
  });

  it('a card left on the reader is not read twice: the second read waits for a lift', async () => {
    const a = await simulated();
    const sim = a.service.simulator!;
    sim.placeCard('resident');
    expect((await a.read()).completionCode).toBe('success');
    const second = a.read(600);
    expect(await second).toMatchObject({ completionCode: 'timeOut' });
    sim.setLatchMode(false);
    expect((await a.read(400)).completionCode).toBe('timeOut');
    await a.swapCard('hkMacaoTaiwan');
    expect((await a.read()).payload.cardType).toBe('hkMacaoTaiwan');
  });

  it('no card → timeOut at the requested timeout; media notPresent', async () => {
    const a = await simulated();
    const started = Date.now();
    const done = await a.read(700);
    const took = Date.now() - started;
    expect(done.completionCode).toBe('timeOut');
    expect(took).toBeGreaterThanOrEqual(690);
    expect(took).toBeLessThan(1200);
    expect(a.status().media).toBe('notPresent');
  });

  it('SAM self-test failure → hardwareError; recovery → online; 40 → invalidMedia; 66 → samError', async () => {
    const a = await simulated();
    const sim = a.service.simulator!;
    sim.setSamFailure(true);
    await a.waitForDevice('hardwareError', 3000);
    expect(a.status().lastError?.eventId).toBe('idcard.samError');
    expect((await a.read()).completionCode).toBe('deviceNotReady');
    sim.setSamFailure(false);
    await a.waitForDevice('online', 3000);
    sim.placeCard('resident');
    sim.failNext('3001', 0x40);
    expect((await a.read()).payload.errorCode).toBe('invalidMedia');
    await a.swapCard('resident');
    sim.failNext('2002', 0x66);
    expect((await a.read()).payload.errorCode).toBe('samError');
    expect(a.status().device).toBe('hardwareError');
  });

  it('SAM self-test failure at power-on → hardwareError until the SAM recovers', async () => {
    agent = await startIdCardAgent({ transport: 'simulated' }, { simulator: { ...NO_LATENCY, sam: 'selftestFail' } });
    await agent.waitForDevice('hardwareError', 3000);
    expect(agent.status().media).toBe('unknown');
    agent.service.simulator!.setSam('ok');
    await agent.waitForDevice('online', 3000);
  });

  it('unplug → powerOff and the running read completes hardwareError; plug → online and reads again', async () => {
    const a = await simulated();
    const sim = a.service.simulator!;
    const pending = a.read(5000);
    await new Promise((r) => setTimeout(r, 100));
    sim.unplug();
    expect(a.status().device).toBe('powerOff');
    expect((await pending).completionCode).toBe('hardwareError');
    sim.plug();
    await a.waitForDevice('online', 8000);
    sim.placeCard('resident');
    expect((await a.read()).completionCode).toBe('success');
  });

  it('item 13: after the reader reconnects, the next card is read (no stale "card still there" from before the unplug)', async () => {
    const a = await simulated();
    const sim = a.service.simulator!;
    sim.placeCard('resident');
    expect((await a.read()).completionCode).toBe('success');
    sim.unplug();
    await a.waitForDevice('powerOff', 2000);
    // While the reader is away the first card is taken and another one is put down.
    sim.placeCard('hkMacaoTaiwan');
    sim.plug();
    await a.waitForDevice('online', 8000);
    const next = await a.read(4000);
    expect(next.completionCode).toBe('success');
    expect(next.payload.idNumber).toBe(HMT_ID);
  });

  it('removal after a read is detected (media notPresent)', async () => {
    const a = await simulated();
    const sim = a.service.simulator!;
    sim.placeCard('resident');
    await a.read();
    expect(a.status().media).toBe('present');
    sim.removeCard();
    const start = Date.now();
    while (a.status().media !== 'notPresent' && Date.now() - start < 2000) await new Promise((r) => setTimeout(r, 20));
    expect(a.status().media).toBe('notPresent');
  });

  it('probe sends 11 FF and shows the raw reply', async () => {
    const a = await simulated();
    expect(await a.service.probe()).toEqual({
      sent: 'AA AA AA 96 69 00 03 11 FF ED',
      reply: 'AA AA AA 96 69 00 04 00 00 90 94',
    });
  });
});

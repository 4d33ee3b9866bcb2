import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../service-center/src/auth/password.js';
import type { CenterConfig } from '../../../service-center/src/config-schema.js';
import { startTestPostgres, type TestPostgres } from '../../helpers/postgres.js';
import { beat, heartbeat } from '../fleet/fleet-centre.js';
import { startConsultCenter, type ConsultCenter, type SigClient } from './harness.js';

// Issue 14 item 2: a province hosts one centre for all its counties. A kiosk queues in its terminal's
// county (configured, else its heartbeat's region code, else the first county); a county lawyer sees
// and takes only her county's callers; province staff see every county at a glance and take from any.

const JIA = '450121';
const YI = '450122';
const BING = '450123';
const COUNTIES: NonNullable<CenterConfig['counties']> = [
  { code: JIA, name: '甲县' },
  { code: YI, name: '乙县' },
  { code: BING, name: '丙县' },
];
const TERMINALS: CenterConfig['terminals'] = [
  { id: 'jia-0001', token: 'jia-terminal-token-01', name: '甲县一村', county: JIA },
  { id: 'yi-0001', token: 'yi-terminal-token-001', name: '乙县一村', county: YI },
  // No county in the configuration: its heartbeat says 乙县.
  { id: 'yi-0002', token: 'yi-terminal-token-002', name: '乙县二村' },
  // Nothing at all yet: the first county.
  { id: 'new-0001', token: 'new-terminal-token-01', name: '新装的村' },
];

async function addLawyer(center: ConsultCenter, name: string, county?: string): Promise<void> {
  await center.center.repo.putStaff({
    name,
    passwordHash: await hashPassword('a-long-password-1', 10),
    mustChange: false,
    role: 'lawyer',
    at: new Date().toISOString(),
    ...(county ? { county } : {}),
  });
}

const clients: SigClient[] = [];
const track = async (c: Promise<SigClient>): Promise<SigClient> => {
  const client = await c;
  clients.push(client);
  return client;
};

/** Ends the call the lawyer was just matched into (from the kiosk's side) and waits until it is over. */
async function hangUp(kiosk: SigClient, lawyer: SigClient): Promise<void> {
  const { callId } = await kiosk.next('matched');
  kiosk.send({ type: 'hangup', callId, reason: 'hangup' });
  await lawyer.next('hangup', (m) => m.callId === callId);
}

describe('consultation queues per county, one centre process', () => {
  let center: ConsultCenter;

  beforeAll(async () => {
    center = await startConsultCenter({}, { terminals: TERMINALS, counties: COUNTIES });
    await addLawyer(center, 'lawyer-jia', JIA);
    await addLawyer(center, 'lawyer-yi', YI);
    await addLawyer(center, 'province-wang');
    const res = await beat(center.url, 'yi-terminal-token-002', heartbeat({ regionCode: YI }));
    expect(res.status).toBe(200);
  });

  afterEach(() => {
    for (const c of clients.splice(0)) c.ws.terminate();
  });

  afterAll(async () => center?.stop());

  it('a county lawyer sees and takes only her county’s callers; a kiosk hears her county’s place and lawyers', async () => {
    const jiaLawyer = await track(center.connect('lawyer', 'lawyer-jia'));
    expect(await jiaLawyer.next('queue')).toMatchObject({ county: JIA, queue: [], lawyersOnline: 1 });
    const [jia, yi1, yi2, fresh] = await Promise.all(
      ['jia-0001', 'yi-0001', 'yi-0002', 'new-0001'].map((id) => track(center.connect('kiosk', id))),
    );
    // Nobody serves 乙县 yet: at once the hotline, although a 甲县 lawyer is online.
    yi1.send({ type: 'enqueue', topic: 'land', consent: true });
    expect(await yi1.next('no-answer')).toMatchObject({ reason: 'no-lawyer-online' });
    jia.send({ type: 'enqueue', topic: 'wages', consent: true });
    expect(await jia.next('queued')).toMatchObject({ position: 1, lawyersOnline: 1 });

    const yiLawyer = await track(center.connect('lawyer', 'lawyer-yi'));
    yi1.send({ type: 'enqueue', topic: 'land', consent: true });
    expect(await yi1.next('queued')).toMatchObject({ position: 1, lawyersOnline: 1 });
    yi2.send({ type: 'enqueue', topic: 'loan', consent: false });
    expect(await yi2.next('queued')).toMatchObject({ position: 2, lawyersOnline: 1 });
    fresh.send({ type: 'enqueue', topic: 'family', consent: false });
    expect(await fresh.next('queued')).toMatchObject({ position: 2, lawyersOnline: 1 });

    const jiaView = await jiaLawyer.next('queue', (m) => m.queue.length === 2);
    expect(jiaView.queue.map((e) => [e.kioskId, e.county, e.position])).toEqual([
      ['jia-0001', JIA, 1],
      ['new-0001', JIA, 2],
    ]);
    expect(jiaView).not.toHaveProperty('counties');
    const yiView = await yiLawyer.next('queue', (m) => m.queue.length === 2);
    expect(yiView).toMatchObject({ county: YI, lawyersOnline: 1 });
    expect(yiView.queue.map((e) => [e.kioskId, e.position])).toEqual([
      ['yi-0001', 1],
      ['yi-0002', 2],
    ]);

    // She cannot reach into another county, and a county must be a code.
    jiaLawyer.send({ type: 'take-next', county: YI });
    expect(await jiaLawyer.next('error')).toMatchObject({ error: 'forbidden', detail: 'another county' });
    jiaLawyer.send({ type: 'take-next', county: '4501' });
    expect(await jiaLawyer.next('error')).toMatchObject({ error: 'badMessage' });

    // Her own county, oldest first, although 乙县's callers waited longer than 新装的村.
    jiaLawyer.send({ type: 'take-next' });
    expect((await jiaLawyer.next('matched')).peer).toMatchObject({ kioskId: 'jia-0001' });
    await hangUp(jia, jiaLawyer);
    jiaLawyer.send({ type: 'take-next', county: JIA });
    expect((await jiaLawyer.next('matched')).peer).toMatchObject({ kioskId: 'new-0001' });
    await hangUp(fresh, jiaLawyer);
    jiaLawyer.send({ type: 'take-next' });
    await jiaLawyer.next('queue-empty');
    expect(await yi1.none('matched', 200)).toBe(true);
    expect(await yi2.none('matched', 0)).toBe(true);
    const health = (await (await fetch(`${center.url}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ queue: 2, lawyers: 2 });
  });

  it('province staff see every county at a glance, count as online in each, and take from any', async () => {
    const jiaLawyer = await track(center.connect('lawyer', 'lawyer-jia'));
    const yiLawyer = await track(center.connect('lawyer', 'lawyer-yi'));
    const [yi1, yi2, jia] = await Promise.all(
      ['yi-0001', 'yi-0002', 'jia-0001'].map((id) => track(center.connect('kiosk', id))),
    );
    for (const k of [yi1, yi2, jia]) {
      k.send({ type: 'enqueue', topic: 'other', consent: false });
      await k.next('queued');
    }
    const province = await track(center.connect('lawyer', 'province-wang'));
    const view = await province.next('queue', (m) => m.queue.length === 3 && m.lawyersOnline === 3);
    expect(view).not.toHaveProperty('county');
    expect(view.queue.map((e) => [e.kioskId, e.county, e.position])).toEqual([
      ['yi-0001', YI, 1],
      ['yi-0002', YI, 2],
      ['jia-0001', JIA, 1],
    ]);
    expect(view.counties).toEqual([
      { county: JIA, name: '甲县', waiting: 1, longestWaitS: expect.any(Number), lawyersOnline: 1 },
      { county: YI, name: '乙县', waiting: 2, longestWaitS: expect.any(Number), lawyersOnline: 1 },
      { county: BING, name: '丙县', waiting: 0, longestWaitS: 0, lawyersOnline: 0 },
    ]);
    // Each kiosk counts her county's lawyer and the province's; the county lawyers still see their own.
    expect(await yi2.next('queued', (m) => m.lawyersOnline === 2)).toMatchObject({ position: 2 });
    expect(await jia.next('queued', (m) => m.lawyersOnline === 2)).toMatchObject({ position: 1 });
    expect((await jiaLawyer.next('queue', (m) => m.lawyersOnline === 2)).queue.map((e) => e.kioskId)).toEqual([
      'jia-0001',
    ]);

    // Helping the overloaded county, then the oldest caller of any county.
    province.send({ type: 'take-next', county: YI });
    expect((await province.next('matched')).peer).toMatchObject({ kioskId: 'yi-0001' });
    expect(await yi2.next('queued', (m) => m.position === 1)).toMatchObject({ lawyersOnline: 2 });
    const after = await province.next('queue', (m) => m.queue.length === 2);
    expect(after.counties?.find((c) => c.county === YI)).toMatchObject({ waiting: 1 });
    await hangUp(yi1, province);
    province.send({ type: 'take-next' });
    expect((await province.next('matched')).peer).toMatchObject({ kioskId: 'yi-0002' });
    await hangUp(yi2, province);
    yiLawyer.send({ type: 'take-next' });
    await yiLawyer.next('queue-empty');
  });
});

describe('consultation queues per county across two centre processes on one PostgreSQL', () => {
  let postgres: TestPostgres;
  let a: ConsultCenter;
  let b: ConsultCenter;

  beforeAll(async () => {
    postgres = await startTestPostgres();
    const url = await postgres.createDatabase();
    const options = { storage: { kind: 'postgres' as const, url }, terminals: TERMINALS, counties: COUNTIES };
    a = await startConsultCenter({}, options);
    b = await startConsultCenter({}, options);
    await addLawyer(a, 'lawyer-jia', JIA);
    await addLawyer(a, 'province-wang');
  }, 120_000);

  afterAll(async () => {
    for (const c of clients.splice(0)) c.ws.terminate();
    await a?.stop();
    await b?.stop();
    await postgres?.stop();
  });

  it('kiosks on A, lawyers on B: a county lawyer never gets another county’s caller, province staff do', async () => {
    const jiaLawyer = await track(b.connect('lawyer', 'lawyer-jia'));
    await jiaLawyer.next('queue', (m) => m.lawyersOnline === 1);
    const yi = await track(a.connect('kiosk', 'yi-0001'));
    const jia = await track(a.connect('kiosk', 'jia-0001'));
    yi.send({ type: 'enqueue', topic: 'land', consent: true });
    expect(await yi.next('no-answer')).toMatchObject({ reason: 'no-lawyer-online' });

    const province = await track(b.connect('lawyer', 'province-wang'));
    await province.next('queue', (m) => m.lawyersOnline === 2);
    yi.send({ type: 'enqueue', topic: 'land', consent: true });
    expect(await yi.next('queued')).toMatchObject({ position: 1, lawyersOnline: 1 });
    jia.send({ type: 'enqueue', topic: 'wages', consent: true });
    expect(await jia.next('queued')).toMatchObject({ position: 1, lawyersOnline: 2 });

    const jiaView = await jiaLawyer.next('queue', (m) => m.queue.length === 1);
    expect(jiaView.queue[0]).toMatchObject({ kioskId: 'jia-0001', county: JIA });
    const overview = await province.next('queue', (m) => m.queue.length === 2);
    expect(overview.counties?.map((c) => [c.county, c.waiting, c.lawyersOnline])).toEqual([
      [JIA, 1, 1],
      [YI, 1, 0],
      [BING, 0, 0],
    ]);

    // 乙县's caller waited longer, but the 甲县 lawyer's take-next claims only 甲县's.
    jiaLawyer.send({ type: 'take-next' });
    expect((await jiaLawyer.next('matched')).peer).toMatchObject({ kioskId: 'jia-0001' });
    await hangUp(jia, jiaLawyer);
    jiaLawyer.send({ type: 'take-next' });
    await jiaLawyer.next('queue-empty');
    expect(await yi.none('matched', 200)).toBe(true);

    province.send({ type: 'take-next', county: YI });
    const matched = await province.next('matched');
    expect(matched.peer).toMatchObject({ kioskId: 'yi-0001' });
    expect((await yi.next('matched')).callId).toBe(matched.callId);
    yi.send({ type: 'hangup', callId: matched.callId, reason: 'hangup' });
    await province.next('hangup');
  });
});

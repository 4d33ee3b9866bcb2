// The notary's video interview end to end (issue 12), on the consultation's call stack: the real centre
// (child process) with a notary account, the real agent (outbox to the centre), two Chromium processes
// with fake camera and microphone and loopback ICE. The notary publishes a slot in the console
// (面谈时段); the kiosk page holds a seat through the agent and submits a notarization request with
// booking.holdId through the outbox; the hold becomes the booking of its receipt number. The villager
// joins from home (我预约了公证视频, the receipt digits); the notary goes online, sees her with her booked
// time and matter, takes the interview; both sides decode video; the notary hangs up; the call record
// carries the interview kind and the receipt number.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallList } from '@kiosk/contract/signalling-api';
import type { NotaryInterviewList } from '@kiosk/contract/notary-api';
import { addChinaWorkingDays } from '@kiosk/domain/china-time';
import { TINY_JPEG_BASE64, pngBase64, validId } from '../device-agent/outbox/fixtures.js';
import { TERMINAL, callStats } from './consultation-harness.js';
import { tapDigits } from './notarization-walk.js';
import { notaryGoesOnline, notaryLogin, startNotaryScene, videoFlows, type NotaryScene } from './notary-scene.js';

const NOTARY = { name: 'notary-wang', password: 'notary-password-2026' };

/** A staff login over HTTP (cookie + CSRF) for reading the centre's answers. */
async function staffApi(url: string, name: string, password: string) {
  const res = await fetch(`${url}/api/v1/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return async <T>(path: string): Promise<T> => {
    const r = await fetch(`${url}${path}`, { headers: { cookie } });
    return (await r.json()) as T;
  };
}

/** What the kiosk page sends through the agent: slots, the hold, the request (same as the flow's calls). */
const SUBMIT_WITH_HOLD = `(async (data) => {
  const list = await (await fetch('/api/v1/notary-slots', { cache: 'no-store' })).json();
  const slot = list.slots[0];
  if (!slot) return { error: 'no slot', list };
  const holdRes = await fetch('/api/v1/notary-slots/' + slot.slotId + '/hold', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  const hold = await holdRes.json();
  if (holdRes.status !== 200) return { error: 'hold ' + holdRes.status, hold };
  data.booking = { kind: 'slot', slot: hold.startsAt, holdId: hold.holdId };
  const res = await fetch('/api/v1/submissions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'notarization', clientSubmissionId: crypto.randomUUID().replaceAll('-', ''), data }),
  });
  return { status: res.status, body: await res.json(), hold, notariesOnline: list.notariesOnline };
})`;

function notarizationData(): Record<string, unknown> {
  const at = new Date().toISOString();
  return {
    applicant: { name: '韦秀兰', idNumber: validId(), phone: '13907710001' },
    matter: { code: 'education' },
    purpose: '找工作',
    where: 'domestic',
    liveness: {
      result: 'passed',
      method: 'faceDetector-headTurn',
      checkedAt: at,
      attempts: 1,
      order: ['left', 'right'],
      facePhoto: 0,
    },
    materials: [{ id: 'diploma', photographed: false }],
    documents: {
      photos: [{ dataUrl: `data:image/jpeg;base64,${TINY_JPEG_BASE64}`, label: '现场人像照片' }],
      signature: { dataUrl: `data:image/png;base64,${pngBase64()}` },
    },
    consent: { accepted: true, at },
  };
}

describe('the notary’s video interview between two browsers', () => {
  let scene: NotaryScene;

  beforeAll(async () => {
    scene = await startNotaryScene(NOTARY);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await scene?.screenshots('notary-interview');
  });

  afterAll(async () => scene?.stop());

  it('a booked request: the kiosk joins with the receipt number, the notary takes it, video both ways, the record names the receipt', async () => {
    const { centre, agent, kiosk, notary } = scene;
    // The notary publishes tomorrow's (next working day's) 9:00 slot in the console.
    await notaryLogin(notary, centre.url, NOTARY);
    await notary.getByRole('button', { name: '面谈时段' }).click();
    const day = addChinaWorkingDays(Date.now(), 1);
    await notary.getByLabel('日期', { exact: true }).fill(day);
    await notary.getByLabel('第一段开始时间').fill('09:00');
    await notary.getByLabel(/连续几段/).fill('1');
    await notary.getByRole('button', { name: '发布' }).click();
    await notary.getByText(/已发布 1 个时段：\d+月\d+日 09:00 起。/).waitFor();

    // The kiosk page holds the seat through the agent and submits the request with the hold id.
    await kiosk.goto(`${agent.base}/`);
    const sent = await kiosk.evaluate<{
      status?: number;
      body?: { receiptNo?: string };
      hold?: { startsAt: string };
      error?: string;
    }>(`${SUBMIT_WITH_HOLD}(${JSON.stringify(notarizationData())})`);
    expect(sent.error, JSON.stringify(sent)).toBeUndefined();
    expect(sent.status).toBe(200);
    const receiptNo = sent.body!.receiptNo!;
    expect(receiptNo).toMatch(/^GZ\d{6}-\d{4}-\d{4}$/);

    // Through the outbox to the centre: the hold became the booking of this receipt number.
    const api = await staffApi(centre.url, NOTARY.name, NOTARY.password);
    await expect
      .poll(
        async () =>
          (await api<NotaryInterviewList>(`/api/v1/staff/notary-interviews?date=${day}`)).items.map((i) => i.receiptNo),
        { timeout: 20_000, interval: 300 },
      )
      .toContain(receiptNo);

    // The notary goes online at her interview desk.
    await notaryGoesOnline(notary);

    // The villager: home → 我预约了公证视频 → the receipt's digits → waiting.
    const home = kiosk.getByRole('button', { name: /我预约了公证视频/ });
    if (!(await home.isVisible().catch(() => false))) await kiosk.mouse.click(960, 540);
    await home.click();
    const flow = kiosk.locator('kiosk-notary-interview-flow');
    await tapDigits(flow.locator('kiosk-digit-pad'), receiptNo.replace(/\D/g, ''));
    await flow.getByRole('button', { name: '下一步' }).click();
    await flow.locator('kiosk-notary-interview-status[mode="waiting"]').waitFor();
    await flow.getByText('公证员在线，马上接通您').waitFor({ timeout: 10_000 });

    // She is on the notary's list with the matter and the booked time.
    const row = notary.locator(`center-notary-interviews tr[data-receipt="${receiptNo}"]`);
    await row.waitFor({ timeout: 10_000 });
    const rowText = await row.innerText();
    expect(rowText).toContain('学历公证');
    expect(rowText).toMatch(/\d+月\d+日 09:00/);
    expect(rowText).toContain(TERMINAL.name);
    await row.getByRole('button', { name: `开始面谈 ${receiptNo}` }).click();

    // Both sides decode video at a real resolution.
    await expect.poll(() => videoFlows(kiosk), { timeout: 15_000, interval: 200 }).toBe(true);
    await expect.poll(() => videoFlows(notary), { timeout: 15_000, interval: 200 }).toBe(true);
    const k = (await callStats(kiosk))!;
    const n = (await callStats(notary))!;
    expect(k.frameWidth).toBeGreaterThanOrEqual(320);
    expect(n.frameWidth).toBeGreaterThanOrEqual(320);
    console.log(
      `interview: kiosk decoded ${k.videoFramesDecoded} frames at ${k.frameWidth} px wide; notary ${n.videoFramesDecoded} at ${n.frameWidth}`,
    );
    await flow.locator('kiosk-consultation-call').getByText('正在和公证员面谈').waitFor();

    // The notary hangs up: the kiosk says the interview is over.
    await notary.locator('center-call-view').getByRole('button', { name: '挂断' }).click();
    await flow.locator('kiosk-notary-interview-status[mode="ended"]').waitFor({ timeout: 10_000 });
    await flow.getByText('面谈结束').first().waitFor();

    // The call record: an interview, with the receipt number, by this notary.
    await expect
      .poll(async () => (await api<CallList>('/api/v1/staff/calls')).items.find((c) => c.receiptNo === receiptNo), {
        timeout: 10_000,
        interval: 300,
      })
      .toMatchObject({ kind: 'interview', receiptNo, lawyerId: NOTARY.name, kioskId: TERMINAL.id });
    const record = (await api<CallList>('/api/v1/staff/calls')).items.find((c) => c.receiptNo === receiptNo)!;
    expect(record.endedAt).toBeDefined();
  });
});

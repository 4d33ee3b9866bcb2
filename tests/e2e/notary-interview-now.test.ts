// 现在就和公证员视频 end to end (issue 12): the real centre (child process) with a notary account, the real
// agent (simulated reader and printer, outbox to the centre, no WLT decoder), two Chromium processes —
// the kiosk's fake camera plays a face turning left and right (notarization-walk.ts), the notary's the
// default pattern — with loopback ICE. The notary is online at her interview desk; the villager walks
// the request on the kiosk, the interview step offers 现在就和公证员视频, she picks it; after the printed
// receipt 开始视频面谈 takes her straight into the waiting room (no home screen, no receipt digits); the
// notary sees her receipt number and matter and takes the call; both sides decode video; the notary
// hangs up; the kiosk says 面谈结束 and 办好了. The call record is an interview with that receipt number,
// and the request's detail says the card photo is unavailable on this terminal (no decoder).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallList } from '@kiosk/contract/signalling-api';
import type { IdCardService } from '../../device-agent/src/devices/idcard/idcard-service.js';
import type { PrinterService } from '../../device-agent/src/devices/printer/printer-service.js';
import { TERMINAL, callStats } from './consultation-harness.js';
import { makeClips, toLiveness, toSignature } from './notarization-walk.js';
import { notaryGoesOnline, notaryLogin, startNotaryScene, videoFlows, type NotaryScene } from './notary-scene.js';

const NOTARY = { name: 'notary-zhao', password: 'notary-password-2026' };

describe('现在就和公证员视频: from the receipt straight into the notary’s interview', () => {
  let scene: NotaryScene;

  beforeAll(async () => {
    const clips = makeClips(mkdtempSync(join(tmpdir(), 'notary-now-clips-')));
    scene = await startNotaryScene(NOTARY, [`--use-file-for-fake-video-capture=${clips.turning}`]);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await scene?.screenshots('notary-now');
  });

  afterAll(async () => scene?.stop());

  it('she picks 现在, the notary takes the call without her going home; video both ways; the record names her receipt', async () => {
    const { centre, agent, kiosk, notary } = scene;
    // The notary is online at her interview desk.
    await notaryLogin(notary, centre.url, NOTARY);
    await notaryGoesOnline(notary);

    // The villager's request: home → 公证预约 → … → the live-person check passes → 现在就和公证员视频.
    const idcard = agent.agent.services.get('idcard') as IdCardService;
    const printer = agent.agent.services.get('printer') as PrinterService;
    const flow = await toLiveness(kiosk, agent.base, idcard);
    await toSignature(kiosk, flow, /现在就和公证员视频/);
    const before = printer.simulator!.jobs().length;
    await flow.getByRole('button', { name: '提交申请' }).click();
    const receipt = flow.locator('kiosk-notarization-receipt');
    await receipt.getByText('回执打好了，请取走').waitFor({ timeout: 30_000 });
    const receiptNo = (await receipt.locator('[data-receipt-no]').innerText()).trim();
    expect(receiptNo).toMatch(/^GZ\d{6}-\d{4}-\d{4}$/);
    // Found by its number: the agent's admin setup slip may come out during the test too.
    const job = printer
      .simulator!.jobs()
      .slice(before)
      .find((j) => j.lines.some((l) => l.includes(receiptNo)));
    expect(job, 'receipt job').toBeDefined();
    const printed = job!.lines.join('\n');
    expect(printed).toContain(receiptNo);
    expect(printed).toContain('现在视频面谈');
    await receipt.getByText('接下来和公证员视频').waitFor();

    // 开始视频面谈: the waiting room of the same flow, her receipt number on screen.
    await receipt.getByRole('button', { name: '开始视频面谈' }).click();
    const interview = flow.locator('kiosk-notary-interview-flow');
    await interview.locator('kiosk-notary-interview-status[mode="waiting"]').waitFor();
    await interview.getByText(`受理编号 ${receiptNo}`).waitFor();
    await interview.getByText('公证员在线，马上接通您').waitFor({ timeout: 20_000 });
    expect(await kiosk.locator('kiosk-notary-interview-receipt').count()).toBe(0);

    // The notary sees her, with the matter, and takes the interview.
    const row = notary.locator(`center-notary-interviews tr[data-receipt="${receiptNo}"]`);
    await row.waitFor({ timeout: 15_000 });
    const rowText = await row.innerText();
    expect(rowText).toContain('学历公证');
    expect(rowText).toContain(TERMINAL.name);
    await row.getByRole('button', { name: `开始面谈 ${receiptNo}` }).click();

    // Both sides decode video at a real resolution.
    await expect.poll(() => videoFlows(kiosk), { timeout: 20_000, interval: 200 }).toBe(true);
    await expect.poll(() => videoFlows(notary), { timeout: 20_000, interval: 200 }).toBe(true);
    const k = (await callStats(kiosk))!;
    const n = (await callStats(notary))!;
    expect(k.frameWidth).toBeGreaterThanOrEqual(320);
    expect(n.frameWidth).toBeGreaterThanOrEqual(320);
    console.log(
      `now interview: kiosk decoded ${k.videoFramesDecoded} frames at ${k.frameWidth} px wide; notary ${n.videoFramesDecoded} at ${n.frameWidth}`,
    );
    await interview.locator('kiosk-consultation-call').getByText('正在和公证员面谈').waitFor();

    // The notary hangs up: 面谈结束, then 办好了 in the notarization flow — never the home screen.
    await notary.locator('center-call-view').getByRole('button', { name: '挂断' }).click();
    await interview.locator('kiosk-notary-interview-status[mode="ended"]').waitFor({ timeout: 10_000 });
    await interview.getByRole('button', { name: '完成' }).click();
    await flow.getByRole('heading', { name: '办好了' }).waitFor();

    // The call record: an interview with her receipt number, by this notary, from this terminal.
    await notary.getByRole('button', { name: '回到等候列表' }).click();
    await notary.getByRole('button', { name: '申请列表' }).click();
    const request = notary.getByRole('row').filter({ hasText: receiptNo });
    await request.waitFor({ timeout: 20_000 });
    await request.getByRole('button', { name: '查看' }).click();
    // No decoder on this terminal: the notary is told the card photo is unavailable and to compare at the interview.
    const note = notary.locator('[data-id-photo-missing="noDecoder"]');
    await note.waitFor();
    expect(await note.innerText()).toContain('没有证件照片解码程序');
    await notary.getByText('申请时选择现在面谈').waitFor();

    const cookie = (await notary.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const calls = (await (await fetch(`${centre.url}/api/v1/staff/calls`, { headers: { cookie } })).json()) as CallList;
    expect(calls.items.find((c) => c.receiptNo === receiptNo)).toMatchObject({
      kind: 'interview',
      receiptNo,
      lawyerId: NOTARY.name,
      kioskId: TERMINAL.id,
    });
  }, 240_000);
});

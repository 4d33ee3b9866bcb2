// The remote-notarization walk the end-to-end tests share: the fake camera's clips made at set-up from
// astronaut.png (public domain, Debian python3-skimage; tests/kiosk-ui/notarization/fixtures) — a head
// turning left and right, stretched piecewise around the nose (a flat warp does not read as a turn,
// face-check.md §8; face-detector.test.ts measures ±36° for the ±0.6 shifts used here), and a still
// picture — and the kiosk's steps from home to the live-person check.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright';
import { expect } from 'vitest';
import type { IdCardService } from '../../device-agent/src/devices/idcard/idcard-service.js';

const ROOT = resolve(import.meta.dirname, '../..');
const ASTRONAUT = join(ROOT, 'tests/kiosk-ui/notarization/fixtures/astronaut.png');
const CONVERT = '/usr/bin/convert';
const FPS = 15;

/** Face band in the 640×480 frontal frame (crop 340×255+55+3 of the 512² picture, face-check.md §10). */
const SX = 640 / 340;
const LEFT = Math.round((177 - 20 - 55) * SX);
const RIGHT = Math.round((177 + 95 + 20 - 55) * SX);
const NOSE = Math.round((221 - 55) * SX);

function pose(dir: string, base: string, shift: number): string {
  const out = join(dir, `pose_${shift.toFixed(2)}.png`);
  const target = Math.round(NOSE + shift * (RIGHT - NOSE));
  if (target === NOSE) {
    execFileSync(CONVERT, [base, out]);
    return out;
  }
  execFileSync(CONVERT, [
    base,
    '(',
    base,
    '-crop',
    `${NOSE - LEFT}x480+${LEFT}+0`,
    '+repage',
    '-resize',
    `${target - LEFT}x480!`,
    ')',
    '-geometry',
    `+${LEFT}+0`,
    '-composite',
    '(',
    base,
    '-crop',
    `${RIGHT - NOSE}x480+${NOSE}+0`,
    '+repage',
    '-resize',
    `${RIGHT - target}x480!`,
    ')',
    '-geometry',
    `+${target}+0`,
    '-composite',
    out,
  ]);
  return out;
}

/** A looping clip: frontal 1.2 s, turn to her left and hold, back, turn to her right and hold, back. */
export function makeClips(dir: string): { turning: string; still: string } {
  const base = join(dir, 'frontal.png');
  execFileSync(CONVERT, [ASTRONAUT, '-crop', '340x255+55+3', '+repage', '-resize', '640x480!', base]);
  const steps = [0.15, 0.3, 0.45, 0.6];
  const timeline: number[] = [];
  const hold = (s: number, n: number) => timeline.push(...Array.from({ length: n }, () => s));
  hold(0, 18);
  for (const s of steps) hold(s, 2);
  hold(0.6, 12);
  for (const s of [...steps].reverse()) hold(s, 2);
  hold(0, 10);
  for (const s of steps) hold(-s, 2);
  hold(-0.6, 12);
  for (const s of [...steps].reverse()) hold(-s, 2);
  const poses = new Map<number, string>();
  for (const s of new Set(timeline)) poses.set(s, pose(dir, base, s));
  const frames = join(dir, 'frames');
  mkdirSync(frames);
  timeline.forEach((s, i) => symlinkSync(poses.get(s)!, join(frames, `f${String(i).padStart(4, '0')}.png`)));
  const turning = join(dir, 'turning.y4m');
  const still = join(dir, 'still.y4m');
  const ffmpeg = (args: string[]) => execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);
  ffmpeg(['-framerate', String(FPS), '-i', join(frames, 'f%04d.png'), '-pix_fmt', 'yuv420p', turning]);
  ffmpeg(['-loop', '1', '-i', base, '-frames:v', '15', '-r', String(FPS), '-pix_fmt', 'yuv420p', still]);
  return { turning, still };
}

export async function tapDigits(pad: Locator, digits: string): Promise<void> {
  for (const d of digits) await pad.getByRole('button', { name: d, exact: true }).click();
}

/** home → 公证预约 → 学历公证 → 国内 / first use → 给我自己办 → 我同意 → card → the live-person check. */
export async function toLiveness(page: Page, base: string, idcard: IdCardService): Promise<Locator> {
  await page.goto(`${base}/`);
  const home = page.getByRole('button', { name: /公证预约/ });
  if (!(await home.isVisible().catch(() => false))) await page.mouse.click(960, 540);
  await home.click();
  const flow = page.locator('kiosk-notarization-flow');
  await flow.getByRole('button', { name: /学历公证/ }).click();
  const purpose = flow.locator('kiosk-notarization-purpose');
  await purpose.getByRole('button', { name: '在国内用' }).click();
  const uses = purpose.getByRole('group', { name: '做什么用' }).getByRole('button');
  await uses.first().click();
  await purpose.getByRole('button', { name: '下一步' }).click();
  const applicant = flow.locator('kiosk-notarization-applicant');
  await applicant.getByRole('button', { name: /给我自己办/ }).click();
  await applicant.getByRole('button', { name: '下一步' }).click();
  await flow.getByRole('button', { name: '我同意' }).click();
  await flow.getByRole('heading', { name: '请放身份证' }).waitFor();
  idcard.simulator!.placeCard('resident');
  await flow.getByRole('heading', { name: '请取走身份证' }).waitFor();
  idcard.simulator!.removeCard();
  await flow.locator('kiosk-notarization-liveness').waitFor();
  return flow;
}

/**
 * After the check: one material photo → the phone number → the interview choice named `interview` →
 * the review → the signature drawn. 提交申请 is the caller's.
 */
export async function toSignature(page: Page, flow: Locator, interview: RegExp): Promise<void> {
  const docs = flow.locator('kiosk-notarization-documents');
  await docs.waitFor({ timeout: 40_000 });
  const shutter = docs.getByRole('button', { name: '拍照' });
  await expect.poll(() => shutter.isEnabled(), { timeout: 15_000 }).toBe(true);
  await shutter.click();
  await docs.getByRole('button', { name: '用这张' }).click();
  await docs.getByRole('button', { name: '下一步' }).click();

  const phone = flow.locator('kiosk-notarization-phone');
  await tapDigits(phone.locator('kiosk-digit-pad'), '13800138000');
  await phone.getByRole('button', { name: '下一步' }).click();
  const step = flow.locator('kiosk-notarization-interview');
  await step.getByRole('button', { name: interview }).click();
  await step.getByRole('button', { name: '下一步' }).click();
  await flow.locator('kiosk-notarization-review').getByRole('button', { name: '下一步' }).click();

  const canvas = flow.locator('kiosk-signature-pad canvas');
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 60);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 40 + i * 25, box.y + 60 + (i % 2) * 40);
  await page.mouse.up();
}

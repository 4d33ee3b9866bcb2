// The notarization screens in Chromium at 1920×1080 (axe, sizes, no scrolling), driven through the owner
// with a fake agent (fetch), the fake camera and an injected, scripted face detector: matter → purpose →
// applicant → consent → ID card → live-person check → materials → phone → interview → review → signature
// → submission (kind notarization) → printed notarization-receipt; the proxy block; a matter the terminal
// cannot take; three failed checks → 请到公证处办理 + 12348.
import { html } from 'lit';
import { userEvent } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../kiosk-ui/src/notarization/kiosk-notarization-flow.js';
import type { KioskNotarizationFlow } from '../../../kiosk-ui/src/notarization/kiosk-notarization-flow.js';
import type { KioskNotarizationLiveness } from '../../../kiosk-ui/src/notarization/kiosk-notarization-liveness.js';
import {
  setFaceDetectorFactory,
  type FaceDetection,
  type FaceDetectorLike,
} from '../../../kiosk-ui/src/notarization/face-detector.js';
import type { FaceFrame } from '../../../kiosk-ui/src/notarization/face-worker-protocol.js';
import { DEFAULT_LIVENESS, type FaceBox } from '../../../kiosk-ui/src/notarization/liveness.js';
import {
  button,
  deepElements,
  deepText,
  expectAxeClean,
  expectKioskSizes,
  mount,
  settle,
} from '../legal-aid/step-helpers.js';

const CARD = {
  cardType: 'resident',
  name: '张三',
  gender: '男',
  genderCode: '1',
  ethnicity: '汉',
  birthDate: '1949-12-31',
  address: '北京市',
  idNumber: '11010519491231002X',
  idNumberValid: true,
  issuingAuthority: '公安局',
  validFrom: '2010-01-01',
  validUntil: '长期',
};

interface Agent {
  calls: Array<{ path: string; body: unknown }>;
}

function fakeAgent(): Agent {
  const calls: Agent['calls'] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.spyOn(window, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.origin);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    calls.push({ path: url.pathname, body });
    if (url.pathname === '/api/v1/submissions')
      return json({ receiptNo: 'GZ261202-0001-0003', storedAt: new Date().toISOString(), uploaded: false });
    if (url.pathname.endsWith('/idcard/commands/read') || url.pathname.includes('idcard'))
      return json({
        header: { type: 'completion', name: 'idcard.read', requestId: 1, completionCode: 'success' },
        payload: CARD,
      });
    if (url.pathname.startsWith('/api/v1/services/'))
      return json({
        header: { type: 'completion', name: 'printer.printForm', requestId: 1, completionCode: 'success' },
        payload: {},
      });
    return json({}, 404);
  });
  return { calls };
}

/** A face as the FaceDetector reports it on a 640×480 frame: centred, 30 % wide, turned by `yaw` degrees. */
function face(yaw: number, dx = 0): FaceBox {
  const cx = 0.5 + dx;
  const half = 0.15;
  const t = Math.tan((yaw * Math.PI) / 180);
  // Ears at cx ± half; nose where atan2(dR − dL, dR + dL) = yaw (face-check.md §8).
  const nose = cx - half + half * (1 + t);
  return {
    score: 0.93,
    box: { originX: (cx - half) * 640, originY: 240 - 0.15 * 640, width: 0.3 * 640, height: 0.3 * 640 },
    keypoints: [
      { x: cx - 0.05, y: 0.42 },
      { x: cx + 0.05, y: 0.42 },
      { x: nose, y: 0.5 },
      { x: cx, y: 0.58 },
      { x: cx - half, y: 0.47 },
      { x: cx + half, y: 0.47 },
    ],
  };
}

type Scene = 'follow' | 'still' | 'two' | 'none';

/**
 * A scripted detector: `follow` turns the head as the screen asks; the others never turn. It answers
 * after `delayMs` (as the worker does) and counts the frames it holds at once.
 */
class FakeDetector implements FaceDetectorLike {
  scene: Scene = 'follow';
  frames = 0;
  delayMs = 0;
  inFlight = 0;
  maxInFlight = 0;
  async detect(frame: FaceFrame): Promise<FaceDetection> {
    this.frames++;
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    this.inFlight--;
    return { faces: this.faces(), frame, detectMs: this.delayMs };
  }
  private faces(): FaceBox[] {
    if (this.scene === 'none') return [];
    if (this.scene === 'two') return [face(0, -0.25), face(0, 0.25)];
    if (this.scene === 'still') return [face(2)];
    const hint = deepElements(document.body)
      .find((e) => e.hasAttribute('data-hint'))
      ?.getAttribute('data-hint');
    return [face(hint === 'turnLeft' ? 35 : hint === 'turnRight' ? -35 : 1)];
  }
  async wipe(): Promise<void> {}
  close(): void {}
}

let detector: FakeDetector;

beforeEach(() => {
  detector = new FakeDetector();
  setFaceDetectorFactory(async () => detector);
});

afterEach(() => {
  document.body.innerHTML = '';
  setFaceDetectorFactory(undefined);
  vi.restoreAllMocks();
});

async function until(check: () => boolean, what: string, timeout = 10_000): Promise<void> {
  await vi.waitFor(() => expect(check(), what).toBe(true), { timeout, interval: 30 });
  await settle();
}

async function tap(flow: HTMLElement, text: string): Promise<void> {
  await userEvent.click(button(flow, text));
  await settle();
}

/** The text of every light-DOM element (numbers sit in their own elements). */
function allText(flow: HTMLElement): string {
  return deepElements(flow)
    .map((e) => (e.shadowRoot ? '' : e.textContent))
    .join('|');
}

function shown(flow: HTMLElement, tag: string): boolean {
  return deepElements(flow).some((e) => e.tagName.toLowerCase() === tag);
}

/** Nothing scrolls: the flow fits the 1920×1080 viewport with room for the shell's bars. */
function expectNoScroll(flow: HTMLElement): void {
  for (const el of [flow, ...deepElements(flow)]) {
    if (!(el instanceof HTMLElement)) continue;
    const style = getComputedStyle(el);
    if (style.overflowY === 'auto' || style.overflowY === 'scroll')
      expect(el.scrollHeight, el.tagName).toBeLessThanOrEqual(el.clientHeight + 1);
  }
  const bottom = Math.max(...deepElements(flow).map((e) => e.getBoundingClientRect().bottom));
  expect(bottom).toBeLessThanOrEqual(1080 - 2 * 96);
}

async function checkScreen(flow: HTMLElement): Promise<void> {
  expectKioskSizes(flow);
  expectNoScroll(flow);
  await expectAxeClean(flow);
}

function draw(canvas: HTMLCanvasElement): void {
  const r = canvas.getBoundingClientRect();
  const at = (x: number, y: number, type: string): void => {
    canvas.dispatchEvent(
      new PointerEvent(type, { clientX: r.left + x, clientY: r.top + y, pointerId: 1, bubbles: true }),
    );
  };
  at(20, 20, 'pointerdown');
  for (let i = 1; i < 10; i++) at(20 + i * 20, 20 + i * 8, 'pointermove');
  at(220, 100, 'pointerup');
}

async function mountFlow(): Promise<KioskNotarizationFlow> {
  return mount<KioskNotarizationFlow>(
    html`<kiosk-notarization-flow style="display:block;height:${1080 - 2 * 96}px"></kiosk-notarization-flow>`,
    'kiosk-notarization-flow',
  );
}

/** matter 学历公证 → 国内 / 找工作 → 给我自己办 → 我同意 → card read → the live-person check is on screen. */
async function toLiveness(flow: KioskNotarizationFlow): Promise<void> {
  await checkScreen(flow);
  await tap(flow, '学历公证');
  await until(() => shown(flow, 'kiosk-notarization-purpose'), 'purpose');
  await checkScreen(flow);
  await tap(flow, '在国内用');
  const uses = deepElements(flow).filter(
    (e) => e.tagName === 'BUTTON' && e.closest('[role="group"]') && e.textContent?.trim(),
  );
  expect(uses.length).toBeGreaterThan(0);
  await pickFirstUse(flow);
  await tap(flow, '下一步');
  await until(() => shown(flow, 'kiosk-notarization-applicant'), 'applicant');
  await checkScreen(flow);
  await tap(flow, '给我自己办');
  await tap(flow, '下一步');
  await until(() => shown(flow, 'kiosk-notarization-consent'), 'consent');
  await checkScreen(flow);
  await tap(flow, '我同意');
  await until(() => shown(flow, 'kiosk-notarization-liveness'), 'liveness', 15_000);
}

async function pickFirstUse(flow: HTMLElement): Promise<void> {
  const purpose = deepElements(flow).find((e) => e.tagName.toLowerCase() === 'kiosk-notarization-purpose')!;
  const labels = deepElements(purpose as HTMLElement)
    .filter((e) => e.tagName === 'BUTTON')
    .map((e) => e.textContent?.trim() ?? '');
  const use = labels.find((l) => l && !l.includes('国内') && !l.includes('国外') && !l.includes('一步'));
  if (!use) throw new Error(`no use button among ${labels.join(' / ')}`);
  await tap(flow, use);
}

function liveness(flow: HTMLElement): KioskNotarizationLiveness {
  return deepElements(flow).find(
    (e) => e.tagName.toLowerCase() === 'kiosk-notarization-liveness',
  ) as KioskNotarizationLiveness;
}

describe('notarization screens', () => {
  it('学历公证 from matter to receipt: the check passes with the (fake) detector, materials, interview, printed receipt', async () => {
    const agent = fakeAgent();
    const flow = await mountFlow();
    await toLiveness(flow);
    await until(() => deepElements(flow).some((e) => e.getAttribute('data-hint') === 'holdStill'), 'hold still');
    await checkScreen(flow);
    await until(() => shown(flow, 'kiosk-notarization-documents'), 'materials after the check', 15_000);
    expect(flow.flowState.answers.liveness).toMatchObject({ attempts: 1 });
    expect(flow.flowState.answers.liveness?.faceCrop.startsWith('data:image/jpeg')).toBe(true);
    await until(() => !button(flow, '拍照').disabled, 'camera live');
    await checkScreen(flow);
    await tap(flow, '拍照');
    await until(() => Boolean(deepElements(flow).find((e) => e.textContent?.trim() === '用这张')), 'preview');
    await tap(flow, '用这张');
    expect(flow.flowState.answers.photos).toHaveLength(1);
    await tap(flow, '下一步');
    await until(() => shown(flow, 'kiosk-notarization-phone'), 'phone');
    await checkScreen(flow);
    for (const d of '13800138000') await userEvent.click(button(flow, d));
    await tap(flow, '下一步');
    await until(() => shown(flow, 'kiosk-notarization-interview'), 'interview');
    await checkScreen(flow);
    await tap(flow, '公证处打电话和我约时间');
    await tap(flow, '下一步');
    await until(() => shown(flow, 'kiosk-notarization-review'), 'review');
    await checkScreen(flow);
    expect(deepText(flow)).toContain('学历公证');
    await tap(flow, '下一步');
    await until(() => shown(flow, 'kiosk-legal-aid-signature'), 'signature');
    draw(deepElements(flow).find((e) => e.tagName === 'CANVAS') as HTMLCanvasElement);
    await settle();
    await tap(flow, '提交申请');
    await until(() => shown(flow, 'kiosk-notarization-receipt'), 'receipt');
    await until(() => deepText(flow).includes('回执打好了'), 'printed');
    await checkScreen(flow);
    expect(allText(flow)).toMatch(/受理编号[|\s]*GZ261202-0001-0003/);
    expect(allText(flow)).toMatch(/受理后\s*15\s*个工作日内出证/);

    const submission = agent.calls.find((c) => c.path === '/api/v1/submissions')?.body as {
      kind: string;
      data: Record<string, unknown>;
    };
    expect(submission.kind).toBe('notarization');
    const print = (
      agent.calls.find((c) => c.path === '/api/v1/services/printer/commands/printForm')?.body as {
        payload: { form: string; fields: Record<string, unknown> };
      }
    ).payload;
    expect(print.form).toBe('notarization-receipt');
    expect(print.fields).toMatchObject({
      receiptNo: 'GZ261202-0001-0003',
      matter: '学历公证',
      applicantName: '张三',
      workingDays: 15,
    });
    expect(print.fields['idNumberMasked']).toMatch(/^1101\*+002X$/);
    expect(JSON.stringify(submission.data)).not.toContain('data:video');
  });
});

describe('notarization: blocks and the way out', () => {
  it('a matter that must be done in person is blocked for a family member (公证法 Art 26); 改成给我自己办 goes on', async () => {
    fakeAgent();
    const flow = await mountFlow();
    await tap(flow, '委托 声明 文书');
    await tap(flow, '声明公证');
    await until(() => shown(flow, 'kiosk-notarization-purpose'), 'purpose');
    await tap(flow, '在国内用');
    await pickFirstUse(flow);
    await tap(flow, '下一步');
    await until(() => shown(flow, 'kiosk-notarization-applicant'), 'applicant');
    await tap(flow, '替家里人办');
    const relations = deepElements(flow).filter(
      (e) => e.tagName === 'BUTTON' && e.parentElement?.getAttribute('aria-label') === '他是您的什么人',
    ) as HTMLButtonElement[];
    expect(relations.length).toBeGreaterThan(0);
    await userEvent.click(relations[0]);
    await settle();
    await checkScreen(flow);
    await tap(flow, '下一步');
    await until(() => flow.flowState.step === 'proxyBlocked', 'proxy blocked');
    expect(deepText(flow)).toContain('这件事必须本人办理');
    expect(allText(flow)).toMatch(/公证法第二十六条/);
    expect(allText(flow)).toContain('12348');
    await checkScreen(flow);
    await tap(flow, '改成给我自己办');
    await until(() => flow.flowState.step === 'consent', 'consent for herself');
  });

  it('a matter this terminal cannot take says so and how to do it instead (office, 12348); 选别的公证 goes back', async () => {
    fakeAgent();
    const flow = await mountFlow();
    await tap(flow, '要到公证处办的');
    await checkScreen(flow);
    await tap(flow, '遗嘱公证');
    await until(() => flow.flowState.step === 'notHere', 'not here');
    expect(deepText(flow)).toContain('这件事不能在这台机器上办');
    expect(allText(flow)).toContain('12348');
    await checkScreen(flow);
    await tap(flow, '选别的公证');
    await until(() => flow.flowState.step === 'matter', 'back to the matters');
  });

  it('three failed checks (two faces, a still face, no face) each say why; then 请到公证处办理 + 12348', async () => {
    fakeAgent();
    const flow = await mountFlow();
    await toLiveness(flow);
    const scenes: Array<[Scene, string]> = [
      ['two', 'multipleFaces'],
      ['still', 'timeout'],
      ['none', 'noFace'],
    ];
    for (const [i, [scene, reason]] of scenes.entries()) {
      // The scene changes before the (re)start, so no frame of one attempt belongs to the previous scene.
      detector.scene = scene;
      if (i > 0) await tap(flow, '再试一次');
      liveness(flow).params = { ...DEFAULT_LIVENESS, timeoutMs: 1_500 };
      await until(() => flow.flowState.answers.livenessFailures.length === i + 1, `failure ${i + 1}`);
      expect(flow.flowState.answers.livenessFailures[i]).toBe(reason);
      if (i === 2) break;
      const failure = deepElements(flow).find((e) => e.hasAttribute('data-failure'));
      expect(failure?.getAttribute('data-failure')).toBe(reason);
      expect(deepText(flow)).toContain('验证未通过');
      if (i === 0) await checkScreen(flow);
    }
    await until(() => flow.flowState.step === 'livenessOffice', 'sent to the office');
    expect(flow.flowState.answers.livenessFailures).toEqual(['multipleFaces', 'timeout', 'noFace']);
    expect(deepText(flow)).toContain('请到公证处办理');
    expect(allText(flow)).toContain('12348');
    await checkScreen(flow);
    expect(button(flow, '回首页')).toBeTruthy();
  });

  it('one frame in flight: a detector slower than the camera gets the next frame only after it answers, and the check still passes', async () => {
    fakeAgent();
    // 150 ms a frame: four or five camera frames (30 fps) arrive while one is analysed; they are dropped.
    detector.delayMs = 150;
    const flow = await mountFlow();
    await toLiveness(flow);
    await until(() => shown(flow, 'kiosk-notarization-documents'), 'materials after the check', 20_000);
    expect(detector.maxInFlight).toBe(1);
    expect(detector.frames).toBeGreaterThanOrEqual(DEFAULT_LIVENESS.stableFrames + 2 * DEFAULT_LIVENESS.holdFrames);
    expect(flow.flowState.answers.liveness?.faceCrop.startsWith('data:image/jpeg')).toBe(true);
  });
});

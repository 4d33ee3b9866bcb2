import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../kiosk-ui/src/shell/kiosk-app.js';
import { button, contrastOf, findDeep, settle, tappables, until, visibleTextNodes } from './dom.js';
import { FakeWebSocket, fakeAgent, type FakeAgent } from './fake-agent.js';
import { setFaceDetectorFactory } from '../../../kiosk-ui/src/notarization/face-detector.js';

let agent: FakeAgent;

async function mount(): Promise<HTMLElement> {
  const app = document.createElement('kiosk-app');
  document.body.append(app);
  await until(() => agent.calls.some((c) => c.path === '/api/v1/ui-config'));
  await settle();
  return app;
}

function screenId(): string {
  return findDeep((el) => el.tagName === 'MAIN')?.dataset['screen'] ?? '';
}

function helpRect(): DOMRect {
  const help = findDeep((el) => el instanceof HTMLElement && el.dataset['chrome'] === 'help');
  if (!help) throw new Error('no help button');
  return help.getBoundingClientRect();
}

async function tap(el: HTMLElement): Promise<void> {
  await userEvent.click(el);
  await settle();
}

/** The acceptance checks for the screen now shown. */
async function checkScreen(name: string, seen: Map<string, DOMRect>): Promise<void> {
  const result = await axe.run(document.body, { resultTypes: ['violations'] });
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    `axe on ${name}`,
  ).toEqual([]);

  // Default theme: every text at ≥ 10:1 against its background (accessibility.md §2).
  const faint = visibleTextNodes()
    .map((n) => ({ text: n.textContent.trim(), ratio: contrastOf(n) }))
    .filter((c) => c.ratio < 10)
    .map((c) => `"${c.text}" ${c.ratio.toFixed(1)}:1`);
  expect(faint, `contrast on ${name}`).toEqual([]);

  const small: string[] = [];
  for (const node of visibleTextNodes()) {
    const size = parseFloat(getComputedStyle(node.parentElement!).fontSize);
    const text = node.textContent.trim();
    const min = /[0-9]/.test(text) ? 36 : 28;
    if (size < min) small.push(`"${text}" ${size}px < ${min}px`);
  }
  expect(small, `text sizes on ${name}`).toEqual([]);

  const tiny = tappables()
    .map((el) => ({ el, r: el.getBoundingClientRect() }))
    .filter(({ r }) => r.width < 64 || r.height < 64)
    .map(({ el, r }) => `${el.textContent?.trim()} ${Math.round(r.width)}×${Math.round(r.height)}`);
  expect(tiny, `targets on ${name}`).toEqual([]);

  // Single taps only: no screen may need a swipe to reach its content.
  const main = findDeep((el) => el.tagName === 'MAIN')!;
  expect(main.scrollHeight, `${name} fits without scrolling`).toBeLessThanOrEqual(main.clientHeight + 1);

  seen.set(name, helpRect());
}

describe('kiosk shell screens (default elder mode, 1920×1080)', () => {
  beforeEach(() => {
    setFaceDetectorFactory(async () => ({
      detect: async (frame) => ({ faces: [], frame, detectMs: 0 }),
      wipe: async () => undefined,
      close: () => undefined,
    }));
    agent = fakeAgent({
      submission: (receiptNo) =>
        receiptNo === 'FY261129-0001-0001'
          ? {
              status: 200,
              body: {
                receiptNo,
                kind: 'legalAid',
                state: 'accepted',
                submittedAt: '2026-11-29T03:00:00Z',
                updatedAt: '2026-11-29T04:00:00Z',
                decisionDueBy: '2026-12-06',
              },
            }
          : { status: 404, body: { error: 'statusNotFound' } },
    });
  });
  afterEach(() => {
    document.body.replaceChildren();
    agent.restore();
    setFaceDetectorFactory(undefined);
  });

  it('passes axe, text size, target size and keeps 找工作人员 in one place on every screen; speaks each screen', async () => {
    await mount();
    const seen = new Map<string, DOMRect>();
    expect(screenId()).toBe('attract');
    await checkScreen('attract', seen);

    await tap(button('请轻点屏幕开始'));
    expect(screenId()).toBe('home');
    await checkScreen('home', seen);

    for (const [label, id] of [
      ['12348热线', 'info:hotline'],
      ['办事指南', 'info:guide'],
      ['服务机构', 'info:institutions'],
      ['查询进度', 'info:progress'],
    ] as const) {
      await tap(button(label));
      expect(screenId()).toBe(id);
      await checkScreen(id, seen);
      if (id === 'info:guide') {
        await tap(button('申请法律援助'));
        expect(screenId()).toBe('guide:legalAid');
        await checkScreen('guide:legalAid', seen);
        await tap(button('返回'));
      }
      await tap(button('首页'));
    }

    // 公证预约 opens the remote-notarization flow (every home entry now has its flow; the detector is
    // replaced by one that sees nothing so the 13 MB wasm is not loaded here).
    await tap(button('公证预约'));
    expect(screenId()).toBe('flow:notary');
    await until(() => Boolean(findDeep((el) => el.tagName.toLowerCase() === 'kiosk-notarization-matter')));
    await settle();
    await checkScreen('notary', seen);
    await tap(button('找工作人员'));
    expect(screenId()).toBe('info:help');
    await checkScreen('help', seen);

    const first = [...seen.values()][0];
    for (const [name, r] of seen)
      expect({ name, x: r.x, y: r.y, w: r.width, h: r.height }).toEqual({
        name,
        x: first.x,
        y: first.y,
        w: first.width,
        h: first.height,
      });

    const keys = agent.voiceKeys();
    for (const key of [
      'attract.prompt',
      'home.prompt',
      'hotline.prompt',
      'guide.prompt',
      'guide.items.legalAid.prompt',
      'institutions.prompt',
      'progress.prompt',
      'notarization.steps.matter.prompt',
      'help.prompt',
    ])
      expect(keys, key).toContain(key);
  });

  it('shows a submission state in plain words, and 没有找到这个编号 for an unknown receipt', async () => {
    await mount();
    await tap(button('请轻点屏幕开始'));
    await tap(button('查询进度'));
    const pads = () => [
      ...document
        .querySelector('kiosk-app')!
        .shadowRoot!.querySelector('kiosk-progress-screen')!
        .shadowRoot!.querySelectorAll('kiosk-digit-pad'),
    ];
    const key = (pad: Element, label: string) =>
      [...pad.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent.trim() === label)!;
    const type = async (pad: Element, digits: string) => {
      for (const d of digits) await userEvent.click(key(pad, d));
    };
    const [receipt, last4] = pads();
    await type(receipt, '26112900010001');
    await type(last4, '123X');
    await tap(button('查询'));
    await until(() => !!findDeep((el) => el.dataset?.['state'] === 'accepted'));
    expect(findDeep((el) => el.dataset?.['state'] === 'accepted')!.textContent).toContain('已经受理');
    expect(agent.calls.some((c) => c.path === '/api/v1/submissions/FY261129-0001-0001?idLast4=123X')).toBe(true);
    expect(agent.voiceKeys()).toContain('progress.states.accepted');
    await checkScreen('progress result', new Map());

    // 重新查询 starts empty: nothing of the previous look-up stays (issue 15 item 6).
    await tap(button('重新查询'));
    const [receiptAgain, last4Again] = pads();
    expect(receiptAgain.value).toBe('');
    expect(last4Again.value).toBe('');
    await type(receiptAgain, '26112900010009');
    await type(last4Again, '123X');
    await tap(button('查询'));
    await until(() => !!findDeep((el) => el.getAttribute('role') === 'alert'));
    expect(findDeep((el) => el.getAttribute('role') === 'alert')!.textContent).toContain('没有找到这个编号');
  });

  it('大字 makes body text ≥ 36 px and digits ≥ 44 px', async () => {
    await mount();
    await tap(button('请轻点屏幕开始'));
    await tap(button('大字'));
    const sizes = visibleTextNodes().map((n) => ({
      text: n.textContent.trim(),
      size: parseFloat(getComputedStyle(n.parentElement!).fontSize),
    }));
    for (const { text, size } of sizes) expect(size, text).toBeGreaterThanOrEqual(/[0-9]/.test(text) ? 44 : 36);
    const main = findDeep((el) => el.tagName === 'MAIN')!;
    expect(main.scrollHeight, 'home fits in 大字 mode').toBeLessThanOrEqual(main.clientHeight + 1);
    const help = tappables().find((el) => el.dataset['chrome'] === 'help')!;
    expect(help.getBoundingClientRect().height).toBeGreaterThanOrEqual(64 * 1.3);
  });

  it('speaks nothing with voice off but still shows the caption; tapping a text speaks it', async () => {
    await mount();
    await tap(button('请轻点屏幕开始'));
    await tap(button('语音：开'));
    const before = agent.voiceKeys().length;
    await tap(button('办事指南'));
    expect(agent.voiceKeys().length).toBe(before);
    expect(findDeep((el) => el.getAttribute('aria-live') === 'polite')!.textContent).toContain('办事指南');
    await tap(button('语音：关'));
    await tap(findDeep((el) => el.dataset?.['say'] === 'guide.title')!);
    expect(agent.voiceKeys().at(-1)).toBe('guide.title');
  });
});

describe('kiosk shell without a speech engine', () => {
  afterEach(() => {
    document.body.replaceChildren();
    agent.restore();
  });

  it('shows captions only and requests no audio when the agent reports voice unavailable', async () => {
    agent = fakeAgent({ voiceAvailable: false });
    await mount();
    await tap(button('请轻点屏幕开始'));
    await tap(button('办事指南'));
    expect(agent.calls.filter((c) => c.path.startsWith('/api/v1/voice'))).toEqual([]);
    expect(findDeep((el) => el.getAttribute('aria-live') === 'polite')!.textContent).toContain('办事指南');
    await tap(button('语音：关'));
    expect(findDeep((el) => el.getAttribute('aria-live') === 'polite')!.textContent).toContain('语音暂时不能使用');
  });
});

describe('kiosk shell controls', () => {
  afterEach(() => {
    document.body.replaceChildren();
    agent.restore();
  });

  it('语速 cycles ×0.75 → ×1.25 → ×1 and repeats the prompt; a lost agent connection is shown', async () => {
    agent = fakeAgent();
    await mount();
    await tap(button('请轻点屏幕开始'));
    const before = agent.voiceKeys().length;
    await tap(button('语速：正常'));
    expect(button('语速：快')).toBeDefined();
    await tap(button('语速：快'));
    await tap(button('语速：慢'));
    expect(button('语速：正常')).toBeDefined();
    // Each change repeats the last segment (prompt audio is fetched once per visit, then cached).
    expect(agent.voiceKeys().length).toBe(before);
    expect(findDeep((el) => el.getAttribute('aria-live') === 'polite')!.textContent).toContain('请选择您要办的事');

    expect(
      findDeep((el) => el.getAttribute('role') === 'status' && (el.textContent ?? '').includes('终端正在连接')),
    ).toBeUndefined();
    FakeWebSocket.instances.at(-1)!.close();
    await settle();
    expect(
      findDeep((el) => el.getAttribute('role') === 'status' && (el.textContent ?? '').includes('终端正在连接')),
    ).toBeDefined();
  });

  it('starts with the default configuration when the agent is not up, and loads it once the agent connects', async () => {
    agent = fakeAgent({ uiConfigFailures: 1, hotline: '0771-12348' });
    await mount();
    expect(button('12348')).toBeDefined();
    FakeWebSocket.instances.at(-1)!.close();
    await until(() => agent.calls.filter((c) => c.path === '/api/v1/ui-config').length === 2, 5000);
    await settle();
    expect(button('0771-12348')).toBeDefined();
  });
});

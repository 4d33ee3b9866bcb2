import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { registerFlow } from '../../../kiosk-ui/src/flows/flow-registry.js';
import { loadPinyinEngine } from '../../../kiosk-ui/src/pinyin/pinyin-engine.js';
import '../../../kiosk-ui/src/shell/kiosk-app.js';
import { button, deepElements, deepText, findDeep, settle, until } from './dom.js';
import { fakeAgent, type FakeAgent } from './fake-agent.js';

const CARD = {
  cardType: 'resident',
  name: '张测试',
  gender: '男',
  genderCode: '1',
  birthDate: '1950-01-01',
  address: '演示县演示镇测试村一组',
  idNumber: '45010019500101001X',
  idNumberValid: true,
  issuingAuthority: '演示县公安局',
  validFrom: '2010-01-01',
  validUntil: '长期',
};

let agent: FakeAgent;

function screenId(): string {
  return findDeep((el) => el.tagName === 'MAIN')?.dataset['screen'] ?? '';
}

async function tap(el: HTMLElement): Promise<void> {
  await userEvent.click(el);
  await settle();
}

function inShadow(tag: string): Element {
  const el = deepElements().find((e) => e.tagName.toLowerCase() === tag);
  if (!el) throw new Error(`no ${tag}`);
  return el;
}

function keyIn(host: Element, label: string): HTMLElement {
  const b = deepElements(host.shadowRoot!).find((e) => e.tagName === 'BUTTON' && e.textContent.trim() === label);
  if (!b) throw new Error(`no key ${label}`);
  return b as HTMLElement;
}

describe('a visit ends and leaves nothing behind', () => {
  beforeEach(() => {
    registerFlow('consult', async () => {
      await import('./fixture-flow.js');
      return { flow: { tag: 'kiosk-test-visit-flow' } };
    });
  });
  afterEach(() => {
    document.body.replaceChildren();
    agent.restore();
  });

  it('idle with short timeouts: warns, then wipes DOM, storage and the agent and returns to the start', async () => {
    // The dictionary chunk is loaded first so that loading it cannot outlast the short idle clock.
    await loadPinyinEngine();
    agent = fakeAgent({
      idleWarningSeconds: 3,
      idleCountdownSeconds: 2,
      command: (name) => (name === 'idcard.read' ? CARD : {}),
    });
    document.body.append(document.createElement('kiosk-app'));
    await until(() => agent.calls.some((c) => c.path === '/api/v1/ui-config'));
    await settle();
    await tap(button('请轻点屏幕开始'));
    await tap(button('大字'));
    await tap(button('视频咨询'));
    await until(() => deepText().includes('张测试'));
    expect(screenId()).toBe('flow:consult');

    // Typed text: a phone number on the digit pad and a name on the pinyin keyboard.
    const pad = inShadow('kiosk-digit-pad');
    for (const d of '13912345678') await userEvent.click(keyIn(pad, d));
    const input = inShadow('kiosk-pinyin-input');
    await userEvent.click(input.shadowRoot!.querySelector('button')!);
    await until(() => !!deepElements().find((e) => e.tagName === 'KIOSK-PINYIN-KEYBOARD'));
    const keyboard = inShadow('kiosk-pinyin-keyboard');
    await until(() => !keyIn(keyboard, 'w').hasAttribute('disabled'), 20_000);
    for (const k of 'wangxiuying') await userEvent.click(keyIn(keyboard, k));
    await until(() => deepElements(keyboard.shadowRoot!).some((e) => e.textContent === '王秀英'));
    await userEvent.click(keyIn(keyboard, '王秀英'));
    expect((input as HTMLInputElement).value).toBe('王秀英');
    (await loadPinyinEngine()).remember('gongzi', '公子');
    expect(deepText()).toContain('13912345678');
    expect(sessionStorage.length + localStorage.length).toBe(2);

    // No input: the warning appears (spoken), then the countdown ends the visit.
    await until(() => !!findDeep((el) => el.tagName === 'KIOSK-IDLE-WARNING'), 8000);
    expect(agent.voiceKeys()).toContain('idle.prompt');
    await until(() => screenId() === 'attract', 6000);
    await until(() => agent.calls.some((c) => c.method === 'POST' && c.path === '/api/v1/session/end'));
    await settle();

    const text = deepText();
    for (const secret of [
      '张测试',
      '45010019500101001X',
      '演示县演示镇测试村一组',
      '13912345678',
      '王秀英',
      'wangxiuying',
    ])
      expect(text).not.toContain(secret);
    expect(
      deepElements().some((e) =>
        ['KIOSK-TEST-VISIT-FLOW', 'KIOSK-PINYIN-INPUT', 'KIOSK-DIGIT-PAD'].includes(e.tagName),
      ),
    ).toBe(false);
    expect(sessionStorage.length).toBe(0);
    expect(localStorage.length).toBe(0);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('visit-drafts');
    // Settings are back to their defaults.
    expect(document.documentElement.style.fontSize).toBe('16px');
    expect(document.documentElement.style.getPropertyValue('--kiosk-text-scale')).toBe('1');
    expect(findDeep((el) => el.dataset?.['chrome'] === 'large')!.getAttribute('aria-pressed')).toBe('false');
    // The keyboard's per-visit history (a choice made during the visit) is gone too.
    expect((await loadPinyinEngine()).candidates('gongzi')[0]?.text).toBe('工资');
  });

  it('我还在用 extends the visit as often as needed and keeps the page as it was', async () => {
    agent = fakeAgent({ idleWarningSeconds: 1, idleCountdownSeconds: 3 });
    document.body.append(document.createElement('kiosk-app'));
    await until(() => agent.calls.some((c) => c.path === '/api/v1/ui-config'));
    await settle();
    await tap(button('请轻点屏幕开始'));
    await tap(button('办事指南'));
    for (let i = 0; i < 3; i++) {
      await until(() => !!findDeep((el) => el.tagName === 'KIOSK-IDLE-WARNING'), 4000);
      await new Promise((r) => setTimeout(r, 700));
      await tap(button('我还在用'));
      expect(findDeep((el) => el.tagName === 'KIOSK-IDLE-WARNING')).toBeUndefined();
      expect(screenId()).toBe('info:guide');
    }
    expect(agent.calls.some((c) => c.path === '/api/v1/session/end')).toBe(false);
  });
});

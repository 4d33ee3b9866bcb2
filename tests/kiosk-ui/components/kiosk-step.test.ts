import { provide } from '@lit/context';
import axe from 'axe-core';
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../kiosk-ui/src/components/kiosk-step.js';
import { visitContext, type VisitApi } from '../../../kiosk-ui/src/context/contexts.js';
import type { KioskStepDoneEvent } from '../../../kiosk-ui/src/events/kiosk-step-done.js';
import type { MessageKey } from '../../../kiosk-ui/src/i18n/message-types.js';

const spoken: string[] = [];

const visit: VisitApi = {
  visitId: 1,
  speak: (key: MessageKey) => spoken.push(key),
  speakText: () => undefined,
  stopSpeech: () => undefined,
  pauseIdle: () => undefined,
  resumeIdle: () => undefined,
  endVisit: async () => undefined,
  onVisitEnd: () => () => undefined,
};

/** A flow owner as a flow would write it: provides nothing but the visit, renders one step. */
@customElement('kiosk-test-step-host')
export class KioskTestStepHost extends LitElement {
  @provide({ context: visitContext })
  private _visit: VisitApi = visit;

  override render() {
    return html`<kiosk-step heading-key="progress.title" prompt-key="progress.prompt"><p>内容</p></kiosk-step>`;
  }
}

describe('<kiosk-step>', () => {
  afterEach(() => {
    document.body.replaceChildren();
    spoken.length = 0;
  });

  it('speaks its prompt when shown, fires kiosk-step-done for 上一步 / 下一步, and passes axe', async () => {
    const host = document.createElement('kiosk-test-step-host');
    const done: string[] = [];
    host.addEventListener('kiosk-step-done', (e: KioskStepDoneEvent) => done.push(e.direction));
    document.body.append(host);
    await host.updateComplete;
    const step = host.shadowRoot!.querySelector('kiosk-step')!;
    await step.updateComplete;
    expect(spoken).toEqual(['progress.prompt']);
    expect(step.shadowRoot!.querySelector('h1')!.textContent).toContain('查询进度');
    const buttons = [...step.shadowRoot!.querySelectorAll('button')];
    await userEvent.click(buttons.find((b) => b.textContent.includes('下一步'))!);
    await userEvent.click(buttons.find((b) => b.textContent.includes('上一步'))!);
    expect(done).toEqual(['next', 'previous']);
    for (const b of buttons) expect(b.getBoundingClientRect().height).toBeGreaterThanOrEqual(64);
    const result = await axe.run(host);
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  it('keeps 下一步 disabled until the step says it may go on; a tap on it says what is missing', async () => {
    const host = document.createElement('kiosk-test-step-host');
    document.body.append(host);
    await host.updateComplete;
    const step = host.shadowRoot!.querySelector('kiosk-step')!;
    step.nextDisabled = true;
    await step.updateComplete;
    const next = [...step.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent.includes('下一步'))!;
    // Issue 15: it looks disabled, and a tap shows and speaks what is missing instead of failing silently.
    expect(next.getAttribute('aria-disabled')).toBe('true');
    const done: string[] = [];
    host.addEventListener('kiosk-step-done', (e: KioskStepDoneEvent) => done.push(e.direction));
    // (Playwright's click waits for aria-disabled to clear; a finger does not.)
    next.click();
    await step.updateComplete;
    expect(done).toEqual([]);
    expect(spoken).toContain('app.nextMissing');
    expect(step.shadowRoot!.querySelector('[role="alert"]')!.textContent).toContain('再按下一步');
  });
});

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-test-step-host': KioskTestStepHost;
  }
}

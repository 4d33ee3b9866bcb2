// The legal-aid flow inside a visit: every step speaks its prompt, the receipt number is read digit
// by digit, devices pause the idle clock, and the end of the visit wipes the application.
import { provide } from '@lit/context';
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { visitContext, type VisitApi } from '../../../kiosk-ui/src/context/contexts.js';
import '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-flow.js';
import '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-receipt.js';
import { button, deepElements, deepText, mount, settle } from './step-helpers.js';

class RecordingVisit implements VisitApi {
  readonly visitId = 1;
  spoken: string[] = [];
  texts: string[] = [];
  paused = new Set<string>();
  pausedEver = new Set<string>();
  ends: Array<() => void> = [];
  speak(key: string): void {
    this.spoken.push(key);
  }
  speakText(text: string): void {
    this.texts.push(text);
  }
  stopSpeech(): void {}
  pauseIdle(reason: string): void {
    this.paused.add(reason);
    this.pausedEver.add(reason);
  }
  resumeIdle(reason: string): void {
    this.paused.delete(reason);
  }
  async endVisit(): Promise<void> {
    for (const cb of this.ends) cb();
  }
  onVisitEnd(cb: () => void): () => void {
    this.ends.push(cb);
    return () => (this.ends = this.ends.filter((c) => c !== cb));
  }
}

let current = new RecordingVisit();

/** Provides the visit context the shell normally provides. */
@customElement('test-legal-aid-visit')
class TestLegalAidVisit extends LitElement {
  @provide({ context: visitContext }) visit: VisitApi = current;
  override render() {
    return html`<slot></slot>`;
  }
}
void TestLegalAidVisit;

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

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('legal-aid flow in a visit', () => {
  it('speaks each step, pauses the idle clock while reading the card, and the end of the visit wipes the answers', async () => {
    current = new RecordingVisit();
    vi.spyOn(window, 'fetch').mockImplementation(
      async () =>
        new Response(
          JSON.stringify({
            header: { type: 'completion', name: 'idcard.read', requestId: 1, completionCode: 'success' },
            payload: CARD,
          }),
          {
            status: 200,
            headers: { 'content-type': 'application/json' },
          },
        ),
    );
    const host = await mount(
      html`<test-legal-aid-visit><kiosk-legal-aid-flow></kiosk-legal-aid-flow></test-legal-aid-visit>`,
      'test-legal-aid-visit',
    );
    await userEvent.click(button(host, '我同意'));
    await vi.waitFor(() =>
      expect(deepElements(host).some((e) => e.tagName.toLowerCase() === 'kiosk-legal-aid-phone')).toBe(true),
    );
    await settle();
    expect(current.spoken).toEqual(
      expect.arrayContaining([
        'legalAid.steps.consent.voice',
        'legalAid.steps.idCard.voice',
        'legalAid.steps.phone.voice',
      ]),
    );
    expect(current.pausedEver.has('cardReading')).toBe(true);
    expect(current.paused.size).toBe(0);

    for (const cb of current.ends) cb();
    await settle();
    expect(deepElements(host).some((e) => e.tagName.toLowerCase() === 'kiosk-legal-aid-consent')).toBe(true);
    expect(deepText(host)).not.toContain('张三');
  });

  it('reads the receipt number aloud digit by digit', async () => {
    current = new RecordingVisit();
    await mount(
      html`<test-legal-aid-visit
        ><kiosk-legal-aid-receipt
          .submission=${{ receiptNo: 'FY261129-0001-0007', storedAt: '2026-11-29T03:00:00Z', uploaded: true }}
        ></kiosk-legal-aid-receipt
      ></test-legal-aid-visit>`,
      'test-legal-aid-visit',
    );
    expect(current.texts[0]).toContain('F，Y，二，六，一，一，二，九，零，零，零，一，零，零，零，七');
  });
});

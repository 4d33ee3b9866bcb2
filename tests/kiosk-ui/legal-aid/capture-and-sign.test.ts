// Camera capture (Chromium's fake camera) and the form-associated signature pad.
import { html } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initialLegalAidState, MAX_PHOTOS, type Photo } from '../../../kiosk-ui/src/flows/legal-aid-machine.js';
import '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-documents.js';
import '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-signature.js';
import type { KioskSignaturePad } from '../../../kiosk-ui/src/legal-aid/kiosk-signature-pad.js';
import '../../../kiosk-ui/src/legal-aid/kiosk-signature-pad.js';
import {
  button,
  deepElements,
  deepText,
  expectAxeClean,
  expectKioskSizes,
  mount,
  recordEvents,
  settle,
} from './step-helpers.js';

afterEach(() => {
  document.body.innerHTML = '';
});

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

describe('documents (camera)', () => {
  it('takes a photo with the fake camera, previews it, keeps it as a compressed JPEG with its material', async () => {
    const el = await mount(
      html`<kiosk-legal-aid-documents
        .answers=${initialLegalAidState().answers}
        .materials=${['caseMaterials', 'workProof']}
      ></kiosk-legal-aid-documents>`,
      'kiosk-legal-aid-documents',
    );
    const events = recordEvents(el);
    await vi.waitFor(() => expect(button(el, '拍照').disabled).toBe(false), { timeout: 10_000 });
    await vi.waitFor(
      () =>
        expect((deepElements(el).find((e) => e.tagName === 'VIDEO') as HTMLVideoElement).videoWidth).toBeGreaterThan(0),
      {
        timeout: 10_000,
      },
    );
    button(el, '务工证明').click();
    await settle();
    button(el, '拍照').click();
    await settle();
    expect(deepElements(el).some((e) => e.tagName === 'IMG')).toBe(true);
    await expectAxeClean(el);
    expectKioskSizes(el);
    button(el, '用这张').click();
    const added = events[0] as { type: 'photoAdded'; photo: Photo };
    expect(added.type).toBe('photoAdded');
    expect(added.photo.dataUrl.startsWith('data:image/jpeg;base64,')).toBe(true);
    expect(added.photo.bytes).toBeLessThan(1_200_000);
    expect(Math.max(added.photo.width, added.photo.height)).toBeLessThanOrEqual(1600);
    expect(added.photo.materialId).toBe('workProof');
  });

  it('with ten photos the shutter is off and the count says so; a thumbnail can be removed', async () => {
    const photo: Photo = { dataUrl: 'data:image/jpeg;base64,/9j/2Q==', width: 1, height: 1, bytes: 4 };
    const answers = { ...initialLegalAidState().answers, photos: Array.from({ length: MAX_PHOTOS }, () => photo) };
    const el = await mount(
      html`<kiosk-legal-aid-documents .answers=${answers} .materials=${['caseMaterials']}></kiosk-legal-aid-documents>`,
      'kiosk-legal-aid-documents',
    );
    const events = recordEvents(el);
    await settle();
    expect(button(el, '拍照').disabled).toBe(true);
    expect(deepText(el)).toContain('已经拍满');
    // The thumbnails are paged (issue 15: the screen never grows): 下一页 until the third one shows.
    const shows = (text: string): boolean => {
      try {
        return Boolean(button(el, text));
      } catch {
        return false;
      }
    };
    for (let i = 0; i < MAX_PHOTOS && !shows('删除第3张'); i++) {
      button(el, '下一页').click();
      await settle();
    }
    button(el, '删除第3张').click();
    expect(events).toEqual([{ type: 'photoRemoved', index: 2 }]);
  });
});

describe('signature', () => {
  it('the pad is form-associated: empty is invalid, drawing gives a PNG value in FormData, reset empties it', async () => {
    const form = await mount<HTMLFormElement>(
      html`<form><kiosk-signature-pad name="signature" required label="签名"></kiosk-signature-pad></form>`,
      'form',
    );
    const pad = form.querySelector('kiosk-signature-pad') as KioskSignaturePad;
    expect(pad.checkValidity()).toBe(false);
    draw(pad.shadowRoot!.querySelector('canvas')!);
    await pad.updateComplete;
    expect(pad.value.startsWith('data:image/png;base64,')).toBe(true);
    expect(pad.checkValidity()).toBe(true);
    expect(new FormData(form).get('signature')).toBe(pad.value);
    form.reset();
    await pad.updateComplete;
    expect(pad.value).toBe('');
    expect(pad.checkValidity()).toBe(false);
  });

  it('the step refuses to submit without a signature, then submits the drawn one', async () => {
    const el = await mount(
      html`<kiosk-legal-aid-signature .answers=${initialLegalAidState().answers}></kiosk-legal-aid-signature>`,
      'kiosk-legal-aid-signature',
    );
    const events = recordEvents(el);
    button(el, '提交申请').click();
    await settle();
    expect(events).toEqual([]);
    expect(deepText(el)).toContain('请先在框里签名');
    const canvas = deepElements(el).find((e) => e.tagName === 'CANVAS') as HTMLCanvasElement;
    draw(canvas);
    await settle();
    button(el, '提交申请').click();
    expect(events[0]).toMatchObject({ type: 'signed' });
    await expectAxeClean(el);
    expectKioskSizes(el);
  });
});

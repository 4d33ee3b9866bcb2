// Issue 13 item 17: 拍照 was enabled once the camera stream was live but before its first frame;
// a tap then captured nothing and said nothing.
import { html } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initialLegalAidState } from '../../../kiosk-ui/src/flows/legal-aid-machine.js';
import '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-documents.js';
import { button, deepElements, mount, settle } from './step-helpers.js';

/** The generator's constructor (Chromium's insertable streams; not in the DOM typings yet). */
type TrackGenerator = MediaStreamTrack & { writable: WritableStream<VideoFrame> };
const Generator = (globalThis as unknown as { MediaStreamTrackGenerator: new (o: { kind: 'video' }) => TrackGenerator })
  .MediaStreamTrackGenerator;

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('item 17: documents camera, first frame', () => {
  it('item 17: 拍照 stays off while the stream is live but has no frame, and takes a photo once the frame arrives', async () => {
    // A camera whose stream is live at once but delivers its first frame only when the test says so.
    const track = new Generator({ kind: 'video' });
    vi.spyOn(navigator.mediaDevices, 'getUserMedia').mockResolvedValue(new MediaStream([track]));
    const el = await mount(
      html`<kiosk-legal-aid-documents
        .answers=${initialLegalAidState().answers}
        .materials=${['caseMaterials']}
      ></kiosk-legal-aid-documents>`,
      'kiosk-legal-aid-documents',
    );
    const video = (): HTMLVideoElement => deepElements(el).find((e) => e.tagName === 'VIDEO') as HTMLVideoElement;
    await vi.waitFor(() => expect(video().srcObject).toBeInstanceOf(MediaStream), { timeout: 10_000 });
    await settle();
    await new Promise((r) => setTimeout(r, 300));
    await settle();
    expect(video().videoWidth).toBe(0);
    expect(button(el, '拍照').disabled, '拍照 enabled before the camera has a frame').toBe(true);

    // The first frame arrives.
    const canvas = new OffscreenCanvas(640, 480);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#3a6';
    ctx.fillRect(0, 0, 640, 480);
    const writer = track.writable.getWriter();
    const pump = setInterval(() => {
      const frame = new VideoFrame(canvas, { timestamp: performance.now() * 1000 });
      void writer.write(frame);
    }, 50);
    try {
      await vi.waitFor(() => expect(button(el, '拍照').disabled).toBe(false), { timeout: 10_000 });
      button(el, '拍照').click();
      await vi.waitFor(() => expect(deepElements(el).some((e) => e.tagName === 'IMG')).toBe(true), {
        timeout: 5000,
      });
    } finally {
      clearInterval(pump);
      track.stop();
    }
  });
});

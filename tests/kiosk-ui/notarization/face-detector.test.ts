// The real live-person detector in Chromium (face-check.md): @mediapipe/tasks-vision FaceDetector with the
// BlazeFace short-range model completed with metadata at build time, wasm and model served from the
// kiosk's own origin by build/face-model-plugin.ts. Frames are made from astronaut.png (public domain,
// from Debian's python3-skimage 0.19.3-8, sha256 88431cd9…cb5; see fixtures/README.md): one face, no
// face (the lower half), two faces (two copies side by side), and a head "turn" made by stretching the
// face piecewise around the nose. Measures creation, first detection and steady frames per second, and
// watches the main thread with a long-task observer while detecting.
import { FaceDetector } from '@mediapipe/tasks-vision';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FACE_CHECK_BASE,
  FACE_MODEL_URL,
  loadFaceDetector,
  setFaceDetectorFactory,
} from '../../../kiosk-ui/src/notarization/face-detector.js';
import { yawOf } from '../../../kiosk-ui/src/notarization/liveness.js';

const ASTRONAUT = new URL('./fixtures/astronaut.png', import.meta.url).href;

/** Face box in astronaut.png (512²), measured: x 177, y 82, w 95, h 95; nose tip at x ≈ 221. */
const FACE = { x: 177, y: 82, w: 95, h: 95, noseX: 221 };

let image: ImageBitmap;
let detector: FaceDetector;
const timings = { createMs: 0, firstDetectMs: 0 };

function frame(draw: (ctx: CanvasRenderingContext2D) => void): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = 640;
  c.height = 480;
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = '#808080';
  ctx.fillRect(0, 0, 640, 480);
  draw(ctx);
  return c;
}

/** The frontal frame of face-check.md §10: crop 340×255+55+3, scaled to 640×480. */
const oneFace = () => frame((ctx) => ctx.drawImage(image, 55, 3, 340, 255, 0, 0, 640, 480));
/** The lower half of the picture: the suit, no face. */
const noFace = () => frame((ctx) => ctx.drawImage(image, 0, 256, 512, 256, 0, 0, 640, 320));
/** Two copies side by side. */
const twoFaces = () =>
  frame((ctx) => {
    ctx.drawImage(image, 20, 0, 420, 420, 0, 80, 320, 320);
    ctx.drawImage(image, 20, 0, 420, 420, 320, 80, 320, 320);
  });

/**
 * A head turn from a flat photo: the band across the face is cut at the nose and the two sides are
 * stretched / squeezed so the nose moves toward one ear while the face outline stays put. `shift` is
 * the nose's move as a fraction of the half-face width (+: to image-right = her left).
 */
function turned(shift: number): HTMLCanvasElement {
  return frame((ctx) => {
    ctx.drawImage(image, 55, 3, 340, 255, 0, 0, 640, 480);
    const sx = 640 / 340;
    const sy = 480 / 255;
    const left = (FACE.x - 20 - 55) * sx;
    const right = (FACE.x + FACE.w + 20 - 55) * sx;
    const nose = (FACE.noseX - 55) * sx;
    const target = nose + shift * (right - nose);
    const top = 0;
    const h = 480;
    const src = (x: number) => 55 + x / sx;
    // Left band (left edge → nose) drawn into (left edge → target), right band into (target → right edge).
    ctx.drawImage(image, src(left), 3 + top / sy, (nose - left) / sx, h / sy, left, top, target - left, h);
    ctx.drawImage(image, src(nose), 3 + top / sy, (right - nose) / sx, h / sy, target, top, right - target, h);
  });
}

beforeAll(async () => {
  const blob = await (await fetch(ASTRONAUT)).blob();
  image = await createImageBitmap(blob);
  const t0 = performance.now();
  detector = await FaceDetector.createFromOptions(
    {
      wasmLoaderPath: `${FACE_CHECK_BASE}/vision_wasm_internal.js`,
      wasmBinaryPath: `${FACE_CHECK_BASE}/vision_wasm_internal.wasm`,
    },
    { baseOptions: { modelAssetPath: FACE_MODEL_URL, delegate: 'CPU' }, runningMode: 'VIDEO' },
  );
  timings.createMs = performance.now() - t0;
  const t1 = performance.now();
  detector.detectForVideo(oneFace(), 1);
  timings.firstDetectMs = performance.now() - t1;
}, 120_000);

afterAll(() => {
  detector.close();
  setFaceDetectorFactory(undefined);
});

let ts = 10;
const detect = (c: HTMLCanvasElement) => detector.detectForVideo(c, (ts += 33)).detections;

describe('face detector (MediaPipe FaceDetector, patched BlazeFace, own origin)', () => {
  it('createFromOptions resolved with the model and wasm from the kiosk origin only', () => {
    const resources = performance.getEntriesByType('resource').map((e) => e.name);
    const faceCheck = resources.filter((u) => u.includes('/face-check/'));
    expect(faceCheck.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(faceCheck.some((u) => u.endsWith('.tflite'))).toBe(true);
    expect(resources.filter((u) => !u.startsWith(location.origin) && !u.startsWith('data:'))).toEqual([]);
    console.info(
      `face-check: create ${timings.createMs.toFixed(0)} ms, first detection ${timings.firstDetectMs.toFixed(0)} ms`,
    );
  });

  it('counts 1 / 0 / 2 faces; one face is centred with 6 keypoints and faces forward', () => {
    const one = detect(oneFace());
    expect(one).toHaveLength(1);
    expect(one[0].keypoints).toHaveLength(6);
    expect(one[0].categories[0].score).toBeGreaterThan(0.7);
    const box = one[0].boundingBox!;
    expect(Math.abs((box.originX + box.width / 2) / 640 - 0.5)).toBeLessThan(0.15);
    expect(Math.abs(yawOf(one[0].keypoints)!)).toBeLessThan(12);
    expect(detect(noFace())).toHaveLength(0);
    expect(detect(twoFaces())).toHaveLength(2);
  });

  it('a nose moved toward one ear reads as a head turn of the right sign (the e2e clip relies on this)', () => {
    const yaws = [-0.6, 0, 0.6].map((s) => {
      const d = detect(turned(s));
      expect(d, `shift ${s}`).toHaveLength(1);
      return yawOf(d[0].keypoints)!;
    });
    console.info(`face-check: yaw at nose shift −0.6 / 0 / +0.6: ${yaws.map((y) => y.toFixed(1)).join(' / ')}°`);
    expect(yaws[0]).toBeLessThan(-25);
    expect(Math.abs(yaws[1])).toBeLessThan(12);
    expect(yaws[2]).toBeGreaterThan(25);
  });

  // The detector runs on the main thread (one call per camera frame). Alone on this 2-core machine:
  // ~41 fps, median 16 ms, p95 43 ms, 1 long task (51 ms) in 60 frames; with other jobs on the cores
  // (bench/face-check): 27 fps, median 22 ms, p95 97 ms, 29 long tasks in 200 frames. The 20 fps and
  // 50 ms budgets are reported by `npm run bench face-check`; this gate only catches a detector that is
  // broken or several times too slow, so it holds while the CI suite loads the cores. Moving detection
  // to a worker would keep the main thread free (not done).
  it('steady detection: frames per second, per-frame time and long tasks (observer) within a loaded-CI gate', async () => {
    const frames = [oneFace(), turned(0.3), turned(-0.3)];
    const long: number[] = [];
    // Entries of earlier tasks (the wasm compile) may still be delivered: keep those of this loop only.
    const t0 = performance.now();
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.startTime >= t0) long.push(e.duration);
    });
    observer.observe({ type: 'longtask' });
    const per: number[] = [];
    const n = 60;
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      detect(frames[i % frames.length]);
      per.push(performance.now() - s);
      // One frame per task, as with requestVideoFrameCallback.
      await new Promise((r) => setTimeout(r, 0));
    }
    const fps = n / ((performance.now() - t0) / 1000);
    await new Promise((r) => setTimeout(r, 50));
    observer.disconnect();
    per.sort((a, b) => a - b);
    const median = per[n >> 1];
    const p95 = per[Math.ceil(n * 0.95) - 1];
    console.info(
      `face-check: steady ${fps.toFixed(1)} fps, detect median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${per[n - 1].toFixed(1)} ms, long tasks ${long.length} (${long.map((d) => d.toFixed(0)).join(', ')} ms)`,
    );
    expect(fps).toBeGreaterThanOrEqual(10);
    expect(median).toBeLessThan(50);
    expect(long.length).toBeLessThanOrEqual(20);
    expect(Math.max(0, ...long)).toBeLessThan(300);
  });

  it("the kiosk's own loader (lazy import, created and warmed once) finds the face", async () => {
    setFaceDetectorFactory(undefined);
    const d = await loadFaceDetector();
    expect(await loadFaceDetector()).toBe(d);
    expect(d.detect(oneFace(), performance.now())).toHaveLength(1);
  }, 120_000);
});

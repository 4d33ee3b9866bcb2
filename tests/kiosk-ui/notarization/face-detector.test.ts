// The real live-person detector in Chromium (face-check.md), as the kiosk loads it: a module worker
// running @mediapipe/tasks-vision FaceDetector with the BlazeFace short-range model completed with
// metadata at build time, wasm and model served from the kiosk's own origin by
// build/face-model-plugin.ts. Frames are made from astronaut.png (public domain, from Debian's
// python3-skimage 0.19.3-8, sha256 88431cd9…cb5; see fixtures/README.md): one face, no face (the
// lower half), two faces (two copies side by side), and a head "turn" made by stretching the face
// piecewise around the nose. Measures creation, first detection and steady frames per second, and
// shows with a long-task observer that detection does not run on the main thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadFaceDetector,
  setFaceDetectorFactory,
  wipeFaceDetector,
  type FaceDetectorLike,
} from '../../../kiosk-ui/src/notarization/face-detector.js';
import type { FaceBox } from '../../../kiosk-ui/src/notarization/liveness.js';
import { yawOf } from '../../../kiosk-ui/src/notarization/liveness.js';

const ASTRONAUT = new URL('./fixtures/astronaut.png', import.meta.url).href;

/** Face box in astronaut.png (512²), measured: x 177, y 82, w 95, h 95; nose tip at x ≈ 221. */
const FACE = { x: 177, y: 82, w: 95, h: 95, noseX: 221 };

let image: ImageBitmap;
let detector: FaceDetectorLike;
let loadMs = 0;

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
  setFaceDetectorFactory(undefined);
  const t0 = performance.now();
  detector = await loadFaceDetector();
  loadMs = performance.now() - t0;
}, 120_000);

afterAll(() => {
  detector.close();
  setFaceDetectorFactory(undefined);
});

let ts = 10;
/** One frame through the worker, as the liveness step sends it: a transferred VideoFrame. */
const videoFrame = (c: HTMLCanvasElement): VideoFrame => new VideoFrame(c, { timestamp: (ts += 33) * 1000 });
async function detect(c: HTMLCanvasElement): Promise<FaceBox[]> {
  const { faces, frame } = await detector.detect(videoFrame(c), ts);
  frame.close();
  return faces;
}

describe('face detector (MediaPipe FaceDetector in a worker, patched BlazeFace, own origin)', () => {
  it('the worker created and warmed it with the model and wasm from the kiosk origin only', () => {
    const warmUp = detector.warmUp!;
    const faceCheck = warmUp.resources.filter((u) => u.includes('/face-check/'));
    expect(faceCheck.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(faceCheck.some((u) => u.endsWith('.tflite'))).toBe(true);
    const page = performance.getEntriesByType('resource').map((e) => e.name);
    for (const u of [...warmUp.resources, ...page])
      expect(u.startsWith(location.origin) || u.startsWith('data:') || u.startsWith('blob:'), u).toBe(true);
    console.info(
      `face-check: worker ready in ${loadMs.toFixed(0)} ms (create ${warmUp.createMs.toFixed(0)} ms, first detection ${warmUp.firstDetectMs.toFixed(0)} ms)`,
    );
  });

  it('counts 1 / 0 / 2 faces; one face is centred with 6 keypoints and faces forward', async () => {
    const one = await detect(oneFace());
    expect(one).toHaveLength(1);
    expect(one[0].keypoints).toHaveLength(6);
    expect(one[0].score).toBeGreaterThan(0.7);
    const box = one[0].box;
    expect(Math.abs((box.originX + box.width / 2) / 640 - 0.5)).toBeLessThan(0.15);
    expect(Math.abs(yawOf(one[0].keypoints)!)).toBeLessThan(12);
    expect(await detect(noFace())).toHaveLength(0);
    expect(await detect(twoFaces())).toHaveLength(2);
  });

  it('a nose moved toward one ear reads as a head turn of the right sign (the e2e clip relies on this)', async () => {
    const yaws: number[] = [];
    for (const shift of [-0.6, 0, 0.6]) {
      const d = await detect(turned(shift));
      expect(d, `shift ${shift}`).toHaveLength(1);
      yaws.push(yawOf(d[0].keypoints)!);
    }
    console.info(`face-check: yaw at nose shift −0.6 / 0 / +0.6: ${yaws.map((y) => y.toFixed(1)).join(' / ')}°`);
    expect(yaws[0]).toBeLessThan(-25);
    expect(Math.abs(yaws[1])).toBeLessThan(12);
    expect(yaws[2]).toBeGreaterThan(25);
  });

  it('the analysed frame comes back whole (the crop is taken from it) and a wipe leaves the detector working', async () => {
    const { faces, frame } = await detector.detect(videoFrame(oneFace()), ts);
    expect(frame instanceof VideoFrame && [frame.displayWidth, frame.displayHeight]).toEqual([640, 480]);
    expect(faces).toHaveLength(1);
    frame.close();
    await wipeFaceDetector();
    expect(await detect(oneFace())).toHaveLength(1);
  });

  // Detection used to run on the main thread: loaded by the rest of the suite, one CI run on this
  // 2-core machine measured 8.3 fps, and main-thread long tasks reached 124 ms. The worker takes the
  // same CPU, so its frames per second still depend on the load; what it changes is that the main
  // thread only wraps a frame, posts it and reads the answer. The assertions are about that, not about
  // absolute speed:
  // - the main thread's median time per frame is a small part of the worker's median detection time
  //   (with detection on the main thread the two would be equal); medians, because
  // - a long task can still hold this loop's code when the kernel runs the woken worker (or another
  //   process) instead of the main thread on a loaded machine: seen 0–2 times in 200 frames at load
  //   9–17 on 2 cores, with this thread's own work under 1 ms. So at most one long task that holds
  //   detection work is allowed in 60 frames; other long tasks (another test's frame, a GC, the
  //   runner) are reported, not asserted. On an idle machine there are none.
  // The 20 fps budget is measured by `npm run bench face-check`; the fps gate here only catches a
  // broken or far too slow detector.
  it('detection runs in the worker: the main thread only posts frames and reads answers; steady fps within a loaded-CI gate', async () => {
    const frames = [oneFace(), turned(0.3), turned(-0.3)];
    const long: PerformanceEntry[] = [];
    // Entries of earlier tasks may still be delivered: keep those of this loop only.
    const t0 = performance.now();
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.startTime >= t0) long.push(e);
    });
    observer.observe({ type: 'longtask' });
    /** The main thread's own slices of the check: wrap + post, then reading the answer. */
    const slices: Array<[number, number]> = [];
    const main: number[] = [];
    const worker: number[] = [];
    const n = 60;
    let faces = 0;
    for (let i = 0; i < n; i++) {
      // One frame in flight, as in the liveness step: the next is sent after the answer.
      const s0 = performance.now();
      const pending = detector.detect(videoFrame(frames[i % frames.length]), ts);
      const s1 = performance.now();
      const answer = await pending;
      const s2 = performance.now();
      faces += answer.faces.length;
      worker.push(answer.detectMs);
      answer.frame.close();
      const s3 = performance.now();
      slices.push([s0, s1], [s2, s3]);
      main.push(s1 - s0 + s3 - s2);
    }
    const fps = n / ((performance.now() - t0) / 1000);
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    const holding = long.filter((e) => slices.some(([a, b]) => a < e.startTime + e.duration && b > e.startTime));
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
    console.info(
      `face-check (worker): steady ${fps.toFixed(1)} fps, worker detect median ${median(worker).toFixed(1)} ms, max ${Math.max(...worker).toFixed(1)} ms; main thread per frame median ${median(main).toFixed(2)} ms, max ${Math.max(...main).toFixed(1)} ms; long tasks ${long.length} (${long.map((e) => e.duration.toFixed(0)).join(', ')} ms), holding detection work ${holding.length}`,
    );
    expect(faces).toBe(n);
    expect(median(main)).toBeLessThan(median(worker) / 4);
    expect(holding.length).toBeLessThanOrEqual(1);
    expect(fps).toBeGreaterThanOrEqual(4);
  });

  it("the kiosk's loader hands out one detector per page", async () => {
    expect(await loadFaceDetector()).toBe(detector);
  });
});

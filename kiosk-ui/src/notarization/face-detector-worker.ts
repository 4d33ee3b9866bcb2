// The face-check worker (a module worker built by Vite): creates the tasks-vision FaceDetector (VIDEO
// mode, CPU delegate, patched BlazeFace, files from the kiosk's own origin) as soon as it starts, warms
// it on a blank frame, then answers one frame at a time. Detection costs 15–50 ms a frame on the
// kiosk's two cores (face-check.md §7); here it never blocks the page's main thread.
import { FaceDetector } from '@mediapipe/tasks-vision';
import {
  FACE_MODEL_URL,
  FACE_WASM,
  type FaceWarmUp,
  type FromFaceWorker,
  type ToFaceWorker,
} from './face-worker-protocol.js';
import type { FaceBox } from './liveness.js';

// The kiosk's tsconfig has DOM types, not WebWorker ones: a worker scope posts like a Worker does.
const scope = self as unknown as Pick<Worker, 'postMessage' | 'addEventListener'>;
const post = (message: FromFaceWorker, transfer: Transferable[] = []): void => scope.postMessage(message, transfer);
const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

let lastTimestamp = 0;

function detect(detector: FaceDetector, frame: TexImageSource, timestampMs: number): FaceBox[] {
  // VIDEO mode needs strictly increasing timestamps.
  lastTimestamp = Math.max(timestampMs, lastTimestamp + 1);
  return detector.detectForVideo(frame, lastTimestamp).detections.map((d) => ({
    score: d.categories[0]?.score ?? 0,
    box: {
      originX: d.boundingBox?.originX ?? 0,
      originY: d.boundingBox?.originY ?? 0,
      width: d.boundingBox?.width ?? 0,
      height: d.boundingBox?.height ?? 0,
    },
    keypoints: d.keypoints.map((k) => ({ x: k.x, y: k.y })),
  }));
}

function blankFrame(): OffscreenCanvas {
  const canvas = new OffscreenCanvas(64, 48);
  canvas.getContext('2d')?.fillRect(0, 0, 64, 48);
  return canvas;
}

async function create(): Promise<{ detector: FaceDetector; warmUp: FaceWarmUp }> {
  const t0 = performance.now();
  const detector = await FaceDetector.createFromOptions(FACE_WASM, {
    baseOptions: { modelAssetPath: FACE_MODEL_URL, delegate: 'CPU' },
    runningMode: 'VIDEO',
    minDetectionConfidence: 0.5,
  });
  const createMs = performance.now() - t0;
  // The first detection costs about 1 s (face-check.md §7): pay it now, on a blank frame.
  const t1 = performance.now();
  detect(detector, blankFrame(), t1);
  const firstDetectMs = performance.now() - t1;
  const resources = performance.getEntriesByType('resource').map((e) => e.name);
  return { detector, warmUp: { createMs, firstDetectMs, resources } };
}

const ready = create();
ready.then(
  ({ warmUp }) => post({ type: 'ready', ...warmUp }),
  (err: unknown) => post({ type: 'failed', message: errorText(err) }),
);

async function answer(message: ToFaceWorker): Promise<void> {
  const { detector } = await ready;
  if (message.type === 'wipe') {
    detect(detector, blankFrame(), performance.now());
    post({ type: 'wiped', id: message.id });
    return;
  }
  const { id, frame, timestampMs } = message;
  try {
    const t0 = performance.now();
    const faces = detect(detector, frame, timestampMs);
    post({ type: 'faces', id, faces, frame, detectMs: performance.now() - t0 }, [frame]);
  } catch (err) {
    frame.close();
    post({ type: 'error', id, message: errorText(err) });
  }
}

scope.addEventListener('message', (e) => {
  void answer((e as MessageEvent<ToFaceWorker>).data).catch((err: unknown) => {
    const { data } = e as MessageEvent<ToFaceWorker>;
    if (data.type === 'detect') data.frame.close();
    post({ type: 'error', id: data.id, message: errorText(err) });
  });
});

// The offline face detector (face-check.md): @mediapipe/tasks-vision FaceDetector, VIDEO mode, CPU, with the
// wasm and the patched BlazeFace model served from the kiosk's own origin (build/face-model-plugin.ts).
// Loaded lazily (dynamic import) so the home screen's initial JS is unchanged; created and warmed once
// when the notarization flow starts, then reused for every check of the visit.
import type { FaceBox } from './liveness.js';

export const FACE_CHECK_BASE = '/face-check';
export const FACE_MODEL_URL = `${FACE_CHECK_BASE}/blaze_face_short_range_with_metadata.tflite`;

export interface FaceDetectorLike {
  detect(source: HTMLVideoElement | HTMLCanvasElement, timestampMs: number): FaceBox[];
  close(): void;
}

let pending: Promise<FaceDetectorLike> | undefined;
let factory: (() => Promise<FaceDetectorLike>) | undefined;

/**
 * Replaces the detector the flow loads (tests inject a scripted one); `undefined` restores the real
 * MediaPipe detector. Drops any detector already loaded.
 */
export function setFaceDetectorFactory(make: (() => Promise<FaceDetectorLike>) | undefined): void {
  factory = make;
  pending = undefined;
}

async function create(): Promise<FaceDetectorLike> {
  const vision = await import('@mediapipe/tasks-vision');
  const fileset = {
    wasmLoaderPath: `${FACE_CHECK_BASE}/vision_wasm_internal.js`,
    wasmBinaryPath: `${FACE_CHECK_BASE}/vision_wasm_internal.wasm`,
  };
  const detector = await vision.FaceDetector.createFromOptions(fileset, {
    baseOptions: { modelAssetPath: FACE_MODEL_URL, delegate: 'CPU' },
    runningMode: 'VIDEO',
    minDetectionConfidence: 0.5,
  });
  let last = 0;
  const api: FaceDetectorLike = {
    detect(source, timestampMs) {
      // VIDEO mode needs strictly increasing timestamps.
      last = Math.max(timestampMs, last + 1);
      return detector.detectForVideo(source, last).detections.map((d) => ({
        score: d.categories[0]?.score ?? 0,
        box: {
          originX: d.boundingBox?.originX ?? 0,
          originY: d.boundingBox?.originY ?? 0,
          width: d.boundingBox?.width ?? 0,
          height: d.boundingBox?.height ?? 0,
        },
        keypoints: d.keypoints.map((k) => ({ x: k.x, y: k.y })),
      }));
    },
    close() {
      detector.close();
    },
  };
  // Warm-up: the first detection costs about 1 s (face-check.md §7); do it on a blank frame now.
  const blank = document.createElement('canvas');
  blank.width = 64;
  blank.height = 48;
  blank.getContext('2d')?.fillRect(0, 0, 64, 48);
  api.detect(blank, performance.now());
  blank.width = blank.height = 0;
  return api;
}

/** The shared detector, created on first call (and again after a failed creation). */
export function loadFaceDetector(): Promise<FaceDetectorLike> {
  pending ??= (factory ?? create)().catch((err: unknown) => {
    pending = undefined;
    throw err;
  });
  return pending;
}

/** Clears the detector's last frame from wasm memory at the end of a visit (face-check.md §11.13). */
export async function wipeFaceDetector(): Promise<void> {
  if (!pending) return;
  try {
    const d = await pending;
    const blank = document.createElement('canvas');
    blank.width = 64;
    blank.height = 48;
    blank.getContext('2d')?.fillRect(0, 0, 64, 48);
    d.detect(blank, performance.now());
  } catch {
    // nothing was loaded
  }
}

/** A JPEG crop of the face (box in pixels, with a margin), the only image of the check that leaves the page. */
export function cropFace(source: HTMLVideoElement, face: FaceBox): string | null {
  const w = source.videoWidth;
  const h = source.videoHeight;
  if (!w || !h) return null;
  const margin = 0.35;
  const x = Math.max(0, face.box.originX - face.box.width * margin);
  const y = Math.max(0, face.box.originY - face.box.height * margin);
  const cw = Math.min(w - x, face.box.width * (1 + 2 * margin));
  const ch = Math.min(h - y, face.box.height * (1 + 2 * margin));
  if (cw <= 0 || ch <= 0) return null;
  const scale = Math.min(1, 320 / Math.max(cw, ch));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(cw * scale);
  canvas.height = Math.round(ch * scale);
  canvas.getContext('2d')?.drawImage(source, x, y, cw, ch, 0, 0, canvas.width, canvas.height);
  const url = canvas.toDataURL('image/jpeg', 0.85);
  canvas.width = canvas.height = 0;
  return url;
}

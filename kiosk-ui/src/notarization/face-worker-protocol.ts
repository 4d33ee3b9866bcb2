// The messages between the page and the face-check worker (face-detector.worker.ts), and where the
// worker finds its files (served from the kiosk's own origin by build/face-model-plugin.ts).
import type { FaceBox } from './liveness.js';

export const FACE_CHECK_BASE = '/face-check';
export const FACE_MODEL_URL = `${FACE_CHECK_BASE}/blaze_face_short_range_with_metadata.tflite`;
/**
 * The ES-module build of the tasks-vision wasm loader: in a module worker `importScripts` throws and
 * tasks-vision falls back to `import()`, which only this build answers (it sets `globalThis.ModuleFactory`).
 */
export const FACE_WASM = {
  wasmLoaderPath: `${FACE_CHECK_BASE}/vision_wasm_module_internal.js`,
  wasmBinaryPath: `${FACE_CHECK_BASE}/vision_wasm_module_internal.wasm`,
};

/** What the worker measured while it created and warmed the detector. */
export interface FaceWarmUp {
  createMs: number;
  firstDetectMs: number;
  /** Every URL the worker fetched (all must be the kiosk's own origin). */
  resources: string[];
}

/**
 * A camera frame as the page sends it: a VideoFrame of the <video> (no copy or colour conversion on the
 * main thread, unlike createImageBitmap(video)), or an ImageBitmap. Transferred, never copied.
 */
export type FaceFrame = VideoFrame | ImageBitmap;

export type ToFaceWorker =
  /** `frame` is transferred; it comes back in the answer. */
  | { type: 'detect'; id: number; frame: FaceFrame; timestampMs: number }
  /** One detection on a blank frame, so the last camera frame leaves wasm memory. */
  | { type: 'wipe'; id: number };

export type FromFaceWorker =
  | ({ type: 'ready' } & FaceWarmUp)
  | { type: 'failed'; message: string }
  | { type: 'faces'; id: number; faces: FaceBox[]; frame: FaceFrame; detectMs: number }
  | { type: 'wiped'; id: number }
  | { type: 'error'; id: number; message: string };

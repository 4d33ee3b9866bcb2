// The offline face detector (face-check.md) as the page sees it: a module worker
// (face-detector-worker.ts) that runs @mediapipe/tasks-vision off the main thread. The page wraps the
// camera frame in a VideoFrame, transfers it, and gets the faces and the same frame back (for the crop).
// Lazy: this module holds no tasks-vision code; the worker is started on the idle start screen
// (shell/face-warm-up.ts) or when the notarization flow opens, and reused for every check.
import type { FaceFrame, FaceWarmUp, FromFaceWorker, ToFaceWorker } from './face-worker-protocol.js';
import type { FaceBox } from './liveness.js';

export interface FaceDetection {
  faces: FaceBox[];
  /** The analysed frame, handed back: the caller closes it (or crops from it first). */
  frame: FaceFrame;
  /** Time the detector spent on the frame (off the main thread). */
  detectMs: number;
}

export interface FaceDetectorLike {
  /** Finds the faces in `frame`; the frame passes to the detector and comes back in the answer. */
  detect(frame: FaceFrame, timestampMs: number): Promise<FaceDetection>;
  /** One detection on a blank frame, so the last camera frame leaves the detector's memory. */
  wipe(): Promise<void>;
  close(): void;
  /** What creation and warm-up cost (the real detector only). */
  readonly warmUp?: FaceWarmUp;
}

type Waiter = { resolve: (m: FromFaceWorker) => void; reject: (err: Error) => void };

class WorkerFaceDetector implements FaceDetectorLike {
  private readonly _waiting = new Map<number, Waiter>();
  private _nextId = 1;
  private _broken: Error | null = null;

  private constructor(
    private readonly _worker: Worker,
    readonly warmUp: FaceWarmUp,
  ) {}

  /** Starts the worker; resolves once its detector is created and warmed. */
  static start(onBroken: () => void): Promise<WorkerFaceDetector> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./face-detector-worker.ts', import.meta.url), {
        type: 'module',
        name: 'face-check',
      });
      let detector: WorkerFaceDetector | undefined;
      worker.addEventListener('message', (e: MessageEvent<FromFaceWorker>) => {
        const m = e.data;
        if (m.type === 'ready') {
          detector = new WorkerFaceDetector(worker, m);
          resolve(detector);
        } else if (m.type === 'failed') {
          worker.terminate();
          reject(new Error(m.message));
        } else detector?._settle(m);
      });
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        const err = new Error(e.message || 'the face-check worker failed');
        worker.terminate();
        if (!detector) reject(err);
        else detector._break(err);
        onBroken();
      });
    });
  }

  detect(frame: FaceFrame, timestampMs: number): Promise<FaceDetection> {
    return this._ask({ type: 'detect', id: this._nextId++, frame, timestampMs }, [frame]).then((m) => {
      if (m.type !== 'faces') throw new Error(`unexpected answer ${m.type}`);
      return { faces: m.faces, frame: m.frame, detectMs: m.detectMs };
    });
  }

  async wipe(): Promise<void> {
    await this._ask({ type: 'wipe', id: this._nextId++ });
  }

  close(): void {
    this._worker.terminate();
    this._break(new Error('the face detector was closed'));
  }

  private _ask(message: ToFaceWorker, transfer: Transferable[] = []): Promise<FromFaceWorker> {
    if (this._broken) {
      if (message.type === 'detect') message.frame.close();
      return Promise.reject(this._broken);
    }
    return new Promise((resolve, reject) => {
      this._waiting.set(message.id, { resolve, reject });
      this._worker.postMessage(message, transfer);
    });
  }

  private _settle(m: FromFaceWorker): void {
    if (!('id' in m)) return;
    const waiter = this._waiting.get(m.id);
    this._waiting.delete(m.id);
    if (!waiter) {
      if (m.type === 'faces') m.frame.close();
    } else if (m.type === 'error') waiter.reject(new Error(m.message));
    else waiter.resolve(m);
  }

  private _break(err: Error): void {
    this._broken = err;
    for (const waiter of this._waiting.values()) waiter.reject(err);
    this._waiting.clear();
  }
}

let pending: Promise<FaceDetectorLike> | undefined;
let factory: (() => Promise<FaceDetectorLike>) | undefined;

/**
 * Replaces the detector the flow loads (tests inject a scripted one); `undefined` restores the real
 * worker detector. Drops any detector already loaded.
 */
export function setFaceDetectorFactory(make: (() => Promise<FaceDetectorLike>) | undefined): void {
  factory = make;
  pending = undefined;
}

/** The shared detector, created on first call (and again after a failed creation or a crashed worker). */
export function loadFaceDetector(): Promise<FaceDetectorLike> {
  if (pending) return pending;
  const forget = (): void => {
    if (pending === loading) pending = undefined;
  };
  const loading: Promise<FaceDetectorLike> = (factory ?? (() => WorkerFaceDetector.start(forget)))().catch(
    (err: unknown) => {
      forget();
      throw err;
    },
  );
  pending = loading;
  return loading;
}

/** Clears the detector's last frame from wasm memory at the end of a visit (face-check.md §11.13). */
export async function wipeFaceDetector(): Promise<void> {
  if (!pending) return;
  try {
    await (await pending).wipe();
  } catch {
    // nothing was loaded, or the worker is gone (and its memory with it)
  }
}

/** A JPEG crop of the face (box in pixels, with a margin), the only image of the check that leaves the page. */
export function cropFace(frame: FaceFrame, face: FaceBox): string | null {
  const w = 'displayWidth' in frame ? frame.displayWidth : frame.width;
  const h = 'displayHeight' in frame ? frame.displayHeight : frame.height;
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
  canvas.getContext('2d')?.drawImage(frame, x, y, cw, ch, 0, 0, canvas.width, canvas.height);
  const url = canvas.toDataURL('image/jpeg', 0.85);
  canvas.width = canvas.height = 0;
  return url;
}

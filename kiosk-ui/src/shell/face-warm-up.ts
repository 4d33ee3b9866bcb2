// The notarization face detector warmed before the first visitor (issue 12): creating it compiles
// megabytes of wasm, seconds on the terminal's two cores. Once the start screen has stood untouched
// for `afterMs` on a terminal with a camera, the detector's worker is created and warmed, off the
// main thread; it then stays ready for every visit. A visitor who comes sooner gets it warmed when
// the notarization flow opens. The import keeps tasks-vision out of the home screen's script.

export const WARM_AFTER_MS = 20_000;

const loadDetector = (): Promise<unknown> =>
  import('../notarization/face-detector.js').then((m) => m.loadFaceDetector());

export class FaceWarmUp {
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _done = false;

  constructor(
    private readonly _load: () => Promise<unknown> = loadDetector,
    private readonly _afterMs = WARM_AFTER_MS,
  ) {}

  /** Every screen change: armed while the idle start screen shows and a camera is there, else not. */
  screen(idleStart: boolean, camera: boolean): void {
    if (!idleStart || !camera || this._done) return this.cancel();
    this._timer ??= setTimeout(() => {
      this._timer = undefined;
      this._done = true;
      // A failed creation is tried again the next time the start screen stands idle.
      this._load().catch(() => (this._done = false));
    }, this._afterMs);
  }

  cancel(): void {
    clearTimeout(this._timer);
    this._timer = undefined;
  }
}

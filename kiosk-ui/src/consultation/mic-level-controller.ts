import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The microphone level for the device check (Web Audio AnalyserNode) as a reactive controller
 * (style R6): `level` in 0…1, updated about ten times a second; everything released when the host
 * disconnects. It never stops the stream's tracks: the stream belongs to the call client.
 */
export class MicLevelController implements ReactiveController {
  level = 0;
  /** True once the level went clearly above the noise floor (she said something). */
  heard = false;

  private _context: AudioContext | null = null;
  private _timer: ReturnType<typeof setInterval> | undefined;
  private _stream: MediaStream | null = null;

  constructor(private readonly _host: ReactiveControllerHost) {
    _host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.detach();
  }

  attach(stream: MediaStream | null): void {
    if (stream === this._stream) return;
    this.detach();
    this._stream = stream;
    if (!stream || !stream.getAudioTracks().length) return;
    const context = new AudioContext();
    this._context = context;
    const source = context.createMediaStreamSource(stream);
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    void context.resume().catch(() => undefined);
    this._timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      const rms = Math.sqrt(sum / samples.length);
      // Speech at arm's length is roughly 0.02–0.2 RMS; scale so normal speech fills most of the bar.
      const level = Math.min(1, rms * 8);
      if (level > 0.15) this.heard = true;
      if (Math.abs(level - this.level) > 0.02) {
        this.level = level;
        this._host.requestUpdate();
      }
    }, 100);
  }

  detach(): void {
    clearInterval(this._timer);
    this._timer = undefined;
    void this._context?.close().catch(() => undefined);
    this._context = null;
    this._stream = null;
    this.level = 0;
  }
}

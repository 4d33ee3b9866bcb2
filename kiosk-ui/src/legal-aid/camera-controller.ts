import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type CameraState = 'off' | 'starting' | 'live' | 'unavailable';

export interface CapturedImage {
  dataUrl: string;
  width: number;
  height: number;
  bytes: number;
}

/** Longest edge of a stored photo, and the byte budget the agent accepts (1.5 MB) with margin. */
const MAX_EDGE = 1600;
const MAX_BYTES = 1_200_000;

function dataUrlBytes(dataUrl: string): number {
  const b64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  return Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
}

/**
 * The document camera (getUserMedia) as a reactive controller (style R6): started by the step,
 * every track stopped when the host disconnects or the visit ends.
 */
export class CameraController implements ReactiveController {
  state: CameraState = 'off';
  stream: MediaStream | null = null;

  constructor(private readonly _host: ReactiveControllerHost) {
    _host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stop();
  }

  async start(): Promise<void> {
    if (this.state === 'live' || this.state === 'starting') return;
    this._set('starting');
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment', width: { ideal: 1920 }, height: { ideal: 1080 } },
        audio: false,
      });
      if ((this.state as CameraState) !== 'starting') {
        for (const track of stream.getTracks()) track.stop();
        return;
      }
      this.stream = stream;
      this._set('live');
    } catch {
      this._set('unavailable');
    }
  }

  stop(): void {
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    if (this.state !== 'unavailable') this._set('off');
  }

  /** A compressed JPEG of the current frame: scaled to MAX_EDGE, quality lowered until it fits. */
  capture(video: HTMLVideoElement): CapturedImage | null {
    if (!video.videoWidth || !video.videoHeight) return null;
    const scale = Math.min(1, MAX_EDGE / Math.max(video.videoWidth, video.videoHeight));
    const width = Math.round(video.videoWidth * scale);
    const height = Math.round(video.videoHeight * scale);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.drawImage(video, 0, 0, width, height);
    let quality = 0.8;
    let dataUrl = canvas.toDataURL('image/jpeg', quality);
    while (dataUrlBytes(dataUrl) > MAX_BYTES && quality > 0.3) {
      quality -= 0.15;
      dataUrl = canvas.toDataURL('image/jpeg', quality);
    }
    canvas.width = canvas.height = 0;
    return { dataUrl, width, height, bytes: dataUrlBytes(dataUrl) };
  }

  private _set(state: CameraState): void {
    this.state = state;
    this._host.requestUpdate();
  }
}

import { fetchPromptAudio, fetchTextAudio } from '../data/voice-audio.js';

export type Segment = { key: string; text: string } | { text: string };

export interface VoicePlayerState {
  /** What is being said (or would be, with voice off or unavailable): shown as a caption. */
  caption: string;
  playing: boolean;
  paused: boolean;
}

/** Playback rates offered (EN 301 549 / VVSG speech rate); reset to 1 at the end of a visit. */
export const RATES = [0.75, 1, 1.25] as const;

/**
 * One <audio> element and one segment at a time (chinese-input-and-voice.md B5): new speech and any
 * touch interrupt old speech; the last segment can be repeated; pause/resume; rate. Prompt audio is
 * cached as object URLs for the visit and revoked by `wipe()`.
 */
export class VoicePlayer {
  enabled = true;
  rate: number = 1;
  private readonly _audio = new Audio();
  private readonly _urls = new Map<string, string>();
  private _last: Segment | undefined;
  private _abort: AbortController | undefined;
  private _state: VoicePlayerState = { caption: '', playing: false, paused: false };
  private readonly _listeners = new Set<(s: VoicePlayerState) => void>();

  constructor() {
    this._audio.addEventListener('ended', () => this._set({ playing: false, paused: false }));
    this._audio.addEventListener('error', () => this._set({ playing: false, paused: false }));
  }

  get state(): VoicePlayerState {
    return this._state;
  }

  subscribe(listener: (s: VoicePlayerState) => void): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  /** Speaks a segment, interrupting whatever was playing. The caption updates even with voice off. */
  say(segment: Segment): void {
    this.stop();
    this._last = segment;
    this._set({ caption: segment.text });
    if (!this.enabled) return;
    const abort = new AbortController();
    this._abort = abort;
    void this._play(segment, abort.signal);
  }

  repeat(): void {
    if (this._last) this.say(this._last);
  }

  stop(): void {
    this._abort?.abort();
    this._abort = undefined;
    this._audio.pause();
    this._audio.removeAttribute('src');
    if (this._state.playing || this._state.paused) this._set({ playing: false, paused: false });
  }

  pause(): void {
    if (!this._state.playing) return;
    this._audio.pause();
    this._set({ playing: false, paused: true });
  }

  resume(): void {
    if (!this._state.paused) return;
    this._audio.playbackRate = this.rate;
    this._audio.play().catch(() => undefined);
    this._set({ playing: true, paused: false });
  }

  /** End of visit: stop, forget the last segment, revoke cached audio, defaults back. */
  wipe(): void {
    this.stop();
    this._last = undefined;
    for (const url of this._urls.values()) URL.revokeObjectURL(url);
    this._urls.clear();
    this.rate = 1;
    this._set({ caption: '', playing: false, paused: false });
  }

  private async _play(segment: Segment, signal: AbortSignal): Promise<void> {
    const cacheKey = 'key' in segment ? `k:${segment.key}` : undefined;
    let url = cacheKey ? this._urls.get(cacheKey) : undefined;
    if (!url) {
      const blob =
        'key' in segment ? await fetchPromptAudio(segment.key, signal) : await fetchTextAudio(segment.text, signal);
      if (!blob || signal.aborted) return;
      url = URL.createObjectURL(blob);
      // Dynamic text may be personal: its audio is not kept beyond this playback.
      if (cacheKey) this._urls.set(cacheKey, url);
      else this._audio.addEventListener('ended', () => URL.revokeObjectURL(url!), { once: true });
    }
    if (signal.aborted) return;
    this._audio.src = url;
    this._audio.playbackRate = this.rate;
    this._set({ playing: true, paused: false });
    try {
      await this._audio.play();
    } catch {
      if (!signal.aborted) this._set({ playing: false, paused: false });
    }
  }

  private _set(patch: Partial<VoicePlayerState>): void {
    this._state = { ...this._state, ...patch };
    for (const listener of this._listeners) listener(this._state);
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChromeAction } from '../events/kiosk-chrome-action.js';
import type { Localize, MessageKey, MessageParams } from '../i18n/message-types.js';
import { RATES, VoicePlayer, type VoicePlayerState } from '../voice/voice-player.js';
import { speechTarget } from './speech-target.js';

/** The bottom bar's speech controls. */
export type SpeechAction = Extract<ChromeAction, 'repeat' | 'pause' | 'resume' | 'rate'>;

/**
 * The shell's voice (style R6): one VoicePlayer for the page. Any touch stops speech (except the
 * speech controls), a tap on a say()/sayText() text speaks it, and `onPlaying` reports when speech
 * starts and stops (the idle clock pauses meanwhile).
 */
export class VoiceController implements ReactiveController {
  /** Caption and playback state for the bottom bar. */
  state: VoicePlayerState = { caption: '', playing: false, paused: false };
  private readonly _player = new VoicePlayer();
  private _unsubscribe: (() => void) | undefined;

  constructor(
    private readonly _host: ReactiveControllerHost & HTMLElement,
    private readonly _t: Localize,
    private readonly _onPlaying: (playing: boolean) => void,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    this._unsubscribe = this._player.subscribe((s) => {
      this.state = s;
      this._host.requestUpdate();
      this._onPlaying(s.playing);
    });
    this._host.addEventListener('pointerdown', this._onPointerDown, true);
    this._host.addEventListener('click', this._onTapToHear);
  }

  hostDisconnected(): void {
    this._host.removeEventListener('pointerdown', this._onPointerDown, true);
    this._host.removeEventListener('click', this._onTapToHear);
    this._unsubscribe?.();
    this._unsubscribe = undefined;
    this._player.wipe();
  }

  private readonly _onPointerDown = (e: PointerEvent): void => {
    // Any touch interrupts speech, except the speech controls themselves.
    const controls = e
      .composedPath()
      .some((n) => n instanceof HTMLElement && ['repeat', 'pause'].includes(n.dataset['chrome'] ?? ''));
    if (!controls) this._player.stop();
  };

  private readonly _onTapToHear = (e: MouseEvent): void => {
    const target = speechTarget(e.composedPath());
    if (!target) return;
    if ('key' in target) this.speak(target.key, target.params);
    else this.speakText(target.text);
  };

  /** The playback rate shown on 语速. */
  get rate(): number {
    return this._player.rate;
  }

  /** Whether audio plays; with voice off or unavailable only the caption changes. */
  set enabled(on: boolean) {
    this._player.enabled = on;
  }

  /** A prompt with filled-in values is dynamic text; a plain key is a (recorded or cached) prompt. */
  speak(key: MessageKey, params?: MessageParams): void {
    this._player.say(params ? { text: this._t(key, params) } : { key, text: this._t(key) });
  }

  speakText(text: string): void {
    this._player.say({ text });
  }

  stop(): void {
    this._player.stop();
  }

  /** 再听一遍, 暂停, 继续 and 语速 (the next rate, then the last segment again at that rate). */
  chrome(action: SpeechAction): void {
    switch (action) {
      case 'repeat':
        this._player.repeat();
        return;
      case 'pause':
        this._player.pause();
        return;
      case 'resume':
        this._player.resume();
        return;
      case 'rate':
        this._player.rate = RATES[(RATES.indexOf(this._player.rate as (typeof RATES)[number]) + 1) % RATES.length]!;
        this._host.requestUpdate();
        this._player.repeat();
        return;
      default: {
        const never: never = action;
        return never;
      }
    }
  }

  /** End of a visit: stop, forget the last segment and cached audio, rate back to 1. */
  wipe(): void {
    this._player.wipe();
    this._host.requestUpdate();
  }
}

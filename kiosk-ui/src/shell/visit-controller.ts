import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { visitContext, type IdlePauseReason, type VisitApi } from '../context/contexts.js';
import type { KioskIdleStayEvent } from '../events/kiosk-idle-stay.js';
import { IdleController, type IdleTimings } from '../session/idle-controller.js';
import type { IdleState } from './idle-machine.js';
import type { VoiceController } from './voice-controller.js';
import { wipeVisit } from './wipe.js';

export type VisitEndReason = Parameters<VisitApi['endVisit']>[0];

export interface VisitHooks {
  /** The idle timings of the current UI config. */
  timings(): IdleTimings;
  /** Back to the start at the end of a visit: no flow, the start screen, default settings. */
  resetShell(): void;
}

/**
 * The villager's visit (style R6, DESIGN §7): provides `visitContext`, runs the idle clock (warning
 * spoken, 我还在用, expiry) and ends the visit — 完成, idle timeout or abandoned flow alike — through
 * wipeVisit(), after which a new visit id re-creates all content.
 */
export class VisitController implements ReactiveController {
  private readonly _endCallbacks = new Set<() => void>();
  private readonly _idle: IdleController;
  private readonly _provider: ContextProvider<typeof visitContext>;

  constructor(
    private readonly _host: ReactiveControllerHost & HTMLElement,
    private readonly _voice: VoiceController,
    private readonly _hooks: VisitHooks,
  ) {
    this._idle = new IdleController(_host, () => this._hooks.timings(), {
      onVisitStart: () => undefined,
      onWarn: () => this._voice.speak('idle.prompt'),
      onExpire: () => void this.end('idle'),
    });
    this._provider = new ContextProvider(_host, { context: visitContext, initialValue: this._createApi(1) });
    _host.addController(this);
  }

  hostConnected(): void {
    this._host.addEventListener('kiosk-idle-stay', this._onStay);
  }

  hostDisconnected(): void {
    this._host.removeEventListener('kiosk-idle-stay', this._onStay);
  }

  private readonly _onStay = (_e: KioskIdleStayEvent): void => {
    if (this._idle.stay()) this._voice.stop();
  };

  private _createApi(visitId: number): VisitApi {
    return {
      visitId,
      speak: (key, params) => this._voice.speak(key, params),
      speakText: (text) => this._voice.speakText(text),
      stopSpeech: () => this._voice.stop(),
      pauseIdle: (reason) => this.pauseIdle(reason),
      resumeIdle: (reason) => this.resumeIdle(reason),
      endVisit: (reason) => this.end(reason),
      onVisitEnd: (callback) => {
        this._endCallbacks.add(callback);
        return () => this._endCallbacks.delete(callback);
      },
    };
  }

  /** The current visit; its `visitId` keys the content. */
  get api(): VisitApi {
    return this._provider.value;
  }

  /** The idle clock, for the warning overlay. */
  get idle(): IdleState {
    return this._idle.state;
  }

  pauseIdle(reason: IdlePauseReason): void {
    this._idle.pause(reason);
  }

  resumeIdle(reason: IdlePauseReason): void {
    this._idle.resume(reason);
  }

  /** Ends the visit: wipes memory, DOM, storage and the agent's copy; the next touch starts a new one. */
  async end(_reason: VisitEndReason): Promise<void> {
    await wipeVisit({
      voice: () => this._voice.wipe(),
      idle: () => this._idle.end(),
      modules: this._endCallbacks,
      shell: () => {
        this._endCallbacks.clear();
        this._hooks.resetShell();
        this._provider.setValue(this._createApi(this.api.visitId + 1));
        this._host.requestUpdate();
      },
    });
  }
}

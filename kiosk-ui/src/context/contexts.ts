import { createContext } from '@lit/context';
import type { AgentSocketSnapshot } from '../data/agent-socket.js';
import type { UiConfig } from '../data/ui-config.js';
import type { Localize, MessageKey, MessageParams } from '../i18n/message-types.js';

/** Narrow contexts provided by <kiosk-app> (style R7); consume only what a component needs. */

export const localizeContext = createContext<Localize>(Symbol('kiosk-localize'));

export const uiConfigContext = createContext<UiConfig>(Symbol('kiosk-ui-config'));

export const agentStatusContext = createContext<AgentSocketSnapshot>(Symbol('kiosk-agent-status'));

export interface A11yMode {
  largeText: boolean;
  voice: boolean;
  /** False when the agent reports no speech engine: captions only. */
  voiceAvailable: boolean;
}

export const a11yContext = createContext<A11yMode>(Symbol('kiosk-a11y'));

/** Why the idle clock is paused; several reasons may hold at once. */
export type IdlePauseReason = 'printing' | 'cardReading' | 'cameraCapture' | 'call' | 'speech' | (string & {});

/**
 * The current villager's visit. Flows use it to speak, to pause the idle clock while a device or a
 * call is working, and to end the visit ("完成"), which wipes everything (DESIGN §7).
 */
export interface VisitApi {
  /** Increases at every new visit; keyed renders use it so no element outlives a visit. */
  readonly visitId: number;
  speak(key: MessageKey, params?: MessageParams): void;
  /** Dynamic text (a receipt number, a queue position). Never personal data in speaker mode. */
  speakText(text: string): void;
  stopSpeech(): void;
  pauseIdle(reason: IdlePauseReason): void;
  resumeIdle(reason: IdlePauseReason): void;
  endVisit(reason: 'done' | 'idle' | 'abandoned'): Promise<void>;
  /** Run at the end of the visit (memory a module keeps, e.g. keyboard history); returns an unsubscribe. */
  onVisitEnd(callback: () => void): () => void;
}

export const visitContext = createContext<VisitApi>(Symbol('kiosk-visit'));

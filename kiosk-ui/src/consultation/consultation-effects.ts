import { Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { maskNumber } from '@kiosk/domain/mask';
import type { VisitApi } from '../context/contexts.js';
import type { UiConfig } from '../data/ui-config.js';
import {
  LIVE_STEPS,
  type ConsultationEvent,
  type ConsultationFlowState,
  type ConsultationStep,
} from '../flows/consultation-machine.js';
import type { Localize } from '../i18n/message-types.js';
import { CallClient, type CallClientEvent, type CallClientOptions } from './call-client.js';
import { windowDate, windowTime } from './callback-windows.js';
import {
  printSlip,
  requestSignallingToken,
  submitCallback,
  submitRating,
  type SlipOutcome,
  type StoreOutcome,
} from './consultation-data.js';
import { topicKey } from './consultation-messages.js';

export interface ConsultationEffectsDeps {
  dispatch(event: ConsultationEvent): void;
  current(): ConsultationFlowState;
  context(): { t: Localize; config: UiConfig; visit: VisitApi | undefined };
  /** Her camera/microphone and the lawyer's stream changed (the owner hands them to the screens). */
  streams(local: MediaStream | null, remote: MediaStream | null): void;
  /** Test seams for the call client (fake socket, token). */
  clientOptions(): Partial<CallClientOptions>;
}

/** How long the rating and summary wait for the lawyer's note before the slip prints without it. */
export const NOTE_WAIT_MS = 60_000;

function newClientId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/**
 * The consultation's side effects, started by state transitions (style R5): the call client (queue,
 * call, media), the idle pause, the slips, the call-back booking and the rating. Every late result is
 * checked against the state it was started for.
 */
export class ConsultationEffects implements ReactiveController {
  private _client: CallClient | null = null;
  private _unsubscribe: (() => void) | undefined;
  private _unsubscribeNotes: (() => void) | undefined;
  private _noteTimer: ReturnType<typeof setTimeout> | undefined;
  private _callbackId = newClientId();
  private _paused = false;

  private readonly _print: Task<[ConsultationStep], SlipOutcome>;
  private readonly _callback: Task<[], StoreOutcome>;

  constructor(
    host: ReactiveControllerHost,
    private readonly _deps: ConsultationEffectsDeps,
  ) {
    host.addController(this);
    this._print = new Task(host, {
      autoRun: false,
      args: () => ['fallback'] as [ConsultationStep],
      task: async ([step], { signal }) => {
        const visit = this._deps.context().visit;
        visit?.pauseIdle('printing');
        try {
          return step === 'summary'
            ? await printSlip('consultation-summary', this._summaryFields(), signal)
            : await printSlip('consultation-hotline', this._hotlineFields(), signal);
        } finally {
          visit?.resumeIdle('printing');
        }
      },
      onComplete: (outcome) => this._printDone(outcome.kind === 'printed'),
      onError: () => this._printDone(false),
    });
    this._callback = new Task(host, {
      autoRun: false,
      args: () => [] as [],
      task: async (_args, { signal }) => {
        const s = this._deps.current();
        const booking = s.callback;
        if (!booking) return { kind: 'failed' };
        const now = new Date();
        const t = this._deps.context().t;
        return submitCallback(
          {
            phone: booking.phone,
            ...(s.topic ? { topic: t(topicKey(s.topic, 'label')) } : {}),
            preferredTime: windowTime(booking.window),
            preferredDate: windowDate(booking.window, now),
            source: 'consultation',
            consent: { accepted: true, at: now.toISOString() },
          },
          this._callbackId,
          signal,
        );
      },
      onComplete: (outcome) => {
        const s = this._deps.current();
        if (s.step !== 'callback' || s.callbackStatus !== 'saving') return;
        if (outcome.kind === 'stored') {
          this._callbackId = newClientId();
          this._deps.dispatch({ type: 'callbackStored', receiptNo: outcome.accepted.receiptNo });
        } else this._deps.dispatch({ type: 'callbackFailed' });
      },
      onError: () => {
        const s = this._deps.current();
        if (s.step === 'callback' && s.callbackStatus === 'saving') this._deps.dispatch({ type: 'callbackFailed' });
      },
    });
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stopAll();
    this._print.abort();
    this._callback.abort();
  }

  /** Hangs up, leaves the queue, closes the socket and the peer connection, stops every track. */
  stopAll(): void {
    clearTimeout(this._noteTimer);
    this._noteTimer = undefined;
    this._unsubscribe?.();
    this._unsubscribe = undefined;
    this._unsubscribeNotes?.();
    this._unsubscribeNotes = undefined;
    this._client?.close();
    this._client = null;
    this._deps.streams(null, null);
    this._setPaused(false);
  }

  private _ensureClient(): CallClient {
    if (this._client) return this._client;
    const client = new CallClient({ requestToken: requestSignallingToken, ...this._deps.clientOptions() });
    this._client = client;
    this._unsubscribe = client.subscribe((e) => this._onClientEvent(client, e));
    this._unsubscribeNotes = client.subscribeNotes((note) => {
      if (client !== this._client) return;
      this._deps.dispatch({
        type: 'noteForCaller',
        callId: note.callId,
        ...(note.forCaller ? { text: note.forCaller } : {}),
      });
    });
    return client;
  }

  private _onClientEvent(client: CallClient, e: CallClientEvent): void {
    if (client !== this._client) return;
    const d = (event: ConsultationEvent): void => this._deps.dispatch(event);
    switch (e.type) {
      case 'presence':
        d({ type: 'presence', lawyersOnline: e.lawyersOnline });
        return;
      case 'queued':
        d({
          type: 'queued',
          ticket: e.ticket,
          position: e.position,
          lawyersOnline: e.lawyersOnline,
          ...(e.estimatedWaitS === undefined ? {} : { estimatedWaitS: e.estimatedWaitS }),
        });
        return;
      case 'no-answer':
        d({ type: 'noAnswer', reason: e.reason, ...(e.ticket ? { ticket: e.ticket } : {}) });
        return;
      case 'unreachable':
        d({ type: 'unreachable' });
        return;
      case 'matched':
        d({
          type: 'matched',
          callId: e.callId,
          at: new Date().toISOString(),
          ...(e.lawyerName ? { lawyerName: e.lawyerName } : {}),
        });
        this._deps.streams(client.localStream, client.remoteStream);
        return;
      case 'remote-stream':
        this._deps.streams(client.localStream, e.stream);
        return;
      case 'media-connected':
        d({ type: 'mediaConnected' });
        return;
      case 'media-interrupted':
        d({ type: 'mediaInterrupted' });
        return;
      case 'peer-lost':
        d({ type: 'peerLost', callId: e.callId });
        return;
      case 'peer-reconnected':
        d({ type: 'peerReconnected', callId: e.callId });
        return;
      case 'hangup':
        d({ type: 'remoteHangup', callId: e.callId, reason: e.reason, at: new Date().toISOString() });
        return;
      case 'call-failed':
        d({ type: 'callFailed', at: new Date().toISOString() });
        return;
      case 'audio-only':
        d({ type: 'audioOnly' });
        return;
      case 'unknown-receipt':
        // Only a notary interview names a receipt; a consultation never gets this.
        return;
      default: {
        const never: never = e;
        return never;
      }
    }
  }

  /** Called by the owner before a screen's event goes into the machine. */
  beforeEvent(event: ConsultationEvent): void {
    if (event.type === 'hangup') this._client?.hangup('hangup');
  }

  private _setPaused(paused: boolean): void {
    if (paused === this._paused) return;
    this._paused = paused;
    const visit = this._deps.context().visit;
    if (paused) visit?.pauseIdle('call');
    else visit?.resumeIdle('call');
  }

  private async _openMedia(): Promise<void> {
    const client = this._ensureClient();
    try {
      const stream = await client.openMedia();
      if (client !== this._client || this._deps.current().step !== 'deviceCheck') return;
      this._deps.streams(stream, null);
    } catch {
      if (this._deps.current().step === 'deviceCheck') this._deps.dispatch({ type: 'devicesFailed' });
    }
  }

  private _connect(): void {
    const s = this._deps.current();
    if (!s.topic) return;
    const { config } = this._deps.context();
    this._ensureClient().connect({
      topic: s.topic,
      consent: s.consentAt !== null,
      ...(config.terminal.name ? { terminalName: config.terminal.name } : {}),
      ...(s.callerName ? { callerName: s.callerName } : {}),
    });
  }

  private _printDone(ok: boolean): void {
    const s = this._deps.current();
    if (s.print.kind !== 'printing') return;
    this._deps.dispatch({ type: ok ? 'printSucceeded' : 'printFailed' });
  }

  private _summaryFields(): Record<string, unknown> {
    const s = this._deps.current();
    const { t, config } = this._deps.context();
    const e = s.ended;
    const startedAt = e?.startedAt ?? new Date().toISOString();
    const minutes = e ? Math.max(1, Math.round((Date.parse(e.endedAt) - Date.parse(e.startedAt)) / 60_000)) : 0;
    return {
      lawyerName: e?.lawyerName ?? t('consultation.summary.onDuty'),
      startedAt,
      ...(minutes > 0 ? { durationMin: minutes } : {}),
      topic: t(topicKey(s.topic ?? 'other', 'label')),
      hotline: config.hotline.number,
      // The slip's form takes up to 500 characters of it.
      ...(s.callerNote.kind === 'written' ? { forCaller: s.callerNote.text.slice(0, 500) } : {}),
    };
  }

  private _hotlineFields(): Record<string, unknown> {
    const s = this._deps.current();
    const { t, config } = this._deps.context();
    const hotline = config.hotline.number;
    const fields: Record<string, unknown> = { hotline, telQr: `tel:${hotline}` };
    if (s.step === 'callbackDone' && s.callbackReceipt && s.callback) {
      fields['receiptNo'] = s.callbackReceipt;
      fields['window'] = t(`consultation.callback.window.${s.callback.window}`);
      fields['phoneMasked'] = maskNumber(s.callback.phone);
    }
    return fields;
  }

  /** Called by the owner after every state change. */
  onTransition(previous: ConsultationFlowState | undefined, next: ConsultationFlowState): void {
    this._setPaused(LIVE_STEPS.includes(next.step));
    const entered = (step: ConsultationStep): boolean => next.step === step && previous?.step !== step;
    if (entered('deviceCheck')) void this._openMedia();
    if (entered('connecting')) this._connect();
    // 继续等待: the centre kept her ticket; enqueue again at the same place.
    if (entered('queue') && previous?.step === 'fallback') this._connect();
    // The call is over: camera and microphone off, the socket kept for the lawyer's note (bounded).
    if (entered('rating')) this._awaitNote();
    const noteSettled = previous?.callerNote.kind === 'waiting' && next.callerNote.kind !== 'waiting';
    const closes =
      entered('exited') ||
      entered('done') ||
      noteSettled ||
      entered('callbackDone') ||
      (entered('consent') && previous?.step === 'deviceCheck') ||
      (entered('fallback') && next.fallback !== 'timeout');
    if (closes) this.stopAll();
    if ((entered('summary') && next.callerNote.kind !== 'waiting') || entered('callbackDone'))
      this._deps.dispatch({ type: 'printStarted' });
    if (noteSettled && next.step === 'summary') this._deps.dispatch({ type: 'printStarted' });
    if (entered('summary') && next.rating !== null) void this._sendRating(next);
    if (next.print.kind === 'printing' && previous?.print.kind !== 'printing') void this._print.run([next.step]);
    if (next.step === 'callback' && next.callbackStatus === 'saving' && previous?.callbackStatus !== 'saving')
      void this._callback.run([]);
  }

  private _awaitNote(): void {
    this._client?.releaseMedia();
    this._deps.streams(null, null);
    clearTimeout(this._noteTimer);
    this._noteTimer = setTimeout(() => this._deps.dispatch({ type: 'noteWaitEnded' }), NOTE_WAIT_MS);
  }

  private async _sendRating(s: ConsultationFlowState): Promise<void> {
    if (s.rating === null) return;
    await submitRating(
      { service: 'consultation', score: s.rating, ...(s.ended ? { callId: s.ended.callId } : {}) },
      newClientId(),
    ).catch(() => undefined);
  }
}

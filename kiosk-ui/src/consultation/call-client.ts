// The kiosk's call client (reference/video-consultation.md §3, §5): one reconnecting WebSocket to the
// centre's signalling service, one RTCPeerConnection, the camera and the microphone. Data layer only:
// no DOM; the views get the streams through events and attach them themselves.
//
// The kiosk is always the offerer and the only side that creates ICE-restart offers. A call outlives
// its WebSocket: the client resumes it by callId. Back-off is capped at 2.5 s with jitter, and a
// `online` event reconnects at once.
import type {
  ClientMessage,
  ConsultationTopic,
  HangupReason,
  IceServer,
  ServerMessage,
  SignalData,
  SignallingToken,
} from '@kiosk/contract/signalling-api';
import { CLOSE_SUPERSEDED, CLOSE_UNAUTHORIZED } from '@kiosk/contract/signalling-api';
import { backoffDelay } from '@kiosk/domain/backoff';

/** What the client needs of a WebSocket (a fake one in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'close' | 'error' | 'message', listener: (event: Event) => void): void;
}

export type CallClientEvent =
  | { type: 'presence'; lawyersOnline: number }
  | { type: 'queued'; ticket: string; position: number; estimatedWaitS?: number; lawyersOnline: number }
  | { type: 'no-answer'; reason: 'no-lawyer-online' | 'timeout'; ticket?: string }
  /** A notary interview: the centre knows no notarization request of this terminal with that receipt. */
  | { type: 'unknown-receipt' }
  /** The centre cannot be reached (token refused, socket never opened, or gone too long while queued). */
  | { type: 'unreachable' }
  | { type: 'matched'; callId: string; lawyerName?: string }
  | { type: 'remote-stream'; stream: MediaStream }
  | { type: 'media-connected' }
  | { type: 'media-interrupted' }
  | { type: 'peer-lost'; callId: string }
  | { type: 'peer-reconnected'; callId: string }
  | { type: 'hangup'; callId: string; reason: HangupReason }
  /** The media path was not repaired within the give-up time (§3.3). */
  | { type: 'call-failed'; callId: string }
  | { type: 'audio-only' };

/** The lawyer saved her note after the call (`forCaller`: the text she wrote for the villager, if any). */
export interface CallerNoteReport {
  callId: string;
  forCaller?: string;
}

/** A consultation (`topic`) or a booked notary interview (`receiptNo`, issue 12). */
export type QueueRequest =
  | { topic: ConsultationTopic; consent: boolean; terminalName?: string; callerName?: string }
  | { receiptNo: string; consent: boolean; terminalName?: string };

export interface CallClientOptions {
  requestToken: (signal: AbortSignal) => Promise<SignallingToken | null>;
  openSocket?: (url: string) => SocketLike;
  createPeerConnection?: (config: RTCConfiguration) => RTCPeerConnection;
  getUserMedia?: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  /** Where `online` is announced (window). */
  network?: EventTarget;
  random?: () => number;
  now?: () => number;
  /** Shorter timers (tests); the defaults are `TIMING`. */
  timing?: Partial<CallTiming>;
}

/** Media settings that held up on village links (§5). */
export const MEDIA_CONSTRAINTS: MediaStreamConstraints = {
  audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  video: { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 15, max: 15 } },
};
export const VIDEO_MAX_BITRATE = 300_000;
export const VIDEO_MAX_FRAMERATE = 15;
/**
 * The send estimate below which a bandwidth-limited video goes audio only. The cap itself makes the
 * encoder report `bandwidth` on a good link (reference §5: 276–286 kbps sent at 300 kbps), so the
 * reason alone would drop every detailed picture; below half the cap the link, not the cap, limits.
 */
export const AUDIO_ONLY_BELOW_BPS = VIDEO_MAX_BITRATE / 2;

/** §3.2/§3.3 timings. */
export const TIMING = {
  reconnectBaseMs: 250,
  reconnectCapMs: 2_500,
  /** Attempts before the first welcome; then the centre counts as unreachable (rung 5). */
  firstConnectAttempts: 3,
  /** Signalling down this long while waiting in the queue: the centre counts as unreachable. */
  queueOfflineGiveUpMs: 30_000,
  disconnectedRestartMs: 3_000,
  offerInFlightMs: 2_000,
  restartBackoffBaseMs: 1_000,
  restartBackoffCapMs: 8_000,
  giveUpMs: 45_000,
  statsIntervalMs: 2_000,
  /** The link limits the video (`linkLimitsVideo`) this long → audio only. */
  bandwidthAudioOnlyMs: 20_000,
} as const;
export type CallTiming = { -readonly [K in keyof typeof TIMING]: number };

const OPEN = 1;

type Listener = (event: CallClientEvent) => void;

function toRtcIceServers(servers: IceServer[]): RTCIceServer[] {
  return servers.map((s) => ({
    urls: s.urls,
    ...(s.username === undefined ? {} : { username: s.username }),
    ...(s.credential === undefined ? {} : { credential: s.credential }),
  }));
}

export class CallClient {
  private readonly _listeners = new Set<Listener>();
  private readonly _noteListeners = new Set<(note: CallerNoteReport) => void>();
  private readonly _opts: Required<Omit<CallClientOptions, 'network' | 'timing'>> & { network: EventTarget | null };
  private readonly _timing: CallTiming;

  private _local: MediaStream | null = null;
  private _remote: MediaStream | null = null;

  private _socket: SocketLike | null = null;
  private _token: SignallingToken | null = null;
  private _tokenAbort: AbortController | null = null;
  private _welcomed = false;
  private _everWelcomed = false;
  private _failures = 0;
  private _reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private _downSince: number | null = null;
  private _closed = true;

  private _request: QueueRequest | null = null;
  /** True while she wants to be in the queue (enqueue sent or to be sent after a reconnect). */
  private _queueActive = false;

  private _iceServers: IceServer[] = [];
  private _policy: 'all' | 'relay' = 'all';

  private _pc: RTCPeerConnection | null = null;
  private _callId: string | null = null;
  private _peerId: string | null = null;
  private _pendingCandidates: RTCIceCandidateInit[] = [];
  private _mediaUp = false;
  private _disconnectedTimer: ReturnType<typeof setTimeout> | undefined;
  private _giveUpTimer: ReturnType<typeof setTimeout> | undefined;
  /** A requested restart waiting for its turn (coalesced, spaced by back-off). */
  private _restartTimer: ReturnType<typeof setTimeout> | undefined;
  /** After a restart offer: if the path is not back by then, restart again. */
  private _retryTimer: ReturnType<typeof setTimeout> | undefined;
  private _restartAttempts = 0;
  private _lastOfferAt = 0;
  private _offerInFlight = false;
  /** A restart offer could not be sent (socket down): retried after a resumed welcome. */
  private _restartPending = false;
  private _statsTimer: ReturnType<typeof setInterval> | undefined;
  private _bandwidthSince: number | null = null;
  private _audioOnly = false;

  constructor(options: CallClientOptions) {
    this._opts = {
      requestToken: options.requestToken,
      openSocket: options.openSocket ?? ((url) => new WebSocket(url)),
      createPeerConnection: options.createPeerConnection ?? ((config) => new RTCPeerConnection(config)),
      getUserMedia: options.getUserMedia ?? ((c) => navigator.mediaDevices.getUserMedia(c)),
      network: options.network ?? (typeof window === 'undefined' ? null : window),
      random: options.random ?? Math.random,
      now: options.now ?? (() => Date.now()),
    };
    this._timing = { ...TIMING, ...options.timing };
  }

  get localStream(): MediaStream | null {
    return this._local;
  }

  get remoteStream(): MediaStream | null {
    return this._remote;
  }

  get callId(): string | null {
    return this._callId;
  }

  get peerConnection(): RTCPeerConnection | null {
    return this._pc;
  }

  get audioOnly(): boolean {
    return this._audioOnly;
  }

  subscribe(listener: Listener): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  /** The lawyer's notes after a call (a consultation's kiosk waits for one on the summary screen). */
  subscribeNotes(listener: (note: CallerNoteReport) => void): () => void {
    this._noteListeners.add(listener);
    return () => this._noteListeners.delete(listener);
  }

  private _emit(event: CallClientEvent): void {
    for (const l of [...this._listeners]) l(event);
  }

  // ---- media ----

  /** Opens the camera and microphone once (the device check and the call share the stream). */
  async openMedia(): Promise<MediaStream> {
    if (this._local && this._local.getTracks().some((t) => t.readyState === 'live')) return this._local;
    const stream = await this._opts.getUserMedia(MEDIA_CONSTRAINTS);
    for (const track of stream.getVideoTracks()) track.contentHint = 'motion';
    this._local = stream;
    return stream;
  }

  private _stopLocal(): void {
    for (const track of this._local?.getTracks() ?? []) track.stop();
    this._local = null;
  }

  // ---- signalling connection ----

  /**
   * Joins the queue with this request: opens the connection when needed, otherwise (re-)sends
   * `enqueue` (继续等待 and 重新排队 keep her ticket: the centre replaces an earlier entry).
   */
  connect(request: QueueRequest): void {
    this._request = request;
    this._queueActive = true;
    if (this._closed) {
      this._closed = false;
      this._failures = 0;
      this._downSince = null;
      this._opts.network?.addEventListener('online', this._onOnline);
      void this._open();
      return;
    }
    if (this._welcomed) this._sendEnqueue();
  }

  leaveQueue(): void {
    if (!this._queueActive) return;
    this._queueActive = false;
    this._send({ type: 'leave-queue' });
  }

  /** 挂断: ends the current call (the peer gets `hangup{reason}`). */
  hangup(reason: HangupReason = 'hangup'): void {
    const callId = this._callId;
    if (!callId) return;
    this._send({ type: 'hangup', callId, reason });
    this._teardownCall();
  }

  /**
   * After the call: the camera and microphone off and no call or queue left, but the socket stays
   * open for the lawyer's note (`note-for-caller`) until `close()`.
   */
  releaseMedia(): void {
    this.leaveQueue();
    this._teardownCall();
    this._stopLocal();
  }

  /** End of the visit (DESIGN §7): hang up, leave the queue, close everything, stop every track. */
  close(): void {
    if (this._callId) this.hangup('visit-ended');
    this.leaveQueue();
    this._closed = true;
    this._request = null;
    this._opts.network?.removeEventListener('online', this._onOnline);
    clearTimeout(this._reconnectTimer);
    this._tokenAbort?.abort();
    this._tokenAbort = null;
    const socket = this._socket;
    this._socket = null;
    this._welcomed = false;
    socket?.close(1000, 'visit-ended');
    this._teardownCall();
    this._stopLocal();
    this._token = null;
  }

  private readonly _onOnline = (): void => {
    if (this._closed || (this._socket && this._socket.readyState === OPEN)) return;
    clearTimeout(this._reconnectTimer);
    void this._open();
  };

  private async _getToken(): Promise<SignallingToken | null> {
    // A fresh token for every (re)connect: a resume after a long call needs an unexpired one.
    this._tokenAbort?.abort();
    const abort = new AbortController();
    this._tokenAbort = abort;
    try {
      this._token = await this._opts.requestToken(abort.signal);
    } catch {
      this._token = null;
    }
    return this._token;
  }

  private async _open(): Promise<void> {
    if (this._closed) return;
    const previous = this._socket;
    this._socket = null;
    previous?.close();
    const token = await this._getToken();
    if (this._closed || this._socket) return;
    if (!token) {
      this._onConnectionFailed();
      return;
    }
    let socket: SocketLike;
    try {
      socket = this._opts.openSocket(token.url);
    } catch {
      this._onConnectionFailed();
      return;
    }
    this._socket = socket;
    socket.addEventListener('open', () => {
      if (socket !== this._socket) return;
      const resume = this._callId && this._peerId ? { callId: this._callId, peerId: this._peerId } : undefined;
      this._send({ type: 'hello', role: 'kiosk', id: token.id, token: token.token, ...(resume ? { resume } : {}) });
    });
    socket.addEventListener('message', (e) => {
      if (socket !== this._socket) return;
      let message: ServerMessage;
      try {
        message = JSON.parse(String((e as MessageEvent).data)) as ServerMessage;
      } catch {
        return;
      }
      this._onMessage(message);
    });
    socket.addEventListener('close', (e) => {
      if (socket !== this._socket) return;
      this._socket = null;
      this._welcomed = false;
      const code = (e as CloseEvent).code;
      if (code === CLOSE_UNAUTHORIZED) this._token = null;
      if (code === CLOSE_SUPERSEDED) {
        this._giveUp();
        return;
      }
      this._onConnectionFailed();
    });
  }

  /** The socket closed or could not open: retry with back-off, or give up (§4 rung 5). */
  private _onConnectionFailed(): void {
    if (this._closed) return;
    this._failures++;
    this._downSince ??= this._opts.now();
    const inCall = this._callId !== null;
    if (!this._everWelcomed && this._failures >= this._timing.firstConnectAttempts) {
      this._giveUp();
      return;
    }
    if (!inCall && this._everWelcomed && this._opts.now() - this._downSince >= this._timing.queueOfflineGiveUpMs) {
      this._giveUp();
      return;
    }
    const delay = backoffDelay(
      this._failures,
      this._timing.reconnectBaseMs,
      this._timing.reconnectCapMs,
      this._opts.random,
    );
    clearTimeout(this._reconnectTimer);
    this._reconnectTimer = setTimeout(() => void this._open(), delay);
  }

  private _giveUp(): void {
    const wasInCall = this._callId;
    this.close();
    if (wasInCall) this._emit({ type: 'call-failed', callId: wasInCall });
    else this._emit({ type: 'unreachable' });
  }

  private _send(message: ClientMessage): boolean {
    const socket = this._socket;
    if (!socket || socket.readyState !== OPEN) return false;
    socket.send(JSON.stringify(message));
    return true;
  }

  private _sendEnqueue(): void {
    const r = this._request;
    if (!r || !this._queueActive) return;
    const terminalName = r.terminalName ? { terminalName: r.terminalName } : {};
    if ('receiptNo' in r)
      this._send({ type: 'join-interview', receiptNo: r.receiptNo, consent: r.consent, ...terminalName });
    else
      this._send({
        type: 'enqueue',
        topic: r.topic,
        consent: r.consent,
        ...terminalName,
        ...(r.callerName ? { callerName: r.callerName } : {}),
      });
  }

  private _onMessage(m: ServerMessage): void {
    switch (m.type) {
      case 'welcome':
        this._onWelcome(m.resumed, m.iceServers, m.iceTransportPolicy, m.lawyersOnline);
        return;
      case 'queued':
        if (!this._queueActive) return;
        this._emit({
          type: 'queued',
          ticket: m.ticket,
          position: m.position,
          ...(m.estimatedWaitS === undefined ? {} : { estimatedWaitS: m.estimatedWaitS }),
          lawyersOnline: m.lawyersOnline,
        });
        return;
      case 'no-answer':
        if (!this._queueActive) return;
        this._queueActive = false;
        this._emit({ type: 'no-answer', reason: m.reason, ...(m.ticket ? { ticket: m.ticket } : {}) });
        return;
      case 'matched':
        if ('lawyerId' in m.peer) {
          const peer = m.peer;
          this._queueActive = false;
          this._iceServers = m.iceServers;
          this._policy = m.iceTransportPolicy;
          void this._startCall(m.callId, peer.lawyerId, peer.lawyerName);
        }
        return;
      case 'signal':
        if (m.callId === this._callId) void this._onSignal(m.data);
        return;
      case 'hangup':
        if (m.callId !== this._callId) return;
        this._teardownCall();
        this._emit({ type: 'hangup', callId: m.callId, reason: m.reason });
        return;
      case 'peer-lost':
        if (m.callId === this._callId) this._emit({ type: 'peer-lost', callId: m.callId });
        return;
      case 'peer-reconnected':
        if (m.callId !== this._callId) return;
        this._emit({ type: 'peer-reconnected', callId: m.callId });
        // Media may have kept flowing while the lawyer's socket was away.
        if (this._mediaUp) this._emit({ type: 'media-connected' });
        this._requestRestart();
        return;
      case 'error':
        if (m.detail === 'unknownReceipt' && this._queueActive) {
          this._queueActive = false;
          this._emit({ type: 'unknown-receipt' });
        }
        return;
      case 'note-for-caller': {
        const note: CallerNoteReport = { callId: m.callId, ...(m.forCaller ? { forCaller: m.forCaller } : {}) };
        for (const listener of this._noteListeners) listener(note);
        return;
      }
      case 'queue':
      case 'queue-empty':
      case 'interviews':
        return;
      default: {
        const never: never = m;
        return never;
      }
    }
  }

  private _onWelcome(resumed: boolean, iceServers: IceServer[], policy: 'all' | 'relay', lawyersOnline: number): void {
    this._welcomed = true;
    this._everWelcomed = true;
    this._failures = 0;
    this._downSince = null;
    this._iceServers = iceServers;
    this._policy = policy;
    this._emit({ type: 'presence', lawyersOnline });
    const callId = this._callId;
    if (callId) {
      if (!resumed) {
        // The centre forgot the call and would not re-create it (§3.2): hang up and fall back.
        this._send({ type: 'hangup', callId, reason: 'resume-rejected' });
        this._teardownCall();
        this._emit({ type: 'hangup', callId, reason: 'resume-rejected' });
        return;
      }
      const pc = this._pc;
      if (pc) {
        pc.setConfiguration({ ...pc.getConfiguration(), iceServers: toRtcIceServers(iceServers) });
        this._restartPending = false;
        this._offerInFlight = false;
        clearTimeout(this._restartTimer);
        this._restartTimer = undefined;
        this._requestRestart(true);
      }
      return;
    }
    if (this._queueActive) this._sendEnqueue();
  }

  // ---- the call ----

  private async _startCall(callId: string, peerId: string, lawyerName: string | undefined): Promise<void> {
    this._teardownCall();
    this._callId = callId;
    this._peerId = peerId;
    this._emit({ type: 'matched', callId, ...(lawyerName ? { lawyerName } : {}) });
    const pc = this._opts.createPeerConnection({
      iceServers: toRtcIceServers(this._iceServers),
      iceTransportPolicy: this._policy,
      bundlePolicy: 'max-bundle',
      rtcpMuxPolicy: 'require',
    });
    this._pc = pc;
    const remote = new MediaStream();
    this._remote = remote;
    pc.addEventListener('icecandidate', (e) => {
      if (e.candidate && pc === this._pc)
        this._send({ type: 'signal', callId, data: { candidate: e.candidate.toJSON() } });
    });
    pc.addEventListener('track', (e) => {
      if (pc !== this._pc) return;
      // Attach in ontrack, then the view plays it (§3.1 step 4, §9.3).
      if (!remote.getTracks().includes(e.track)) remote.addTrack(e.track);
      this._emit({ type: 'remote-stream', stream: remote });
    });
    pc.addEventListener('iceconnectionstatechange', () => this._onIceState(pc));
    pc.addEventListener('connectionstatechange', () => this._onIceState(pc));
    try {
      const local = await this.openMedia();
      if (pc !== this._pc) return;
      for (const track of local.getTracks()) pc.addTrack(track, local);
      await this._sendOffer(pc, callId, false);
      await this._capVideo(pc);
    } catch {
      if (pc !== this._pc) return;
      this._emit({ type: 'call-failed', callId });
      this.hangup('network');
    }
  }

  /** 300 kbps, 15 fps, keep the frame rate (§5). */
  private async _capVideo(pc: RTCPeerConnection): Promise<void> {
    const sender = pc.getSenders().find((s) => s.track?.kind === 'video');
    if (!sender) return;
    const params = sender.getParameters();
    if (!params.encodings.length) params.encodings = [{}];
    params.encodings[0].maxBitrate = VIDEO_MAX_BITRATE;
    params.encodings[0].maxFramerate = VIDEO_MAX_FRAMERATE;
    params.degradationPreference = 'maintain-framerate';
    try {
      await sender.setParameters(params);
    } catch {
      // Some builds refuse degradationPreference: keep the bitrate cap at least.
      const retry = sender.getParameters();
      if (retry.encodings.length) {
        retry.encodings[0].maxBitrate = VIDEO_MAX_BITRATE;
        retry.encodings[0].maxFramerate = VIDEO_MAX_FRAMERATE;
        await sender.setParameters(retry).catch(() => undefined);
      }
    }
  }

  private async _sendOffer(pc: RTCPeerConnection, callId: string, iceRestart: boolean): Promise<void> {
    if (pc.signalingState === 'have-local-offer') await pc.setLocalDescription({ type: 'rollback' });
    const offer = await pc.createOffer(iceRestart ? { iceRestart: true } : {});
    if (pc !== this._pc) return;
    await pc.setLocalDescription(offer);
    const sdp = pc.localDescription;
    if (!sdp) return;
    const sent = this._send({ type: 'signal', callId, data: { sdp: { type: 'offer', sdp: sdp.sdp } } });
    if (sent) {
      this._offerInFlight = true;
      this._lastOfferAt = this._opts.now();
      return;
    }
    // The offer cannot go out: roll it back, or the connection stays in have-local-offer for ever (§3.3).
    await pc.setLocalDescription({ type: 'rollback' }).catch(() => undefined);
    this._offerInFlight = false;
    this._restartPending = true;
  }

  private async _onSignal(data: SignalData): Promise<void> {
    const pc = this._pc;
    if (!pc) return;
    if ('sdp' in data) {
      if (data.sdp.type !== 'answer' || pc.signalingState !== 'have-local-offer') return;
      await pc.setRemoteDescription(data.sdp);
      this._offerInFlight = false;
      const pending = this._pendingCandidates;
      this._pendingCandidates = [];
      for (const c of pending) await pc.addIceCandidate(c).catch(() => undefined);
      return;
    }
    if ('candidate' in data) {
      const candidate = data.candidate as RTCIceCandidateInit;
      if (!pc.remoteDescription) this._pendingCandidates.push(candidate);
      else await pc.addIceCandidate(candidate).catch(() => undefined);
      return;
    }
    // The lawyer asks for a restart; only the kiosk makes restart offers.
    this._requestRestart();
  }

  private _onIceState(pc: RTCPeerConnection): void {
    if (pc !== this._pc) return;
    const ice = pc.iceConnectionState;
    const conn = pc.connectionState;
    if (conn === 'connected' || ice === 'connected' || ice === 'completed') {
      clearTimeout(this._disconnectedTimer);
      this._disconnectedTimer = undefined;
      clearTimeout(this._giveUpTimer);
      this._giveUpTimer = undefined;
      // A requested restart (lawyer, resume) still goes out; only the keep-trying retry stops.
      clearTimeout(this._retryTimer);
      this._retryTimer = undefined;
      this._restartAttempts = 0;
      if (!this._mediaUp) {
        this._mediaUp = true;
        this._startStats();
        this._emit({ type: 'media-connected' });
      }
      return;
    }
    const broken = conn === 'failed' || ice === 'failed' || ice === 'disconnected';
    if (!broken) return;
    if (this._mediaUp) {
      this._mediaUp = false;
      this._emit({ type: 'media-interrupted' });
    }
    this._giveUpTimer ??= setTimeout(() => this._onGiveUp(), this._timing.giveUpMs);
    if (conn === 'failed' || ice === 'failed') this._requestRestart();
    else
      this._disconnectedTimer ??= setTimeout(() => {
        this._disconnectedTimer = undefined;
        if (pc === this._pc && pc.iceConnectionState === 'disconnected') this._requestRestart();
      }, this._timing.disconnectedRestartMs);
  }

  private _onGiveUp(): void {
    const callId = this._callId;
    this._giveUpTimer = undefined;
    if (!callId) return;
    this.hangup('network');
    this._emit({ type: 'call-failed', callId });
  }

  /**
   * Asks for an ICE restart (§3.3): coalesced while an offer sent < 2 s ago is in flight, spaced by
   * 1, 2, 4, 8 s, and retried until the media path is back or the 45 s give-up fires.
   */
  private _requestRestart(immediately = false): void {
    const pc = this._pc;
    const callId = this._callId;
    if (!pc || !callId || this._restartTimer) return;
    const now = this._opts.now();
    if (!immediately && this._offerInFlight && now - this._lastOfferAt < this._timing.offerInFlightMs) return;
    const wait = immediately
      ? 0
      : Math.max(
          0,
          this._lastOfferAt +
            (this._restartAttempts === 0
              ? 0
              : backoffDelay(
                  this._restartAttempts,
                  this._timing.restartBackoffBaseMs,
                  this._timing.restartBackoffCapMs,
                  () => 1,
                  0,
                )) -
            now,
        );
    this._restartTimer = setTimeout(() => {
      this._restartTimer = undefined;
      void this._restart(pc, callId);
    }, wait);
  }

  private async _restart(pc: RTCPeerConnection, callId: string): Promise<void> {
    if (pc !== this._pc || pc.connectionState === 'closed') return;
    this._restartAttempts++;
    try {
      await this._sendOffer(pc, callId, true);
    } catch {
      // A failed createOffer/setLocalDescription is retried below like a lost one.
    }
    if (pc !== this._pc || this._restartPending) return;
    // Keep trying until connected or the give-up timer ends the call.
    const next = backoffDelay(
      this._restartAttempts,
      this._timing.restartBackoffBaseMs,
      this._timing.restartBackoffCapMs,
      () => 1,
      0,
    );
    clearTimeout(this._retryTimer);
    this._retryTimer = setTimeout(
      () => {
        this._retryTimer = undefined;
        if (pc !== this._pc) return;
        const ok = pc.iceConnectionState === 'connected' || pc.iceConnectionState === 'completed';
        if (!ok && this._giveUpTimer) {
          this._offerInFlight = false;
          this._requestRestart();
        }
      },
      Math.max(next, this._timing.offerInFlightMs),
    );
  }

  // ---- audio-only switch ----

  private _startStats(): void {
    if (this._statsTimer) return;
    this._statsTimer = setInterval(() => void this._checkBandwidth(), this._timing.statsIntervalMs);
  }

  private async _checkBandwidth(): Promise<void> {
    const pc = this._pc;
    if (!pc || this._audioOnly) return;
    const stats = await pc.getStats().catch(() => null);
    if (!stats || pc !== this._pc) return;
    const now = this._opts.now();
    if (!linkLimitsVideo(stats)) {
      this._bandwidthSince = null;
      return;
    }
    this._bandwidthSince ??= now;
    if (now - this._bandwidthSince >= this._timing.bandwidthAudioOnlyMs) await this.setAudioOnly();
  }

  /** Stops sending video (the self view stays); her voice keeps the call going on a poor link. */
  async setAudioOnly(): Promise<void> {
    const pc = this._pc;
    if (!pc || this._audioOnly) return;
    this._audioOnly = true;
    const sender = pc.getSenders().find((s) => s.track?.kind === 'video');
    await sender?.replaceTrack(null).catch(() => undefined);
    this._emit({ type: 'audio-only' });
  }

  private _teardownCall(): void {
    clearTimeout(this._disconnectedTimer);
    clearTimeout(this._giveUpTimer);
    clearTimeout(this._restartTimer);
    clearTimeout(this._retryTimer);
    clearInterval(this._statsTimer);
    this._disconnectedTimer = this._giveUpTimer = this._restartTimer = this._retryTimer = this._statsTimer = undefined;
    const pc = this._pc;
    this._pc = null;
    pc?.close();
    for (const track of this._remote?.getTracks() ?? []) track.stop();
    this._remote = null;
    this._callId = null;
    this._peerId = null;
    this._pendingCandidates = [];
    this._mediaUp = false;
    this._restartAttempts = 0;
    this._offerInFlight = false;
    this._restartPending = false;
    this._bandwidthSince = null;
    this._audioOnly = false;
  }
}

interface StatsEntry {
  type?: string;
  kind?: string;
  qualityLimitationReason?: string;
  targetBitrate?: number;
  selectedCandidatePairId?: string;
  availableOutgoingBitrate?: number;
}

/**
 * True when the video is bandwidth-limited and the network's send estimate (the selected pair's
 * `availableOutgoingBitrate`, else the encoder's `targetBitrate`) is below `AUDIO_ONLY_BELOW_BPS`.
 */
export function linkLimitsVideo(stats: RTCStatsReport): boolean {
  const all: StatsEntry[] = [];
  stats.forEach((report: StatsEntry) => all.push(report));
  const video = all.find((r) => r.type === 'outbound-rtp' && r.kind === 'video');
  if (video?.qualityLimitationReason !== 'bandwidth') return false;
  const pairId = all.find((r) => r.type === 'transport' && r.selectedCandidatePairId)?.selectedCandidatePairId;
  const pair = pairId ? (stats.get(pairId) as StatsEntry | undefined) : undefined;
  const estimate = pair?.availableOutgoingBitrate ?? video.targetBitrate;
  return typeof estimate === 'number' && estimate < AUDIO_ONLY_BELOW_BPS;
}

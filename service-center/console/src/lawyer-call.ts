import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  CLOSE_SUPERSEDED,
  CLOSE_UNAUTHORIZED,
  SIGNALLING_PATH,
  type ClientMessage,
  type ConsultationTopic,
  type CountyQueueSummary,
  type HangupReason,
  type IceServer,
  type InterviewWaiting,
  type QueueEntry,
  type ServerMessage,
  type SignalData,
  type SignallingToken,
} from '@kiosk/contract/signalling-api';

// The lawyer's call client (reference/video-consultation.md §3): one WebSocket to the centre's
// signalling service, one RTCPeerConnection per call in the answerer role. The kiosk offers and is
// the only side that creates ICE-restart offers; the lawyer asks for one with `signal{restart}`.
// A call outlives the WebSocket: after a drop the client says `hello` again with `resume`, and
// media keeps flowing meanwhile. A reactive controller: the desk element owns one as a field and
// re-renders when its state changes; everything is released when the desk leaves the page.

export type DeskPresence = 'offline' | 'online' | 'away';
export type LinkState = 'down' | 'connecting' | 'up';
export type CallPhase = 'connecting' | 'connected' | 'reconnecting' | 'peer-lost';

export interface CallPeer {
  kioskId: string;
  topic: ConsultationTopic;
  terminalName?: string;
  callerName?: string;
}

export interface ActiveCall {
  callId: string;
  peer: CallPeer;
  /** Date.now() at `matched`. */
  startedAt: number;
  phase: CallPhase;
  muted: boolean;
}

export interface EndedCall {
  callId: string;
  peer: CallPeer;
  reason: HangupReason;
  startedAt: number;
  endedAt: number;
}

/** Problems the desk shows as text. */
export type DeskNotice = 'queue-empty' | 'superseded' | 'camera' | 'session-lost';

export interface LawyerCallDeps {
  /** POST /api/v1/staff/signalling-token; rejects with an `{status: 401}` error when the login expired. */
  fetchToken: () => Promise<SignallingToken>;
  getUserMedia?: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  /** Where the console runs (for a token without `url`). */
  location?: { protocol: string; host: string };
}

/** Video sender limits for village networks (reference §5). */
export const VIDEO_MAX_BITRATE = 300_000;
export const VIDEO_MAX_FRAMERATE = 15;

const MEDIA_CONSTRAINTS: MediaStreamConstraints = {
  audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  video: { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 15, max: 15 } },
};

/** Reconnect back-off: 250 ms doubling to a 2.5 s cap, with ±20 % jitter (reference §3.2). */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(2500, 250 * 2 ** attempt);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Delay before the next ICE-restart request while the media path stays down: 1, 2, 4, 8 s. */
export function restartDelay(attempt: number): number {
  return Math.min(8000, 1000 * 2 ** attempt);
}

const ICE_DISCONNECTED_GRACE_MS = 3000;
const RESTART_COALESCE_MS = 2000;
const GIVE_UP_MS = 45_000;
const TOKEN_MARGIN_MS = 5000;

export class LawyerCallClient implements ReactiveController {
  /** What the lawyer chose. */
  presence: DeskPresence = 'offline';
  link: LinkState = 'down';
  lawyersOnline = 0;
  queue: QueueEntry[] = [];
  /** Her county (the queue she serves); undefined: province staff, who serve every county. */
  county: string | undefined;
  /** Province staff of a centre with several counties: each county's queue at a glance. */
  counties: CountyQueueSummary[] = [];
  /** A notary's console: kiosks waiting for their booked interview (issue 12). */
  interviews: InterviewWaiting[] = [];
  /** Date.now() when `queue` arrived (waiting times count on from there). */
  queueAt = 0;
  call: ActiveCall | undefined;
  ended: EndedCall | undefined;
  notice: DeskNotice | undefined;
  localStream: MediaStream | undefined;
  remoteStream: MediaStream | undefined;

  private _ws: WebSocket | undefined;
  private _token: SignallingToken | undefined;
  private _attempt = 0;
  private _reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private _iceServers: IceServer[] = [];
  private _policy: RTCIceTransportPolicy = 'all';
  private _pc: RTCPeerConnection | undefined;
  private _pending: RTCIceCandidateInit[] = [];
  private _chain: Promise<void> = Promise.resolve();
  private _everConnected = false;
  private _disconnectedTimer: ReturnType<typeof setTimeout> | undefined;
  private _giveUpTimer: ReturnType<typeof setTimeout> | undefined;
  private _restartTimer: ReturnType<typeof setTimeout> | undefined;
  private _restartAttempt = 0;
  private _lastRestartAt = -Infinity;
  private _senderCapped = false;
  private readonly _onOnline = (): void => {
    if (this.presence !== 'offline' && !this._ws) this._reconnectNow();
  };

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _deps: LawyerCallDeps,
  ) {
    this._host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this._onOnline);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this._onOnline);
    this.goOffline();
  }

  /** The peer connection of the current call (diagnostics). */
  get peerConnection(): RTCPeerConnection | undefined {
    return this._pc;
  }

  private _changed(): void {
    this._host.requestUpdate();
  }

  private _send(message: ClientMessage): boolean {
    const ws = this._ws;
    if (!ws || ws.readyState !== WebSocket.OPEN || this.link !== 'up') return false;
    ws.send(JSON.stringify(message));
    return true;
  }

  // ---- the signalling link ----

  /**
   * A fresh token for every (re)connect. When none can be had (the centre is down, or restarted and
   * forgot the staff login) an unexpired earlier one still resumes the call.
   */
  private async _freshToken(): Promise<SignallingToken> {
    try {
      this._token = await this._deps.fetchToken();
      return this._token;
    } catch (err) {
      const cached = this._token;
      if (cached && Date.parse(cached.expiresAt) - Date.now() > TOKEN_MARGIN_MS) return cached;
      throw err;
    }
  }

  private _url(token: SignallingToken): string {
    if (token.url) return token.url;
    const loc = this._deps.location ?? window.location;
    return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}${SIGNALLING_PATH}`;
  }

  private async _connect(): Promise<void> {
    if (this._ws || this.presence === 'offline') return;
    this.link = 'connecting';
    this._changed();
    let token: SignallingToken;
    try {
      token = await this._freshToken();
    } catch (err) {
      if ((err as { status?: number }).status === 401) {
        // The login ended (e.g. the centre restarted). A call in progress keeps its media; the
        // desk asks her to log in again.
        this.notice = 'session-lost';
        this.link = 'down';
        this._changed();
        return;
      }
      this._scheduleReconnect();
      return;
    }
    // She may have gone offline while the token was on its way.
    if ((this.presence as DeskPresence) === 'offline' || this._ws) return;
    let ws: WebSocket;
    try {
      ws = new WebSocket(this._url(token));
    } catch {
      this._scheduleReconnect();
      return;
    }
    this._ws = ws;
    ws.onopen = () => {
      const call = this.call;
      ws.send(
        JSON.stringify({
          type: 'hello',
          role: token.role === 'notary' ? 'notary' : 'lawyer',
          id: token.id,
          token: token.token,
          ...(call ? { resume: { callId: call.callId, peerId: call.peer.kioskId } } : {}),
        } satisfies ClientMessage),
      );
    };
    ws.onmessage = (e: MessageEvent) => {
      if (this._ws !== ws) return;
      let message: ServerMessage;
      try {
        message = JSON.parse(String(e.data)) as ServerMessage;
      } catch {
        return;
      }
      this._onMessage(message);
    };
    ws.onclose = (e: CloseEvent) => {
      if (this._ws !== ws) return;
      this._ws = undefined;
      this.link = 'down';
      if (e.code === CLOSE_UNAUTHORIZED) this._token = undefined;
      if (e.code === CLOSE_SUPERSEDED) {
        // Another console of the same lawyer took over: this one steps back without a fight.
        this.notice = 'superseded';
        this._dropCall('superseded', false);
        this._releaseMedia();
        this.presence = 'offline';
      } else this._scheduleReconnect();
      this._changed();
    };
  }

  private _scheduleReconnect(): void {
    if (this.presence === 'offline' || this._reconnectTimer) return;
    this.link = 'down';
    const delay = reconnectDelay(this._attempt++);
    this._reconnectTimer = setTimeout(() => {
      this._reconnectTimer = undefined;
      void this._connect();
    }, delay);
    this._changed();
  }

  private _reconnectNow(): void {
    clearTimeout(this._reconnectTimer);
    this._reconnectTimer = undefined;
    void this._connect();
  }

  private _onMessage(m: ServerMessage): void {
    switch (m.type) {
      case 'welcome':
        this._onWelcome(m.iceServers, m.iceTransportPolicy, m.resumed, m.callId, m.lawyersOnline);
        break;
      case 'queue':
        this.queue = m.queue;
        this.county = m.county;
        this.counties = m.counties ?? [];
        this.queueAt = Date.now();
        this.lawyersOnline = m.lawyersOnline;
        break;
      case 'queue-empty':
        this.notice = 'queue-empty';
        break;
      case 'interviews':
        this.interviews = m.waiting;
        this.queueAt = Date.now();
        this.lawyersOnline = m.notariesOnline;
        break;
      case 'matched':
        if ('kioskId' in m.peer) this._onMatched(m.callId, m.peer, m.iceServers, m.iceTransportPolicy);
        break;
      case 'signal':
        if (this.call?.callId === m.callId) this._onSignal(m.data);
        break;
      case 'hangup':
        if (this.call?.callId === m.callId) this._dropCall(m.reason, false);
        break;
      case 'peer-lost':
        if (this.call?.callId === m.callId) this.call = { ...this.call, phase: 'peer-lost' };
        break;
      case 'peer-reconnected':
        if (this.call?.callId === m.callId) {
          this.call = { ...this.call, phase: this._mediaPhase() };
          this._requestRestart();
        }
        break;
      case 'error':
        if (m.error === 'unauthorized') this._token = undefined;
        break;
      case 'queued':
      case 'no-answer':
      case 'note-for-caller':
        break; // kiosk messages
      default: {
        const never: never = m;
        return never;
      }
    }
    this._changed();
  }

  private _onWelcome(
    iceServers: IceServer[],
    policy: RTCIceTransportPolicy,
    resumed: boolean,
    callId: string | undefined,
    lawyersOnline: number,
  ): void {
    this._attempt = 0;
    this.link = 'up';
    this._iceServers = iceServers;
    this._policy = policy;
    this.lawyersOnline = lawyersOnline;
    const call = this.call;
    if (call) {
      if (resumed && (callId === undefined || callId === call.callId)) {
        // Fresh TURN credentials, then a new media path (the old one may have been fine: cheap).
        this._pc?.setConfiguration({ ...this._pc.getConfiguration(), iceServers, iceTransportPolicy: policy });
        this._lastRestartAt = -Infinity;
        this._requestRestart();
        return;
      }
      this._dropCall('resume-rejected', true);
    }
    if (this.presence !== 'offline') this._send({ type: 'presence', presence: this.presence });
  }

  // ---- the call ----

  private _onMatched(callId: string, peer: CallPeer, iceServers: IceServer[], policy: RTCIceTransportPolicy): void {
    if (this.call) this._dropCall('superseded', false);
    this.notice = undefined;
    this.ended = undefined;
    this._iceServers = iceServers;
    this._policy = policy;
    this.call = { callId, peer, startedAt: Date.now(), phase: 'connecting', muted: false };
    this._everConnected = false;
    this._senderCapped = false;
    this._restartAttempt = 0;
    this._lastRestartAt = -Infinity;
    this._pending = [];
    this._chain = Promise.resolve();
    const pc = new RTCPeerConnection({
      iceServers: this._iceServers,
      iceTransportPolicy: this._policy,
      bundlePolicy: 'max-bundle',
      rtcpMuxPolicy: 'require',
    });
    this._pc = pc;
    const local = this.localStream;
    if (local) for (const track of local.getTracks()) pc.addTrack(track, local);
    pc.onicecandidate = (e) => {
      if (e.candidate && this.call?.callId === callId)
        this._send({ type: 'signal', callId, data: { candidate: e.candidate.toJSON() } });
    };
    pc.ontrack = (e) => {
      if (this._pc !== pc) return;
      // One stream for both tracks, attached by the view once it exists (reference §3.1 step 4).
      const stream = this.remoteStream ?? new MediaStream();
      stream.addTrack(e.track);
      this.remoteStream = stream;
      this._changed();
    };
    pc.oniceconnectionstatechange = () => {
      if (this._pc !== pc) return;
      if (pc.iceConnectionState === 'disconnected') {
        // It often heals by itself: ask for a restart only after 3 s.
        this._disconnectedTimer ??= setTimeout(() => {
          this._disconnectedTimer = undefined;
          if (this._pc === pc && pc.iceConnectionState === 'disconnected') this._requestRestart();
        }, ICE_DISCONNECTED_GRACE_MS);
      } else {
        clearTimeout(this._disconnectedTimer);
        this._disconnectedTimer = undefined;
      }
    };
    pc.onconnectionstatechange = () => {
      if (this._pc !== pc || !this.call) return;
      const state = pc.connectionState;
      if (state === 'connected') {
        this._everConnected = true;
        this._restartAttempt = 0;
        clearTimeout(this._giveUpTimer);
        this._giveUpTimer = undefined;
        clearTimeout(this._restartTimer);
        this._restartTimer = undefined;
      } else if (state === 'disconnected' || state === 'failed') {
        if (state === 'failed') this._requestRestart();
        this._giveUpTimer ??= setTimeout(() => {
          this._giveUpTimer = undefined;
          if (this._pc === pc && pc.connectionState !== 'connected') this._dropCall('network', true);
        }, GIVE_UP_MS);
      }
      if (this.call.phase !== 'peer-lost') this.call = { ...this.call, phase: this._mediaPhase() };
      this._changed();
    };
  }

  private _mediaPhase(): CallPhase {
    const state = this._pc?.connectionState;
    if (state === 'connected') return 'connected';
    return this._everConnected ? 'reconnecting' : 'connecting';
  }

  private _onSignal(data: SignalData): void {
    const pc = this._pc;
    const call = this.call;
    if (!pc || !call) return;
    if ('sdp' in data) {
      if (data.sdp.type !== 'offer') return;
      const offer = data.sdp;
      this._chain = this._chain
        .then(async () => {
          if (this._pc !== pc) return;
          await pc.setRemoteDescription(offer);
          for (const c of this._pending.splice(0)) await pc.addIceCandidate(c).catch(() => undefined);
          await pc.setLocalDescription(await pc.createAnswer());
          this._send({
            type: 'signal',
            callId: call.callId,
            data: { sdp: { type: 'answer', sdp: pc.localDescription?.sdp ?? '' } },
          });
          await this._capSender(pc);
        })
        .catch(() => {
          // A failed negotiation shows as a media path that never connects: restart or give up.
          if (this._pc === pc) this._requestRestart();
        });
    } else if ('candidate' in data) {
      const candidate = data.candidate as RTCIceCandidateInit | null;
      if (!candidate) return;
      this._chain = this._chain.then(async () => {
        if (this._pc !== pc) return;
        // Candidates before the remote description wait for it (reference §3.1 step 3).
        if (pc.remoteDescription) await pc.addIceCandidate(candidate).catch(() => undefined);
        else this._pending.push(candidate);
      });
    }
  }

  /** 300 kbps and 15 fps, keeping the frame rate when bandwidth is short (reference §5). */
  private async _capSender(pc: RTCPeerConnection): Promise<void> {
    if (this._senderCapped) return;
    const sender = pc.getSenders().find((s) => s.track?.kind === 'video');
    if (!sender) return;
    const params = sender.getParameters();
    if (!params.encodings.length) return;
    for (const e of params.encodings) {
      e.maxBitrate = VIDEO_MAX_BITRATE;
      e.maxFramerate = VIDEO_MAX_FRAMERATE;
    }
    (params as RTCRtpSendParameters & { degradationPreference?: string }).degradationPreference = 'maintain-framerate';
    await sender.setParameters(params).catch(() => undefined);
    this._senderCapped = true;
  }

  /** Asks the kiosk (the offerer) for an ICE restart; coalesced, then retried at 1, 2, 4, 8 s. */
  private _requestRestart(): void {
    const call = this.call;
    if (!call || !this._pc) return;
    const now = performance.now();
    if (now - this._lastRestartAt < RESTART_COALESCE_MS) return;
    if (this._send({ type: 'signal', callId: call.callId, data: { restart: true } })) this._lastRestartAt = now;
    clearTimeout(this._restartTimer);
    this._restartTimer = setTimeout(() => {
      this._restartTimer = undefined;
      if (this._pc && this._pc.connectionState !== 'connected') this._requestRestart();
    }, restartDelay(this._restartAttempt++));
  }

  private _dropCall(reason: HangupReason, tellPeer: boolean): void {
    const call = this.call;
    if (!call) return;
    if (tellPeer) this._send({ type: 'hangup', callId: call.callId, reason });
    this.ended = { callId: call.callId, peer: call.peer, reason, startedAt: call.startedAt, endedAt: Date.now() };
    this.call = undefined;
    for (const timer of [this._disconnectedTimer, this._giveUpTimer, this._restartTimer]) clearTimeout(timer);
    this._disconnectedTimer = this._giveUpTimer = this._restartTimer = undefined;
    this._pending = [];
    this._pc?.close();
    this._pc = undefined;
    for (const track of this.remoteStream?.getTracks() ?? []) track.stop();
    this.remoteStream = undefined;
    // The microphone comes back on for the next call.
    for (const track of this.localStream?.getAudioTracks() ?? []) track.enabled = true;
    if (this.presence !== 'offline') this._send({ type: 'presence', presence: this.presence });
    this._changed();
  }

  private _releaseMedia(): void {
    for (const track of this.localStream?.getTracks() ?? []) track.stop();
    this.localStream = undefined;
  }

  // ---- what the desk asks ----

  /** Camera and microphone on, then online (or away) at the centre. */
  async setPresence(presence: DeskPresence): Promise<void> {
    if (presence === 'offline') {
      this.goOffline();
      return;
    }
    this.notice = undefined;
    if (!this.localStream) {
      try {
        const stream = this._deps.getUserMedia
          ? await this._deps.getUserMedia(MEDIA_CONSTRAINTS)
          : await navigator.mediaDevices.getUserMedia(MEDIA_CONSTRAINTS);
        for (const track of stream.getVideoTracks()) track.contentHint = 'motion';
        this.localStream = stream;
      } catch {
        this.notice = 'camera';
        this._changed();
        return;
      }
    }
    this.presence = presence;
    this._changed();
    if (this._ws) this._send({ type: 'presence', presence });
    else this._reconnectNow();
  }

  goOffline(): void {
    this._dropCall('hangup', true);
    this.presence = 'offline';
    clearTimeout(this._reconnectTimer);
    this._reconnectTimer = undefined;
    const ws = this._ws;
    this._ws = undefined;
    ws?.close(1000);
    this.link = 'down';
    this.queue = [];
    this.counties = [];
    this._releaseMedia();
    this._changed();
  }

  /** The oldest caller of her queue; province staff may name a county to help. */
  takeNext(county?: string): void {
    if (this.call) return;
    this.notice = undefined;
    this._send(county ? { type: 'take-next', county } : { type: 'take-next' });
    this._changed();
  }

  /** A notary starts the interview of a waiting applicant (issue 12). */
  takeInterview(receiptNo: string, kioskId: string): void {
    if (this.call) return;
    this.notice = undefined;
    this._send({ type: 'take-interview', receiptNo, kioskId });
    this._changed();
  }

  hangUp(): void {
    this._dropCall('hangup', true);
  }

  setMuted(muted: boolean): void {
    if (!this.call) return;
    for (const track of this.localStream?.getAudioTracks() ?? []) track.enabled = !muted;
    this.call = { ...this.call, muted };
    this._changed();
  }

  /** The note of the ended call was saved (or set aside): back to the queue. */
  clearEnded(): void {
    this.ended = undefined;
    this._changed();
  }

  clearNotice(): void {
    this.notice = undefined;
    this._changed();
  }
}

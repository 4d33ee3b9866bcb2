// A fake signalling socket for the call client (the client takes any SocketLike): records what the
// kiosk sends and lets the test play the centre.
import type { ClientMessage, ServerMessage, SignallingToken } from '@kiosk/contract/signalling-api';
import type { SocketLike } from '../../../kiosk-ui/src/consultation/call-client.js';

export class FakeSignallingSocket extends EventTarget implements SocketLike {
  readyState = 0;
  readonly sent: ClientMessage[] = [];
  onSend: ((m: ClientMessage) => void) | null = null;

  constructor(
    readonly url: string,
    opens = true,
  ) {
    super();
    queueMicrotask(() => {
      if (this.readyState !== 0) return;
      if (!opens) {
        this.drop(1006);
        return;
      }
      this.readyState = 1;
      this.dispatchEvent(new Event('open'));
    });
  }

  send(data: string): void {
    const m = JSON.parse(data) as ClientMessage;
    this.sent.push(m);
    this.onSend?.(m);
  }

  close(code = 1000): void {
    this.drop(code);
  }

  /** The connection goes away (network, server restart). */
  drop(code = 1006): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.dispatchEvent(new CloseEvent('close', { code }));
  }

  receive(message: ServerMessage): void {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(message) }));
  }

  ofType<T extends ClientMessage['type']>(type: T): Array<Extract<ClientMessage, { type: T }>> {
    return this.sent.filter((m): m is Extract<ClientMessage, { type: T }> => m.type === type);
  }
}

export const TOKEN: SignallingToken = {
  token: '9999999999.mac',
  id: 'demo-0001',
  role: 'kiosk',
  expiresAt: '2099-01-01T00:00:00.000Z',
  url: 'ws://127.0.0.1:7400/api/v1/signalling',
};

export function welcome(resumed = false, lawyersOnline = 2): ServerMessage {
  return { type: 'welcome', iceServers: [], iceTransportPolicy: 'all', resumed, lawyersOnline };
}

/**
 * A second RTCPeerConnection in the page plays the lawyer's browser: it answers the offers the kiosk
 * sends on every hooked socket (the latest one carries its answer and candidates back).
 */
export class FakeLawyer {
  readonly pc = new RTCPeerConnection();
  private _socket: FakeSignallingSocket | null = null;
  private _callId = '';

  private constructor(
    private readonly _media: MediaStream,
    private readonly _delayAnswerMs: number,
  ) {
    this.pc.addEventListener('icecandidate', (e) => {
      if (e.candidate)
        this._socket?.receive({ type: 'signal', callId: this._callId, data: { candidate: e.candidate.toJSON() } });
    });
  }

  static async create(delayAnswerMs = 0): Promise<FakeLawyer> {
    return new FakeLawyer(await navigator.mediaDevices.getUserMedia({ audio: true, video: true }), delayAnswerMs);
  }

  hook(socket: FakeSignallingSocket): void {
    this._socket = socket;
    socket.onSend = (m) => {
      if (m.type !== 'signal' || this.pc.signalingState === 'closed') return;
      this._callId = m.callId;
      const data = m.data;
      if ('sdp' in data) void this._answer(data.sdp);
      else if ('candidate' in data) void this.pc.addIceCandidate(data.candidate as RTCIceCandidateInit).catch(() => {});
    };
  }

  private async _answer(offer: RTCSessionDescriptionInit): Promise<void> {
    const pc = this.pc;
    try {
      await pc.setRemoteDescription(offer);
      if (pc.getSenders().every((s) => !s.track)) for (const t of this._media.getTracks()) pc.addTrack(t, this._media);
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      const send = (): void =>
        this._socket?.receive({
          type: 'signal',
          callId: this._callId,
          data: { sdp: { type: 'answer', sdp: answer.sdp ?? '' } },
        });
      if (this._delayAnswerMs) setTimeout(send, this._delayAnswerMs);
      else send();
    } catch {
      // The lawyer's browser was closed meanwhile.
    }
  }

  /** Her browser goes away: no more answers, no more media. */
  close(): void {
    this.pc.close();
    for (const t of this._media.getTracks()) t.stop();
  }
}

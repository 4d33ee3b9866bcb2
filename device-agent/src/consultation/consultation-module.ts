import { Router } from 'express';
import {
  INTAKE_SIGNALLING_TOKEN_PATH,
  KIOSK_SIGNALLING_TOKEN_PATH,
  SIGNALLING_PATH,
  type SignallingToken,
} from '@kiosk/contract/signalling-api';
import type { AgentModule, ModuleContext } from '../core/module.js';
import { notarySlotsRouter } from './notary-slots-proxy.js';

const API_PREFIX = '/api/v1';
const TIMEOUT_MS = 8000;

/** The centre's signalling WebSocket, from the agent's `center.url` (http → ws, https → wss). */
export function signallingUrlFrom(centerUrl: string): string {
  const url = new URL(SIGNALLING_PATH, centerUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

function isToken(v: unknown): v is SignallingToken {
  if (typeof v !== 'object' || v === null) return false;
  const t = v as Record<string, unknown>;
  return (
    typeof t['token'] === 'string' &&
    typeof t['id'] === 'string' &&
    t['role'] === 'kiosk' &&
    typeof t['expiresAt'] === 'string'
  );
}

/**
 * Video consultation on the agent (reference/video-consultation.md §1): `POST
 * KIOSK_SIGNALLING_TOKEN_PATH` asks the centre, with the terminal credential (`center.token`), for a
 * short-lived kiosk signalling token and gives the page only that token and where to connect. The
 * kiosk listener's Host/Origin guard applies; neither token is logged.
 */
export class ConsultationModule implements AgentModule {
  readonly name = 'consultation';

  constructor(private readonly _ctx: ModuleContext) {}

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  private async _token(): Promise<{ status: number; body: SignallingToken | { error: string } }> {
    const center = this._ctx.config?.center;
    if (!center) return { status: 503, body: { error: 'configError' } };
    let res: Response;
    try {
      res = await fetch(new URL(INTAKE_SIGNALLING_TOKEN_PATH, center.url), {
        method: 'POST',
        headers: { authorization: `Bearer ${center.token}`, 'content-type': 'application/json' },
        body: '{}',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      this._ctx.log.warn({ detail: (err as Error).name }, 'consultation: centre unreachable for a signalling token');
      return { status: 503, body: { error: 'centerUnavailable' } };
    }
    const body: unknown = await res.json().catch(() => undefined);
    if (!res.ok || !isToken(body)) {
      this._ctx.log.warn({ status: res.status }, 'consultation: centre refused a signalling token');
      return { status: 503, body: { error: res.status === 401 ? 'centerRefused' : 'centerUnavailable' } };
    }
    // Only the fields of the contract, and the URL this terminal reaches the centre by.
    return {
      status: 200,
      body: {
        token: body.token,
        id: body.id,
        role: 'kiosk',
        expiresAt: body.expiresAt,
        url: signallingUrlFrom(center.url),
      },
    };
  }

  kioskRouter(): Router {
    const router = Router();
    router.post(KIOSK_SIGNALLING_TOKEN_PATH.slice(API_PREFIX.length), async (_req, res) => {
      const { status, body } = await this._token();
      res.status(status).set('Cache-Control', 'no-store').json(body);
    });
    router.use(notarySlotsRouter(() => this._ctx.config?.center, this._ctx.log));
    return router;
  }
}

import { createHmac } from 'node:crypto';
import type { IceServer } from '@kiosk/contract/signalling-api';
import type { ConsultationSettings } from './settings.js';

// TURN REST credentials (draft-uberti-behave-turn-rest-00, coturn `use-auth-secret`):
// username `<unix expiry>:<client id>`, credential base64(HMAC-SHA1(static-auth-secret, username)).

export function turnCredential(secret: string, username: string): string {
  return createHmac('sha1', secret).update(username).digest('base64');
}

/** The ICE servers of one client: fresh credentials at every welcome and matched; [] without TURN. */
export function iceServersFor(
  turn: ConsultationSettings['turn'],
  clientId: string,
  nowMs: number = Date.now(),
): IceServer[] {
  if (!turn.urls.length) return [];
  const turnUrls = turn.urls.filter((u) => u.startsWith('turn'));
  const stunUrls = turn.urls.filter((u) => u.startsWith('stun:'));
  const servers: IceServer[] = [];
  if (stunUrls.length) servers.push({ urls: stunUrls });
  if (turnUrls.length && turn.secret) {
    const username = `${Math.floor(nowMs / 1000) + turn.ttlS}:${clientId}`;
    servers.push({ urls: turnUrls, username, credential: turnCredential(turn.secret, username) });
  }
  return servers;
}

/** 'relay' only when asked for and a TURN server with a secret exists (else no call could connect). */
export function iceTransportPolicy(turn: ConsultationSettings['turn']): 'all' | 'relay' {
  return turn.relayOnly && turn.secret && turn.urls.some((u) => u.startsWith('turn')) ? 'relay' : 'all';
}

import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { IntakeError } from '@kiosk/contract/intake-api';
import type { TerminalEntry } from '../config-schema.js';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Which terminal a bearer token belongs to; every entry is compared in constant time. */
export function findTerminal(terminals: readonly TerminalEntry[], token: string): TerminalEntry | undefined {
  const presented = digest(token);
  let found: TerminalEntry | undefined;
  for (const t of terminals) if (timingSafeEqual(digest(t.token), presented) && !found) found = t;
  return found;
}

export type TerminalRequest = Request & { terminal?: TerminalEntry };

/** `Authorization: Bearer <center.token>` of a configured terminal, or 401. */
export function terminalAuth(terminals: () => readonly TerminalEntry[]) {
  return (req: TerminalRequest, res: Response, next: NextFunction): void => {
    const m = /^Bearer (\S{1,400})$/.exec(req.headers.authorization ?? '');
    const terminal = m ? findTerminal(terminals(), m[1]) : undefined;
    if (!terminal) {
      const body: IntakeError = { error: 'unauthorized' };
      res.status(401).set('WWW-Authenticate', 'Bearer').json(body);
      return;
    }
    req.terminal = terminal;
    next();
  };
}

import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { IntakeError } from '@kiosk/contract/intake-api';
import type { TerminalEntry } from '../config-schema.js';

const digest = (s: string): string => createHash('sha256').update(s).digest('base64');

/**
 * Terminals by the SHA-256 of their token, built once per terminals list (a province configures
 * 10 000): a lookup hashes the presented token once and finds it by its digest, so neither the
 * time nor the answer depends on how much of a token matches. Lists are cached by identity; a
 * reloaded configuration is a new list.
 */
const indexes = new WeakMap<readonly TerminalEntry[], Map<string, TerminalEntry>>();

function indexOf(terminals: readonly TerminalEntry[]): Map<string, TerminalEntry> {
  let index = indexes.get(terminals);
  if (!index) {
    index = new Map();
    // The first entry of a token wins (config validation refuses duplicates anyway).
    for (const t of terminals) if (!index.has(digest(t.token))) index.set(digest(t.token), t);
    indexes.set(terminals, index);
  }
  return index;
}

/** Which terminal a bearer token belongs to. */
export function findTerminal(terminals: readonly TerminalEntry[], token: string): TerminalEntry | undefined {
  return indexOf(terminals).get(digest(token));
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

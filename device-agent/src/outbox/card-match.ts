import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { privateFile } from '../config/file-modes.js';

/**
 * 查询进度 by ID card (issue 15 item 6): each submission keeps an HMAC of the applicant's full ID
 * number under a per-terminal secret, so a card placed on the reader finds her submissions after the
 * centre's acknowledgement has erased the ID number itself. The secret lives in its own 0600 file,
 * apart from the outbox database, so a copy of the database alone cannot be searched for an ID number.
 */
export class CardMatcher {
  private readonly _secret: Buffer;
  /** The key of the card the reader delivered in the current visit (none once the visit ends). */
  private _visitKey: string | undefined;

  constructor(dataDir: string) {
    const file = join(dataDir, 'card-match.key');
    if (!existsSync(file)) writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
    privateFile(file);
    this._secret = readFileSync(file);
    if (this._secret.length < 32) throw new Error('outbox: card-match.key is too short');
  }

  /** The stored key of an ID number (upper-case X), as hex (libsql cannot bind a BLOB in a query). */
  key(idNumber: string): string {
    return createHmac('sha256', this._secret).update(idNumber.trim().toUpperCase()).digest('hex');
  }

  /** The reader delivered a card in this visit: keep only its key. */
  cardRead(idNumber: string): void {
    this._visitKey = this.key(idNumber);
  }

  /** The visit ended: forget the card. */
  endVisit(): void {
    this._visitKey = undefined;
  }

  /** The key of this visit's card, if the reader delivered one. */
  get visitKey(): string | undefined {
    return this._visitKey;
  }
}

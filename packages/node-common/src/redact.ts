// Personal data (ID numbers, names, addresses, photos) must never reach a log. Redaction happens
// here, at the source, for every log call: by key, by the shape of the value, and by remembering
// the values read from the current visitor's card.

const REDACTED = '[redacted]';

/** Keys whose values are personal data wherever they appear. */
const PERSONAL_KEYS = new Set(
  [
    'idNumber',
    'idNo',
    'idCardNumber',
    'certNo',
    'passNumber',
    'englishName',
    'chineseName',
    'fullName',
    'applicantName',
    'partyName',
    'otherParty',
    'address',
    'homeAddress',
    'photo',
    'photos',
    'image',
    'signature',
    'base64',
    'phone',
    'mobile',
    'birthDate',
    'textBlock',
    'rawCard',
    'idLast4',
    'password',
    'setupToken',
    'token',
    'facts',
    'statement',
  ].map((k) => k.toLowerCase()),
);

/** `name` is also used for command and service names: those are ASCII identifiers. */
const IDENTIFIER = /^[A-Za-z][\w.:/-]*$/;

/** 18-character resident ID numbers (also 15-digit legacy ones), phone numbers, long base64. */
const VALUE_PATTERNS: Array<[RegExp, string]> = [
  [/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, '[id]'],
  [/(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g, '[id]'],
  [/(?<!\d)1[3-9]\d{9}(?!\d)/g, '[phone]'],
  [/[A-Za-z0-9+/]{200,}={0,2}/g, '[binary]'],
];

/**
 * Redaction with the memory of one visit: the values read from the current visitor's card are
 * scrubbed from any later text until `forget()`. Each agent owns one and hands it to its logger,
 * so two agents in one process never share remembered values.
 */
export class Redactor {
  private readonly _remembered = new Set<string>();

  /** Adds values (a name, an ID number, an address) to scrub from any later log text. */
  remember(values: Array<string | undefined>): void {
    for (const v of values) if (v && v.trim().length >= 2) this._remembered.add(v.trim());
  }

  /** Forgets the remembered values (end of a visit). */
  forget(): void {
    this._remembered.clear();
  }

  redactString(text: string): string {
    let out = text;
    for (const [pattern, replacement] of VALUE_PATTERNS) out = out.replace(pattern, replacement);
    for (const value of this._remembered) if (out.includes(value)) out = out.split(value).join(REDACTED);
    return out;
  }

  /** Returns a deep copy of `value` with personal data removed. Errors keep message and stack. */
  redact(value: unknown, depth = 0): unknown {
    if (depth > 8) return '[deep]';
    if (typeof value === 'string') return this.redactString(value);
    if (value === null || typeof value !== 'object') return value;
    if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
    if (value instanceof Error) {
      const out: Record<string, unknown> = {
        type: value.name,
        message: this.redactString(value.message),
        stack: value.stack ? this.redactString(value.stack) : undefined,
      };
      for (const [k, v] of Object.entries(value)) out[k] = this._entry(k, v, depth);
      return out;
    }
    if (Array.isArray(value)) return value.map((v) => this.redact(v, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = this._entry(k, v, depth);
    return out;
  }

  private _entry(key: string, value: unknown, depth: number): unknown {
    const lower = key.toLowerCase();
    if (PERSONAL_KEYS.has(lower)) return value === undefined || value === null ? value : REDACTED;
    if (lower === 'name' && !(typeof value === 'string' && IDENTIFIER.test(value))) return REDACTED;
    return this.redact(value, depth + 1);
  }
}

import { DEFAULT_CENTRE_TIMEOUT_MS } from './center-client.js';
import { DEFAULT_FORWARDER_OPTIONS, type ForwarderOptions } from './forwarder.js';

export interface OutboxOptions extends Partial<ForwarderOptions> {
  /** How long POST /submissions waits for the centre's acknowledgement before answering uploaded:false. */
  ackWaitMs?: number;
  /** How long one request to the centre may take. */
  requestTimeoutMs?: number;
}

const ENV_NAMES: Array<[keyof OutboxOptions, string]> = [
  ['retryBaseMs', 'KIOSK_OUTBOX_RETRY_BASE_MS'],
  ['retryMaxMs', 'KIOSK_OUTBOX_RETRY_MAX_MS'],
  ['pollMs', 'KIOSK_OUTBOX_POLL_MS'],
  ['ackWaitMs', 'KIOSK_OUTBOX_ACK_WAIT_MS'],
  ['requestTimeoutMs', 'KIOSK_OUTBOX_REQUEST_TIMEOUT_MS'],
];

/** KIOSK_OUTBOX_* environment overrides (the durability test tunes the real entry point with them). */
export function envOptions(env: NodeJS.ProcessEnv): OutboxOptions {
  const out: OutboxOptions = {};
  for (const [key, name] of ENV_NAMES) {
    const v = Number(env[name]);
    if (env[name] !== undefined && Number.isFinite(v) && v >= 0) out[key] = v;
  }
  return out;
}

/** Defaults, then the environment, then what the caller passes. */
export function resolveOutboxOptions(env: NodeJS.ProcessEnv, options: OutboxOptions): Required<OutboxOptions> {
  return {
    ...DEFAULT_FORWARDER_OPTIONS,
    ackWaitMs: 1_500,
    requestTimeoutMs: DEFAULT_CENTRE_TIMEOUT_MS,
    ...envOptions(env),
    ...options,
  };
}

import type { AckStatus, CompletionCode } from '@kiosk/contract/kiosk-api';

/** A request refused before it was queued (ack status / HTTP 4xx). */
export class RejectedError extends Error {
  constructor(
    readonly status: Exclude<AckStatus, null>,
    message: string,
  ) {
    super(message);
    this.name = 'RejectedError';
  }
}

/** Reason given to an AbortController when a caller cancels (as opposed to a timeout). */
export class CancelError extends Error {
  constructor(message = 'canceled') {
    super(message);
    this.name = 'CancelError';
  }
}

/** Thrown by a device when it fails in a way that maps to a completion code. */
export class CompletionError extends Error {
  constructor(
    readonly completionCode: CompletionCode,
    message: string,
    readonly payload: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'CompletionError';
  }
}

export const HTTP_STATUS_FOR_ACK: Record<Exclude<AckStatus, null>, number> = {
  invalidMessage: 400,
  invalidRequestId: 400,
  invalidData: 400,
  unsupportedCommand: 404,
  tooManyRequests: 429,
  notAuthorized: 403,
};

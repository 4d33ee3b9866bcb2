import type { EventEmitter } from 'node:events';

export interface LinkCloseInfo {
  /** True when the device went away (unplug); false for a deliberate close. */
  disconnected: boolean;
  error?: Error;
}

/**
 * A byte pipe to one device: serial, HID, usblp, TCP or an in-process simulator. Drivers take a
 * link; they never open ports themselves. Events: `data` (Buffer), `close` (LinkCloseInfo).
 */
export interface ByteLink extends EventEmitter {
  /** e.g. "serial /dev/ttyUSB0" — for status and logs (no personal data). */
  readonly description: string;
  /** Whether the device can answer (usblp is often write-only). */
  readonly bidirectional: boolean;
  readonly isOpen: boolean;
  open(): Promise<void>;
  close(): Promise<void>;
  /** Resolves once the bytes have been handed to the OS (drained). */
  write(data: Uint8Array): Promise<void>;
  /** Discards unread input (before each command, so stale replies never match). */
  flushInput(): Promise<void>;
}

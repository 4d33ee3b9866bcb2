import type { ProbeResult, SelfTestResult, SimulatedPaper } from '@kiosk/contract/admin-api';
import type { CardType } from '@kiosk/contract/kiosk-api';
import type { Service } from '../core/service.js';

// What the device services offer the admin page beyond the kiosk commands. Each is optional:
// a service that lacks one (not configured, or another transport) simply has no such control.

export interface IdCardSimulatorControls {
  placeCard(type?: CardType): unknown;
  removeCard(): unknown;
  unplug(): unknown;
  plug(): unknown;
}

export interface PrinterSimulatorControls {
  setPaper(level: SimulatedPaper): unknown;
  setCoverOpen(open: boolean): unknown;
  jam?(): unknown;
  clearJam?(): unknown;
  unplug(): unknown;
  plug(): unknown;
}

export interface IdCardExtras {
  probe?(): Promise<ProbeResult>;
  simulator?: IdCardSimulatorControls | null;
}

export interface PrinterExtras {
  selfTest?(): Promise<SelfTestResult>;
  lastPreview?(): string | null | undefined;
  simulator?: PrinterSimulatorControls | null;
}

export const idcardExtras = (s: Service | undefined): IdCardExtras => (s ?? {}) as IdCardExtras;
export const printerExtras = (s: Service | undefined): PrinterExtras => (s ?? {}) as PrinterExtras;

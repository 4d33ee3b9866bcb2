import type { IdCardDeviceConfig } from '../../config/schema.js';
import type { ByteLink } from '../../links/byte-link.js';
import { HidLink, type HidLinkOptions } from '../../links/hid-link.js';
import { MemoryLink } from '../../links/memory-link.js';
import { SerialLink, type SerialLinkOptions } from '../../links/serial-link.js';
import { miaxisCodec } from './miaxis-envelope.js';
import { IdCardSimulator, type SimulatorOptions } from './simulator.js';

export interface TransportSeams {
  /** Simulator settings for `"transport": "simulated"` (default: paced at 115200 baud). */
  simulator?: SimulatorOptions;
  /** SerialPortMock seam for `serial`. */
  serialCreate?: SerialLinkOptions['create'];
  /** Device seam for `hid` (a SimulatedHidDevice in tests). */
  hidOpen?: HidLinkOptions['open'];
}

export type ActiveTransport = Exclude<IdCardDeviceConfig, { transport: 'none' }>;

/** Builds the byte link (and, when simulated, the simulator on its far end) for a config. */
export function createIdCardLink(
  config: ActiveTransport,
  seams: TransportSeams = {},
): { link: ByteLink; simulator?: IdCardSimulator } {
  switch (config.transport) {
    case 'simulated': {
      const link = new MemoryLink('simulated idcard reader');
      const simulator = new IdCardSimulator(link.device, { baudRate: 115_200, ...seams.simulator });
      return { link, simulator };
    }
    case 'serial':
      return {
        link: new SerialLink({
          path: config.path,
          baudRate: config.baudRate ?? 115_200,
          ...(seams.serialCreate ? { create: seams.serialCreate } : {}),
        }),
      };
    case 'hid':
      return {
        link: new HidLink({
          vendorId: config.vendorId.toLowerCase(),
          productId: config.productId.toLowerCase(),
          ...(config.path ? { path: config.path } : {}),
          codec: miaxisCodec,
          ...(seams.hidOpen ? { open: seams.hidOpen } : {}),
        }),
      };
  }
}

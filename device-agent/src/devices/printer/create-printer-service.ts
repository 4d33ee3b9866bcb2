import type { PrinterDeviceConfig } from '../../config/schema.js';
import type { ServiceDeps } from '../../core/service.js';
import { MemoryLink } from '../../links/memory-link.js';
import { SerialLink } from '../../links/serial-link.js';
import { TcpLink } from '../../links/tcp-link.js';
import { UsblpLink } from '../../links/usblp-link.js';
import { PrinterService } from './printer-service.js';
import { EPSON_STATUS, resolveProfile } from './profiles.js';
import { PrinterSimulator } from './simulator.js';

type Configured = Exclude<PrinterDeviceConfig, { transport: 'none' }>;

/** Builds the printer service for a configured transport (`none` stays UnconfiguredService). */
export function createPrinterService(deps: ServiceDeps<Configured>): PrinterService {
  const config = deps.config;
  const { profile, known } = resolveProfile(config.paperWidthMm, config.profile);
  if (!known) deps.log.warn(`unknown printer profile "${config.profile}"; using ${profile.name}`);
  switch (config.transport) {
    case 'simulated': {
      const link = new MemoryLink('simulated printer');
      const simulator = new PrinterSimulator(profile.statusMap ?? EPSON_STATUS, profile.dots).attach(link.device);
      return new PrinterService(deps, { link, transport: 'simulated', profile, simulator });
    }
    case 'serial':
      return new PrinterService(deps, {
        link: new SerialLink({ path: config.path, baudRate: config.baudRate ?? 115200 }),
        transport: 'serial',
        profile,
      });
    case 'usblp':
      return new PrinterService(deps, { link: new UsblpLink({ path: config.path }), transport: 'usblp', profile });
    case 'tcp':
      return new PrinterService(deps, {
        link: new TcpLink({ host: config.host, port: config.port ?? 9100 }),
        transport: 'tcp',
        profile,
      });
  }
}

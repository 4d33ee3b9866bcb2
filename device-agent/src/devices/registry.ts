import type { ServiceName } from '@kiosk/contract/kiosk-api';
import type { KioskConfig } from '../config/schema.js';
import { UnconfiguredService } from '../core/unconfigured-service.js';
import type { Service, ServiceDeps } from '../core/service.js';
import { CameraService } from './camera/camera-service.js';
import { IdCardService } from './idcard/idcard-service.js';
import { createPrinterService } from './printer/create-printer-service.js';

type Deps = Omit<ServiceDeps, 'config'>;

/** Builds the service for each device from its configuration section. */
export function createServices(config: KioskConfig | null, deps: Deps): Map<ServiceName, Service> {
  const services = new Map<ServiceName, Service>();
  const idCard = config?.devices.idCard;
  services.set(
    'idcard',
    idCard && idCard.transport !== 'none'
      ? new IdCardService({ ...deps, config: idCard })
      : new UnconfiguredService('idcard', { ...deps, config: null }),
  );
  const printer = config?.devices.printer;
  services.set(
    'printer',
    printer && printer.transport !== 'none'
      ? createPrinterService({ ...deps, config: printer })
      : new UnconfiguredService('printer', { ...deps, config: null }),
  );
  services.set(
    'camera',
    config?.devices.camera.enabled
      ? new CameraService({ ...deps, config: config.devices.camera })
      : new UnconfiguredService('camera', { ...deps, config: null }),
  );
  return services;
}

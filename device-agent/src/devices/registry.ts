import type { ServiceName } from '../api/contract.js';
import type { KioskConfig } from '../config/schema.js';
import { UnconfiguredService } from '../core/unconfigured-service.js';
import type { Service, ServiceDeps } from '../core/service.js';
import { CameraService } from './camera/camera-service.js';

type Deps = Omit<ServiceDeps, 'config'>;

/** Builds the service for each device from its configuration section. */
export function createServices(config: KioskConfig | null, deps: Deps): Map<ServiceName, Service> {
  const services = new Map<ServiceName, Service>();
  services.set('idcard', new UnconfiguredService('idcard', { ...deps, config: null }));
  services.set('printer', new UnconfiguredService('printer', { ...deps, config: null }));
  services.set(
    'camera',
    config?.devices.camera.enabled
      ? new CameraService({ ...deps, config: config.devices.camera })
      : new UnconfiguredService('camera', { ...deps, config: null }),
  );
  return services;
}

import type { UiConfig } from '@kiosk/contract/kiosk-api';
import { getJson } from './agent-http.js';

export type { UiConfig };

/** Used until the agent answers, and when it cannot (DESIGN §4 defaults). */
export const DEFAULT_UI_CONFIG: UiConfig = {
  ui: { locale: 'zh-CN', idleWarningSeconds: 180, idleCountdownSeconds: 45, voice: true },
  hotline: { number: '12348' },
  terminal: { name: '' },
};

export async function loadUiConfig(signal?: AbortSignal): Promise<UiConfig> {
  try {
    const { status, body } = await getJson<UiConfig>('/ui-config', signal);
    if (status === 200 && body?.ui && body.hotline) return body;
  } catch {
    // The shell still works with the defaults; the status bar shows the agent as offline.
  }
  return DEFAULT_UI_CONFIG;
}

import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { faceModelPlugin } from './kiosk-ui/build/face-model-plugin.js';
import { pinyinDictPlugin } from './kiosk-ui/build/pinyin-dict-plugin.js';
import { workspaceAlias } from './scripts/workspace-alias.mjs';

/** Debian's Chromium; nothing downloads a browser. Tests that drive Chromium themselves use these too. */
export const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

export default defineConfig({
  server: { host: '127.0.0.1' },
  resolve: { alias: workspaceAlias },
  test: {
    projects: [
      {
        resolve: { alias: workspaceAlias },
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'tests/device-agent/**/*.test.ts',
            'tests/service-center/**/*.test.ts',
            'tests/content/**/*.test.ts',
            'tests/lint/**/*.test.ts',
            'tests/faults/**/*.test.ts',
          ],
          exclude: ['tests/service-center/console/**'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        resolve: { alias: workspaceAlias },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [pinyinDictPlugin(), faceModelPlugin()],
        resolve: { alias: workspaceAlias },
        test: {
          name: 'kiosk-ui',
          include: ['tests/kiosk-ui/**/*.test.ts', 'tests/service-center/console/**/*.test.ts'],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            api: { host: '127.0.0.1' },
            provider: playwright({ launchOptions: { executablePath, args: chromiumArgs } }),
            instances: [{ browser: 'chromium', viewport: { width: 1920, height: 1080 } }],
          },
        },
      },
    ],
  },
});

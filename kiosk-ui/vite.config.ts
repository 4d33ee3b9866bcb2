import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { workspaceAlias } from '../scripts/workspace-alias.mjs';
import { faceModelPlugin } from './build/face-model-plugin.js';
import { pinyinDictPlugin } from './build/pinyin-dict-plugin.js';

const here = dirname(fileURLToPath(import.meta.url));

// One build, two pages: the kiosk (index.html) and, once the admin part exists, admin.html.
const input: Record<string, string> = { index: resolve(here, 'index.html') };
if (existsSync(resolve(here, 'src/admin/admin-main.ts'))) input['admin'] = resolve(here, 'admin.html');

export default defineConfig({
  root: here,
  base: './',
  resolve: { alias: workspaceAlias },
  plugins: [pinyinDictPlugin(), faceModelPlugin()],
  // The face check's detector runs in a module worker (notarization/face-detector-worker.ts).
  worker: { format: 'es' },
  server: { host: '127.0.0.1', fs: { allow: [resolve(here, '..')] } },
  build: {
    outDir: resolve(here, '../dist/kiosk-ui'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input },
  },
});

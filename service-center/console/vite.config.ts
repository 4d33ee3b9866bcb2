import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { workspaceAlias } from '../../scripts/workspace-alias.mjs';

const here = dirname(fileURLToPath(import.meta.url));

// The staff console: one page, served by the service-center at / from dist/console.
export default defineConfig({
  root: here,
  base: './',
  resolve: { alias: workspaceAlias },
  server: { host: '127.0.0.1', fs: { allow: [resolve(here, '../..')] } },
  build: {
    outDir: resolve(here, '../../dist/console'),
    emptyOutDir: true,
    target: 'es2022',
  },
});

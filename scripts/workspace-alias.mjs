// Vite and Vitest read the shared packages from their TypeScript sources (no build step between
// editing packages/domain and seeing it in the kiosk). Node at run time uses each package's dist/.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const workspaceAlias = [
  { find: /^@kiosk\/(contract|domain|node-common)\/(.+)$/, replacement: `${root}/packages/$1/src/$2.ts` },
];

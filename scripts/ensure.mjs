// Installs npm dependencies when missing and builds what is stale (`--force` rebuilds all).
import { ensureBuilt, ensureDependencies } from './lib.mjs';

ensureDependencies();
await ensureBuilt({ force: process.argv.includes('--force') });

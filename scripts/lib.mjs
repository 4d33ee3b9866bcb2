// Shared helpers of the project's own commands (npm start / npm test / npm run build). Plain Node,
// no dependencies, so they work before `npm ci` has run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Node flags of the device agent, wherever it runs (npm start, npm run agent, the systemd unit, the
 * bench): a young generation of 1 MB semispaces instead of up to 16 MB keeps the idle terminal agent
 * about 10 MB smaller (its messages are small; photos go to large-object space anyway).
 * tests/lint/agent-node-flags.test.ts checks the unit file and package.json use the same.
 */
export const AGENT_NODE_FLAGS = ['--max-semi-space-size=1'];

export function say(message) {
  process.stdout.write(`[kiosk] ${message}\n`);
}

export function run(command, args, options = {}) {
  const r = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

export function mustRun(command, args, options = {}) {
  const status = run(command, args, options);
  if (status !== 0) {
    say(`failed: ${command} ${args.join(' ')} (exit ${status})`);
    process.exit(status);
  }
}

/** Newest modification time under the given paths (files or folders), skipping build output. */
export function newestMtime(paths) {
  let newest = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) {
        if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
        walk(join(p, name));
      }
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of paths) walk(join(root, p));
  return newest;
}

export function mtime(path) {
  const p = join(root, path);
  return existsSync(p) ? statSync(p).mtimeMs : 0;
}

/** `npm ci` when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const installed = mtime('node_modules/.package-lock.json');
  if (installed && installed >= mtime('package-lock.json')) return;
  say('installing npm dependencies (npm ci)…');
  mustRun('npm', ['ci', '--no-audit', '--no-fund'], { env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
}

const NODE_SOURCES = [
  'packages',
  'device-agent/src',
  'device-agent/tsconfig.json',
  'service-center/src',
  'service-center/tsconfig.json',
  'tsconfig.json',
  'tsconfig.node.json',
  'package-lock.json',
];
const UI_SOURCES = ['kiosk-ui', 'content', 'packages', 'tsconfig.json', 'package-lock.json'];
const CONSOLE_SOURCES = ['service-center/console', 'content', 'packages', 'tsconfig.json', 'package-lock.json'];

/** Runs a command to completion without blocking the others (the builds share the 2 cores). */
function runAsync(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', cwd: root });
    child.on('error', () => resolve(1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/**
 * Builds what is stale, the three builds side by side: the Node parts (tsc -b), the kiosk UI and
 * the staff console (Vite). Exits when one fails.
 */
export async function ensureBuilt({ force = false } = {}) {
  const bin = (name) => join(root, 'node_modules/.bin', name);
  const jobs = [];
  const built = Math.min(mtime('dist/node/device-agent/.tsbuildinfo'), mtime('dist/node/service-center/.tsbuildinfo'));
  if (force || newestMtime(NODE_SOURCES) > built) {
    say('building packages, device-agent and service-center (tsc -b)…');
    jobs.push(['tsc', bin('tsc'), ['-b', 'tsconfig.node.json', ...(force ? ['--force'] : [])]]);
  }
  if (
    existsSync(join(root, 'kiosk-ui/vite.config.ts')) &&
    (force || newestMtime(UI_SOURCES) > mtime('dist/kiosk-ui/index.html'))
  ) {
    say('building kiosk-ui (vite)…');
    jobs.push(['kiosk-ui', bin('vite'), ['build', '--config', 'kiosk-ui/vite.config.ts', '--logLevel', 'warn']]);
  }
  if (
    existsSync(join(root, 'service-center/console/vite.config.ts')) &&
    (force || newestMtime(CONSOLE_SOURCES) > mtime('dist/console/index.html'))
  ) {
    say('building the staff console (vite)…');
    jobs.push([
      'console',
      bin('vite'),
      ['build', '--config', 'service-center/console/vite.config.ts', '--logLevel', 'warn'],
    ]);
  }
  const codes = await Promise.all(jobs.map(([, command, args]) => runAsync(command, args)));
  const failed = jobs.filter((_, i) => codes[i] !== 0).map(([name]) => name);
  if (failed.length) {
    say(`build failed: ${failed.join(', ')}`);
    process.exit(1);
  }
}

// `npm test`: installs what the tests need (npm dependencies; as root the Debian packages chromium,
// socat, espeak-ng, a CJK font, coturn, ffmpeg, imagemagick and postgresql), builds what is stale, then
// runs every vitest project. Extra arguments go to vitest (e.g. `npm test -- --project node`).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, ensureDependencies, run, say } from './lib.mjs';

const DEBIAN = [
  ['chromium', '/usr/bin/chromium'],
  ['socat', '/usr/bin/socat'],
  ['espeak-ng', '/usr/bin/espeak-ng'],
  // A CJK font, so Chinese text is laid out and measured with real glyphs in the browser tests.
  ['fonts-wqy-microhei', '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'],
  // Video consultation: TURN relay for the relay-only call, and the noisy clip of the bandwidth figures.
  ['coturn', '/usr/bin/turnserver'],
  ['ffmpeg', '/usr/bin/ffmpeg'],
  // Notarization e2e: the fake-camera head-turn clip is made from astronaut.png with ImageMagick.
  ['imagemagick', '/usr/bin/convert'],
  // The centre's repository tests on PostgreSQL: initdb and postgres from /usr/lib/postgresql/<major>/bin.
  ['postgresql', postgresInstalled],
];

/** Any major version of Debian's PostgreSQL server (15 on Debian 12). */
function postgresInstalled() {
  const root = '/usr/lib/postgresql';
  return existsSync(root) && readdirSync(root).some((major) => existsSync(join(root, major, 'bin', 'postgres')));
}

function ensureDebianPackages() {
  const missing = DEBIAN.filter(([, bin]) => !(typeof bin === 'function' ? bin() : existsSync(bin))).map(
    ([pkg]) => pkg,
  );
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    say(`missing Debian packages: ${missing.join(' ')}`);
    say(`install them with: sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  say(`installing Debian packages: ${missing.join(' ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
}

ensureDebianPackages();
ensureDependencies();
await ensureBuilt();
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
const resultsFile = join(tmpdir(), `kiosk-vitest-${process.pid}.json`);
const status = run(process.execPath, [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${resultsFile}`,
  ...process.argv.slice(2),
]);
// One plain closing line that any CI reads the same way.
if (existsSync(resultsFile)) {
  const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
  rmSync(resultsFile, { force: true });
  const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  const skipped = r.numPendingTests + r.numTodoTests;
  process.stdout.write(
    `\ntests: ${r.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
  );
}
process.exit(status);

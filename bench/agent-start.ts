// Agent cold start to first /api/v1/status answer, and idle RSS after settling.
// Budget: ≤ 1.5 s and ≤ 100 MB on the 2-core reference machine.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM helper of the project's commands, no type declarations
import { AGENT_NODE_FLAGS } from '../scripts/lib.mjs';

const root = join(import.meta.dirname, '..');
const BUDGET_MS = 1500;
const BUDGET_RSS_MB = 100;
const RUNS = 5;

spawnSync(process.execPath, [join(root, 'scripts/ensure.mjs')], { stdio: 'inherit', cwd: root });

const dir = mkdtempSync(join(tmpdir(), 'bench-agent-'));
const config = JSON.parse(readFileSync(join(root, 'kiosk.config.json'), 'utf8')) as Record<string, any>;
const port = 47300 + Math.floor(Math.random() * 500);
config['agent'] = { host: '127.0.0.1', port, adminPort: port + 1 };
writeFileSync(join(dir, 'kiosk.config.json'), JSON.stringify(config));

async function once(): Promise<{ ms: number; rssMb: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...AGENT_NODE_FLAGS, join(root, 'dist/node/device-agent/src/main.js')], {
    env: {
      ...process.env,
      KIOSK_CONFIG: join(dir, 'kiosk.config.json'),
      KIOSK_DATA_DIR: join(dir, 'data'),
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  let ms = 0;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/status`);
      if (res.ok) {
        ms = performance.now() - t0;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
    if (performance.now() - t0 > 15_000) throw new Error('agent did not answer within 15 s');
  }
  await new Promise((r) => setTimeout(r, 3000)); // let it settle into idle
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { ms, rssMb: rssKb / 1024 };
}

const results = [];
for (let i = 0; i < RUNS; i++) results.push(await once());
const starts = results.map((r) => r.ms).sort((a, b) => a - b);
const median = starts[Math.floor(RUNS / 2)];
const rss = Math.max(...results.map((r) => r.rssMb));
console.log(
  `cold start → first /api/v1/status: median ${median.toFixed(0)} ms (runs: ${starts.map((s) => s.toFixed(0)).join(', ')} ms)`,
);
console.log(
  `  budget ${BUDGET_MS} ms → ${(median / BUDGET_MS).toFixed(2)}× budget ${median <= BUDGET_MS ? 'OK' : 'OVER'}`,
);
console.log(`idle RSS (max of ${RUNS}): ${rss.toFixed(1)} MB`);
console.log(
  `  budget ${BUDGET_RSS_MB} MB → ${(rss / BUDGET_RSS_MB).toFixed(2)}× budget ${rss <= BUDGET_RSS_MB ? 'OK' : 'OVER'}`,
);

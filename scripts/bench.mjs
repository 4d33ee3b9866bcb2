// `npm run bench [name…]`: runs bench/<name>.ts (all when none given). Benchmarks print their
// figures as ratios to a physical reference or a budget; they are not timed tests.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wanted = process.argv.slice(2);
const all = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3));
const names = wanted.length ? wanted : all;
let failed = 0;
for (const name of names) {
  if (!all.includes(name)) {
    console.error(`no such benchmark: ${name} (have: ${all.join(', ')})`);
    failed++;
    continue;
  }
  console.log(`\n== bench/${name} ==`);
  const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', join(root, 'bench', `${name}.ts`)], {
    stdio: 'inherit',
    cwd: root,
  });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);

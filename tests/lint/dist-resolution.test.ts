import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Node runs the agent and the centre from dist/node/<part>/, outside the part's own folder, so a
// dependency resolves from the root node_modules there, not from <part>/node_modules. A version
// that npm nests under a part (because another package wants a different one) would be silently
// replaced by the root's copy in production while the tests, which run the sources, pass. Each
// such dependency must be pinned at the root too (cookie@2: express 5 keeps its own 0.7).

const ROOT = resolve(import.meta.dirname, '../..');

function packageVersion(fromFile: string, name: string): string | undefined {
  const require = createRequire(fromFile);
  let dir: string;
  try {
    dir = dirname(require.resolve(name));
  } catch {
    return undefined;
  }
  for (; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name) return pkg.version;
    }
  }
  return undefined;
}

describe('production resolution of each part’s dependencies', () => {
  it.each(['device-agent', 'service-center'])('%s: dist/node resolves the versions its package.json names', (part) => {
    const declared = (
      JSON.parse(readFileSync(join(ROOT, part, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      }
    ).dependencies;
    const fromDist = join(ROOT, 'dist/node', part, 'src/main.js');
    const wrong = Object.entries(declared)
      .filter(([name]) => !name.startsWith('@kiosk/'))
      .map(([name, version]) => [name, version, packageVersion(fromDist, name)] as const)
      .filter(([, version, found]) => found !== undefined && found !== version)
      .map(([name, version, found]) => `${name}: declares ${version}, dist resolves ${found}`);
    expect(wrong).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper of the project's commands, no type declarations
import { AGENT_NODE_FLAGS } from '../../scripts/lib.mjs';

// The idle agent's memory budget (≤ 100 MB) holds with these flags; every way of starting the agent
// must pass the same ones.
const root = join(import.meta.dirname, '../..');
const flags = (AGENT_NODE_FLAGS as string[]).join(' ');

describe('device agent node flags', () => {
  it('are the same in the systemd unit, npm run agent and npm start', () => {
    expect(flags).toContain('--max-semi-space-size=');
    const unit = readFileSync(join(root, 'deploy/kiosk-agent.service'), 'utf8');
    expect(unit).toMatch(new RegExp(`^ExecStart=\\S+/node ${flags} \\S+/device-agent/src/main\\.js$`, 'm'));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['agent']).toContain(`node ${flags} dist/node/device-agent/src/main.js`);
    expect(readFileSync(join(root, 'scripts/start.mjs'), 'utf8')).toContain('AGENT_NODE_FLAGS');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { setupTokenFromLog, startAdminAgent, type AdminTestAgent } from './admin-test-client.js';

const running: AdminTestAgent[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
});

interface SimulatedPrinter {
  simulator: { jobs(): Array<{ lines: string[]; cut: boolean }> };
}

describe('setup token on paper', () => {
  it('prints the setup token once on the receipt printer when it comes online', async () => {
    const agent = await startAdminAgent();
    running.push(agent);
    const token = setupTokenFromLog(agent);
    const printer = agent.agent.services.get('printer') as unknown as SimulatedPrinter;
    const end = Date.now() + 10_000;
    while (!agent.logText().includes('admin setup token printed') && Date.now() < end)
      await new Promise((r) => setTimeout(r, 100));
    const jobs = printer.simulator.jobs();
    expect(jobs).toHaveLength(1);
    expect(jobs[0].lines.join('\n')).toContain(token);
    expect(jobs[0].lines.join('\n')).toContain('设置码');
    expect(jobs[0].cut).toBe(true);
    // Later printer status changes do not print it again.
    await new Promise((r) => setTimeout(r, 500));
    expect(printer.simulator.jobs()).toHaveLength(1);
  });
});

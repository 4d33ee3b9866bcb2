import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** The device agent as systemd runs it: its own process, config and data dir in `dir`. */
export interface AgentProcess {
  child: ChildProcess;
  kiosk: string;
  admin: string;
  output(): string;
  /** Resolves once the process is gone. */
  exited: Promise<void>;
  /** Sends the signal and resolves once the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Starts `device-agent/src/main.ts` on `dir/kiosk.config.json` and `dir/data`; resolves once it listens. */
export async function startAgentProcess(dir: string, env: Record<string, string> = {}): Promise<AgentProcess> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'device-agent/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      KIOSK_CONFIG: join(dir, 'kiosk.config.json'),
      KIOSK_DATA_DIR: join(dir, 'data'),
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const urls = await new Promise<{ kiosk: string; admin: string }>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`agent did not start:\n${output}`)), 60_000);
    child.stdout.on('data', (b: Buffer) => {
      output += b.toString();
      const line = output.split('\n').find((l) => l.includes('device agent listening'));
      if (!line) return;
      clearTimeout(timer);
      const parsed = JSON.parse(line) as { kiosk: string; admin: string };
      done({ kiosk: parsed.kiosk.replace(/\/$/, ''), admin: parsed.admin.replace(/\/$/, '') });
    });
    void exited.then(() => fail(new Error(`agent exited (${child.exitCode}) before listening:\n${output}`)));
  });
  return {
    child,
    ...urls,
    output: () => output,
    exited,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

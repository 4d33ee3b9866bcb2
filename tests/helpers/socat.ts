import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SOCAT = '/usr/bin/socat';

export interface SocatPairOptions {
  /** Link names inside the temp dir (default `host` and `device`). */
  names?: [string, string];
  /** Directory for the links (default: a new temp dir, removed by `stop()`). */
  dir?: string;
  /** How long to wait for both links to appear (default 5000 ms). */
  startTimeoutMs?: number;
}

/**
 * A virtual serial cable: `socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B`.
 * The driver under test opens `a`; the simulator plays the device on `b`. Killing socat is an
 * unplug (both ends see a hang-up and the links vanish); `restart()` is a re-plug on the same paths.
 */
export class SocatPair {
  readonly dir: string;
  readonly a: string;
  readonly b: string;
  private _child: ChildProcess | undefined;
  private _stderr = '';
  private readonly _ownDir: boolean;
  private readonly _startTimeoutMs: number;

  constructor(options: SocatPairOptions = {}) {
    this._ownDir = !options.dir;
    this.dir = options.dir ?? mkdtempSync(join(tmpdir(), 'kiosk-socat-'));
    const [nameA, nameB] = options.names ?? ['host', 'device'];
    this.a = join(this.dir, nameA);
    this.b = join(this.dir, nameB);
    this._startTimeoutMs = options.startTimeoutMs ?? 5000;
  }

  get running(): boolean {
    return this._child !== undefined && this._child.exitCode === null && this._child.signalCode === null;
  }

  /** socat's diagnostics so far (for failure messages). */
  get stderr(): string {
    return this._stderr;
  }

  /** Starts socat and resolves once both links exist. */
  async start(): Promise<void> {
    if (this.running) throw new Error('socat already running');
    // A SIGKILLed socat leaves its symlinks behind; socat refuses to replace them.
    rmSync(this.a, { force: true });
    rmSync(this.b, { force: true });
    this._stderr = '';
    const child = spawn(SOCAT, ['-d', '-d', `pty,raw,echo=0,link=${this.a}`, `pty,raw,echo=0,link=${this.b}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this._child = child;
    child.stderr?.on('data', (chunk: Buffer) => {
      this._stderr += chunk.toString();
    });
    const deadline = Date.now() + this._startTimeoutMs;
    while (!(existsSync(this.a) && existsSync(this.b) && this._stderr.includes('starting data transfer loop'))) {
      if (!this.running) throw new Error(`socat exited during start-up: ${this._stderr}`);
      if (Date.now() > deadline) {
        await this.kill();
        throw new Error(`socat links did not appear within ${this._startTimeoutMs} ms: ${this._stderr}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Pulls the cable: terminates socat and waits for it to exit (the links are then gone). */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this._child;
    this._child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill(signal);
    });
    if (signal === 'SIGKILL') {
      rmSync(this.a, { force: true });
      rmSync(this.b, { force: true });
    }
  }

  /** Re-plugs: a new socat on the same link paths. */
  async restart(): Promise<void> {
    await this.kill();
    await this.start();
  }

  /** Kills socat and removes the temp dir if this pair created it. */
  async stop(): Promise<void> {
    await this.kill();
    if (this._ownDir) rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Creates and starts a pair (see SocatPair). */
export async function startSocatPair(options: SocatPairOptions = {}): Promise<SocatPair> {
  const pair = new SocatPair(options);
  await pair.start();
  return pair;
}

/** True when socat is installed (suites skip their pty cases otherwise). */
export function socatAvailable(): boolean {
  return existsSync(SOCAT);
}

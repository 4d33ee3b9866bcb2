import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Debian's PostgreSQL server binaries (`/usr/lib/postgresql/<major>/bin`), the newest major that is
 * installed; undefined when the `postgresql` package is missing.
 */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return majors.length ? join(root, majors[0], 'bin') : undefined;
}

/** A free loopback port (there is a small window before the server takes it; `start` retries). */
async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

interface RunAs {
  uid: number;
  gid: number;
}

/** The `postgres` system user: initdb and postgres refuse to run as root. */
function postgresUser(): RunAs {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/**
 * A throw-away PostgreSQL cluster for tests: `initdb` into a temporary directory, `postgres` on a free
 * loopback port with its socket inside that directory, `fsync=off` for speed; `stop()` shuts it down
 * (`pg_ctl stop -m fast`) and removes the directory. As root it runs as the `postgres` system user
 * (`setpriv`); otherwise as the current user. Access needs the password this object holds.
 */
export class TestPostgres {
  readonly dir: string;
  readonly password = randomBytes(18).toString('base64url');
  readonly user = 'kiosk_test';
  private _port = 0;
  private _child: ChildProcess | undefined;
  private _log = '';
  private _databases = 0;
  private readonly _bin: string;
  private readonly _runAs: RunAs | undefined;
  private readonly _onExit = (): void => {
    this._child?.kill('SIGQUIT');
  };

  constructor() {
    const bin = postgresBinDir();
    if (!bin) throw new Error('PostgreSQL is not installed: apt-get install postgresql (npm test does it as root)');
    this._bin = bin;
    this._runAs = process.getuid?.() === 0 ? postgresUser() : undefined;
    this.dir = mkdtempSync(join(tmpdir(), 'kiosk-pg-'));
  }

  get port(): number {
    return this._port;
  }

  /** The server's log so far (for failure messages). */
  get log(): string {
    return this._log;
  }

  /** A connection URL for `database` (default the maintenance database `postgres`). */
  url(database = 'postgres'): string {
    return `postgres://${this.user}:${this.password}@127.0.0.1:${this._port}/${database}`;
  }

  /** initdb, then start the server; resolves once it accepts connections. */
  async start(): Promise<void> {
    const data = join(this.dir, 'data');
    const sockets = join(this.dir, 'sockets');
    const pwfile = join(this.dir, 'pwfile');
    mkdirSync(sockets);
    writeFileSync(pwfile, `${this.password}\n`, { mode: 0o600 });
    if (this._runAs) for (const p of [this.dir, sockets, pwfile]) chownSync(p, this._runAs.uid, this._runAs.gid);
    chmodSync(this.dir, 0o700);
    this._exec('initdb', [
      '-D',
      data,
      '-U',
      this.user,
      '--pwfile',
      pwfile,
      '--auth=scram-sha-256',
      '-E',
      'UTF8',
      // A UTF-8 character type, as a Chinese deployment has: pg_trgm indexes Chinese names under it.
      '--locale=C.UTF-8',
      '--no-sync',
      '--no-instructions',
    ]);
    for (let attempt = 0; ; attempt++) {
      this._port = await freePort();
      try {
        await this._launch(data, sockets);
        break;
      } catch (err) {
        if (attempt >= 2) throw err;
      }
    }
    process.once('exit', this._onExit);
  }

  /**
   * A new database (one per test keeps tests apart), empty or a copy of `template` (a database made
   * here earlier that nobody is connected to); answers its URL.
   */
  async createDatabase(template?: string): Promise<string> {
    const name = `t${process.pid}_${++this._databases}`;
    const client = new pg.Client({ connectionString: this.url() });
    await client.connect();
    try {
      const from = template ? ` TEMPLATE ${new URL(template).pathname.slice(1)}` : '';
      // FILE_COPY: a checkpoint and a directory copy, fast with fsync off (WAL_LOG logs every block).
      await client.query(`CREATE DATABASE ${name}${from} STRATEGY FILE_COPY`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  async stop(): Promise<void> {
    const child = this._child;
    this._child = undefined;
    process.off('exit', this._onExit);
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      try {
        this._exec('pg_ctl', ['stop', '-D', join(this.dir, 'data'), '-m', 'fast', '-w', '-t', '20']);
      } catch {
        child.kill('SIGQUIT');
      }
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async _launch(data: string, sockets: string): Promise<void> {
    const args = [
      '-D',
      data,
      '-k',
      sockets,
      '-h',
      '127.0.0.1',
      '-p',
      String(this._port),
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=100',
      '-c',
      'shared_buffers=32MB',
      // Dynamic shared memory in the data directory, not /dev/shm (small in some containers).
      '-c',
      'dynamic_shared_memory_type=mmap',
    ];
    const [cmd, argv] = this._command('postgres', args);
    this._log = '';
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: this.dir });
    this._child = child;
    const collect = (chunk: Buffer): void => {
      this._log = (this._log + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`postgres exited while starting:\n${this._log}`);
      const client = new pg.Client({ connectionString: this.url(), connectionTimeoutMillis: 2000 });
      try {
        await client.connect();
        await client.end();
        return;
      } catch (err) {
        await client.end().catch(() => undefined);
        if (Date.now() > deadline) {
          child.kill('SIGQUIT');
          throw new Error(`postgres did not accept connections within 30 s (${(err as Error).message}):\n${this._log}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /** A server binary, as the postgres user when we are root. */
  private _command(name: string, args: string[]): [string, string[]] {
    const bin = join(this._bin, name);
    if (!this._runAs) return [bin, args];
    return [
      'setpriv',
      [`--reuid=${this._runAs.uid}`, `--regid=${this._runAs.gid}`, '--init-groups', '--reset-env', bin, ...args],
    ];
  }

  private _exec(name: string, args: string[]): void {
    const [cmd, argv] = this._command(name, args);
    execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: this.dir });
  }
}

/** Starts a test cluster (see TestPostgres). */
export async function startTestPostgres(): Promise<TestPostgres> {
  const server = new TestPostgres();
  try {
    await server.start();
  } catch (err) {
    await server.stop().catch(() => undefined);
    throw err;
  }
  return server;
}

// Pieces the video consultation end-to-end tests and bench/video-call.ts share: the centre as a
// real child process (so it can be SIGKILLed and restarted on the same port and data), Chromium
// processes for WebRTC (reference/video-consultation.md §8: the real binary, fake devices, loopback
// ICE), getStats() read in the page, and coturn on ports the caller picks. Everything started here
// is stopped by PID.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { hashPassword } from '../../service-center/src/auth/password.js';
import type { CenterConfig, ConsultationConfig, StorageConfig } from '../../service-center/src/config-schema.js';
import { PgRepository } from '../../service-center/src/store/pg-repository.js';
import { SqliteRepository } from '../../service-center/src/store/sqlite-repository.js';
import type { StaffRole } from '../../service-center/src/store/repository.js';
import { chromiumArgs } from '../../vitest.config.js';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The real binary: the /usr/bin/chromium wrapper adds flags and prints noise (reference §8.2). */
export const WEBRTC_CHROMIUM = process.env['CHROMIUM_WEBRTC_PATH'] ?? '/usr/lib/chromium/chromium';
export const WEBRTC_ARGS = [...chromiumArgs, '--allow-loopback-in-peer-connection'];
export const TERMINAL = { id: 'test-0001', token: 'test-terminal-token', name: '测试村公共法律服务室' };
export const LAWYER = { name: 'lawyer-li', password: 'lawyer-password-2026', displayName: '李明' };
export const TOKEN_SECRET = 'consultation-e2e-secret-0123456789abcdef';

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Builds what is stale (tsc and both Vite builds), one build at a time across processes. When the
 * build fails but both UIs are in dist/ (`npm test` builds before it runs the tests), those are used.
 */
export function ensureUisBuilt(): void {
  try {
    execFileSync('flock', ['/tmp/kiosk-ui-build.lock', process.execPath, join(ROOT, 'scripts/ensure.mjs')], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  } catch (err) {
    const built = ['dist/kiosk-ui/index.html', 'dist/console/index.html'].every((f) => existsSync(join(ROOT, f)));
    if (!built) throw err;
    process.stderr.write('consultation: the build failed; using the UIs last built in dist/\n');
  }
}

// ---- the centre, as a child process ----

export interface CentreProcess {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly pid: number | undefined;
  logText(): string;
  /** SIGKILL: no goodbye to any socket. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data directory. */
  start(): Promise<void>;
  stop(): Promise<void>;
  health(): Promise<{ ok: boolean; queue?: number; calls?: number; lawyers?: number } | undefined>;
}

/** A staff account written straight into the centre's database (SQLite, or PostgreSQL at `url`) before it starts. */
export async function addStaff(
  dataDir: string,
  name: string,
  password: string,
  role: StaffRole,
  storage?: StorageConfig,
  displayName?: string,
): Promise<void> {
  const repo =
    storage?.kind === 'postgres'
      ? new PgRepository({ url: storage.url })
      : new SqliteRepository(join(dataDir, 'center.sqlite'));
  await repo.migrate();
  await repo.putStaff({
    name,
    passwordHash: await hashPassword(password, 10),
    mustChange: false,
    at: new Date().toISOString(),
    role,
    ...(displayName ? { displayName } : {}),
  });
  await repo.close();
}

export async function startCentre(options: {
  port: number;
  consultation?: ConsultationConfig;
  dataDir?: string;
  /** PostgreSQL shared with other centre processes (issue 14 item 2); SQLite in dataDir otherwise. */
  storage?: StorageConfig;
}): Promise<CentreProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'consult-centre-'));
  mkdirSync(dataDir, { recursive: true });
  const config: CenterConfig = {
    configVersion: 1,
    host: '127.0.0.1',
    port: options.port,
    terminals: [TERMINAL],
    legalAid: { decisionDays: 7 },
    consultation: { tokenSecret: TOKEN_SECRET, ...options.consultation },
    ...(options.storage ? { storage: options.storage } : {}),
  };
  const configFile = join(dataDir, 'center.config.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  await addStaff(dataDir, LAWYER.name, LAWYER.password, 'lawyer', options.storage, LAWYER.displayName);
  const url = `http://127.0.0.1:${options.port}`;
  let child: ChildProcess | undefined;
  let log = '';

  const health: CentreProcess['health'] = async () => {
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
      return (await res.json()) as Awaited<ReturnType<CentreProcess['health']>>;
    } catch {
      return undefined;
    }
  };

  const start = async (): Promise<void> => {
    const proc = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', join(ROOT, 'service-center/src/main.ts')],
      {
        cwd: ROOT,
        env: { ...process.env, CENTER_CONFIG: configFile, CENTER_DATA_DIR: dataDir, CENTER_SCRYPT_LN: '10' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = proc;
    proc.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    const started = Date.now();
    while (!(await health())?.ok) {
      if (proc.exitCode !== null) throw new Error(`centre exited ${proc.exitCode}:\n${log.slice(-2000)}`);
      if (Date.now() - started > 30_000) throw new Error(`centre did not start:\n${log.slice(-2000)}`);
      await sleep(100);
    }
  };

  const kill = async (): Promise<void> => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    const gone = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await gone;
  };

  await start();
  return {
    url,
    port: options.port,
    dataDir,
    get pid() {
      return child?.pid;
    },
    logText: () => log,
    kill,
    start,
    stop: kill,
    health,
  };
}

// ---- Chromium for WebRTC ----

export interface WebRtcBrowser {
  browser: Browser;
  pid: number | undefined;
  /** SIGKILL the browser process (a lawyer's machine that dies). */
  kill(): void;
  close(): Promise<void>;
}

/** A separate Chromium process (launched as a server so that its PID is known), connected over loopback. */
export async function launchWebRtcBrowser(extraArgs: string[] = []): Promise<WebRtcBrowser> {
  const server = await chromium.launchServer({
    executablePath: WEBRTC_CHROMIUM,
    args: [...WEBRTC_ARGS, ...extraArgs],
    headless: true,
    host: '127.0.0.1',
  });
  const pid = server.process().pid;
  const browser = await chromium.connect(server.wsEndpoint());
  const kill = (): void => {
    try {
      if (pid) process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  return {
    browser,
    pid,
    kill,
    close: async () => {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      kill();
    },
  };
}

// The page scripts are strings: a function would be transpiled (tsx, vitest) with helpers such as
// `__name` that do not exist in the page.

const INSTRUMENT = `(() => {
  const Original = window.RTCPeerConnection;
  window.__pcs = [];
  window.RTCPeerConnection = class extends Original {
    constructor(config) {
      super(config);
      window.__pcs.push(this);
    }
  };
})()`;

/** Keeps every RTCPeerConnection the page makes in `window.__pcs`, so the test can read getStats(). */
export async function instrument(page: Page): Promise<void> {
  await page.addInitScript({ content: INSTRUMENT });
}

export interface CallStats {
  connectionState: string;
  videoFramesDecoded: number;
  videoFps: number;
  frameWidth: number;
  audioSamples: number;
  audioEnergy: number;
  localCandidateType: string;
  remoteCandidateType: string;
  localUfrag: string;
  sentQualityLimitation: string;
}

const STATS = `(async () => {
  const pcs = window.__pcs || [];
  const pc = pcs.filter((p) => p.connectionState !== 'closed').at(-1);
  if (!pc) return undefined;
  const report = await pc.getStats();
  const all = [];
  report.forEach((s) => all.push(s));
  const byId = new Map(all.map((s) => [s.id, s]));
  const num = (v) => (typeof v === 'number' ? v : 0);
  const video = all.find((s) => s.type === 'inbound-rtp' && s.kind === 'video');
  const audio = all.find((s) => s.type === 'inbound-rtp' && s.kind === 'audio');
  const outVideo = all.find((s) => s.type === 'outbound-rtp' && s.kind === 'video');
  const transport = all.find((s) => s.type === 'transport' && s.selectedCandidatePairId);
  const pair = transport ? byId.get(transport.selectedCandidatePairId) : undefined;
  const local = pair ? byId.get(pair.localCandidateId) : undefined;
  const remote = pair ? byId.get(pair.remoteCandidateId) : undefined;
  const ufrag = /a=ice-ufrag:(\\S+)/.exec((pc.localDescription && pc.localDescription.sdp) || '');
  return {
    connectionState: pc.connectionState,
    videoFramesDecoded: num(video && video.framesDecoded),
    videoFps: num(video && video.framesPerSecond),
    frameWidth: num(video && video.frameWidth),
    audioSamples: num(audio && audio.totalSamplesReceived),
    audioEnergy: num(audio && audio.totalAudioEnergy),
    localCandidateType: String((local && local.candidateType) || ''),
    remoteCandidateType: String((remote && remote.candidateType) || ''),
    localUfrag: ufrag ? ufrag[1] : '',
    sentQualityLimitation: String((outVideo && outVideo.qualityLimitationReason) || ''),
  };
})()`;

/** getStats() of the page's newest open peer connection (undefined when it has none). */
export function callStats(page: Page): Promise<CallStats | undefined> {
  return page.evaluate<CallStats | undefined>(STATS);
}

export interface MediaSettings {
  iceTransportPolicy: string;
  maxBitrate: number;
  maxFramerate: number;
  degradationPreference: string;
  width: number;
  height: number;
  frameRate: number;
  echoCancellation: boolean;
  noiseSuppression: boolean;
  autoGainControl: boolean;
}

const SETTINGS = `(() => {
  const pc = (window.__pcs || []).filter((p) => p.connectionState !== 'closed').at(-1);
  if (!pc) return undefined;
  const video = pc.getSenders().find((s) => s.track && s.track.kind === 'video');
  const audio = pc.getSenders().find((s) => s.track && s.track.kind === 'audio');
  if (!video || !audio) return undefined;
  const params = video.getParameters();
  const encoding = params.encodings[0] || {};
  const v = video.track.getSettings();
  const a = audio.track.getSettings();
  return {
    iceTransportPolicy: pc.getConfiguration().iceTransportPolicy,
    maxBitrate: encoding.maxBitrate,
    maxFramerate: encoding.maxFramerate,
    degradationPreference: params.degradationPreference,
    width: v.width,
    height: v.height,
    frameRate: v.frameRate,
    echoCancellation: a.echoCancellation,
    noiseSuppression: a.noiseSuppression,
    autoGainControl: a.autoGainControl,
  };
})()`;

/** What the page's newest open peer connection sends: its video sender's limits and both tracks' settings. */
export function mediaSettings(page: Page): Promise<MediaSettings | undefined> {
  return page.evaluate<MediaSettings | undefined>(SETTINGS);
}

/** Reference §1 and §5: 640×360 at 15 fps, 300 kbps, maintain-framerate, EC/NS/AGC on. */
export const CALL_MEDIA = {
  maxBitrate: 300_000,
  maxFramerate: 15,
  degradationPreference: 'maintain-framerate',
  width: 640,
  height: 360,
  frameRate: 15,
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
} as const;

// ---- coturn ----

export interface Turn {
  port: number;
  pid: number | undefined;
  logText(): string;
  stop(): Promise<void>;
}

/** Debian's coturn on loopback with REST credentials (reference §8.5), on ports the caller picked. */
export async function startTurn(port: number, secret: string): Promise<Turn> {
  const dir = mkdtempSync(join(tmpdir(), 'consult-turn-'));
  const minPort = 50_000 + Math.floor(Math.random() * 9000);
  const proc = spawn(
    '/usr/bin/turnserver',
    [
      '-n',
      '--listening-ip=127.0.0.1',
      '--relay-ip=127.0.0.1',
      `--listening-port=${port}`,
      `--min-port=${minPort}`,
      `--max-port=${minPort + 60}`,
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      '--realm=kiosk.test',
      '--fingerprint',
      '--no-tls',
      '--no-dtls',
      '--no-cli',
      '--allow-loopback-peers',
      '--no-multicast-peers',
      '--log-file=stdout',
      '--simple-log',
      `--pidfile=${join(dir, 'turnserver.pid')}`,
      `--db=${join(dir, 'turndb')}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  proc.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const started = Date.now();
  while (!/listener opened on|Total General servers|IPv4\. UDP listener/i.test(log)) {
    if (proc.exitCode !== null) throw new Error(`turnserver exited ${proc.exitCode}:\n${log}`);
    if (Date.now() - started > 10_000) throw new Error(`turnserver did not start:\n${log}`);
    await sleep(50);
  }
  return {
    port,
    pid: proc.pid,
    logText: () => log,
    stop: async () => {
      if (proc.exitCode !== null) return;
      const gone = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGKILL');
      await gone;
    },
  };
}

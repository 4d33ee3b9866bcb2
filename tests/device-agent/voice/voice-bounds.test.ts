import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SessionModule } from '../../../device-agent/src/session/session-module.js';
import { PromptCatalog } from '../../../device-agent/src/voice/prompt-catalog.js';
import { VoiceModule } from '../../../device-agent/src/voice/voice-module.js';
import { startTestAgent, type TestAgent } from '../../helpers/agent-harness.js';

// Issue 13 items 7 (voice synthesis unbounded) and 16 (voice cache race, catalogue re-read).

/**
 * espeak-ng behind a gate: each synthesis records its pid in `dir/started-<pid>` and waits for
 * `dir/go` before it runs the real espeak-ng (exec: the same process), so the test sees how many
 * run at once and which one is killed. `--version` passes straight through.
 */
function gatedEspeak(): { path: string; dir: string; started(): number[]; open(): void; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-espeak-gate-'));
  const path = join(dir, 'espeak-ng');
  writeFileSync(
    path,
    `#!/bin/sh
if [ "$1" = "--version" ]; then exec /usr/bin/espeak-ng "$@"; fi
: > "${dir}/started-$$"
while [ ! -e "${dir}/go" ]; do sleep 0.05; done
exec /usr/bin/espeak-ng "$@"
`,
  );
  chmodSync(path, 0o755);
  return {
    path,
    dir,
    started: () =>
      readdirSync(dir)
        .filter((f) => f.startsWith('started-'))
        .map((f) => Number(f.slice(8))),
    open: () => writeFileSync(join(dir, 'go'), ''),
    close: () => rmSync(join(dir, 'go'), { force: true }),
  };
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    // A zombie still answers kill(0); its state in /proc says Z.
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const speak = (base: string, text: string, signal?: AbortSignal): Promise<Response> =>
  fetch(`${base}/api/v1/voice`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
    ...(signal ? { signal } : {}),
  });

describe('voice under load (gated espeak-ng)', () => {
  let t: TestAgent;
  let voice: VoiceModule;
  const gate = gatedEspeak();

  beforeAll(async () => {
    t = await startTestAgent(undefined, {
      modules: [(ctx) => new SessionModule(ctx), (ctx) => new VoiceModule(ctx, { espeakPath: gate.path })],
    });
    voice = t.agent.modules.find((m): m is VoiceModule => m instanceof VoiceModule)!;
  });
  afterEach(() => {
    gate.open();
  });
  afterAll(async () => {
    gate.open();
    await t.stop();
    rmSync(gate.dir, { recursive: true, force: true });
  });

  it('item 7: 50 concurrent POST /api/v1/voice run at most 2 espeak-ng at once, refuse beyond a short line, and /healthz stays quick', async () => {
    gate.close();
    const before = gate.started().length;
    const requests = Array.from({ length: 50 }, (_, i) => speak(t.base, `第${i + 1}号，请到窗口办理`));
    const statuses = requests.map((r) => r.then((res) => res.status));
    await until(() => gate.started().length - before >= 2, 10_000, 'two syntheses to start');
    // Give any further process (there should be none) time to appear.
    await new Promise((r) => setTimeout(r, 1000));
    expect(gate.started().length - before).toBe(2);
    const t0 = Date.now();
    expect((await fetch(`${t.base}/healthz`)).status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(1000);
    gate.open();
    const codes = await Promise.all(statuses);
    const ok = codes.filter((c) => c === 200).length;
    const busy = codes.filter((c) => c === 503).length;
    expect(ok + busy).toBe(50);
    expect(ok).toBeGreaterThanOrEqual(2);
    expect(ok).toBeLessThanOrEqual(10);
    const refused = await requests[codes.indexOf(503)];
    expect(refused.headers.get('retry-after')).toBeTruthy();
  });

  it('item 7: the espeak-ng process is killed when the client goes away', async () => {
    gate.close();
    const known = new Set(gate.started());
    const abort = new AbortController();
    const pending = speak(t.base, '这段话没有人听完', abort.signal).catch(() => 'aborted');
    await until(() => gate.started().some((p) => !known.has(p)), 10_000, 'the synthesis to start');
    const pid = gate.started().find((p) => !known.has(p))!;
    expect(alive(pid)).toBe(true);
    abort.abort();
    expect(await pending).toBe('aborted');
    await until(() => !alive(pid), 5000, 'espeak-ng to be killed');
    await until(() => voice.synthesisLoad.running === 0, 5000, 'the queue to be free');
  });

  it('item 7: the 16 kB body limit is applied (413)', async () => {
    const res = await fetch(`${t.base}/api/v1/voice`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '你好', padding: 'x'.repeat(1024 * 1024) }),
    });
    expect(res.status).toBe(413);
  });

  it('item 16: a clip synthesised while the visit ends is not cached for the next visitor', async () => {
    gate.close();
    voice.forgetVisit();
    const known = new Set(gate.started());
    const pending = speak(t.base, '张三，您的回执编号是 FY261129-0001-0009');
    await until(() => gate.started().some((p) => !known.has(p)), 10_000, 'the synthesis to start');
    const ended = await fetch(`${t.base}/api/v1/session/end`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(ended.status).toBe(200);
    gate.open();
    const res = await pending;
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    expect(voice.dynamicClips).toBe(0);
  });

  it('item 16: unknown keys answer 404 without re-reading the i18n catalogue each time', async () => {
    const load = vi.spyOn(PromptCatalog.prototype, 'load');
    try {
      for (let i = 0; i < 30; i++) {
        const res = await fetch(`${t.base}/api/v1/voice/home.noSuchKey${i}`);
        expect(res.status).toBe(404);
      }
      expect(load.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      load.mockRestore();
    }
    expect(existsSync(gate.path)).toBe(true);
  });
});

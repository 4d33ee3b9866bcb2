import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionModule } from '../../../device-agent/src/session/session-module.js';
import { chineseNumeral, readNumbers } from '../../../device-agent/src/voice/number-reading.js';
import { toSpeechPinyin } from '../../../device-agent/src/voice/speech-pinyin.js';
import { VoiceModule } from '../../../device-agent/src/voice/voice-module.js';
import { startTestAgent, type TestAgent } from '../../helpers/agent-harness.js';

/**
 * Every key of content/i18n/zh-CN/*.json, as the UI and the agent build them, that has something
 * to say (a bare separator such as "，" is a formatting piece, not a prompt).
 */
function allPromptKeys(): string[] {
  const dir = join(import.meta.dirname, '../../../content/i18n/zh-CN');
  const keys: string[] = [];
  const walk = (prefix: string, node: unknown): void => {
    if (typeof node === 'string') {
      if (/[\p{Script=Han}A-Za-z0-9]/u.test(node.replace(/\{\w+\}/g, ''))) keys.push(prefix);
    } else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) if (!k.startsWith('$')) walk(`${prefix}.${k}`, v);
  };
  // The technician's admin pages and the staff console are read, never spoken: not prompts.
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json') && !/^(admin|center)\.json$/.test(f)))
    walk(f.slice(0, -5), JSON.parse(readFileSync(join(dir, f), 'utf8')));
  return keys;
}

/** Longest a screen's spoken text may last at the normal rate (DESIGN §9). */
const MAX_SPOKEN_SECONDS = 20;

interface Wav {
  channels: number;
  sampleRate: number;
  bits: number;
  samples: Int16Array;
}

function parseWav(buf: Buffer): Wav {
  expect(buf.toString('ascii', 0, 4)).toBe('RIFF');
  expect(buf.toString('ascii', 8, 12)).toBe('WAVE');
  expect(buf.readUInt32LE(4)).toBe(buf.length - 8);
  let off = 12;
  let fmt: Omit<Wav, 'samples'> | undefined;
  while (off + 8 <= buf.length) {
    const id = buf.toString('ascii', off, off + 4);
    const size = buf.readUInt32LE(off + 4);
    if (id === 'fmt ')
      fmt = {
        channels: buf.readUInt16LE(off + 10),
        sampleRate: buf.readUInt32LE(off + 12),
        bits: buf.readUInt16LE(off + 22),
      };
    if (id === 'data') {
      const data = buf.subarray(off + 8, off + 8 + size);
      return { ...fmt!, samples: new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.length)) };
    }
    off += 8 + size;
  }
  throw new Error('no data chunk');
}

function rms(samples: Int16Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

describe('voice: numbers and pinyin', () => {
  it('reads a phone number digit by digit (1 as yao)', () => {
    expect(toSpeechPinyin('13800138000')).toBe('yao1 san1 ba1 ling2 ling2 yao1 san1 ba1 ling2 ling2 ling2');
  });

  it('reads amounts, days and times as numerals, years and ID digits one by one, X as cha', () => {
    expect(readNumbers('150元')).toBe('一百五十元');
    expect(readNumbers('3月15日')).toBe('三月十五日');
    expect(readNumbers('2026年')).toBe('二零二六年');
    expect(readNumbers('8:30')).toBe('八点三十分');
    expect(readNumbers('尾号123X')).toBe('尾号幺二三叉');
    expect(chineseNumeral('10086')).toBe('一万零八十六');
    // A receipt number is spoken with its letters (issue 15 item 7), spelt out or whole.
    expect(readNumbers('FY261129-0001-0002')).toBe('艾弗，歪，二六幺幺二九，零零零幺，零零零二');
    expect(readNumbers('F，Y，二，六')).toBe('艾弗，歪，二，六');
    expect(chineseNumeral('105')).toBe('一百零五');
  });

  it('gets the polyphones the kiosk needs right (土地, 银行, 重新, 村长)', () => {
    expect(toSpeechPinyin('土地')).toBe('tu3 di4');
    expect(toSpeechPinyin('银行')).toBe('yin2 hang2');
    expect(toSpeechPinyin('重新')).toBe('chong2 xin1');
    expect(toSpeechPinyin('村长')).toBe('cun1 zhang3');
  });
});

describe('voice: HTTP', () => {
  let t: TestAgent;
  beforeAll(async () => {
    t = await startTestAgent(undefined, { modules: [(ctx) => new SessionModule(ctx), (ctx) => new VoiceModule(ctx)] });
  });
  afterAll(async () => t.stop());

  it('reports voice available with espeak-ng in the status', async () => {
    const doc = (await (await fetch(`${t.base}/api/v1/status`)).json()) as { agent: { voice: unknown } };
    expect(doc.agent.voice).toEqual({ available: true, engine: 'espeak-ng' });
  });

  it(
    'returns non-silent 16-bit mono WAV of at most 20 s for every prompt key in content/',
    { timeout: 600_000 },
    async () => {
      const keys = allPromptKeys();
      expect(keys.length).toBeGreaterThan(50);
      const silent: string[] = [];
      const failed: string[] = [];
      const tooLong: string[] = [];
      const check = async (key: string): Promise<void> => {
        const res = await fetch(`${t.base}/api/v1/voice/${encodeURIComponent(key)}`);
        if (res.status !== 200 || !(res.headers.get('content-type') ?? '').startsWith('audio/')) {
          failed.push(`${key}: HTTP ${res.status}`);
          return;
        }
        const wav = parseWav(Buffer.from(await res.arrayBuffer()));
        if (wav.channels !== 1 || wav.bits !== 16) failed.push(`${key}: ${wav.channels} ch ${wav.bits} bit`);
        if (wav.samples.length < wav.sampleRate * 0.2 || rms(wav.samples) < 200) silent.push(key);
        // Plain speech (DESIGN §9): whatever the kiosk speaks as one piece lasts ≤ 20 s at the normal
        // rate, measured from the synthesised WAV (the admin pages and the staff console are not spoken).
        const seconds = wav.samples.length / wav.sampleRate;
        if (seconds > MAX_SPOKEN_SECONDS) tooLong.push(`${key}: ${seconds.toFixed(1)} s`);
      };
      // A few requests in flight: the agent runs one espeak-ng process per request.
      const queue = [...keys];
      await Promise.all(
        Array.from({ length: 3 }, async () => {
          for (let key = queue.shift(); key !== undefined; key = queue.shift()) await check(key);
        }),
      );
      expect(failed).toEqual([]);
      expect(silent).toEqual([]);
      expect(tooLong).toEqual([]);
    },
  );

  it('caches prompt audio on disk in the data directory', async () => {
    await fetch(`${t.base}/api/v1/voice/home.prompt`);
    const files = readdirSync(join(t.dir, 'data', 'voice-cache'));
    expect(files.some((f) => f.endsWith('.wav'))).toBe(true);
  });

  it('answers an unknown key with 404', async () => {
    const res = await fetch(`${t.base}/api/v1/voice/home.noSuchKey`);
    expect(res.status).toBe(404);
  });

  it('synthesises dynamic text as audible WAV, and nothing of it reaches the log', async () => {
    const speak = async (text: string) => {
      const res = await fetch(`${t.base}/api/v1/voice`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
      expect(res.status).toBe(200);
      return parseWav(Buffer.from(await res.arrayBuffer()));
    };
    const phone = await speak('13800138000');
    expect(rms(phone.samples)).toBeGreaterThan(200);
    // Eleven syllables (the pinyin is checked above) take well over 2.5 s at espeak-ng speed 150.
    expect(phone.samples.length / phone.sampleRate).toBeGreaterThan(2.5);
    expect((await speak('X')).samples.length).toBeGreaterThan(0);
    expect(t.logText()).not.toContain('13800138000');
  });

  it('drops dynamic-text audio at the end of the visit', async () => {
    const voice = t.agent.modules.find((m): m is VoiceModule => m instanceof VoiceModule)!;
    await fetch(`${t.base}/api/v1/voice`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '您的回执编号是 FY261129-0001-0001' }),
    });
    expect(voice.dynamicClips).toBeGreaterThan(0);
    expect(
      (
        await fetch(`${t.base}/api/v1/session/end`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(200);
    expect(voice.dynamicClips).toBe(0);
  });

  it('rejects empty or oversized text with 400', async () => {
    for (const body of [{}, { text: '' }, { text: '字'.repeat(501) }, { text: 5 }]) {
      const res = await fetch(`${t.base}/api/v1/voice`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(400);
    }
  });

  it('serves the UI config without secrets', async () => {
    const body = (await (await fetch(`${t.base}/api/v1/ui-config`)).json()) as Record<string, unknown>;
    expect(body).toEqual({
      ui: { locale: 'zh-CN', idleWarningSeconds: 180, idleCountdownSeconds: 45, voice: true },
      hotline: { number: '12348' },
      terminal: { name: '测试村公共法律服务室' },
    });
    expect(JSON.stringify(body)).not.toContain('token');
  });
});

describe('voice: espeak-ng missing', () => {
  let t: TestAgent;
  beforeAll(async () => {
    t = await startTestAgent(undefined, {
      modules: [(ctx) => new VoiceModule(ctx, { espeakPath: '/nonexistent/espeak-ng' })],
    });
  });
  afterAll(async () => t.stop());

  it('reports voice unavailable and answers 503, so the UI shows captions only', async () => {
    const doc = (await (await fetch(`${t.base}/api/v1/status`)).json()) as { agent: { voice: { available: boolean } } };
    expect(doc.agent.voice.available).toBe(false);
    expect((await fetch(`${t.base}/api/v1/voice/home.prompt`)).status).toBe(503);
    const res = await fetch(`${t.base}/api/v1/voice`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '你好' }),
    });
    expect(res.status).toBe(503);
  });
});

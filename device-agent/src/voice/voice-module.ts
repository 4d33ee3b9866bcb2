import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type Response } from 'express';
import type { VoiceStatus } from '@kiosk/contract/kiosk-api';
import type { AgentModule, ModuleContext } from '../core/module.js';
import { ESPEAK_SPEED, ESPEAK_VOICE, espeakVersion, synthesise } from './espeak.js';
import { PromptCatalog } from './prompt-catalog.js';

/**
 * Bump when the text → pinyin reading rules change (speech-pinyin.ts, number-reading.ts), so cached
 * audio is rebuilt. Cache ids use the text itself: a cache hit never needs the pinyin dictionary,
 * which is loaded (≈ 25 MB) only when something must actually be synthesised.
 */
const READING_RULES_VERSION = 1;

async function speechPinyin(text: string): Promise<string> {
  const { toSpeechPinyin } = await import('./speech-pinyin.js');
  return toSpeechPinyin(text);
}

export interface VoiceModuleOptions {
  /** espeak-ng binary (tests point it at a missing path to check the captions-only state). */
  espeakPath?: string;
  /** Bound of the in-memory cache for dynamic text, in bytes. */
  memoryCacheBytes?: number;
}

const MAX_TEXT = 500;

/**
 * Voice (DESIGN §5): `GET /api/v1/voice/:key` serves a recorded prompt or synthesises the key's
 * current zh-CN text (cached on disk: prompt text is not personal); `POST /api/v1/voice {text}`
 * synthesises dynamic text, cached in memory only and dropped at the end of every visit. Also
 * `GET /api/v1/ui-config`: the `ui`, `hotline` and terminal name the kiosk pages need.
 * Texts are never logged.
 */
export class VoiceModule implements AgentModule {
  readonly name = 'voice';
  private readonly _catalog: PromptCatalog;
  private readonly _espeakPath: string;
  private _version: string | null = null;
  private readonly _memory = new Map<string, Buffer>();
  private _memoryBytes = 0;
  private readonly _pending = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly _ctx: ModuleContext,
    private readonly _options: VoiceModuleOptions = {},
  ) {
    this._catalog = new PromptCatalog(_ctx.contentDir);
    this._espeakPath = _options.espeakPath ?? process.env['KIOSK_ESPEAK'] ?? '/usr/bin/espeak-ng';
  }

  async start(): Promise<void> {
    this._catalog.load();
    this._version = await espeakVersion(this._espeakPath);
    if (this._version === null)
      this._ctx.log.warn({ path: this._espeakPath }, 'espeak-ng not found: voice unavailable, captions only');
    else this._ctx.log.info({ version: this._version }, 'voice ready (espeak-ng cmn-latn-pinyin)');
    this._ctx.bus.on('sessionEnded', this, () => this.forgetVisit());
  }

  async stop(): Promise<void> {
    this._ctx.bus.removeListeners(this);
    this.forgetVisit();
  }

  /** How many dynamic-text clips are held in memory (for the end-of-visit check). */
  get dynamicClips(): number {
    return this._memory.size;
  }

  /** Drops the dynamic-text audio of the visit (it may hold names or numbers). */
  forgetVisit(): void {
    this._memory.clear();
    this._memoryBytes = 0;
  }

  agentStatus(): Record<string, unknown> {
    const voice: VoiceStatus = this._version
      ? { available: true, engine: 'espeak-ng' }
      : { available: false, engine: this._catalog.hasRecordings() ? 'recorded-only' : 'none' };
    return { voice };
  }

  private _cacheId(text: string): string {
    return createHash('sha256')
      .update(`${ESPEAK_VOICE}|${ESPEAK_SPEED}|${this._version}|${READING_RULES_VERSION}|${text}`)
      .digest('hex');
  }

  /** Prompt audio: on disk under KIOSK_DATA_DIR/voice-cache, built once per text and engine version. */
  private async _promptAudio(text: string): Promise<Buffer> {
    const id = this._cacheId(text);
    const dir = join(this._ctx.dataDir, 'voice-cache');
    const file = join(dir, `${id}.wav`);
    if (existsSync(file)) return readFileSync(file);
    return this._once(id, async () => {
      const wav = await synthesise(this._espeakPath, await speechPinyin(text));
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, wav);
      renameSync(tmp, file);
      return wav;
    });
  }

  /** Dynamic audio: in memory only, size-bounded (oldest dropped first). */
  private async _textAudio(text: string): Promise<Buffer> {
    const id = this._cacheId(text);
    const hit = this._memory.get(id);
    if (hit) return hit;
    const wav = await this._once(id, async () => synthesise(this._espeakPath, await speechPinyin(text)));
    const limit = this._options.memoryCacheBytes ?? 32 * 1024 * 1024;
    if (wav.length <= limit && !this._memory.has(id)) {
      this._memory.set(id, wav);
      this._memoryBytes += wav.length;
      for (const [key, buf] of this._memory) {
        if (this._memoryBytes <= limit) break;
        this._memory.delete(key);
        this._memoryBytes -= buf.length;
      }
    }
    return wav;
  }

  private _once(id: string, make: () => Promise<Buffer>): Promise<Buffer> {
    const running = this._pending.get(id);
    if (running) return running;
    const p = make().finally(() => this._pending.delete(id));
    this._pending.set(id, p);
    return p;
  }

  private _sendWav(res: Response, wav: Buffer): void {
    res.set('Cache-Control', 'no-store').type('audio/wav').send(wav);
  }

  kioskRouter(): Router {
    const router = Router();
    router.get('/ui-config', (_req, res) => {
      const config = this._ctx.config;
      if (!config) {
        res.status(503).json({ error: 'configError' });
        return;
      }
      res.set('Cache-Control', 'no-store').json({
        ui: config.ui,
        hotline: config.hotline,
        terminal: { name: config.terminal.name },
        ...(config.county ? { county: config.county } : {}),
      });
    });
    router.get('/voice/:key', async (req, res) => {
      const key = req.params['key'] ?? '';
      let text = this._catalog.text(key);
      if (text === undefined) {
        this._catalog.load();
        text = this._catalog.text(key);
      }
      if (text === undefined) {
        res.status(404).json({ error: 'unknownKey', message: `no prompt text for key ${key}` });
        return;
      }
      const recording = this._catalog.recording(key);
      if (recording) {
        res.set('Cache-Control', 'no-store').type(recording.type).sendFile(recording.path);
        return;
      }
      if (!this._version) {
        res.status(503).json({ error: 'voiceUnavailable' });
        return;
      }
      this._sendWav(res, await this._promptAudio(text));
    });
    router.post('/voice', express.json({ limit: '16kb' }), async (req, res) => {
      const text = (req.body as { text?: unknown } | undefined)?.text;
      if (typeof text !== 'string' || !text.trim() || text.length > MAX_TEXT) {
        res
          .status(400)
          .json({ error: 'invalidText', message: `text must be a non-empty string of at most ${MAX_TEXT} characters` });
        return;
      }
      if (!this._version) {
        res.status(503).json({ error: 'voiceUnavailable' });
        return;
      }
      this._sendWav(res, await this._textAudio(text));
    });
    return router;
  }
}

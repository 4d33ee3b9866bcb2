import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type Request, type Response } from 'express';
import type { UiConfig, VoiceStatus } from '@kiosk/contract/kiosk-api';
import type { AgentModule, ModuleContext } from '../core/module.js';
import { ESPEAK_SPEED, ESPEAK_VOICE, espeakVersion, synthesise } from './espeak.js';
import { PromptCatalog } from './prompt-catalog.js';
import { QueueFullError, SynthesisQueue } from './synthesis-queue.js';

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
  /** espeak-ng processes at a time (default 2: the terminal has two cores, and a UI to keep). */
  maxConcurrent?: number;
  /** Syntheses waiting behind them; more are refused with 503 + Retry-After (default 6). */
  maxWaiting?: number;
}

const MAX_TEXT = 500;
/** `POST /api/v1/voice` body limit: 500 characters of JSON text fit with room to spare. */
const MAX_BODY_BYTES = 16 * 1024;
/** An unknown key re-reads content/i18n at most this often (a catalogue edited on a running terminal). */
const CATALOG_RELOAD_MS = 30_000;

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
  /** Bumped at the end of every visit: audio of an earlier visit is never cached after it ended. */
  private _visit = 0;
  private readonly _queue: SynthesisQueue;
  private _catalogLoadedAt = 0;

  constructor(
    private readonly _ctx: ModuleContext,
    private readonly _options: VoiceModuleOptions = {},
  ) {
    this._catalog = new PromptCatalog(_ctx.contentDir);
    this._espeakPath = _options.espeakPath ?? process.env['KIOSK_ESPEAK'] ?? '/usr/bin/espeak-ng';
    this._queue = new SynthesisQueue(_options.maxConcurrent ?? 2, _options.maxWaiting ?? 6);
  }

  /** Syntheses running and waiting. */
  get synthesisLoad(): { running: number; waiting: number } {
    return this._queue.load;
  }

  async start(): Promise<void> {
    this._loadCatalog();
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
    this._visit++;
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
  private async _promptAudio(text: string, signal: AbortSignal): Promise<Buffer> {
    const id = this._cacheId(text);
    const dir = join(this._ctx.dataDir, 'voice-cache');
    const file = join(dir, `${id}.wav`);
    if (existsSync(file)) return readFileSync(file);
    return this._queue.run(
      id,
      async (jobSignal) => {
        const wav = await synthesise(this._espeakPath, await speechPinyin(text), jobSignal);
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, wav);
        renameSync(tmp, file);
        return wav;
      },
      signal,
    );
  }

  /** Dynamic audio: in memory only, size-bounded (oldest dropped first). */
  private async _textAudio(text: string, signal: AbortSignal): Promise<Buffer> {
    const id = this._cacheId(text);
    const hit = this._memory.get(id);
    if (hit) return hit;
    const visit = this._visit;
    const wav = await this._queue.run(
      id,
      async (jobSignal) => synthesise(this._espeakPath, await speechPinyin(text), jobSignal),
      signal,
    );
    // The visit may have ended while this was being synthesised: then it is not kept.
    if (visit !== this._visit) return wav;
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

  private _loadCatalog(): void {
    this._catalog.load();
    this._catalogLoadedAt = Date.now();
  }

  /** The key's text; an unknown key reloads the catalogue only when the last load is old enough. */
  private _promptText(key: string): string | undefined {
    const text = this._catalog.text(key);
    if (text !== undefined || Date.now() - this._catalogLoadedAt < CATALOG_RELOAD_MS) return text;
    this._loadCatalog();
    return this._catalog.text(key);
  }

  /**
   * Synthesises for one request: queued (503 + Retry-After when the line is full), withdrawn
   * when the client goes away (a running espeak-ng is then killed if nobody else waits for it).
   */
  private async _answerWith(res: Response, make: (signal: AbortSignal) => Promise<Buffer>): Promise<void> {
    const gone = new AbortController();
    const onClose = (): void => {
      if (!res.writableFinished) gone.abort(new DOMException('client went away', 'AbortError'));
    };
    res.on('close', onClose);
    try {
      const wav = await make(gone.signal);
      if (!gone.signal.aborted) this._sendWav(res, wav);
    } catch (err) {
      if (gone.signal.aborted || res.headersSent) return;
      if (err instanceof QueueFullError) {
        res.status(503).set('Retry-After', '2').json({ error: 'voiceBusy', message: 'voice synthesis is busy' });
        return;
      }
      this._ctx.log.warn({ err }, 'voice synthesis failed');
      res.status(500).json({ error: 'voiceFailed' });
    } finally {
      res.off('close', onClose);
    }
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
      } satisfies UiConfig);
    });
    router.get('/voice/:key', async (req, res) => {
      const key = req.params['key'] ?? '';
      const text = this._promptText(key);
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
      await this._answerWith(res, (signal) => this._promptAudio(text, signal));
    });
    router.post('/voice', bodyLimit(MAX_BODY_BYTES), express.json({ limit: MAX_BODY_BYTES }), async (req, res) => {
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
      const hit = this._memory.get(this._cacheId(text));
      if (hit) return this._sendWav(res, hit);
      await this._answerWith(res, (signal) => this._textAudio(text, signal));
    });
    return router;
  }
}

/**
 * 413 for a body over `limit`. The kiosk app parses JSON once for every route before the routers
 * run, so this route's own parser never sees the bytes: the declared length is checked here, and a
 * body without one (chunked) is measured from what was parsed.
 */
function bodyLimit(limit: number) {
  return (req: Request, res: Response, next: () => void): void => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    const tooLarge = Number.isFinite(declared)
      ? declared > limit
      : req.body !== undefined && Buffer.byteLength(JSON.stringify(req.body)) > limit;
    if (tooLarge) {
      res.status(413).json({ error: 'tooLarge', message: `the body may be at most ${limit} bytes` });
      return;
    }
    next();
  };
}
